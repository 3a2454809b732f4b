// A form's list table (the НИК publications) read back from its sheet (writers/list-sheet.ts writes it),
// wherever the header row ended up, each cell checked by its column's type.
import type { ListRow, ListTable } from '../../../shared/forms/types.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { cellAddress } from '../layout/cell-address.ts';
import { IDENTITY_SHEET } from '../layout/identity.ts';
import { both, columnLimit, legacyListSheetName, listSheetName } from '../layout/list-layout.ts';
import { headerColumns } from './captions.ts';
import { valueText } from './cell-text.ts';
import type { ReadableRow, ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';
import { readTypedValue } from './value-cells.ts';

type TableColumns = Map<string, number>;

/** The column of each of the table's columns in this row, found by its caption. */
function columnsIn(sheet: ReadableSheet, rowNumber: number, table: ListTable): TableColumns {
  const captions = Object.fromEntries(table.columns.map((column) => [column.key, [column.label.ru, column.label.kk]]));
  return headerColumns(sheet.row(rowNumber), captions);
}

/** Enough of the table's captions in one row to call it its header; a school may have inserted or moved columns. */
function isHeader(found: TableColumns, table: ListTable): boolean {
  return found.size >= Math.min(2, table.columns.length) && found.size * 2 >= table.columns.length;
}

/**
 * The table's header row, on its own sheet first, then on any other (a school may have moved the table); failing
 * that, the row of its own sheet that looks most like it, so that what is missing can be named.
 */
function findHeader(workbook: ReadableWorkbook, table: ListTable): { sheet: ReadableSheet; row: number; columns: TableColumns } | null {
  let ownSheet: { sheet: ReadableSheet; row: number; columns: TableColumns } | null = null;
  const own = (sheet: ReadableSheet) => sheet.name === listSheetName(table) || sheet.name === legacyListSheetName(table);
  const sheets = [...workbook.sheets.filter(own), ...workbook.sheets.filter((sheet) => !own(sheet))];
  for (const sheet of sheets) {
    if (sheet.name === IDENTITY_SHEET) continue;
    for (let row = 1; row <= Math.min(sheet.rowCount, 40); row++) {
      const columns = columnsIn(sheet, row, table);
      if (isHeader(columns, table)) return { sheet, row, columns };
      if (own(sheet) && (!ownSheet || columns.size > ownSheet.columns.size)) ownSheet = { sheet, row, columns };
    }
  }
  return ownSheet;
}

interface TableReading {
  rows: ListRow[];
  errors: FileIssue[];
  warnings: FileIssue[];
}

function readRow(sheet: ReadableSheet, row: ReadableRow, table: ListTable, columns: TableColumns, { errors, warnings }: TableReading): ListRow | null {
  const cells = table.columns.map((column) => ({ column, at: columns.get(column.key)! })).map(({ column, at }) => ({ column, at, value: row.value(at) }));
  if (cells.every(({ value }) => valueText(value) === '')) return null;
  const values: ListRow = {};
  for (const { column, at, value } of cells) {
    const where = { sheet: sheet.name, cell: cellAddress(row.number, at) };
    const label = both(column.label.ru, column.label.kk);
    const reading = readTypedValue(value, column.type, columnLimit(column));
    if ('problem' in reading) errors.push(issue('error', reading.problem, reading.params, where));
    else if ('number' in reading && reading.number !== undefined) values[column.key] = String(reading.number);
    else if ('text' in reading && reading.text !== undefined) values[column.key] = reading.text;
    else if (column.required) errors.push(issue('error', 'import.listRequired', { column: label }, where));
    if ('note' in reading && reading.note) warnings.push(issue('warning', reading.note.key, reading.note.params, where));
  }
  return values;
}

function readTable(workbook: ReadableWorkbook, table: ListTable): TableReading & { sheet?: string } {
  const reading: TableReading = { rows: [], errors: [], warnings: [] };
  const header = findHeader(workbook, table);
  if (!header) return reading;
  const { sheet, columns } = header;
  if (columns.size === 0) {
    const params = { table: both(table.title.ru, table.title.kk), captions: table.columns.map((c) => `«${both(c.label.ru, c.label.kk)}»`).join(', ') };
    reading.errors.push(issue('error', 'import.tableHeaderMissing', params, { sheet: sheet.name }));
    return { ...reading, sheet: sheet.name };
  }
  const missing = table.columns.filter((column) => !columns.has(column.key));
  for (const column of missing) {
    const params = { table: both(table.title.ru, table.title.kk), caption: both(column.label.ru, column.label.kk), row: header.row };
    reading.errors.push(issue('error', 'import.tableColumnMissing', params, { sheet: sheet.name }));
  }
  if (missing.length > 0) return { ...reading, sheet: sheet.name };
  // Only rows that exist: a stray value in row 1 048 576 must not make a million empty rows.
  for (const row of sheet.rows()) {
    if (row.number <= header.row) continue;
    const values = readRow(sheet, row, table, columns, reading);
    if (!values) continue;
    reading.rows.push(values);
    if (reading.rows.length === table.maxRows + 1) {
      reading.errors.push(issue('error', 'import.listTooManyRows', { limit: table.maxRows }, { sheet: sheet.name, cell: cellAddress(row.number, 1) }));
    }
  }
  return { ...reading, sheet: sheet.name };
}

export interface ListTablesReading {
  /** Table id → its filled rows. */
  rows: Map<string, ListRow[]>;
  errors: FileIssue[];
  warnings: FileIssue[];
}

/** Every list table of the form: its filled rows, the problems of its cells, and whether the count row agrees. */
export function readListTables(workbook: ReadableWorkbook, tables: ListTable[], values: ReadonlyMap<string, number>): ListTablesReading {
  const result: ListTablesReading = { rows: new Map(), errors: [], warnings: [] };
  for (const table of tables) {
    const reading = readTable(workbook, table);
    result.rows.set(table.id, reading.rows);
    result.errors.push(...reading.errors);
    result.warnings.push(...reading.warnings);
    const code = table.rowCountCode;
    const counted = code === undefined ? undefined : values.get(code);
    if (code && counted !== undefined && counted !== reading.rows.length) {
      const params = { code, value: counted, rows: reading.rows.length, table: both(table.title.ru, table.title.kk) };
      result.warnings.push(issue('warning', 'import.listCountMismatch', params, { sheet: reading.sheet, code }));
    }
  }
  return result;
}
