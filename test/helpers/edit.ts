// Editing a workbook the way a person does in Excel: change cells, formats or sheets, save — or, for what Excel never
// writes, one of its XML parts as text.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { BIN_ROW, CODE_COLUMN, SCHOOL_ROW, VALUE_COLUMN } from '../../main/excel/layout/report-layout.ts';

/** Loads the bytes, lets `edit` change the workbook, and saves it again. */
export async function editWorkbook(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first visible sheet: the form a school fills in. */
export function visibleSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.worksheets.find((s) => s.state === 'visible');
  if (!sheet) throw new Error('no visible sheet');
  return sheet;
}

/** The «Значение» cell of the row whose code column holds the row code. */
export function valueCellOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(CODE_COLUMN).value ?? '') === code) found = row.getCell(VALUE_COLUMN);
  });
  if (!found) throw new Error(`no row with code ${code}`);
  return found;
}

/** The text a cell shows, as the template wrote it. */
function cellText(cell: ExcelJS.Cell): string {
  return String(cell.value ?? '').trim();
}

/**
 * The cell of a grid cell code ("H03.2"): in the row whose code column holds the row code, under the графа number in
 * the nearest row above that holds графа numbers only (an empty code column, short texts right of it).
 */
export function gridCellOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Cell {
  const [rowCode, column] = code.split('.');
  let codeRow = 0;
  sheet.eachRow((row, number) => {
    if (!codeRow && cellText(row.getCell(CODE_COLUMN)) === rowCode) codeRow = number;
  });
  if (!codeRow) throw new Error(`no grid row with code ${rowCode}`);
  for (let number = codeRow - 1; number > 0; number--) {
    const row = sheet.getRow(number);
    if (cellText(row.getCell(CODE_COLUMN)) !== '') continue;
    const texts: Array<[number, string]> = [];
    row.eachCell((cell, c) => {
      if (c > CODE_COLUMN && cellText(cell)) texts.push([c, cellText(cell)]);
    });
    if (texts.length === 0 || texts.some(([, text]) => text.length > 3)) continue;
    const found = texts.find(([, text]) => text === column);
    if (found) return sheet.getRow(codeRow).getCell(found[0]);
  }
  throw new Error(`no графа ${column} above row ${rowCode}`);
}

/** The header cells where a school types its name and БИН, beside their labels (column B), as the template lays them out. */
export function schoolHeaderCells(sheet: ExcelJS.Worksheet): { name: ExcelJS.Cell; bin: ExcelJS.Cell } {
  return { name: sheet.getRow(SCHOOL_ROW).getCell(2), bin: sheet.getRow(BIN_ROW).getCell(2) };
}

/** The file with one of its parts changed as text; the change must change something. */
export function edited(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const before = strFromU8(parts[part]);
  const after = change(before);
  if (after === before) throw new Error(`the change to ${part} changed nothing`);
  return zipSync({ ...parts, [part]: strToU8(after) });
}

/** A copy of a sheet's values under another name, as a school copies its form sheet to fill it again. */
export function copySheet(workbook: ExcelJS.Workbook, from: ExcelJS.Worksheet, name: string): ExcelJS.Worksheet {
  const copy = workbook.addWorksheet(name);
  from.eachRow((row, r) => row.eachCell((cell, c) => {
    copy.getCell(r, c).value = cell.value;
  }));
  return copy;
}
