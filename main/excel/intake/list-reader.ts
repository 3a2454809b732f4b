// A form's list table (the НИК publications) on a sheet of its own: numbered empty rows the school fills,
// each cell checked by its column's type; read back wherever the header row ended up.
import type { ListColumn, ListRow, ListTable } from '../../shared/forms/types.ts';
import { bilingual, tFor } from '../../shared/i18n.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { IDENTITY_SHEET } from './identity.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from './styles.ts';
import { readTypedCell, TEXT_LIMIT } from './value-cells.ts';
import { cellText, headerColumns, type Workbook, type Worksheet } from './workbook.ts';

const HEADER_ROW = 5;
const URL_LIMIT = 2000;
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

/** The table's short name in both languages, as the form sheet's «Форма - Нысан»; else its title cut to fit. */
export function listSheetName(table: ListTable): string {
  return table.sheet ? `${table.sheet.ru} - ${table.sheet.kk}` : legacyListSheetName(table);
}

/** The name templates made before short sheet names had: the Russian title, at most 31 characters, cut at a word. */
function legacyListSheetName(table: ListTable): string {
  const clean = table.title.ru.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 31);
  return cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : 31).trim();
}

function both(ru: string, kk: string): string {
  return ru === kk ? ru : `${ru} / ${kk}`;
}

function columnLimit(column: ListColumn): number {
  return column.type === 'url' ? URL_LIMIT : (column.maxLength ?? TEXT_LIMIT);
}

function columnWidth(column: ListColumn): number {
  if (column.type === 'url') return 50;
  if (column.type === 'date' || column.type === 'count') return 14;
  return Math.min(60, Math.max(24, Math.round(columnLimit(column) / 8)));
}

/** The input hint of a typed cell in both languages, e.g. «Дата: ДД.ММ.ГГГГ / Күні: КК.АА.ЖЖЖЖ». */
export function inputHint(type: ListColumn['type'] | 'yesno' | 'money', limit = TEXT_LIMIT): string {
  const ru = tFor('ru')(`messages.workbook.input.${type}`, { limit });
  const kk = tFor('kk')(`messages.workbook.input.${type}`, { limit });
  return `${ru} / ${kk}`;
}

function hintOf(column: ListColumn): string {
  return inputHint(column.type, columnLimit(column));
}

function validationOf(column: ListColumn) {
  const hint = hintOf(column);
  const shared = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, error: hint, showInputMessage: true, prompt: hint };
  switch (column.type) {
    case 'date':
      return { ...shared, type: 'date' as const, operator: 'greaterThanOrEqual' as const, formulae: [new Date(Date.UTC(2000, 0, 1))] };
    case 'count':
      return { ...shared, type: 'whole' as const, operator: 'greaterThanOrEqual' as const, formulae: [0] };
    default:
      return { ...shared, type: 'textLength' as const, operator: 'lessThanOrEqual' as const, formulae: [columnLimit(column)] };
  }
}

function titleRows(sheet: Worksheet, table: ListTable, hashtag: string, lastColumn: number): void {
  const line = (row: number, text: string, font: { bold?: boolean; italic?: boolean; size?: number }) => {
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  };
  line(1, both(table.title.ru, table.title.kk), { bold: true, size: 13 });
  if (table.showHashtag && hashtag) line(2, `${bilingual('messages.workbook.list.hashtag')}: ${hashtag}`, { bold: true });
  const hint = (lng: 'ru' | 'kk') =>
    [tFor(lng)('messages.workbook.list.fillHint', { max: table.maxRows }), table.rowCountCode ? tFor(lng)('messages.workbook.list.rowCountHint', { code: table.rowCountCode }) : '']
      .filter(Boolean)
      .join(' ');
  line(3, `${hint('ru')}\n${hint('kk')}`, { italic: true });
  sheet.getRow(3).height = 45;
}

