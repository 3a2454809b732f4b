// A school's .xlsx read through readable-workbook.ts by streaming the XML of the parts the import needs
// (xlsx-parts.ts): the workbook, shared strings and styles when opened, each sheet when it is first asked for.
// The bytes have passed every size, zip and structure check (open-workbook.ts) before they get here.
import { STYLED_BLANK } from './cell-values.ts';
import { readDateStyles } from './date-styles.ts';
import type { CellValue, ReadableRow, ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';
import { readSharedStrings } from './shared-strings.ts';
import { parseSheet, valueOfSlot, type ParsedSheet, type Slot } from './sheet-parser.ts';
import { readWorkbookPart, relationshipTargets, type SheetEntry } from './workbook-part.ts';
import { SHARED_STRINGS_PART, STYLES_PART, type XlsxParts } from './xlsx-parts.ts';
import { columnLetter } from '../layout/cell-address.ts';

type Rows = Map<number, Map<number, Slot>>;

const NO_CELLS: Map<number, Slot> = new Map();

function readableRow(rows: Rows, number: number): ReadableRow {
  const cells = rows.get(number) ?? NO_CELLS;
  return {
    number,
    *cells() {
      for (const column of [...cells.keys()].sort((a, b) => a - b)) {
        const slot = cells.get(column)!;
        if (slot !== STYLED_BLANK) yield { column, value: valueOfSlot(rows, slot) };
      }
    },
    value: (column) => valueOfSlot(rows, cells.get(column)),
  };
}

/** A row holds something when a cell in it has a value or is merged (even with a blank range), as exceljs counted. */
const holdsSomething = (cells: Map<number, Slot>) => [...cells.values()].some((slot) => slot !== STYLED_BLANK);

function rowCountOf(rows: Rows): number {
  let last = 0;
  for (const number of rows.keys()) last = Math.max(last, number);
  return last;
}

/** The widest row that holds something, counting its formatted blanks. */
function columnCountOf(rows: Rows): number {
  let widest = 0;
  for (const cells of rows.values()) if (holdsSomething(cells)) for (const column of cells.keys()) widest = Math.max(widest, column);
  return widest;
}

const rangeText = ({ top, left, bottom, right }: { top: number; left: number; bottom: number; right: number }) =>
  `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;

interface SheetContent {
  rows: Rows;
  merges: string[];
  rowCount: number;
  columnCount: number;
}

/** A sheet whose part is parsed when something of it is first asked for. */
function readableSheet(entry: SheetEntry, parse: () => ParsedSheet): ReadableSheet {
  let content: SheetContent | undefined;
  const sheet = (): SheetContent => {
    if (!content) {
      const { rows, merges } = parse();
      content = { rows, merges: merges.map(rangeText), rowCount: rowCountOf(rows), columnCount: columnCountOf(rows) };
    }
    return content;
  };
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
      const { rows } = sheet();
      for (const number of [...rows.keys()].sort((a, b) => a - b)) if (holdsSomething(rows.get(number)!)) yield readableRow(rows, number);
    },
    row: (number) => readableRow(sheet().rows, number),
    value: (row, column): CellValue => {
      const { rows } = sheet();
      return valueOfSlot(rows, rows.get(row)?.get(column));
    },
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
  const sheets = workbook.sheets.map((entry) =>
    readableSheet(entry, () => parseSheet(parts.get(entry.part)!, { ...context, sharedFormulas: new Map() }, relationshipTargets(parts.sheetRels(entry.part)))));
  return { sheets, sheet: (name) => sheets.find((sheet) => sheet.name === name), description: workbook.description };
}
