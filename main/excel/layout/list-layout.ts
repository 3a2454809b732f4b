// A form's list table (the НИК publications) on its sheet: the sheet's name, the header row, and how long a cell
// may be — the same for the writer that makes the sheet and the reader that reads it back.
import type { ListColumn, ListTable } from '../../../shared/forms/types.ts';
import { TEXT_LIMIT } from './value-limits.ts';

export const LIST_HEADER_ROW = 5;
const URL_LIMIT = 2000;

/** The table's short name in both languages, as the form sheet's «Форма - Нысан»; else its title cut to fit. */
export function listSheetName(table: ListTable): string {
  return table.sheet ? `${table.sheet.ru} - ${table.sheet.kk}` : legacyListSheetName(table);
}

/** The name templates made before short sheet names had: the Russian title, at most 31 characters, cut at a word. */
export function legacyListSheetName(table: ListTable): string {
  const clean = table.title.ru.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 31);
  return cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : 31).trim();
}

/** A caption in both languages, once when they are the same. */
export function both(ru: string, kk: string): string {
  return ru === kk ? ru : `${ru} / ${kk}`;
}

export function columnLimit(column: ListColumn): number {
  return column.type === 'url' ? URL_LIMIT : (column.maxLength ?? TEXT_LIMIT);
}
