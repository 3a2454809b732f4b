// Where a school's template puts things, shared by the writer that makes it and the reader that finds them again:
// the form sheet's name, the header rows, the row-code and value columns, and how a date is written.
import { formatDate } from '../../../shared/format.ts';
import { tFor } from '../../../shared/i18n.ts';

export const TABLE_HEADER_ROW = 9;
export const CODE_COLUMN = 1;
export const VALUE_COLUMN = 4;
/** A grid's графы start where the one-value rows' value column is, right of the two label columns. */
export const GRID_FIRST_COLUMN = VALUE_COLUMN;
/** What a closed grid cell shows (and may keep: the reader takes it as blank). */
export const CLOSED_CELL_MARK = 'X';

/** The header rows the school itself fills in on a blank template: its name and its БИН. */
export const SCHOOL_ROW = 3;
export const BIN_ROW = 4;

export function formSheetName(): string {
  return `${tFor('ru')('messages.workbook.formSheet')} - ${tFor('kk')('messages.workbook.formSheet')}`;
}

/** DD.MM.YYYY, as every text of the app writes a date (shared/format.ts). */
export function displayDate(iso: string): string {
  return formatDate(iso);
}
