// A cell read the way a person sees it: as text.
import type { CellValue } from './readable-workbook.ts';

/**
 * What Excel shows for a date it cannot draw. A date-formatted cell whose number is out of range (or a formula error
 * cached there) reads as an Invalid Date; that is a value to complain about, never one to format.
 */
export const INVALID_DATE_TEXT = '########';

export function isInvalidDate(value: unknown): boolean {
  return value instanceof Date && Number.isNaN(value.getTime());
}

/** What a cell shows, as text: formulas by their cached result, hyperlinks by their text. A cell's, or one typed into the app. */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isInvalidDate(value) ? INVALID_DATE_TEXT : value.toISOString().slice(0, 10);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value && value.result !== undefined && value.result !== null) {
    const result = value.result;
    if (result instanceof Date) return isInvalidDate(result) ? INVALID_DATE_TEXT : result.toISOString().slice(0, 10);
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    return String(result).trim();
  }
  if ('error' in value) return String(value.error);
  return '';
}
