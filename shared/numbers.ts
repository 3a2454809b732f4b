// Numbers as schools type them: "1 234", "1 234,50", "12,5", "12.5", with plain or non-breaking spaces.
import type { MessageKey } from './messages.ts';

const SPACES = /[\s\u00a0\u202f']/g;

/** Parses a number typed as text; null when the text is not a number. */
export function parseNumberText(text: string): number | null {
  const compact = text.replace(SPACES, '');
  if (compact === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

/** Money in tiyn (1/100 tenge) so that sums and comparisons are exact. */
export function toTiyn(tenge: number): number {
  return Math.round(tenge * 100);
}

export function fromTiyn(tiyn: number): number {
  return tiyn / 100;
}

export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** Something read from a cell that the school should know: a message key and what it names. */
export interface NumberNote {
  key: MessageKey;
  params: Record<string, string | number>;
}

export type NumberTextReading = { value: number; note?: NumberNote } | { problem: MessageKey; params: Record<string, string | number> };

// A dash alone is how statistical forms say «no cases»; hyphen, en and em dash, minus sign.
const DASH = /^[-‐‑‒–—―−]$/;
// Words written after a number that say only what it counts; they are dropped with a warning.
const UNIT_WORDS: Record<'count' | 'money', readonly string[]> = {
  count: [
    'чел', 'человек', 'человека', 'детей', 'дети', 'ребенок', 'ребенка', 'ребят', 'учеников', 'ученика', 'ученик', 'уч', 'обучающихся',
    'шт', 'штук', 'штуки', 'штука', 'ед', 'единиц', 'единицы', 'адам', 'бала', 'баланы', 'оқушы', 'дана', 'бірлік', 'people', 'pcs',
  ],
  money: ['тг', 'тенге', 'теңге', 'тңг', '₸', 'kzt'],
};
// Shortened numbers: what «1,5 млн» stands for exactly is anyone's guess.
const SHORTENED = ['тыс', 'тысяч', 'тысячи', 'тысяча', 'млн', 'миллион', 'миллиона', 'миллионов', 'млрд', 'мың', 'миллиард', 'k', 'm', 'mln'];
// «нет» / «жоқ» in a number cell: none, or not known?
const NONE_WORDS = ['нет', 'жоқ', 'жок', 'нету', 'отсутствует', 'отсутствуют', 'none', 'no', 'nil'];

const NUMBER_THEN_WORD = /^([+-]?[\d\s\u00a0\u202f'.,]*\d[.,]?)\s*([\p{L}₸][\p{L}₸.\s]*)$/u;

function wordKey(word: string): string {
  return word.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[.\s]+/g, ' ').trim();
}

/** «1.450» or «1,450» in a count: a decimal fraction, or a thousand written with a separator? */
function ambiguousThousands(text: string): NumberTextReading | null {
  const compact = text.replace(SPACES, '');
  if (!/^\d{1,3}([.,]\d{3})+$/.test(compact)) return null;
  return { problem: 'import.ambiguousThousands', params: { value: text.trim(), whole: compact.replace(/[.,]/g, '').replace(/\B(?=(\d{3})+$)/g, ' '), plain: compact.replace(/[.,]/g, '') } };
}

function plainNumber(text: string, type: 'count' | 'money'): NumberTextReading {
  const ambiguous = type === 'count' ? ambiguousThousands(text) : null;
  if (ambiguous) return ambiguous;
  const value = parseNumberText(text);
  return value === null ? { problem: 'import.notANumber', params: { value: text.trim().slice(0, 60) } } : { value };
}

/**
 * A count or a sum typed as text, as people write it: a plain number; a dash alone, read as 0 with a note;
 * a number followed by a word for its unit («450 чел.», «1 500 000 тг»), read as the number with a note naming
 * the word. Shortened numbers («1,5 млн»), «нет» and anything else stay refused, each with its own reason.
 */
export function readNumberText(text: string, type: 'count' | 'money'): NumberTextReading {
  const trimmed = text.trim();
  if (DASH.test(trimmed)) return { value: 0, note: { key: 'import.dashAsZero', params: { value: trimmed } } };
  const shown = trimmed.slice(0, 60);
  if (NONE_WORDS.includes(wordKey(trimmed))) return { problem: 'import.noneWord', params: { value: shown } };
  const split = NUMBER_THEN_WORD.exec(trimmed);
  if (!split) return plainNumber(trimmed, type);
  const word = wordKey(split[2]);
  if (SHORTENED.includes(word.split(' ')[0])) return { problem: 'import.shortenedNumber', params: { value: shown } };
  if (!UNIT_WORDS[type].includes(word)) return { problem: 'import.notANumber', params: { value: shown } };
  const reading = plainNumber(split[1], type);
  if ('problem' in reading) return reading.problem === 'import.notANumber' ? { problem: 'import.notANumber', params: { value: shown } } : reading;
  return { value: reading.value, note: { key: 'import.unitDropped', params: { value: shown, number: split[1].trim(), unit: split[2].trim() } } };
}
