// Filling templates the way a school does: open the workbook, type values next to row codes, save.
import ExcelJS from 'exceljs';

export type CellInput = number | string | null | ExcelJS.CellValue;

/** Writes each value into the «Значение» column (D) of the row whose column A holds the code. */
export async function fillTemplate(bytes: Uint8Array, values: Record<string, CellInput>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible')!;
  sheet.eachRow((row) => {
    const code = String(row.getCell(1).value ?? '');
    if (code in values) row.getCell(4).value = values[code] as ExcelJS.CellValue;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
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
