// БИН (бизнес-идентификационный номер): 12 digits.
// Digits 1–4 are YYMM of registration, digit 5 is the kind of entity (4, 5 or 6),
// digit 6 its attribute (0–3), digit 12 a check digit over digits 1–11.

export type BinProblem = 'format' | 'month' | 'kind' | 'attribute' | 'checksum';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedMod11(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + digits[i] * w, 0) % 11;
}

/** The check digit for the first 11 digits, or null when none exists (the number cannot be valid). */
export function binCheckDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Removes spaces and dashes (any of them) people type into a БИН; keeps everything else so a bad value stays visible. */
export function normalizeBin(raw: string): string {
  return raw.replace(/[\s\u00a0\u2010-\u2015-]/g, '');
}

/** null when the БИН is valid, otherwise what is wrong with it. */
export function checkBin(bin: string): BinProblem | null {
  if (!/^\d{12}$/.test(bin)) return 'format';
  const month = Number(bin.slice(2, 4));
  if (month < 1 || month > 12) return 'month';
  if (!'456'.includes(bin[4])) return 'kind';
  if (!'0123'.includes(bin[5])) return 'attribute';
  return binCheckDigit(bin.slice(0, 11)) === Number(bin[11]) ? null : 'checksum';
}

export function isValidBin(bin: string): boolean {
  return checkBin(bin) === null;
}
