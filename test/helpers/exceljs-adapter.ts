// The adapter the import read schools' files through before xlsx-reader.ts: a parsed .xlsx seen through
// readable-workbook.ts by way of exceljs. Kept for test/unit/xlsx-reader.test.ts, which reads the same files through both.
import ExcelJS from 'exceljs';
import type { CellError, CellScalar, CellValue, ReadableRow, ReadableSheet, ReadableWorkbook } from '../../main/excel/intake/readable-workbook.ts';

/**
 * Parts of the worksheets that reading a report never needs and exceljs expands without a bound: column widths
 * (`<col min max>`: an object per column) and data validations (an entry per cell of the range — Excel users
 * validate whole columns, D1:D1048576).
 */
const IGNORED_NODES = ['cols', 'dataValidations'];

/** The workbook in the bytes; throws when exceljs cannot read them. */
export async function parseXlsx(bytes: Uint8Array): Promise<ReadableWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  return readableWorkbook(workbook);
}

function readableWorkbook(workbook: ExcelJS.Workbook): ReadableWorkbook {
  const sheets = workbook.worksheets.map(readableSheet);
  return {
    sheets,
    sheet: (name) => sheets.find((sheet) => sheet.name === name),
    description: workbook.description,
  };
}

function readableSheet(sheet: ExcelJS.Worksheet): ReadableSheet {
  let merges: string[] | undefined;
  return {
    name: sheet.name,
    state: sheet.state === 'hidden' || sheet.state === 'veryHidden' ? sheet.state : 'visible',
    get rowCount() {
      return sheet.rowCount;
    },
    get columnCount() {
      return sheet.columnCount;
    },
    get merges() {
      // Built once: the sheet's model is made anew on every read.
      merges ??= sheet.model.merges ?? [];
      return merges;
    },
    *rows() {
      const rows: ExcelJS.Row[] = [];
      sheet.eachRow((row) => rows.push(row));
      for (const row of rows) yield readableRow(row);
    },
    row: (number) => readableRow(sheet.getRow(number)),
    value: (row, column) => valueOf(sheet.getRow(row).getCell(column).value),
  };
}

function readableRow(row: ExcelJS.Row): ReadableRow {
  return {
    number: row.number,
    *cells() {
      const cells: Array<{ column: number; value: CellValue }> = [];
      row.eachCell((cell, column) => cells.push({ column, value: valueOf(cell.value) }));
      yield* cells;
    },
    value: (column) => valueOf(row.getCell(column).value),
  };
}

const joined = (runs: ExcelJS.RichText[]) => runs.map((run) => run.text).join('');

function valueOf(raw: ExcelJS.CellValue): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'object' || raw instanceof Date) return raw;
  if ('richText' in raw) return joined(raw.richText);
  if ('formula' in raw || 'sharedFormula' in raw) {
    const formula = String('formula' in raw ? raw.formula : (raw as ExcelJS.CellSharedFormulaValue).sharedFormula);
    return { formula, result: resultOf((raw as { result?: unknown }).result) };
  }
  if ('error' in raw) return { error: String(raw.error) };
  if ('hyperlink' in raw) return { text: typeof raw.text === 'string' ? raw.text : joined((raw.text as { richText?: ExcelJS.RichText[] } | undefined)?.richText ?? []), hyperlink: String(raw.hyperlink) };
  return null;
}

function resultOf(result: unknown): CellScalar | CellError | null | undefined {
  if (result !== null && typeof result === 'object' && !(result instanceof Date)) {
    return 'error' in result ? { error: String((result as { error: unknown }).error) } : null;
  }
  return result as CellScalar | null | undefined;
}