/** The sheet of one list table: title, the campaign's hashtag when the table asks for it, a hint, and maxRows open rows. */
export async function writeListSheet(workbook: Workbook, table: ListTable, hashtag: string): Promise<void> {
  const lastColumn = table.columns.length + 1;
  const sheet = workbook.addWorksheet(listSheetName(table), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = [{ width: 6 }, ...table.columns.map((column) => ({ width: columnWidth(column) }))];
  titleRows(sheet, table, hashtag, lastColumn);
  const header = sheet.getRow(HEADER_ROW);
  header.values = ['№', ...table.columns.map((column) => both(column.label.ru, column.label.kk) + (column.required ? ' *' : ''))];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  for (let n = 1; n <= table.maxRows; n++) {
    const row = sheet.getRow(HEADER_ROW + n);
    row.getCell(1).value = n;
    row.getCell(1).border = BORDER;
    table.columns.forEach((column, c) => {
      const cell = row.getCell(c + 2);
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.border = BORDER;
      cell.numFmt = column.type === 'date' ? 'dd.mm.yyyy' : column.type === 'count' ? '#,##0' : '@';
      cell.dataValidation = validationOf(column);
    });
  }
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  await sheet.protect('', PROTECTION);
}

type TableColumns = Map<string, number>;

/** The column of each of the table's columns in this row, found by its caption. */
function columnsIn(sheet: Worksheet, rowNumber: number, table: ListTable): TableColumns {
  const captions = Object.fromEntries(table.columns.map((column) => [column.key, [column.label.ru, column.label.kk]]));
  return headerColumns(sheet.getRow(rowNumber), captions);
}

/** Enough of the table's captions in one row to call it its header; a school may have inserted or moved columns. */
function isHeader(found: TableColumns, table: ListTable): boolean {
  return found.size >= Math.min(2, table.columns.length) && found.size * 2 >= table.columns.length;
}

/**
 * The table's header row, on its own sheet first, then on any other (a school may have moved the table); failing
 * that, the row of its own sheet that looks most like it, so that what is missing can be named.
 */
function findHeader(workbook: Workbook, table: ListTable): { sheet: Worksheet; row: number; columns: TableColumns } | null {
  let ownSheet: { sheet: Worksheet; row: number; columns: TableColumns } | null = null;
  const own = (sheet: Worksheet) => sheet.name === listSheetName(table) || sheet.name === legacyListSheetName(table);
  const sheets = [...workbook.worksheets.filter(own), ...workbook.worksheets.filter((sheet) => !own(sheet))];
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

function readRow(sheet: Worksheet, rowNumber: number, table: ListTable, columns: TableColumns, { errors, warnings }: TableReading): ListRow | null {
  const row = sheet.getRow(rowNumber);
  const cells = table.columns.map((column) => ({ column, cell: row.getCell(columns.get(column.key)!) }));
  if (cells.every(({ cell }) => cellText(cell) === '')) return null;
  const values: ListRow = {};
  for (const { column, cell } of cells) {
    const where = { sheet: sheet.name, cell: cell.address };
    const label = both(column.label.ru, column.label.kk);
    const reading = readTypedCell(cell, column.type, columnLimit(column));
    if ('problem' in reading) errors.push(issue('error', reading.problem, reading.params, where));
    else if ('number' in reading && reading.number !== undefined) values[column.key] = String(reading.number);
    else if ('text' in reading && reading.text !== undefined) values[column.key] = reading.text;
    else if (column.required) errors.push(issue('error', 'import.listRequired', { column: label }, where));
    if ('note' in reading && reading.note) warnings.push(issue('warning', reading.note.key, reading.note.params, where));
  }
  return values;
}

function readTable(workbook: Workbook, table: ListTable): TableReading & { sheet?: string } {
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
  sheet.eachRow((row, r) => {
    if (r <= header.row) return;
    const values = readRow(sheet, r, table, columns, reading);
    if (!values) return;
    reading.rows.push(values);
    if (reading.rows.length === table.maxRows + 1) {
      reading.errors.push(issue('error', 'import.listTooManyRows', { limit: table.maxRows }, { sheet: sheet.name, cell: row.getCell(1).address }));
    }
  });
  return { ...reading, sheet: sheet.name };
}

export interface ListTablesReading {
  /** Table id → its filled rows. */
  rows: Map<string, ListRow[]>;
  errors: FileIssue[];
  warnings: FileIssue[];
}

/** Every list table of the form: its filled rows, the problems of its cells, and whether the count row agrees. */
export function readListTables(workbook: Workbook, tables: ListTable[], values: ReadonlyMap<string, number>): ListTablesReading {
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
