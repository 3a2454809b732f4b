// Filling templates the way a school does: open the workbook, type values next to row codes, save.
import ExcelJS from 'exceljs';
import { loadWorkbook } from '../../main/excel/intake/open-workbook.ts';
import type { ReadableWorkbook } from '../../main/excel/intake/readable-workbook.ts';
import { CODE_COLUMN, VALUE_COLUMN } from '../../main/excel/layout/report-layout.ts';
import { gridCellOf } from './edit.ts';

export type CellInput = number | string | null | ExcelJS.CellValue;

/**
 * Writes each value into the «Значение» column of the row whose code column holds the code; a grid cell's value
 * ("H03.2") into its row's cell under the графа number.
 */
export async function fillTemplate(bytes: Uint8Array, values: Record<string, CellInput>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible')!;
  sheet.eachRow((row) => {
    const code = String(row.getCell(CODE_COLUMN).value ?? '');
    if (code in values) row.getCell(VALUE_COLUMN).value = values[code] as ExcelJS.CellValue;
  });
  for (const code of Object.keys(values).filter((key) => key.includes('.'))) gridCellOf(sheet, code).value = values[code] as ExcelJS.CellValue;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The workbook as the readers of a school's file see it. */
export async function readableWorkbook(bytes: Uint8Array): Promise<ReadableWorkbook> {
  const workbook = await loadWorkbook(bytes);
  if (!workbook) throw new Error('not a readable .xlsx');
  return workbook;
}

/** A complete, valid «Забота» report. */
export function validZabota(scale = 1): Record<string, number> {
  return {
    Z01: 500 * scale, Z02: 4 * scale, Z03: 3 * scale, Z04: 10 * scale, Z05: 8 * scale, Z06: 2 * scale, Z07: 5 * scale,
    Z10: 20 * scale, Z11: 10 * scale, Z12: 6 * scale, Z13: 2 * scale, Z14: 1 * scale, Z15: 1 * scale,
    Z20: 10 * scale, Z21: 5 * scale, Z22: 5 * scale, Z23: 0, Z24: 0,
    Z30: 150000.5 * scale, Z31: 100000 * scale, Z32: 50000.5 * scale, Z33: 0, Z34: 2,
  };
}

/** A complete, valid «Забота» version 2 report: the one-value rows and the help grid (H04–H06 left blank). */
export function validZabotaV2(scale = 1): Record<string, number> {
  const { Z01, Z02, Z03, Z04, Z05, Z06, Z07, Z30, Z31, Z32, Z33, Z34 } = validZabota(scale);
  const grid: Record<string, number[]> = {
    H01: [20, 10, 6, 8, 15, 3, 2, Z30 / scale],
    H02: [8, 4, 2, 3, 6, 1, 0, 50000],
    H03: [5, 2, 2, 2, 4, 1, 0, 30000.25],
  };
  const cells = Object.entries(grid).flatMap(([row, values]) => values.map((value, i) => [`${row}.${i + 1}`, value * scale] as const));
  return { Z01, Z02, Z03, Z04, Z05, Z06, Z07, Z30, Z31, Z32, Z33, Z34, ...Object.fromEntries(cells) };
}

/** One row of the plan-execution part as a school fills it: «Выполнено», events, participants, description. */
export type PlanRowInput = [status: CellInput, events?: CellInput, participants?: CellInput, description?: CellInput];

/** Fills the plan-execution part: each row whose column A holds the item number gets columns D–G. */
export async function fillPlanPart(bytes: Uint8Array, rows: Record<number, PlanRowInput>): Promise<Buffer> {
  const workbook = await readWorkbook(bytes);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible')!;
  sheet.eachRow((row) => {
    const number = row.getCell(1).value;
    if (typeof number !== 'number' || !(number in rows)) return;
    rows[number].forEach((value, i) => {
      row.getCell(4 + i).value = (value ?? null) as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A НИК report that passes every rule; N01 is 0 because it lists no publications (N01 must equal their number). */
export function validNik(): Record<string, number> {
  return {
    N01: 0, N02: 30, N03: 8, N04: 240, N05: 2, N06: 6, N06A: 2, N06B: 2, N06C: 1, N06D: 1,
    N07: 3, N08: 1, N09: 2, N10: 1, N11: 4, N12: 0,
  };
}

/** Fills a list table's sheet (e.g. the НИК publications) from its first row on: each row's cells from column B. */
export async function fillListSheet(bytes: Uint8Array, sheetName: string, rows: CellInput[][], firstRow = 6): Promise<Buffer> {
  const workbook = await readWorkbook(bytes);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet «${sheetName}» in the template`);
  rows.forEach((cells, i) => {
    cells.forEach((value, c) => {
      sheet.getRow(firstRow + i).getCell(2 + c).value = (value ?? null) as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
