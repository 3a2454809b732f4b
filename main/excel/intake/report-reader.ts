// Reads a filled report: finds each row by its code wherever it ended up, reads the value column,
// and turns every cell into a value of its type or a precise complaint (sheet, cell, row code);
// then the form's grids by row code and графа number (grid-reader.ts), and its list tables (the НИК publications)
// from their own sheet.
import { normalizeBin } from '../../../shared/bin.ts';
import { gridCells, gridTables, listTables, type FormDefinition, type ListRow } from '../../../shared/forms/types.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { cellAddress } from '../layout/cell-address.ts';
import { IDENTITY_SHEET, type WorkbookIdentity } from '../layout/identity.ts';
import { CODE_COLUMN, VALUE_COLUMN, formSheetName } from '../layout/report-layout.ts';
import { captionKey } from './captions.ts';
import { valueText } from './cell-text.ts';
import { readGrids, type GridTarget } from './grid-reader.ts';
import { readIdentity } from './identity-reader.ts';
import { readListTables } from './list-reader.ts';
import { contains, mergedRanges, type MergedRange } from './merged-ranges.ts';
import type { ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';
import { readTypedValue } from './value-cells.ts';

export interface ReadReport {
  identity: WorkbookIdentity | null;
  /** The БИН written in the header block, for a workbook whose hidden sheet was lost (or a blank template). */
  headerBin: string | null;
  /** The header cell the БИН was read from. */
  headerBinCell: string | null;
  /** The school's name as the header block gives it: what a school not yet in the registry wrote there. */
  headerSchoolName: string;
  /** The header cell the school's name was read from. */
  headerSchoolCell: string | null;
  /** The sheet the form table was found on. */
  sheet: string;
  /** Row code → the address of its value cell. */
  valueCells: Map<string, string>;
  /** Row code → value in natural units (yes = 1, no = 0); blank cells are absent. */
  values: Map<string, number>;
  /** Row code → text, date (YYYY-MM-DD) or URL; blank cells are absent. */
  texts: Map<string, string>;
  /** Grid cells not looked for, their grid, row or графа not found (an error says which): rules over them wait. */
  unfoundCells: Set<string>;
  /** List table id → its filled rows, in the order written. */
  lists: Map<string, ListRow[]>;
  errors: FileIssue[];
  warnings: FileIssue[];
}

export type ReadResult = { ok: true; report: ReadReport } | { ok: false; error: FileIssue };

// A school's template says «Значение / Мәні»; a district's summary (read by a region) says «Итого / Барлығы».
const VALUE_CAPTIONS = ['значение', 'мәні', 'value', 'итого', 'барлығы', 'total'];
const BIN_CAPTIONS = new Set(['бин', 'бсн', 'бин/бсн', 'bin']);
const SCHOOL_CAPTIONS = ['организацияобразования', 'білімберуұйымы', 'школа', 'мектеп', 'school'];

interface CodeCell {
  row: number;
  column: number;
  address: string;
}

function codeCellsOf(sheet: ReadableSheet, codes: Set<string>): Map<string, CodeCell[]> {
  const found = new Map<string, CodeCell[]>();
  // A label is far longer than any code, and upper-casing a text never shortens it: such a cell is passed over unread.
  const longest = Math.max(...[...codes].map((code) => code.length));
  for (const row of sheet.rows()) {
    for (const { column, value } of row.cells()) {
      if (column > 6) continue;
      const written = valueText(value);
      if (written.length > longest) continue;
      const text = written.toUpperCase();
      if (!codes.has(text)) continue;
      found.set(text, [...(found.get(text) ?? []), { row: row.number, column, address: cellAddress(row.number, column) }]);
    }
  }
  return found;
}

/**
 * The column of the «Значение / Мәні» header nearest above the table, or where the template puts it. Only rows that
 * exist are looked at: a code in row 1 048 576 must not make a million empty rows.
 */
function valueColumnOf(sheet: ReadableSheet, firstCodeRow: number, codeColumn: number): number {
  let nearest = 0;
  for (const row of sheet.rows()) {
    if (row.number >= firstCodeRow) continue;
    let column = 0;
    for (const cell of row.cells()) {
      const key = captionKey(valueText(cell.value));
      if (!column && VALUE_CAPTIONS.some((caption) => key.includes(caption))) column = cell.column;
    }
    if (column) nearest = column;
  }
  return nearest || codeColumn + (VALUE_COLUMN - CODE_COLUMN);
}

interface HeaderText {
  text: string;
  cell: string;
}

/** The БИН beside a «БИН / БСН» caption in the header block, and its cell. */
function headerBinOf(sheet: ReadableSheet, lastRow: number): HeaderText | null {
  for (const row of sheet.rows()) {
    if (row.number >= lastRow) break;
    for (const { column, value } of row.cells()) {
      if (!BIN_CAPTIONS.has(captionKey(valueText(value)))) continue;
      for (let c = column + 1; c <= column + 4; c++) {
        const text = normalizeBin(valueText(row.value(c)));
        if (text) return { text, cell: cellAddress(row.number, c) };
      }
    }
  }
  return null;
}

/** The text beside a caption like «Организация образования / Білім беру ұйымы» in the header block, and its cell. */
function headerSchoolNameOf(sheet: ReadableSheet, lastRow: number): HeaderText | null {
  for (const row of sheet.rows()) {
    if (row.number >= lastRow) break;
    const caption = captionKey(valueText(row.value(1)));
    if (caption && SCHOOL_CAPTIONS.some((known) => caption.split('/').some((half) => half === known))) return { text: valueText(row.value(2)), cell: cellAddress(row.number, 2) };
  }
  return null;
}

/**
 * Merged ranges that span more than one row. A value cell inside one would read the value of the range's first
 * cell — another row's value — so such a cell is refused rather than read.
 */
function mergesOverRows(sheet: ReadableSheet): MergedRange[] {
  return mergedRanges(sheet).filter((range) => range.bottom > range.top);
}

interface FormTable {
  sheet: ReadableSheet;
  cells: Map<string, CodeCell[]>;
  firstCodeRow: number;
  valueColumn: number;
  /** Row code (written once) → its value cell and the text in it, to tell a filled table and compare two. */
  entries: Map<string, { cell: string; text: string }>;
  headerBin: HeaderText | null;
}

function formTableOf(sheet: ReadableSheet, cells: Map<string, CodeCell[]>): FormTable {
  const firstCodeRow = Math.min(...[...cells.values()].flat().map((c) => c.row));
  const firstCodeColumn = [...cells.values()].flat().find((c) => c.row === firstCodeRow)!.column;
  const valueColumn = valueColumnOf(sheet, firstCodeRow, firstCodeColumn);
  const entries = new Map<string, { cell: string; text: string }>();
  for (const [code, places] of cells) {
    if (places.length !== 1) continue;
    entries.set(code, { cell: cellAddress(places[0].row, valueColumn), text: valueText(sheet.value(places[0].row, valueColumn)) });
  }
  return { sheet, cells, firstCodeRow, valueColumn, entries, headerBin: headerBinOf(sheet, firstCodeRow) };
}

/** Every sheet holding the form's table, the one with the most row codes first (a stray code elsewhere is no table). */
function formTables(workbook: ReadableWorkbook, codes: Set<string>): FormTable[] {
  const found = workbook.sheets
    .filter((sheet) => sheet.name !== IDENTITY_SHEET)
    .map((sheet) => ({ sheet, cells: codeCellsOf(sheet, codes) }))
    .filter(({ cells }) => cells.size > 0)
    .sort((a, b) => b.cells.size - a.cells.size);
  const most = found[0]?.cells.size ?? 0;
  return found.filter(({ cells }) => cells.size * 2 >= most).map(({ sheet, cells }) => formTableOf(sheet, cells));
}

const isFilled = (table: FormTable) => [...table.entries.values()].some((entry) => entry.text !== '');

/** Row codes whose value cells differ between two tables, as «D12 (Z03): «5» ≠ «7»». */
function differingCells(a: FormTable, b: FormTable, codes: string[]): string[] {
  return codes
    .filter((code) => (a.entries.get(code)?.text ?? '') !== (b.entries.get(code)?.text ?? ''))
    .map((code) => `${a.entries.get(code)?.cell ?? b.entries.get(code)?.cell ?? ''} (${code}): «${a.entries.get(code)?.text ?? ''}» ≠ «${b.entries.get(code)?.text ?? ''}»`);
}

const SHOWN_DIFFERENCES = 5;

/**
 * One form table to read. A workbook with several filled copies is read once when they are identical, and refused
 * when they belong to different schools or their values differ; a filled copy beside an empty issued sheet is read,
 * with a warning naming it. With nothing filled anywhere, the fullest table is read (and its blanks reported).
 */
function chooseTable(tables: FormTable[], codes: string[]): { table: FormTable; copies: FormTable[]; warnings: FileIssue[] } | { error: FileIssue } {
  const issued = formSheetName();
  const filled = tables.filter(isFilled);
  if (filled.length === 0) return { table: tables[0], copies: [], warnings: [] };
  const first = filled.find((table) => table.sheet.name === issued) ?? filled[0];
  for (const other of filled.filter((table) => table !== first)) {
    const bins = [first.headerBin?.text, other.headerBin?.text];
    if (bins[0] && bins[1] && bins[0] !== bins[1]) {
      return { error: issue('error', 'import.tablesOfTwoSchools', { first: first.sheet.name, firstBin: bins[0], second: other.sheet.name, secondBin: bins[1] }) };
    }
    const differing = differingCells(first, other, codes);
    if (differing.length > 0) return { error: copiesDiffer(first.sheet, other.sheet, differing) };
  }
  const issuedEmpty = first.sheet.name !== issued && tables.some((table) => table.sheet.name === issued);
  const warnings = issuedEmpty ? [issue('warning', 'import.filledCopySheet', { sheet: first.sheet.name, issued }, { sheet: first.sheet.name })] : [];
  return { table: first, copies: filled.filter((table) => table !== first), warnings };
}

function copiesDiffer(first: ReadableSheet, second: ReadableSheet, differing: string[]): FileIssue {
  const params = { first: first.name, second: second.name, cells: differing.slice(0, SHOWN_DIFFERENCES).join('; ') };
  const more = differing.length - SHOWN_DIFFERENCES;
  return more > 0 ? issue('error', 'import.tablesDifferMore', { ...params, more }) : issue('error', 'import.tablesDiffer', params);
}

/** The grid cells a filled copy of the form holds otherwise than the copy read: two copies must agree in their grids too. */
function gridCopiesDiffer(workbook: ReadableWorkbook, form: FormDefinition, read: GridTarget & { sheet: ReadableSheet }, copies: FormTable[]): FileIssue | null {
  const codes = gridTables(form).flatMap(gridCells).map((cell) => cell.code);
  const textOf = (target: GridTarget, code: string) => String(target.values.get(code) ?? target.texts.get(code) ?? '');
  for (const copy of copies) {
    const other: GridTarget = { valueCells: new Map(), values: new Map(), texts: new Map(), errors: [], warnings: [], unfound: new Set() };
    readGrids(workbook, form, copy.sheet, other);
    const differing = codes
      .filter((code) => textOf(read, code) !== textOf(other, code))
      .map((code) => `${read.valueCells.get(code) ?? other.valueCells.get(code) ?? ''} (${code}): «${textOf(read, code)}» ≠ «${textOf(other, code)}»`);
    if (differing.length > 0) return copiesDiffer(read.sheet, copy.sheet, differing);
  }
  return null;
}

/** The row codes that find the form's sheet: its one-value rows', or for a form of grids only, its grid rows'. */
function sheetCodes(form: FormDefinition): string[] {
  if (form.indicators.length > 0) return form.indicators.map((indicator) => indicator.code);
  return gridTables(form).flatMap((table) => table.rows.map((row) => row.code));
}

export function readReport(workbook: ReadableWorkbook, form: FormDefinition): ReadResult {
  const codes = new Set(sheetCodes(form));
  const tables = formTables(workbook, codes);
  if (tables.length === 0) return { ok: false, error: issue('error', 'import.noFormSheet', { example: [...codes][0] ?? '' }) };
  const chosen = chooseTable(tables, form.indicators.map((indicator) => indicator.code));
  if ('error' in chosen) return { ok: false, error: chosen.error };
  const { sheet, cells, firstCodeRow, valueColumn } = chosen.table;
  const sheetName = sheet.name;
  const values = new Map<string, number>();
  const texts = new Map<string, string>();
  const valueCells = new Map<string, string>();
  const errors: FileIssue[] = [];
  const warnings: FileIssue[] = [];
  const tallMerges = mergesOverRows(sheet);

  for (const indicator of form.indicators) {
    const { code } = indicator;
    const places = cells.get(code) ?? [];
    if (places.length === 0) {
      errors.push(issue('error', 'import.missingCode', { code }, { sheet: sheetName, code }));
      continue;
    }
    if (places.length > 1) {
      errors.push(issue('error', 'import.repeatedCode', { code, other: places[1].address }, { sheet: sheetName, cell: places[0].address, code }));
      continue;
    }
    const address = cellAddress(places[0].row, valueColumn);
    const where = { sheet: sheetName, cell: address, code };
    valueCells.set(code, address);
    const merge = tallMerges.find((range) => contains(range, places[0].row, valueColumn));
    if (merge) {
      errors.push(issue('error', 'import.mergedCell', { range: merge.text }, where));
      continue;
    }
    const reading = readTypedValue(sheet.value(places[0].row, valueColumn), indicator.type);
    if ('problem' in reading) errors.push(issue('error', reading.problem, reading.params, where));
    else if ('number' in reading && reading.number !== undefined) values.set(code, reading.number);
    else if ('text' in reading && reading.text !== undefined) texts.set(code, reading.text);
    else if (indicator.required) errors.push(issue('error', 'import.required', {}, where));
    if ('note' in reading && reading.note) warnings.push(issue('warning', reading.note.key, reading.note.params, where));
  }
  const unfoundCells = new Set<string>();
  const grids: GridTarget = { valueCells, values, texts, errors, warnings, unfound: unfoundCells };
  readGrids(workbook, form, sheet, grids);
  const otherGrid = gridCopiesDiffer(workbook, form, { ...grids, sheet }, chosen.copies);
  if (otherGrid) return { ok: false, error: otherGrid };
  const lists = readListTables(workbook, listTables(form), values);
  const schoolName = headerSchoolNameOf(sheet, firstCodeRow);
  return {
    ok: true,
    report: {
      identity: readIdentity(workbook),
      headerBin: chosen.table.headerBin?.text ?? null,
      headerBinCell: chosen.table.headerBin?.cell ?? null,
      headerSchoolName: schoolName?.text ?? '',
      headerSchoolCell: schoolName?.cell ?? null,
      sheet: sheetName,
      valueCells,
      values,
      texts,
      unfoundCells,
      lists: lists.rows,
      errors: [...errors, ...lists.errors],
      warnings: [...chosen.warnings, ...warnings, ...lists.warnings],
    },
  };
}
