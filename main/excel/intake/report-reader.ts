// Reads a filled report: finds each row by its code wherever it ended up, reads the value column,
// and turns every cell into a value of its type or a precise complaint (sheet, cell, row code);
// then the form's list tables (the НИК publications) from their own sheet.
import { normalizeBin } from '../../shared/bin.ts';
import { listTables, type FormDefinition, type ListRow } from '../../shared/forms/types.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { IDENTITY_SHEET, readIdentity, type WorkbookIdentity } from './identity.ts';
import { readListTables } from './list-part.ts';
import { CODE_COLUMN, VALUE_COLUMN, formSheetName } from './report-template.ts';
import { readTypedCell } from './value-cells.ts';
import { captionKey, cellText, type Workbook, type Worksheet } from './workbook.ts';

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

function codeCellsOf(sheet: Worksheet, codes: Set<string>): Map<string, CodeCell[]> {
  const found = new Map<string, CodeCell[]>();
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      if (column > 6) return;
      const text = cellText(cell).toUpperCase();
      if (!codes.has(text)) return;
      found.set(text, [...(found.get(text) ?? []), { row: rowNumber, column, address: cell.address }]);
    });
  });
  return found;
}

/**
 * The column of the «Значение / Мәні» header nearest above the table, or where the template puts it. Only rows that
 * exist are looked at: a code in row 1 048 576 must not make a million empty rows.
 */
function valueColumnOf(sheet: Worksheet, firstCodeRow: number, codeColumn: number): number {
  let nearest = 0;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber >= firstCodeRow) return;
    let column = 0;
    row.eachCell((cell, c) => {
      const key = captionKey(cellText(cell));
      if (!column && VALUE_CAPTIONS.some((caption) => key.includes(caption))) column = c;
    });
    if (column) nearest = column;
  });
  return nearest || codeColumn + (VALUE_COLUMN - CODE_COLUMN);
}

interface HeaderText {
  text: string;
  cell: string;
}

/** The БИН beside a «БИН / БСН» caption in the header block, and its cell. */
function headerBinOf(sheet: Worksheet, lastRow: number): HeaderText | null {
  let bin: HeaderText | null = null;
  sheet.eachRow((row, rowNumber) => {
    if (bin || rowNumber >= lastRow) return;
    row.eachCell((cell, column) => {
      if (bin || !BIN_CAPTIONS.has(captionKey(cellText(cell)))) return;
      for (let c = column + 1; c <= column + 4; c++) {
        const text = normalizeBin(cellText(row.getCell(c)));
        if (text) {
          bin = { text, cell: row.getCell(c).address };
          return;
        }
      }
    });
  });
  return bin;
}

/** The text beside a caption like «Организация образования / Білім беру ұйымы» in the header block, and its cell. */
function headerSchoolNameOf(sheet: Worksheet, lastRow: number): HeaderText | null {
  let name: HeaderText | null = null;
  sheet.eachRow((row, r) => {
    if (name !== null || r >= lastRow) return;
    const caption = captionKey(cellText(row.getCell(1)));
    if (caption && SCHOOL_CAPTIONS.some((known) => caption.split('/').some((half) => half === known))) name = { text: cellText(row.getCell(2)), cell: row.getCell(2).address };
  });
  return name;
}

interface MergedRange {
  text: string;
  contains(row: number, column: number): boolean;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * Merged ranges that span more than one row. A value cell inside one would read the value of the range's first
 * cell — another row's value — so such a cell is refused rather than read.
 */
function mergesOverRows(sheet: Worksheet): MergedRange[] {
  const ranges: MergedRange[] = [];
  for (const text of sheet.model.merges ?? []) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
    if (!match) continue;
    const [top, bottom] = [Number(match[2]), Number(match[4])];
    const [left, right] = [columnNumber(match[1]), columnNumber(match[3])];
    if (bottom > top) ranges.push({ text, contains: (row, column) => row >= top && row <= bottom && column >= left && column <= right });
  }
  return ranges;
}

