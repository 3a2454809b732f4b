// Values other than numbers as schools type them: yes/no in either language, dates, web addresses.

const YES = ['да', 'иә', 'ия', 'иа', 'yes', '+', '1', 'true'];
const NO = ['нет', 'жоқ', 'жок', 'no', '-', '0', 'false'];

function firstWord(text: string): string {
  return text.split('/')[0].trim().toLocaleLowerCase('ru').replace(/[.!]+$/, '');
}

/** «Да / Иә» → true, «Нет / Жоқ» → false, blank → null; anything else is not understood. */
export function parseYesNo(text: string): boolean | null | 'unknown' {
  if (text.trim() === '') return null;
  const word = firstWord(text);
  if (YES.includes(word)) return true;
  if (NO.includes(word)) return false;
  return 'unknown';
}

export const YES_WORDS: readonly string[] = YES;
export const NO_WORDS: readonly string[] = NO;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** «05.06.2026», «5.6.26», «05/06/2026», «2026-06-05» → 2026-06-05; null when it is not a real date. */
export function parseDateText(text: string): string | null {
  const compact = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(compact);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})(?:\s*(?:г\.?|ж\.?))?$/.exec(compact);
  if (!local) return null;
  const year = Number(local[3]) + (local[3].length === 2 ? 2000 : 0);
  return isoDate(year, Number(local[2]), Number(local[1]));
}

const DOMAIN_START = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:[/:?#]|$)/u;

/**
 * A web address as a link that opens: http(s) with a host that has a dot.
 * «instagram.com/p/…» and «www.…» gain https://; anything else (a phone, a sentence, javascript:) is null.
 */
export function normalizeUrl(text: string): string | null {
  let candidate = text.trim();
  if (candidate === '' || /\s/.test(candidate)) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) {
    if (!DOMAIN_START.test(candidate)) return null;
    candidate = `https://${candidate}`;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.') || url.hostname.startsWith('.') || url.hostname.endsWith('.')) return null;
  return candidate;
}
