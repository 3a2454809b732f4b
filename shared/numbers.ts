// Numbers as schools type them: "1 234", "1 234,50", "12,5", "12.5", with plain or non-breaking spaces.

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