interface FormTable {
  sheet: Worksheet;
  cells: Map<string, CodeCell[]>;
  firstCodeRow: number;
  valueColumn: number;
  /** Row code (written once) → its value cell and the text in it, to tell a filled table and compare two. */
  entries: Map<string, { cell: string; text: string }>;
  headerBin: HeaderText | null;
}

function formTableOf(sheet: Worksheet, cells: Map<string, CodeCell[]>): FormTable {
  const firstCodeRow = Math.min(...[...cells.values()].flat().map((c) => c.row));
  const firstCodeColumn = [...cells.values()].flat().find((c) => c.row === firstCodeRow)!.column;
  const valueColumn = valueColumnOf(sheet, firstCodeRow, firstCodeColumn);
  const entries = new Map<string, { cell: string; text: string }>();
  for (const [code, places] of cells) {
    if (places.length !== 1) continue;
    const cell = sheet.getRow(places[0].row).getCell(valueColumn);
    entries.set(code, { cell: cell.address, text: cellText(cell) });
  }
  return { sheet, cells, firstCodeRow, valueColumn, entries, headerBin: headerBinOf(sheet, firstCodeRow) };
}

/** Every sheet holding the form's table, the one with the most row codes first (a stray code elsewhere is no table). */
function formTables(workbook: Workbook, codes: Set<string>): FormTable[] {
  const found = workbook.worksheets
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
function chooseTable(tables: FormTable[], codes: string[]): { table: FormTable; warnings: FileIssue[] } | { error: FileIssue } {
  const issued = formSheetName();
  const filled = tables.filter(isFilled);
  if (filled.length === 0) return { table: tables[0], warnings: [] };
  const first = filled.find((table) => table.sheet.name === issued) ?? filled[0];
  for (const other of filled.filter((table) => table !== first)) {
    const bins = [first.headerBin?.text, other.headerBin?.text];
    if (bins[0] && bins[1] && bins[0] !== bins[1]) {
      return { error: issue('error', 'import.tablesOfTwoSchools', { first: first.sheet.name, firstBin: bins[0], second: other.sheet.name, secondBin: bins[1] }) };
    }
    const differing = differingCells(first, other, codes);
    if (differing.length > 0) {
      const params = { first: first.sheet.name, second: other.sheet.name, cells: differing.slice(0, SHOWN_DIFFERENCES).join('; ') };
      const more = differing.length - SHOWN_DIFFERENCES;
      return { error: more > 0 ? issue('error', 'import.tablesDifferMore', { ...params, more }) : issue('error', 'import.tablesDiffer', params) };
    }
  }
  const issuedEmpty = first.sheet.name !== issued && tables.some((table) => table.sheet.name === issued);
  return { table: first, warnings: issuedEmpty ? [issue('warning', 'import.filledCopySheet', { sheet: first.sheet.name, issued }, { sheet: first.sheet.name })] : [] };
}

export function readReport(workbook: Workbook, form: FormDefinition): ReadResult {
  const codes = new Set(form.indicators.map((indicator) => indicator.code));
  const tables = formTables(workbook, codes);
  if (tables.length === 0) return { ok: false, error: issue('error', 'import.noFormSheet', { example: form.indicators[0].code }) };
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
    const cell = sheet.getRow(places[0].row).getCell(valueColumn);
    const where = { sheet: sheetName, cell: cell.address, code };
    valueCells.set(code, cell.address);
    const merge = tallMerges.find((range) => range.contains(places[0].row, valueColumn));
    if (merge) {
      errors.push(issue('error', 'import.mergedCell', { range: merge.text }, where));
      continue;
    }
    const reading = readTypedCell(cell, indicator.type);
    if ('problem' in reading) errors.push(issue('error', reading.problem, reading.params, where));
    else if ('number' in reading && reading.number !== undefined) values.set(code, reading.number);
    else if ('text' in reading && reading.text !== undefined) texts.set(code, reading.text);
    else if (indicator.required) errors.push(issue('error', 'import.required', {}, where));
    if ('note' in reading && reading.note) warnings.push(issue('warning', reading.note.key, reading.note.params, where));
  }
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
      lists: lists.rows,
      errors: [...errors, ...lists.errors],
      warnings: [...chosen.warnings, ...warnings, ...lists.warnings],
    },
  };
}
