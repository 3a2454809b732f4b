// A form proposed from the region's own workbook (issue 19): the file opened with every check a school's file gets,
// its sheet read by region-form-reader.ts. Nothing is stored here: the CLI and the Forms screen save the proposal
// (as a form file, or into the database as an imported form) once the specialist has it.
import type { FormDefinition, RegionFormProposal, SheetPicture } from '../../shared/forms/types.ts';
import { valueText } from '../excel/intake/cell-text.ts';
import { mergedRanges } from '../excel/intake/merged-ranges.ts';
import { openXlsx } from '../excel/intake/open-workbook.ts';
import type { ReadableSheet, ReadableWorkbook } from '../excel/intake/readable-workbook.ts';
import { readRegionForm } from '../excel/intake/region-form-reader.ts';
import { regionXlsx } from '../excel/intake/region-workbook.ts';

export async function proposeRegionForm(file: { name: string; bytes: Uint8Array }, options: { sheet?: string; id?: string } = {}): Promise<RegionFormProposal> {
  const xlsx = await regionXlsx(file.bytes, file.name);
  const opened = xlsx.ok ? await openXlsx(xlsx.bytes, file.name) : xlsx;
  if (!opened.ok) return { proposal: null, notes: [], problem: opened.error.message, sheets: [], picture: null };
  const reading = readRegionForm(opened.workbook, { fileName: file.name, ...options });
  if (!reading.ok) return { proposal: null, notes: [], problem: reading.problem, sheets: reading.sheets, picture: pictureOf(sheetShown(opened.workbook, options.sheet, reading.sheets), null) };
  const sheet = opened.workbook.sheet(reading.form.regionSource?.sheet ?? '');
  const converted = xlsx.ok && xlsx.convertedFrom ? [{ key: xlsx.convertedFrom === 'xls' ? 'regionForm.convertedFromXls' : 'regionForm.convertedFromOds', params: { file: file.name } } as const] : [];
  return { proposal: reading.form, notes: [...converted, ...reading.notes], problem: null, sheets: reading.sheets, picture: pictureOf(sheet, reading.form) };
}

const PICTURE_ROWS = 60;
const PICTURE_COLUMNS = 20;
const PICTURE_TEXT = 100;

function sheetShown(workbook: ReadableWorkbook, name: string | undefined, visible: string[]): ReadableSheet | undefined {
  return workbook.sheet(name ?? visible[0] ?? '');
}

/** The sheet's top-left corner as text, with the rows and columns the form took marked by their codes. */
function pictureOf(sheet: ReadableSheet | undefined, form: FormDefinition | null): SheetPicture | null {
  if (!sheet) return null;
  const rows = Math.min(sheet.rowCount, PICTURE_ROWS);
  const columns = Math.min(sheet.columnCount, PICTURE_COLUMNS);
  const cells: string[][] = [];
  const shaded: string[] = [];
  for (let row = 1; row <= rows; row++) {
    const texts: string[] = [];
    for (let column = 1; column <= columns; column++) {
      texts.push(valueText(sheet.value(row, column)).replace(/\s+/g, ' ').trim().slice(0, PICTURE_TEXT));
      if (sheet.format?.(row, column).shaded) shaded.push(`${row}:${column}`);
    }
    cells.push(texts);
  }
  const merges = mergedRanges(sheet)
    .filter((range) => range.top <= rows && range.left <= columns)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom: Math.min(bottom, rows), right: Math.min(right, columns) }));
  const source = form?.regionSource;
  const rowCodes = Object.fromEntries(Object.entries(source?.rows ?? {}).map(([code, place]) => [place.index, code]));
  // Columns are keyed `TABLE:CODE`; the picture names the column by its code alone.
  const columnCodes = Object.fromEntries(Object.entries(source?.columns ?? {}).map(([key, place]) => [place.index, key.slice(key.indexOf(':') + 1)]));
  return { sheet: sheet.name, rowCount: sheet.rowCount, columnCount: sheet.columnCount, cells, merges, shaded, rowCodes, columnCodes };
}
