// A form proposed from the region's own workbook (issue 19): the file opened with every check a school's file gets,
// its sheet read by region-form-reader.ts. Nothing is stored here: the CLI and the Forms screen save the proposal
// (as a form file, or into the database as an imported form) once the specialist has it.
import type { Kysely } from 'kysely';
import { gridTables, valueCells, type FormDefinition, type IndicatorType, type RegionFormProposal, type SheetPicture } from '../../shared/forms/types.ts';
import type { Message } from '../../shared/messages.ts';
import type { Database } from '../db/schema.ts';
import { valueText } from '../excel/intake/cell-text.ts';
import { mergedRanges } from '../excel/intake/merged-ranges.ts';
import type { ReadableSheet, ReadableWorkbook } from '../excel/intake/readable-workbook.ts';
import { readRegionForm } from '../excel/intake/region-form-reader.ts';
import { regionXlsx } from '../excel/intake/region-workbook.ts';

/**
 * The form the region's file proposes. With the database, a row code that an existing version of the same form id
 * holds with another type (a second year's file of «Забота» whose R03 is money where last year's R03 was a count)
 * gets the next unused code instead, said in the notes: reports of all versions are summed code by code.
 */
export async function proposeRegionForm(file: { name: string; bytes: Uint8Array }, options: { sheet?: string; id?: string } = {}, db?: Kysely<Database>): Promise<RegionFormProposal> {
  const opened = await regionXlsx(file.bytes, file.name);
  if (!opened.ok) return { proposal: null, notes: [], problem: opened.error.message, sheets: [], picture: null };
  const reading = readRegionForm(opened.workbook, { fileName: file.name, ...options });
  if (!reading.ok) return { proposal: null, notes: [], problem: reading.problem, sheets: reading.sheets, picture: pictureOf(sheetShown(opened.workbook, options.sheet, reading.sheets), null) };
  const sheet = opened.workbook.sheet(reading.form.regionSource?.sheet ?? '');
  const existing = db ? (await (await import('./forms.ts')).allForms(db)).filter((form) => form.id === reading.form.id) : [];
  const { form, renamed } = withoutTypeClashes(reading.form, existing);
  const converted = opened.convertedFrom ? [{ key: opened.convertedFrom === 'xls' ? 'regionForm.convertedFromXls' : 'regionForm.convertedFromOds', params: { file: file.name } } as const] : [];
  return { proposal: form, notes: [...converted, ...reading.notes, ...renamed], problem: null, sheets: reading.sheets, picture: pictureOf(sheet, form) };
}

/** The row codes of a form: its one-value rows and its grids' rows, each with the value cells it makes. */
function rowCodes(form: FormDefinition): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const indicator of form.indicators) rows.set(indicator.code, [indicator.code]);
  for (const cell of valueCells(form)) if (cell.cell) rows.set(cell.cell.row, [...(rows.get(cell.cell.row) ?? []), cell.code]);
  return rows;
}

/** Each row whose value cell has another type in an existing version moved to the next code no version uses. */
function withoutTypeClashes(form: FormDefinition, existing: FormDefinition[]): { form: FormDefinition; renamed: Message[] } {
  const before = new Map<string, { type: IndicatorType; version: number }>();
  for (const other of existing) for (const cell of valueCells(other)) before.set(cell.code, { type: cell.type, version: other.version });
  const taken = new Set([...existing.flatMap((other) => [...rowCodes(other).keys()]), ...rowCodes(form).keys()]);
  const types = new Map(valueCells(form).map((cell) => [cell.code, cell.type]));
  const renames = new Map<string, string>();
  const renamed: Message[] = [];
  for (const [code, cells] of rowCodes(form)) {
    const clash = cells.map((cell) => ({ cell, was: before.get(cell) })).find(({ cell, was }) => was && was.type !== types.get(cell));
    if (!clash) continue;
    const next = freeCode(code, taken);
    taken.add(next);
    renames.set(code, next);
    renamed.push({ key: 'regionForm.codeRenamed', params: { code, newCode: next, version: clash.was!.version, type: clash.was!.type } });
  }
  return { form: renames.size ? renameRows(form, renames) : form, renamed };
}

/** R03 → the next R-number no version uses, as wide as the file's own (R0100 → R0500); any other code → CODE_2, CODE_3, … */
function freeCode(code: string, taken: Set<string>): string {
  const digits = /^R(\d+)$/.exec(code)?.[1];
  for (let n = digits ? Number(digits) + 1 : 2; ; n++) {
    const candidate = digits ? `R${String(n).padStart(digits.length, '0')}` : `${code}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The form with its rows' codes replaced everywhere they are named: the rows, closed cells, rules, the region's places. */
function renameRows(form: FormDefinition, renames: Map<string, string>): FormDefinition {
  const rename = (code: string) => renames.get(code) ?? code;
  const inText = (text: string) => text.replace(/[A-Z][A-Z0-9_]*/g, (word, at: number) => (at > 0 && /[A-Za-z0-9_]/.test(text[at - 1]) ? word : rename(word)));
  const gridIds = new Set(gridTables(form).map((grid) => grid.id));
  const source = form.regionSource;
  return {
    ...form,
    indicators: form.indicators.map((indicator) => ({ ...indicator, code: rename(indicator.code) })),
    rules: form.rules.map((rule) => ({ ...rule, text: inText(rule.text) })),
    ...(form.tables && {
      tables: form.tables.map((table) => (table.kind === 'grid' && gridIds.has(table.id)
        ? { ...table, rows: table.rows.map((row) => ({ ...row, code: rename(row.code) })), ...(table.closed && { closed: table.closed.map(inText) }) }
        : table)),
    }),
    ...(source && { regionSource: { ...source, rows: Object.fromEntries(Object.entries(source.rows).map(([code, place]) => [rename(code), place])) } }),
  };
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
