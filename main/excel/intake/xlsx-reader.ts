// A school's .xlsx read through readable-workbook.ts by streaming the XML of the parts the import needs
// (xlsx-parts.ts): the workbook, shared strings and styles when opened, each sheet when it is first asked for.
// The bytes have passed every size, zip and structure check (open-workbook.ts) before they get here.
import { columnLetter } from '../layout/cell-address.ts';
import { readCellFormats, sheetCellFormats, type CellFormat } from './cell-formats.ts';
import { STYLED_BLANK } from './cell-values.ts';
import { readDateStyles } from './date-styles.ts';
import type { CellValue, ReadableRow, ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';
import { readSharedStrings } from './shared-strings.ts';
import { parseSheet, valueOfSlot, type MergedArea, type ParsedSheet, type Slot } from './sheet-parser.ts';
import { readWorkbookPart, relationshipTargets, type SheetEntry } from './workbook-part.ts';
import { SHARED_STRINGS_PART, STYLES_PART, type XlsxParts } from './xlsx-parts.ts';

type Rows = Map<number, Map<number, Slot>>;

/** A sheet's content, with what the readers ask for again and again worked out once. */
interface SheetContent {
  rows: Rows;
  merges: string[];
  rowCount: number;
  columnCount: number;
  /** The rows that hold something, top to bottom. */
  filledRows: number[];
  /** Each row's cells that hold something, left to right, listed when first asked for (the readers go over a row often). */
  cells: Map<number, Array<{ column: number; value: CellValue }>>;
}

const NO_CELLS: Map<number, Slot> = new Map();

/** A row holds something when a cell in it has a value or is merged (even with a blank range), as exceljs counted. */
function holdsSomething(cells: Map<number, Slot>): boolean {
  for (const slot of cells.values()) if (slot !== STYLED_BLANK) return true;
  return false;
}

const rangeText = ({ top, left, bottom, right }: MergedArea) => `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;

function contentOf({ rows, merges }: ParsedSheet): SheetContent {
  let rowCount = 0;
  let columnCount = 0;
  const filledRows: number[] = [];
  for (const [number, cells] of rows) {
    rowCount = Math.max(rowCount, number);
    if (!holdsSomething(cells)) continue;
    filledRows.push(number);
    // The widest row that holds something, counting its formatted blanks.
    for (const column of cells.keys()) columnCount = Math.max(columnCount, column);
  }
  filledRows.sort((a, b) => a - b);
  return { rows, merges: merges.map(rangeText), rowCount, columnCount, filledRows, cells: new Map() };
}

function cellsOf(content: SheetContent, number: number): Array<{ column: number; value: CellValue }> {
  let listed = content.cells.get(number);
  if (!listed) {
    const slots = content.rows.get(number) ?? NO_CELLS;
    const columns = [...slots.keys()].filter((column) => slots.get(column) !== STYLED_BLANK).sort((a, b) => a - b);
    listed = columns.map((column) => ({ column, value: valueOfSlot(content.rows, slots.get(column)) }));
    content.cells.set(number, listed);
  }
  return listed;
}

function readableRow(content: SheetContent, number: number): ReadableRow {
  const cells = content.rows.get(number) ?? NO_CELLS;
  return {
    number,
    cells: () => cellsOf(content, number),
    value: (column) => valueOfSlot(content.rows, cells.get(column)),
  };
}

/** A sheet whose part is parsed when something of it is first asked for. */
function readableSheet(entry: SheetEntry, parse: () => ParsedSheet, formatsOf: () => (row: number, column: number) => CellFormat): ReadableSheet {
  let content: SheetContent | undefined;
  const sheet = (): SheetContent => (content ??= contentOf(parse()));
  let formats: ((row: number, column: number) => CellFormat) | undefined;
  return {
    name: entry.name,
    state: entry.state,
    get rowCount() {
      return sheet().rowCount;
    },
    get columnCount() {
      return sheet().columnCount;
    },
    get merges() {
      return sheet().merges;
    },
    *rows() {
      const content = sheet();
      for (const number of content.filledRows) yield readableRow(content, number);
    },
    row: (number) => readableRow(sheet(), number),
    value: (row, column): CellValue => {
      const { rows } = sheet();
      return valueOfSlot(rows, rows.get(row)?.get(column));
    },
    format: (row, column) => (formats ??= formatsOf())(row, column),
  };
}

/** The workbook in the parts; throws when they cannot be read (the caller names the file as unreadable). */
export function readXlsx(parts: XlsxParts): ReadableWorkbook {
  const workbook = readWorkbookPart(parts);
  const context = {
    strings: readSharedStrings(parts.get(SHARED_STRINGS_PART)),
    dateStyles: readDateStyles(parts.get(STYLES_PART)),
    date1904: workbook.date1904,
  };
  let cellFormats: CellFormat[] | undefined;
  const formatsOf = (part: string) => () => sheetCellFormats(parts.get(part)!, (cellFormats ??= readCellFormats(parts.get(STYLES_PART))));
  const sheets = workbook.sheets.map((entry) =>
    readableSheet(
      entry,
      () => parseSheet(parts.get(entry.part)!, { ...context, sharedFormulas: new Map() }, relationshipTargets(parts.sheetRels(entry.part))),
      formatsOf(entry.part),
    ));
  return { sheets, sheet: (name) => sheets.find((sheet) => sheet.name === name), description: workbook.description };
}
