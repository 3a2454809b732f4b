// The small adapter over exceljs for the workbooks Jinaq writes: a new workbook, and its bytes.
import ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;

export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jinaq';
  workbook.created = new Date();
  return workbook;
}

export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
