// The streaming reader (main/excel/intake/xlsx-reader.ts) gives the same answers as the exceljs adapter it replaced
// (test/helpers/exceljs-adapter.ts), on real files: the templates Jinaq writes filled as schools fill them, a
// workbook holding every kind of value exceljs writes (in the 1900 and the 1904 date systems), the parts Excel and
// LibreOffice write that exceljs does not (inline and rich strings, escapes, shared formulas, phonetic guides), and
// the same files saved by LibreOffice Calc. Every sheet's every cell, its merged ranges, its state and the
// workbook's «Comments» are compared.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../main/excel/intake/open-workbook.ts';
import type { CellValue, ReadableSheet, ReadableWorkbook } from '../../main/excel/intake/readable-workbook.ts';
import { tempDir } from '../helpers/db.ts';
import { parseXlsx } from '../helpers/exceljs-adapter.ts';
import { prepareDistrict } from '../helpers/fuzz-import.ts';
import { convertWithSoffice, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { edited } from '../helpers/edit.ts';

const LIBREOFFICE_TIMEOUT = 120_000;

/**
 * A value as toEqual can compare it: an Invalid Date equals no Date, so dates are compared by their time as text;
 * a formula's cached 0, which exceljs drops and the streaming reader keeps, as none.
 */
function comparable(value: CellValue | undefined): unknown {
  if (value instanceof Date) return { date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (value !== null && typeof value === 'object' && 'formula' in value) return { formula: value.formula, result: comparable(value.result === 0 ? undefined : (value.result ?? undefined)) };
  return value;
}

/** Everything the readers can ask of a sheet; the counts first, since asking exceljs for a cell makes its row. */
function sheetSeen(sheet: ReadableSheet) {
  const counts = { name: sheet.name, state: sheet.state, rowCount: sheet.rowCount, columnCount: sheet.columnCount, merges: [...sheet.merges] };
  const rows = [...sheet.rows()].map((row) => ({ number: row.number, cells: [...row.cells()].map(({ column, value }) => [column, comparable(value)]) }));
  const grid: unknown[][] = [];
  for (let row = 1; row <= counts.rowCount + 1; row++) {
    const cells: unknown[] = [];
    for (let column = 1; column <= counts.columnCount + 1; column++) cells.push(comparable(sheet.value(row, column)), comparable(sheet.row(row).value(column)));
    grid.push(cells);
  }
  return { ...counts, rows, grid };
}

function workbookSeen(workbook: ReadableWorkbook) {
  return { description: workbook.description, sheets: workbook.sheets.map(sheetSeen) };
}

async function bothReadings(bytes: Uint8Array) {
  const opened = await openXlsx(bytes, 'file.xlsx');
  if (!opened.ok) throw new Error(`refused: ${opened.error.message.key}`);
  return { streamed: workbookSeen(opened.workbook), exceljs: workbookSeen(await parseXlsx(bytes)) };
}

async function expectSameReading(bytes: Uint8Array): Promise<ReturnType<typeof workbookSeen>> {
  const { streamed, exceljs } = await bothReadings(bytes);
  expect(streamed).toEqual(exceljs);
  return streamed;
}

/** Every kind of value exceljs writes, with merged ranges, hidden sheets and the Comments property. */
async function everyValue(date1904: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.description = 'BIN=123456789012;FORM=zabota';
  if (date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet('Значения');
  const values: ExcelJS.CellValue[] = [
    42, -0.5, 1e15, '042', 'текст', ' с пробелами ', '', 'a & b <c> "d"', 'строка\nвторая',
    { richText: [{ text: 'жир', font: { bold: true } }, { text: 'ный' }] },
    true, false, { error: '#DIV/0!' }, { error: '#N/A' },
    { formula: 'A1*2', result: 84 }, { formula: 'A1*0', result: 0 }, { formula: 'NOW()' } as ExcelJS.CellFormulaValue,
    { formula: 'A4&"x"', result: 'текстx' }, { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'A1>1', result: true },
    { formula: 'A1<1', result: false },
    { text: 'сайт', hyperlink: 'https://example.kz/a?b=1&c=2' },
    new Date(Date.UTC(2026, 5, 2)), new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2026, 5, 2, 13, 45)),
  ];
  values.forEach((value, i) => {
    sheet.getCell(i + 1, 1).value = value;
  });
  const dated = (row: number, numFmt: string, value: ExcelJS.CellValue) => {
    const cell = sheet.getCell(row, 3);
    cell.value = value;
    cell.numFmt = numFmt;
  };
  dated(1, 'dd.mm.yyyy', 46175);
  dated(2, 'yyyy-mm-dd hh:mm', 46175.5);
  dated(3, '0.00', 46175);
  dated(4, '#,##0" тг"', 1500);
  dated(5, '[Red]0;"d"', 7);
  dated(6, 'dd.mm.yyyy', { formula: 'C1+1', result: 46176 });
  dated(7, 'dd.mm.yyyy', 99999999999);
  dated(8, 'dd.mm.yyyy', 'не дата');
  dated(9, 'h:mm', 0.75);
  sheet.getCell('E1').value = 'объединено';
  sheet.mergeCells('E1:G2');
  sheet.mergeCells('E4:E6');
  sheet.getCell('E8').value = 5;
  sheet.mergeCells('E8:F8');
  sheet.getCell('H1').value = { formula: 'A1+1', result: 43, shareType: 'shared', ref: 'H1:H3' } as ExcelJS.CellFormulaValue;
  sheet.getCell('H2').value = { sharedFormula: 'H1', result: 44 } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell('H3').value = { sharedFormula: 'H1', result: 0 } as ExcelJS.CellSharedFormulaValue;
  sheet.getCell('J40').value = 'дальняя ячейка';
  sheet.getCell('K3').numFmt = '0.00';
  sheet.getRow(12).hidden = true;
  workbook.addWorksheet('Скрытый', { state: 'hidden' }).getCell('A1').value = 'скрыто';
  workbook.addWorksheet('Очень скрытый', { state: 'veryHidden' }).getCell('B2').value = 2;
  workbook.addWorksheet('Пустой');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Cells as Excel and LibreOffice write them and exceljs does not. */
function writtenByOthers(bytes: Uint8Array): Uint8Array {
  const row = (number: number, cells: string) => `<row r="${number}">${cells}</row>`;
  const rows = [
    row(50, '<c r="A50" t="inlineStr"><is><t>строкой</t></is></c><c r="B50" t="inlineStr"><is><r><t>бо</t></r><r><rPr><b/></rPr><t xml:space="preserve">гатый </t></r></is></c>'),
    row(51, '<c r="A51" t="str"><v>формула &amp;amp; текст</v></c><c r="B51" t="e"><v>#REF!</v></c><c r="C51" t="b"><v>1</v></c><c r="D51" t="n"><v>1.5E3</v></c>'),
    row(52, '<c r="A52"><f t="shared" ref="A52:C52" si="7">A1*3</f><v>126</v></c><c r="B52"><f t="shared" si="7"/><v>3</v></c><c r="C52"><f t="shared" si="7"/></c><c r="D52"><f t="shared" si="99"/><v>5</v></c>'),
    row(53, '<c r="A53" s="0"/><c r="B53"/><c r="C53" t="s"><v>0</v></c><c t="str"><v>без адреса</v></c>'),
    row(54, '<c r="A54" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B54" t="inlineStr"><is><t>_x000D_ не экранировано</t></is></c>'),
  ].join('');
  let result = edited(bytes, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', `${rows}</sheetData>`));
  result = edited(result, 'xl/sharedStrings.xml', (xml) =>
    xml.replace(/<sst([^>]*)>/, '<sst$1><si><t>перевод_x000D_строки</t><rPh sb="0" eb="1"><t>фонетика</t></rPh></si>'));
  // Every shared string index moved on by one, as the new first one was put in front.
  return edited(result, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/(<c [^>]*t="s"[^>]*><v>)(\d+)(<\/v>)/g, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`)
    .replace('<c r="C53" t="s"><v>1</v>', '<c r="C53" t="s"><v>0</v>'));
}

describe('the streaming reader reads as the exceljs adapter did', () => {
  let reports: Uint8Array[];
  let remove: () => void;
  let work: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    const district = await prepareDistrict();
    reports = district.bases.map(({ base }) => base.bytes);
    remove = district.remove;
    work = tempDir('jinaq-reader-');
  }, 60_000);
  afterAll(() => {
    remove?.();
    work?.remove();
  });

  it('the «Забота» and НИК templates Jinaq writes, filled as schools fill them (plan part, publications list)', async () => {
    for (const bytes of reports) {
      const seen = await expectSameReading(bytes);
      expect(seen.sheets.length).toBeGreaterThan(1);
      expect(seen.sheets.some((sheet) => sheet.merges.length > 0)).toBe(true);
    }
  });

  it.each([false, true])('every kind of value exceljs writes, merged ranges and hidden sheets (1904 date system: %s)', async (date1904) => {
    const seen = await expectSameReading(await everyValue(date1904));
    expect(seen.description).toBe('BIN=123456789012;FORM=zabota');
    expect(seen.sheets.map((sheet) => sheet.state)).toEqual(['visible', 'hidden', 'veryHidden', 'visible']);
    const rows = new Map(seen.sheets[0].rows.map((row) => [row.number, new Map(row.cells as Array<[number, unknown]>)]));
    expect(rows.get(1)?.get(3)).toEqual({ date: date1904 ? '2030-06-03T00:00:00.000Z' : '2026-06-02T00:00:00.000Z' });
    expect(rows.get(2)?.get(6)).toBe('объединено');
  });

  it('cells as Excel and LibreOffice write them: inline and rich strings, escapes, shared formulas, phonetic guides', async () => {
    const seen = await expectSameReading(writtenByOthers(await everyValue(false)));
    const row = (number: number) => new Map(seen.sheets[0].rows.find((r) => r.number === number)?.cells as Array<[number, unknown]>);
    expect(row(50).get(2)).toBe('богатый ');
    expect(row(53).get(3)).toBe('перевод\rстроки');
  });

  it.skipIf(!SOFFICE_VERSION)(`the same files saved by LibreOffice Calc (${SOFFICE_VERSION ?? 'not installed'})`, async () => {
    const files = [...reports, await everyValue(false), await everyValue(true)];
    for (const [i, bytes] of files.entries()) {
      const dir = path.join(work.dir, String(i));
      const saved = convertWithSoffice(bytes, { dir, name: 'report.xlsx', format: 'xlsx', profile: path.join(work.dir, 'profile'), timeout: LIBREOFFICE_TIMEOUT - 10_000 });
      await expectSameReading(new Uint8Array(saved));
    }
  }, LIBREOFFICE_TIMEOUT * 4);
});
