// Reads the grids (строки × графы) of a filled report: each grid row found by its code, each графа by its number in
// the row of графа numbers above the grid's first row — wherever a school moved, inserted or deleted rows and columns,
// and in a school's own workbook that has the codes and the графа numbers. Every open cell is read by its графа's type
// into the report's values under its cell code ("H03.2"), with the same complaints as a one-value cell, naming the row
// and the графа.
import { cellCode, gridCells, gridTables, isClosedCell, type FormDefinition, type GridColumn, type GridRow, type GridTable, type Indicator } from '../../../shared/forms/types.ts';
import { issue, type FileIssue, type MessageKey, type MessageParams } from '../../../shared/messages.ts';
import { cellAddress } from '../layout/cell-address.ts';
import { IDENTITY_SHEET } from '../layout/identity.ts';
import { CLOSED_CELL_MARK } from '../layout/report-layout.ts';
import { valueText } from './cell-text.ts';
import { contains, mergedRanges } from './merged-ranges.ts';
import type { ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';
import { readTypedValue } from './value-cells.ts';

/** Where the values read go: the report's own maps, so a grid cell is validated, stored and summed as any value. */
export interface GridTarget {
  valueCells: Map<string, string>;
  values: Map<string, number>;
  texts: Map<string, string>;
  errors: FileIssue[];
  warnings: FileIssue[];
  /** Cells not looked for, their grid, row or графа not found (the error names which): rules over them wait. */
  unfound: Set<string>;
}

interface Place {
  row: number;
  column: number;
}

/** Row codes are looked for in the first columns, as a one-value row's code is (report-reader.ts). */
const CODE_COLUMNS = 6;

/** Each of the grid's row codes → every cell that holds it. */
function rowCodeCells(sheet: ReadableSheet, table: GridTable): Map<string, Place[]> {
  const codes = new Set(table.rows.map((row) => row.code.toUpperCase()));
  // Upper-casing a text never shortens it: a label longer than any code is passed over (as report-reader.ts does).
  const longest = Math.max(...[...codes].map((code) => code.length));
  const found = new Map<string, Place[]>();
  for (const row of sheet.rows()) {
    for (const { column, value } of row.cells()) {
      if (column > CODE_COLUMNS) break;
      const written = valueText(value);
      if (written.length > longest) continue;
      const text = written.toUpperCase();
      if (codes.has(text)) found.set(text, [...(found.get(text) ?? []), { row: row.number, column }]);
    }
  }
  return found;
}

/** The sheet holding the grid: the form's own sheet when it has the grid's row codes, else the sheet with the most. */
function gridSheet(workbook: ReadableWorkbook, formSheet: ReadableSheet, table: GridTable): { sheet: ReadableSheet; codes: Map<string, Place[]> } {
  const onFormSheet = rowCodeCells(formSheet, table);
  if (onFormSheet.size > 0) return { sheet: formSheet, codes: onFormSheet };
  const others = workbook.sheets
    .filter((sheet) => sheet !== formSheet && sheet.name !== IDENTITY_SHEET)
    .map((sheet) => ({ sheet, codes: rowCodeCells(sheet, table) }))
    .sort((a, b) => b.codes.size - a.codes.size);
  return others[0]?.codes.size ? others[0] : { sheet: formSheet, codes: onFormSheet };
}

/** What a графа number cell says: «1», «1.», «A» alike. */
function numberText(text: string): string {
  return text.trim().replace(/\.$/, '').toUpperCase();
}

/**
 * The row of графа numbers: the nearest row above the grid's first row code whose cells right of the code column
 * hold at least half of the grid's графа codes; each графа code → the columns it is in there. A row holding a row
 * code of the form is a row of values (of another grid, say), never the графа numbers.
 */
function numberRowOf(sheet: ReadableSheet, table: GridTable, first: Place, rowCodes: Set<string>): { row: number; columns: Map<string, number[]> } | null {
  const codes = new Set(table.columns.map((column) => column.code.toUpperCase()));
  const needed = Math.max(1, Math.ceil(codes.size / 2));
  let nearest: { row: number; columns: Map<string, number[]> } | null = null;
  for (const row of sheet.rows()) {
    if (row.number >= first.row) break;
    if (rowCodes.has(valueText(row.value(first.column)).toUpperCase())) continue;
    const columns = new Map<string, number[]>();
    for (const { column, value } of row.cells()) {
      const text = numberText(valueText(value));
      if (column > first.column && codes.has(text)) columns.set(text, [...(columns.get(text) ?? []), column]);
    }
    if (columns.size >= needed) nearest = { row: row.number, columns };
  }
  return nearest;
}

/** The grid's and a row's or графа's names in both languages, for messages that read in the user's language. */
function tableParams(table: GridTable): MessageParams {
  return { table: table.title.ru, tableKk: table.title.kk };
}

function rowParams(row: GridRow): MessageParams {
  return { row: row.code, rowLabel: row.label.ru, rowLabelKk: row.label.kk };
}

function columnParams(column: GridColumn): MessageParams {
  return { column: column.code, columnLabel: column.label.ru, columnLabelKk: column.label.kk };
}

/** A cell's problem, worded as a one-value cell's, after the row and the графа it is in. */
function cellIssue(severity: 'error' | 'warning', key: MessageKey, params: MessageParams | undefined, row: GridRow, column: GridColumn, where: Omit<FileIssue, 'severity' | 'message'>): FileIssue {
  return issue(severity, 'import.gridCell', { ...params, cellProblem: key, ...rowParams(row), ...columnParams(column) }, where);
}

/** Blank, «X» or a dash: what a closed cell may show. */
function isClosedMark(text: string): boolean {
  return text === '' || /^[XxХх×—–-]$/.test(text) || text.toUpperCase() === CLOSED_CELL_MARK;
}

function readCell(sheet: ReadableSheet, table: GridTable, row: GridRow, column: GridColumn, at: Place, cells: Map<string, Indicator>, into: GridTarget): void {
  const code = cellCode(row.code, column.code);
  const where = { sheet: sheet.name, cell: cellAddress(at.row, at.column), code };
  const raw = sheet.value(at.row, at.column);
  if (isClosedCell(table, row.code, column.code)) {
    const text = valueText(raw);
    if (!isClosedMark(text)) into.warnings.push(issue('warning', 'import.gridClosedCellFilled', { ...rowParams(row), ...columnParams(column), value: text.slice(0, 60) }, where));
    return;
  }
  into.valueCells.set(code, where.cell);
  const merge = mergedRanges(sheet).find((range) => contains(range, at.row, at.column) && (range.bottom > range.top || range.right > range.left));
  if (merge) {
    into.errors.push(cellIssue('error', 'import.gridMergedCell', { range: merge.text }, row, column, where));
    return;
  }
  const indicator = cells.get(code)!;
  const reading = readTypedValue(raw, indicator.type);
  if ('problem' in reading) into.errors.push(cellIssue('error', reading.problem, reading.params, row, column, where));
  else if ('number' in reading && reading.number !== undefined) into.values.set(code, reading.number);
  else if ('text' in reading && reading.text !== undefined) into.texts.set(code, reading.text);
  else if (indicator.required) into.errors.push(cellIssue('error', 'import.required', {}, row, column, where));
  if ('note' in reading && reading.note) into.warnings.push(cellIssue('warning', reading.note.key, reading.note.params, row, column, where));
}

/** The графа columns from the row of графа numbers: one each, or a complaint naming the графа. */
function columnsOf(sheet: ReadableSheet, table: GridTable, numbers: { row: number; columns: Map<string, number[]> }, into: GridTarget): Map<string, number> {
  const found = new Map<string, number>();
  for (const column of table.columns) {
    const places = numbers.columns.get(column.code.toUpperCase()) ?? [];
    const params = { ...tableParams(table), ...columnParams(column) };
    if (places.length === 0) into.errors.push(issue('error', 'import.gridColumnMissing', { ...params, numbersRow: numbers.row }, { sheet: sheet.name }));
    else if (places.length > 1) {
      const where = { sheet: sheet.name, cell: cellAddress(numbers.row, places[0]) };
      into.errors.push(issue('error', 'import.gridColumnRepeated', { ...params, other: cellAddress(numbers.row, places[1]) }, where));
    } else found.set(column.code, places[0]);
  }
  return found;
}

function readGrid(workbook: ReadableWorkbook, formSheet: ReadableSheet, table: GridTable, rowCodes: Set<string>, into: GridTarget): void {
  const { sheet, codes } = gridSheet(workbook, formSheet, table);
  const cells = new Map(gridCells(table).map((cell) => [cell.code, cell]));
  const unfound = (found: (cell: Indicator) => boolean) => {
    for (const cell of cells.values()) if (found(cell)) into.unfound.add(cell.code);
  };
  if (codes.size === 0) {
    unfound(() => true);
    into.errors.push(issue('error', 'import.gridMissing', { ...tableParams(table), example: table.rows[0].code }, { sheet: sheet.name }));
    return;
  }
  const first = [...codes.values()].flat().reduce((top, place) => (place.row < top.row ? place : top));
  const numbers = numberRowOf(sheet, table, first, rowCodes);
  if (!numbers) {
    unfound(() => true);
    into.errors.push(issue('error', 'import.gridNumbersMissing', { ...tableParams(table), first: cellAddress(first.row, first.column) }, { sheet: sheet.name }));
    return;
  }
  const columns = columnsOf(sheet, table, numbers, into);
  unfound((cell) => !columns.has(cell.cell!.column));
  for (const row of table.rows) {
    const places = codes.get(row.code.toUpperCase()) ?? [];
    if (places.length !== 1) unfound((cell) => cell.cell!.row === row.code);
    if (places.length === 0) {
      into.errors.push(issue('error', 'import.gridRowMissing', { ...tableParams(table), ...rowParams(row) }, { sheet: sheet.name, code: row.code }));
      continue;
    }
    if (places.length > 1) {
      const other = cellAddress(places[1].row, places[1].column);
      into.errors.push(issue('error', 'import.repeatedCode', { code: row.code, other }, { sheet: sheet.name, cell: cellAddress(places[0].row, places[0].column), code: row.code }));
      continue;
    }
    for (const column of table.columns) {
      const at = columns.get(column.code);
      if (at !== undefined) readCell(sheet, table, row, column, { row: places[0].row, column: at }, cells, into);
    }
  }
}

/** Every grid of the form, read into the report's maps; `formSheet` is where the one-value rows were found. */
export function readGrids(workbook: ReadableWorkbook, form: FormDefinition, formSheet: ReadableSheet, into: GridTarget): void {
  const grids = gridTables(form);
  const rowCodes = new Set([...form.indicators, ...grids.flatMap((table) => table.rows)].map((row) => row.code.toUpperCase()));
  for (const table of grids) readGrid(workbook, formSheet, table, rowCodes, into);
}
