// Editing a workbook the way a person does in Excel: change cells, formats or sheets, save.
import ExcelJS from 'exceljs';

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

/** The «Значение» cell (column D) of the row whose column A holds the row code. */
export function valueCellOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value ?? '') === code) found = row.getCell(4);
  });
  if (!found) throw new Error(`no row with code ${code}`);
  return found;
}
