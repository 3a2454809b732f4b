// Numbers, money, percents and dates as each language writes them (CLDR rules for kk, ru and en), spelled out here
// rather than left to the runtime's ICU data: Chromium and Node may lack kk and fall back to English «1,234.5».
import type { UiLanguage } from './i18n.ts';

const NO_BREAK_SPACE = '\u00a0';

interface NumberRules {
  group: string;
  decimal: string;
  /** Between the number and «%». */
  percentGap: string;
}

const RULES: Record<UiLanguage, NumberRules> = {
  kk: { group: NO_BREAK_SPACE, decimal: ',', percentGap: NO_BREAK_SPACE },
  ru: { group: NO_BREAK_SPACE, decimal: ',', percentGap: NO_BREAK_SPACE },
  en: { group: ',', decimal: '.', percentGap: '' },
};

export interface NumberOptions {
  /** Decimals kept at most (trailing zeros dropped); 2 unless told. */
  maximumFractionDigits?: number;
  /** Decimals always written (e.g. 2 for money with kopecks). */
  minimumFractionDigits?: number;
  /** «+» before a positive number, as in a change from last year. */
  signed?: boolean;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** 1234.5 → «1 234,5» (kk, ru, with a no-break space), «1,234.5» (en); up to two decimals unless told. */
export function formatNumber(value: number | null | undefined, lng: UiLanguage, options: NumberOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return String(value);
  const rules = RULES[lng];
  const maxDigits = Math.max(options.maximumFractionDigits ?? 2, options.minimumFractionDigits ?? 0);
  const fixed = Math.abs(value).toFixed(maxDigits);
  const [whole, fraction = ''] = fixed.split('.');
  let decimals = fraction;
  while (decimals.length > (options.minimumFractionDigits ?? 0) && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const magnitude = groupThousands(whole, rules.group) + (decimals ? rules.decimal + decimals : '');
  const isZero = /^[0.]*$/.test(fixed);
  const sign = isZero ? '' : value < 0 ? '-' : options.signed ? '+' : '';
  return sign + magnitude;
}

/** Tenge as the app keeps them: whole sums without decimals, others with both kopeck digits: «95 000», «95 000,50». */
export function formatMoney(value: number | null | undefined, lng: UiLanguage): string {
  if (value === null || value === undefined) return '';
  const whole = Math.abs(value * 100 - Math.round(value) * 100) < 1e-6;
  return formatNumber(value, lng, whole ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2 });
}

/** A fraction as a percent with one decimal at most: 0.125 → «12,5 %» (kk, ru), «12.5%» (en). */
export function formatPercent(fraction: number, lng: UiLanguage, options: { signed?: boolean } = {}): string {
  return formatNumber(fraction * 100, lng, { maximumFractionDigits: 1, signed: options.signed }) + RULES[lng].percentGap + '%';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** «2026-12-06» → «06.12.2026»: the date as Kazakhstan's offices write it in every language. Not a date: as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (iso.length > 10) return formatDateTime(iso);
  const match = ISO_DATE.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** A moment («2026-12-06T10:04:00Z») in the computer's own time: «06.12.2026 15:04». */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A name put inside «…» by a text: its own quotes become the inner „…“, as Russian and Kazakh typography nests them,
 * so «Республиканская акция «Забота»» reads «Республиканская акция „Забота“».
 */
export function nestedQuotes(name: string): string {
  return name.replace(/«/g, '„').replace(/»/g, '“');
}
