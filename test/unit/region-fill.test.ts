// The region's own workbook filled with the district's totals (issue 19, points 2–3), on real parts: region workbooks
// of different layouts built with exceljs as a region's specialist would make them (title lines, a two-level merged
// header, a codes column or none, an «Итого» row with the region's own SUM, print setup, a second sheet, a signature
// line, a table of one row per school), a real SQLite district whose schools' reports are typed in by hand on form
// versions that remember those workbooks (regionSource), the file filled through the service, the API and the CLI,
// then read back by openpyxl and by LibreOffice recalculating every formula.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_REJECTED, runCli } from '../../main/cli.ts';
import { backupTo } from '../../main/db/backup.ts';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildRegionWorkbook } from '../../main/services/exports.ts';
import { copyForm, saveForm } from '../../main/services/forms.ts';
import { enterReport, type TypedValues } from '../../main/services/manual-entry.ts';
import { createSchool, setSchoolActive } from '../../main/services/schools.ts';
import { copiedFormula, shiftFormula, shiftRanges } from '../../main/excel/writers/row-shift.ts';
import { placeRegionValues } from '../../main/excel/writers/region-places.ts';
import { valueText } from '../../main/excel/intake/cell-text.ts';
import { masterOf } from '../../main/excel/intake/merged-ranges.ts';
import { loadWorkbook } from '../../main/excel/intake/open-workbook.ts';
import { readRegionForm } from '../../main/excel/intake/region-form-reader.ts';
import type { School } from '../../shared/domain.ts';
import type { FormDefinition, RegionSource } from '../../shared/forms/types.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { apiContextFor, callApi, downloaded, tempDatabase, tempDir } from '../helpers/db.ts';
import { convertWithSoffice, recalculatingProfile, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { schoolFields } from '../helpers/schools.ts';
import { OPENPYXL_PYTHON } from '../helpers/openpyxl.ts';
import * as regionForms from '../helpers/region-forms.ts';

const PYTHON = OPENPYXL_PYTHON;

const READ_SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=sys.argv[2] == '1')
out = {}
for ws in wb.worksheets:
    cells, types = {}, {}
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = c.value if isinstance(c.value, (int, float, str)) else str(c.value)
                types[c.coordinate] = c.data_type
    out[ws.title] = {
        'cells': cells, 'types': types, 'merged': sorted(str(r) for r in ws.merged_cells.ranges),
        'orientation': ws.page_setup.orientation, 'printArea': ws.print_area, 'fitToWidth': ws.page_setup.fitToWidth,
        'fonts': {c.coordinate: bool(c.font.b) for row in ws.iter_rows() for c in row},
        'borders': {c.coordinate: c.border.left.style for row in ws.iter_rows() for c in row},
        'formats': {c.coordinate: c.number_format for row in ws.iter_rows() for c in row},
        'notes': {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment},
    }
print(json.dumps(out, ensure_ascii=False))
`;

interface ReadSheet {
  cells: Record<string, string | number>;
  types: Record<string, string>;
  merged: string[];
  orientation: string | null;
  printArea: string | null;
  fitToWidth: number | null;
  fonts: Record<string, boolean>;
  borders: Record<string, string | null>;
  formats: Record<string, string>;
  notes: Record<string, string>;
}

function openpyxlRead(dir: string, bytes: Uint8Array, dataOnly: boolean): Record<string, ReadSheet> {
  const file = path.join(dir, `read-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, bytes);
  return JSON.parse(execFileSync(PYTHON!, ['-c', READ_SCRIPT, file, dataOnly ? '1' : '0'], { encoding: 'utf8' }));
}

// ---------------------------------------------------------------------------------------------- the form and values

const LABELS = {
  R01: ['Количество детей, получивших помощь', 'Көмек алған балалар саны'],
  R02: ['из них девочек', 'оның ішінде қыздар'],
  R03: ['Сумма оказанной помощи', 'Көрсетілген көмек сомасы'],
  R04: ['Количество выездов в семьи', 'Отбасыларға барулар саны'],
  G01: ['Материальная помощь', 'Материалдық көмек'],
  G02: ['Горячее питание', 'Ыстық тамақ'],
} as const;

/** The region's form as Jinaq holds it: four one-value rows and a grid of two rows × графы 1 (children) and 2 (money). */
function regionForm(base: FormDefinition, regionSource: RegionSource): FormDefinition {
  const row = (code: keyof typeof LABELS) => ({ ru: LABELS[code][0], kk: LABELS[code][1] });
  return {
    ...base,
    indicators: [
      { code: 'R01', label: row('R01'), type: 'count', required: true },
      { code: 'R02', label: row('R02'), type: 'count', required: true },
      { code: 'R03', label: row('R03'), type: 'money', required: true },
      { code: 'R04', label: row('R04'), type: 'count', required: false },
    ],
    rules: [],
    sections: [],
    tables: [
      {
        kind: 'grid',
        id: 'help',
        title: { ru: 'Помощь по видам', kk: 'Көмек түрлері бойынша' },
        rows: [
          { code: 'G01', label: row('G01'), required: true },
          { code: 'G02', label: row('G02'), required: true },
        ],
        columns: [
          { code: '1', label: { ru: 'Детей', kk: 'Балалар' }, type: 'count' },
          { code: '2', label: { ru: 'Сумма, тенге', kk: 'Сомасы, теңге' }, type: 'money' },
        ],
      },
    ],
    regionSource,
  };
}

/** What school n typed (R04, the visits, is left blank by every school: the region's cell for it has no total). */
function typedBy(n: number): TypedValues {
  return {
    R01: 10 * n, R02: 4 * n + 1, R03: Math.round(1500.25 * n * 100) / 100,
    'G01.1': n, 'G01.2': Math.round(1000.5 * n * 100) / 100, 'G02.1': 2 * n, 'G02.2': Math.round(300.75 * n * 100) / 100,
  };
}

/** The independent sum of what the schools typed. */
function sumOf(code: string, schools: number[]): number {
  return Math.round(schools.reduce((sum, n) => sum + Number(typedBy(n)[code]), 0) * 100) / 100;
}

// ------------------------------------------------------------------------------------------- the region's workbooks

const THIN = { style: 'thin' } as const;
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function boxed(sheet: ExcelJS.Worksheet, range: { rows: [number, number]; columns: [number, number] }, numFmt?: string): void {
  for (let r = range.rows[0]; r <= range.rows[1]; r++) {
    for (let c = range.columns[0]; c <= range.columns[1]; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BOX;
      if (numFmt && c > 2) cell.numFmt = numFmt;
    }
  }
}

/**
 * What a region's Excel file has besides values: a validation on the range (no negative numbers), a conditional format
 * shading negatives red, and a defined name over the range's first column.
 */
function guarded(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, range: string): void {
  const [first, last] = range.split(':').map((cell) => sheet.getCell(cell));
  for (let row = Number(first.row); row <= Number(last.row); row++) {
    for (let column = Number(first.col); column <= Number(last.col); column++) {
      sheet.getCell(row, column).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true };
    }
  }
  sheet.addConditionalFormatting({ ref: range, rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFF9999' } } } }] });
  workbook.definedNames.add(`'${sheet.name}'!$${first.address.replace(/\d+/, '')}$${first.row}:$${first.address.replace(/\d+/, '')}$${last.row}`, 'Значения');
}

const SHEET_C = 'По организациям';
const SIGNATURE = 'Руководитель отдела образования _______________ А. Сериков';
const NOTE_SHEET = 'Пояснение';

/**
 * Layout A, as the region sent it: a title and a period line, a two-level merged header («Значение» over «Всего» and
 * «в т.ч. село»), a графа-number row, row codes in column A, an «Итого» row with the region's SUM, the grid below with
 * its own header, графа numbers and «Итого», a signature line, print area and landscape A4 fitted to one page wide,
 * and a second sheet whose formula takes the sheet's «Итого».
 */
async function layoutA(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Форма 1', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 8 }, { width: 48 }, { width: 10 }, { width: 14 }, { width: 14 }];
  sheet.mergeCells('A1:E1');
  sheet.getCell('A1').value = 'Сведения об оказании помощи детям из малообеспеченных семей';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.mergeCells('A2:E2');
  sheet.getCell('A2').value = 'за 2028 год';
  for (const [range, text] of [['A4:A5', 'Код строки'], ['B4:B5', 'Наименование показателя'], ['C4:C5', 'Ед. изм.'], ['D4:E4', 'Значение']] as const) {
    sheet.mergeCells(range);
    sheet.getCell(range.split(':')[0]).value = text;
  }
  sheet.getCell('D5').value = 'Всего';
  sheet.getCell('E5').value = 'в т.ч. в сельской местности';
  sheet.getRow(6).values = ['1', '2', '3', '4', '5'];
  const rows: Array<[string, string, string]> = [['R01', LABELS.R01[0], 'чел.'], ['R02', LABELS.R02[0], 'чел.'], ['R03', LABELS.R03[0], 'тенге'], ['R04', LABELS.R04[0], 'ед.']];
  rows.forEach(([code, label, unit], i) => (sheet.getRow(7 + i).values = [code, label, unit]));
  sheet.getCell('B11').value = 'Итого детей (стр. R01 + R02)';
  sheet.getCell('D11').value = { formula: 'SUM(D7:D8)', result: 0 };
  sheet.getCell('D11').note = 'Сумма строк R01 и R02 — считает область';
  boxed(sheet, { rows: [4, 11], columns: [1, 5] }, '#,##0.00');
  sheet.mergeCells('A13:E13');
  sheet.getCell('A13').value = 'Помощь по видам';
  sheet.getRow(14).values = ['Код', 'Вид помощи', 'Детей', 'Сумма, тенге'];
  sheet.getRow(15).values = ['', '', '1', '2'];
  sheet.getRow(16).values = ['G01', LABELS.G01[0]];
  sheet.getRow(17).values = ['G02', LABELS.G02[0]];
  sheet.getCell('B18').value = 'Итого';
  sheet.getCell('C18').value = { formula: 'SUM(C16:C17)', result: 0 };
  sheet.getCell('D18').value = { formula: 'SUM(D16:D17)', result: 0 };
  boxed(sheet, { rows: [14, 18], columns: [1, 4] }, '#,##0.00');
  sheet.getCell('A21').value = SIGNATURE;
  sheet.pageSetup.printArea = 'A1:E21';
  guarded(workbook, sheet, 'D7:D10');
  const note = workbook.addWorksheet(NOTE_SHEET);
  note.getCell('A1').value = 'Пояснительная записка к форме 1';
  note.getCell('A2').value = 'Детей всего:';
  note.getCell('B2').value = { formula: "'Форма 1'!D11", result: 0 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What the form built from layout A remembers of it. */
const SOURCE_A: RegionSource = {
  fileName: 'forma1-region.xlsx',
  sheet: 'Форма 1',
  rows: {
    R01: { index: 7, text: LABELS.R01[0], code: 'R01' },
    R02: { index: 8, text: LABELS.R02[0], code: 'R02' },
    R03: { index: 9, text: LABELS.R03[0], code: 'R03' },
    R04: { index: 10, text: LABELS.R04[0], code: 'R04' },
    G01: { index: 16, text: LABELS.G01[0], code: 'G01' },
    G02: { index: 17, text: LABELS.G02[0], code: 'G02' },
  },
  columns: {
    'main:value': { index: 4, text: 'Значение / Всего', code: '4' },
    'help:1': { index: 3, text: 'Детей', code: '1' },
    'help:2': { index: 4, text: 'Сумма, тенге', code: '2' },
  },
};

/**
 * Layout B, Kazakh only, no codes and no графа numbers: rows and columns are known by their texts alone. `nextLetter`
 * is the region's next letter: a units column inserted before the values, two new rows above the first one, and the
 * row of girls (R02) gone.
 */
async function layoutB(nextLetter: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Нысан');
  const line = (values: Array<string | null>) => (nextLetter ? [values[0], values[1], values[1] === null ? null : 'адам', ...values.slice(2)] : values);
  sheet.getCell('A1').value = 'Аз қамтылған отбасылардың балаларына көмек туралы мәліметтер';
  const rows: Array<Array<string | null>> = [['№', 'Көрсеткіштің атауы', 'Мәні']];
  if (nextLetter) rows.push(['1', 'Өтініштер саны', null], ['2', 'Қаралған өтініштер', null]);
  rows.push(['', LABELS.R01[1], null]);
  if (!nextLetter) rows.push(['', LABELS.R02[1], null]);
  rows.push(['', LABELS.R03[1], null], ['', LABELS.R04[1], null], [null, null, null], ['', 'Көмек түрлері бойынша', null], ['', 'Көмек түрі', 'Балалар', 'Сомасы, теңге']);
  rows.push(['', LABELS.G01[1], null, null], ['', LABELS.G02[1], null, null]);
  rows.forEach((values, i) => (sheet.getRow(3 + i).values = line(values)));
  if (nextLetter) sheet.getCell('C3').value = 'Бірлік';
  sheet.getCell(`A${3 + rows.length + 2}`).value = 'Бөлім басшысы _______________';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SOURCE_B: RegionSource = {
  fileName: 'nysan.xlsx',
  sheet: 'Нысан',
  rows: {
    R01: { index: 4, text: LABELS.R01[1] },
    R02: { index: 5, text: LABELS.R02[1] },
    R03: { index: 6, text: LABELS.R03[1] },
    R04: { index: 7, text: LABELS.R04[1] },
    G01: { index: 11, text: LABELS.G01[1] },
    G02: { index: 12, text: LABELS.G02[1] },
  },
  columns: {
    'main:value': { index: 3, text: 'Мәні' },
    'help:1': { index: 3, text: 'Балалар' },
    'help:2': { index: 4, text: 'Сомасы, теңге' },
  },
};

/**
 * Layout C: one row per organisation under a two-level header, `rows` bordered empty rows whose графа 5 computes the
 * money per child, then «Итого» with SUMs, a merged signature line, a print area, and a second sheet taking the total.
 */
async function layoutC(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_C, { pageSetup: { orientation: 'landscape' } });
  sheet.mergeCells('A1:E1');
  sheet.getCell('A1').value = 'Сведения по организациям образования';
  for (const [range, text] of [['A3:A4', '№ п/п'], ['B3:B4', 'Наименование организации образования'], ['C3:E3', 'Помощь']] as const) {
    sheet.mergeCells(range);
    sheet.getCell(range.split(':')[0]).value = text;
  }
  sheet.getCell('C4').value = 'Детей';
  sheet.getCell('D4').value = 'Сумма, тенге';
  sheet.getCell('E4').value = 'На одного ребёнка';
  const total = 5 + rows;
  // Графа 5 filled down as Excel fills it: one shared formula.
  // (exceljs writes it so, though its types do not say it.)
  sheet.getCell('E5').value = { formula: 'IF(C5>0,D5/C5,0)', result: 0, shareType: 'shared', ref: `E5:E${total - 1}` } as ExcelJS.CellFormulaValue;
  for (let row = 6; row < total; row++) sheet.getCell(`E${row}`).value = { sharedFormula: 'E5', result: 0 };
  sheet.getCell(`B${total}`).value = 'Итого';
  sheet.getCell(`C${total}`).value = { formula: `SUM(C5:C${total - 1})`, result: 0 };
  sheet.getCell(`D${total}`).value = { formula: `SUM(D5:D${total - 1})`, result: 0 };
  sheet.getCell(`B${total}`).note = 'Итог считает область';
  boxed(sheet, { rows: [3, total], columns: [1, 5] }, '#,##0.00');
  sheet.mergeCells(`A${total + 2}:D${total + 2}`);
  sheet.getCell(`A${total + 2}`).value = SIGNATURE;
  sheet.pageSetup.printArea = `A1:E${total + 2}`;
  guarded(workbook, sheet, `C5:D${total - 1}`);
  const note = workbook.addWorksheet(NOTE_SHEET);
  note.getCell('A1').value = 'Детей всего:';
  note.getCell('B1').value = { formula: `'${SHEET_C}'!C${total}`, result: 0 };
  return withCalcChain(Buffer.from(await workbook.xlsx.writeBuffer()), `C${total}`);
}

/** The file with the calculation chain Excel saves (exceljs writes none): its part, content type and relationship. */
function withCalcChain(bytes: Buffer, cell: string): Buffer {
  const parts = unzipSync(bytes);
  parts['xl/calcChain.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="${cell}" i="1"/></calcChain>`);
  const types = strFromU8(parts['[Content_Types].xml']);
  parts['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
  return Buffer.from(zipSync(parts));
}

const SOURCE_C: RegionSource = {
  fileName: 'po-organizaciyam.xlsx',
  sheet: SHEET_C,
  rows: {},
  columns: {
    'main:R01': { index: 3, text: 'Помощь / Детей' },
    'main:R03': { index: 4, text: 'Помощь / Сумма, тенге' },
  },
  schoolRows: { firstRow: 5, numberColumn: 1, nameColumn: 2 },
};

// ------------------------------------------------------------------------------------------------------- the district

type Database = Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let work: ReturnType<typeof tempDir>;
let schools: School[];
const CAMPAIGN = { A: 'zabota-2028', B: 'zabota-2029', C: 'zabota-2030' } as const;
const REPORTING = { A: [1, 2, 3], B: [1, 2, 3], C: [1, 2] };

async function formVersion(source: RegionSource): Promise<number> {
  const copy = await copyForm(database.db, 'zabota', 1);
  expect(await saveForm(database.db, regionForm(copy.form, source))).toMatchObject({ saved: true });
  return copy.form.version;
}

beforeAll(async () => {
  work = tempDir('jinaq-region-fill-');
  database = await tempDatabase();
  schools = [];
  for (let n = 1; n <= 4; n++) schools.push(await createSchool(database.db, schoolFields(n)));
  await setSchoolActive(database.db, schools[3].id, false);
  for (const [layout, source] of [['A', SOURCE_A], ['B', SOURCE_B], ['C', SOURCE_C]] as const) {
    const version = await formVersion(source);
    const campaign = await createCampaign(database.db, 'zabota', Number(CAMPAIGN[layout].slice(-4)));
    await setCampaignForm(database.db, campaign.id, version);
    for (const n of REPORTING[layout]) {
      const outcome = await enterReport(database.db, campaign.id, schools[n - 1].id, typedBy(n));
      expect(outcome, `${layout} school ${n}`).toMatchObject({ status: 'accepted', errors: [] });
    }
  }
}, 60_000);

afterAll(async () => {
  await database?.remove();
  work?.remove();
});

const ru = tFor('ru');
const said = (issues: FileIssue[]) => issues.map((i) => `${i.severity} ${i.sheet ?? ''}!${i.cell ?? ''} ${i.code ?? ''}: ${formatMessage(ru, i.message)}`);

/** The zip's parts as text (or bytes' length for binary ones), by name. */
const partsOf = (bytes: Uint8Array) => unzipSync(bytes);

// ------------------------------------------------------------------------------------------------------------ tests

describe('layout A: codes, a two-level merged header, the region\'s «Итого», print setup, a second sheet', () => {
  let region: Buffer;
  let filled: Uint8Array;
  let unplaced: FileIssue[];

  beforeAll(async () => {
    region = await layoutA();
    const result = await buildRegionWorkbook(database.db, CAMPAIGN.A, { name: 'forma1-region.xlsx', bytes: region }, '2029-01-10');
    expect(result.request.files[0].name).toBe('forma1-region-filled-2029-01-10.xlsx');
    filled = result.request.files[0].bytes;
    unplaced = result.unplaced;
  });

  it('lists the region\'s cell with no total (R04: no school reported visits), and nothing else', () => {
    expect(said(unplaced)).toEqual([expect.stringMatching(/^warning Форма 1!D10 R04: Ячейка «Количество выездов в семьи» осталась пустой/)]);
  });

  it.skipIf(!PYTHON)('openpyxl reads each total in its cell as a number, and every other cell, merge and setting as the region made them', () => {
    const before = openpyxlRead(work.dir, region, false);
    const after = openpyxlRead(work.dir, filled, false);
    const sheet = after['Форма 1'];
    const expected: Record<string, number> = {
      D7: sumOf('R01', REPORTING.A), D8: sumOf('R02', REPORTING.A), D9: sumOf('R03', REPORTING.A),
      C16: sumOf('G01.1', REPORTING.A), D16: sumOf('G01.2', REPORTING.A), C17: sumOf('G02.1', REPORTING.A), D17: sumOf('G02.2', REPORTING.A),
    };
    expect(expected.D9).toBe(9001.5);
    for (const [cell, value] of Object.entries(expected)) {
      expect(sheet.cells[cell], cell).toBe(value);
      expect(sheet.types[cell], cell).toBe('n');
    }
    const { D7, D8, D9, C16, D16, C17, D17, ...rest } = sheet.cells;
    expect(rest).toEqual(before['Форма 1'].cells);
    expect(sheet.cells.A21).toBe(SIGNATURE);
    expect(sheet.cells.D11).toBe('=SUM(D7:D8)');
    for (const key of ['merged', 'orientation', 'printArea', 'fitToWidth', 'fonts', 'borders', 'formats'] as const) {
      expect(sheet[key], key).toEqual(before['Форма 1'][key]);
    }
    expect(sheet.orientation).toBe('landscape');
    expect(String(sheet.printArea)).toContain('$A$1:$E$21');
    expect(sheet.merged).toContain('D4:E4');
    expect(after[NOTE_SHEET]).toEqual(before[NOTE_SHEET]);
  });

  it('leaves every other part of the file byte for byte, the sheet outside its cells too, and asks for a recalculation', () => {
    const before = partsOf(region);
    const after = partsOf(filled);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((name) => Buffer.compare(Buffer.from(before[name]), Buffer.from(after[name])) !== 0);
    expect(changed.sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
    // The region's note on its «Итого» (which an exceljs round trip drops) is among the parts kept byte for byte.
    expect(strFromU8(after['xl/comments1.xml'])).toContain('считает область');
    // The second sheet takes the filled sheet's total: its formula's cached result goes, nothing else of it.
    const note = strFromU8(before['xl/worksheets/sheet2.xml']);
    expect(note).toContain('<f>&apos;Форма 1&apos;!D11</f><v>0</v>');
    expect(strFromU8(after['xl/worksheets/sheet2.xml'])).toBe(note.replace('<v>0</v>', ''));
    const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '');
    expect(outside(strFromU8(after['xl/worksheets/sheet1.xml']))).toBe(outside(strFromU8(before['xl/worksheets/sheet1.xml'])));
    expect(strFromU8(after['xl/workbook.xml'])).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    // What a rewrite through exceljs would risk losing is there, as it was: validations, conditional formats, names.
    expect(strFromU8(after['xl/worksheets/sheet1.xml'])).toMatch(/<conditionalFormatting sqref="D7:D10">[\s\S]*<dataValidations [^>]*>[\s\S]*<dataValidation [^>]*sqref="D7:D10"/);
    expect(strFromU8(after['xl/workbook.xml'])).toContain('<definedName name="Значения">&apos;Форма 1&apos;!$D$7:$D$10</definedName>');
    expect(strFromU8(after['xl/workbook.xml']).replace(/ fullCalcOnLoad="1"/, '')).toBe(strFromU8(before['xl/workbook.xml']));
    // The region's formulas keep their text; only their cached results go, to be computed again.
    expect(strFromU8(after['xl/worksheets/sheet1.xml'])).toMatch(/<c r="D11"[^>]*><f>SUM\(D7:D8\)<\/f><\/c>/);
  });

  it.skipIf(!PYTHON || !SOFFICE_VERSION)(`the region's own formulas recalculate to the district's totals in LibreOffice (${SOFFICE_VERSION ?? 'not installed'}), with its default settings too`, () => {
    const dir = tempDir('jinaq-region-lo-');
    try {
      // A fresh profile keeps LibreOffice's default for .xlsx (no recalculation on load: the cached results are
      // trusted): the formulas whose cached results the fill dropped, on the sheet and on the sheet that takes its
      // total, are computed all the same.
      for (const profile of [path.join(dir.dir, 'default'), recalculatingProfile(path.join(dir.dir, 'recalculating'))]) {
        const saved = convertWithSoffice(filled, { dir: path.join(dir.dir, path.basename(profile)), name: 'filled.xlsx', format: 'xlsx', profile, timeout: 120_000 });
        const read = openpyxlRead(dir.dir, saved, true);
        const sheet = read['Форма 1'];
        expect(sheet.cells.D11, profile).toBe(sumOf('R01', REPORTING.A) + sumOf('R02', REPORTING.A));
        expect(sheet.cells.C18, profile).toBe(sumOf('G01.1', REPORTING.A) + sumOf('G02.1', REPORTING.A));
        expect(sheet.cells.D18, profile).toBeCloseTo(sumOf('G01.2', REPORTING.A) + sumOf('G02.2', REPORTING.A), 2);
        expect(sheet.cells.D9, profile).toBe(sumOf('R03', REPORTING.A));
        expect(read[NOTE_SHEET].cells.B2, profile).toBe(sumOf('R01', REPORTING.A) + sumOf('R02', REPORTING.A));
        expect(sheet.cells.A21, profile).toBe(SIGNATURE);
      }
    } finally {
      dir.remove();
    }
  }, 240_000);
});

describe('layout B: Kazakh only, no codes, found by label and caption', () => {
  it.skipIf(!PYTHON)('fills the layout the form was made from', async () => {
    const { request, unplaced } = await buildRegionWorkbook(database.db, CAMPAIGN.B, { name: 'nysan.xlsx', bytes: await layoutB(false) });
    const sheet = openpyxlRead(work.dir, request.files[0].bytes, false)['Нысан'];
    expect([sheet.cells.C4, sheet.cells.C5, sheet.cells.C6]).toEqual([sumOf('R01', REPORTING.B), sumOf('R02', REPORTING.B), sumOf('R03', REPORTING.B)]);
    expect([sheet.cells.C11, sheet.cells.D11, sheet.cells.C12, sheet.cells.D12]).toEqual(['G01.1', 'G01.2', 'G02.1', 'G02.2'].map((code) => sumOf(code, REPORTING.B)));
    expect(said(unplaced)).toEqual([expect.stringMatching(/^warning Нысан!C7 R04: /)]);
  });

  it.skipIf(!PYTHON)('the region\'s next letter moved the rows and the values column and dropped a row: each total still finds its cell, the dropped one is said', async () => {
    const { request, unplaced } = await buildRegionWorkbook(database.db, CAMPAIGN.B, { name: 'nysan-2.xlsx', bytes: await layoutB(true) });
    const sheet = openpyxlRead(work.dir, request.files[0].bytes, false)['Нысан'];
    // Rows: two new ones above (4, 5), R01 at 6, R02 gone, R03 at 7; the grid's header at 11, G01 at 12, G02 at 13.
    expect(sheet.cells.B6).toBe(LABELS.R01[1]);
    expect([sheet.cells.D6, sheet.cells.D7]).toEqual([sumOf('R01', REPORTING.B), sumOf('R03', REPORTING.B)]);
    expect([sheet.cells.D12, sheet.cells.E12, sheet.cells.D13, sheet.cells.E13]).toEqual(['G01.1', 'G01.2', 'G02.1', 'G02.2'].map((code) => sumOf(code, REPORTING.B)));
    // The new rows the form does not collect stay empty; nothing lands in the units column.
    expect([sheet.cells.D4, sheet.cells.D5, sheet.cells.C6]).toEqual([undefined, undefined, 'адам']);
    const lines = said(unplaced);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^error Нысан! R02: Итог ${sumOf('R02', REPORTING.B)} по «из них девочек» некуда записать: на листе «Нысан» нет строки «${LABELS.R02[1]}»`)));
    expect(lines).toContainEqual(expect.stringMatching(/^warning Нысан!D8 R04: /));
    expect(lines).toHaveLength(2);
    const kk = formatMessage(tFor('kk'), unplaced.find((i) => i.code === 'R02')!.message);
    expect(kk).toContain(`«${LABELS.R02[1]}» бойынша ${sumOf('R02', REPORTING.B)} жиынтығын жазатын орын жоқ`);
  });
});

describe('layout C: one row per organisation', () => {
  it.skipIf(!PYTHON)('one row per active school in registry order, number, name and values; the totals row\'s SUM recalculates in LibreOffice', async () => {
    const region = await layoutC(5);
    const { request, unplaced } = await buildRegionWorkbook(database.db, CAMPAIGN.C, { name: 'po-organizaciyam.xlsx', bytes: region });
    const filled = request.files[0].bytes;
    const before = openpyxlRead(work.dir, region, false)['По организациям'];
    const sheet = openpyxlRead(work.dir, filled, false)['По организациям'];
    // Schools 1–3 are active (4 is closed); 3 did not report: its row has its number and name, no values.
    expect([5, 6, 7, 8].map((row) => [sheet.cells[`A${row}`], sheet.cells[`B${row}`], sheet.cells[`C${row}`], sheet.cells[`D${row}`]])).toEqual([
      [1, schools[0].nameRu, typedBy(1).R01, typedBy(1).R03],
      [2, schools[1].nameRu, typedBy(2).R01, typedBy(2).R03],
      [3, schools[2].nameRu, undefined, undefined],
      [undefined, undefined, undefined, undefined],
    ]);
    expect(sheet.borders).toEqual(before.borders);
    expect(sheet.formats).toEqual(before.formats);
    expect(sheet.cells.C10).toBe('=SUM(C5:C9)');
    // No row inserted: the calculation chain stays as it was.
    expect(Buffer.from(partsOf(filled)['xl/calcChain.xml']).equals(Buffer.from(partsOf(region)['xl/calcChain.xml']))).toBe(true);
    expect(sheet.cells.A12).toBe(SIGNATURE);
    // The form's rows with no column in this table: their totals are said, with the grid's cells.
    expect(said(unplaced).filter((line) => line.startsWith('error'))).toEqual([
      `error По организациям! R02: Итог ${sumOf('R02', REPORTING.C)} по «из них девочек» некуда записать: на листе «По организациям» нет графы «R02». Впишите его в файл области вручную`,
    ]);
    if (!SOFFICE_VERSION) return;
    const dir = tempDir('jinaq-region-lo-');
    try {
      const saved = convertWithSoffice(filled, { dir: dir.dir, name: 'filled.xlsx', format: 'xlsx', profile: recalculatingProfile(path.join(dir.dir, 'profile')), timeout: 120_000 });
      const read = openpyxlRead(dir.dir, saved, true)['По организациям'];
      expect(read.cells.C10).toBe(sumOf('R01', REPORTING.C));
      expect(read.cells.D10).toBe(sumOf('R03', REPORTING.C));
    } finally {
      dir.remove();
    }
  }, 150_000);

  it.skipIf(!PYTHON || !SOFFICE_VERSION)('a table with fewer rows than schools grows: a row copied from its last one, the SUMs, merges, print area and the other sheet\'s reference moved with it', async () => {
    const region = await layoutC(2);
    const { request, unplaced } = await buildRegionWorkbook(database.db, CAMPAIGN.C, { name: 'po-organizaciyam.xlsx', bytes: region });
    const filled = request.files[0].bytes;
    const before = openpyxlRead(work.dir, region, false);
    const after = openpyxlRead(work.dir, filled, false);
    const sheet = after[SHEET_C];
    expect([5, 6, 7].map((row) => [sheet.cells[`A${row}`], sheet.cells[`B${row}`], sheet.cells[`C${row}`], sheet.cells[`E${row}`]])).toEqual([
      [1, schools[0].nameRu, typedBy(1).R01, '=IF(C5>0,D5/C5,0)'],
      [2, schools[1].nameRu, typedBy(2).R01, '=IF(C6>0,D6/C6,0)'],
      [3, schools[2].nameRu, undefined, '=IF(C7>0,D7/C7,0)'],
    ]);
    expect([sheet.cells.B8, sheet.cells.C8, sheet.cells.D8]).toEqual(['Итого', '=SUM(C5:C7)', '=SUM(D5:D7)']);
    expect(sheet.cells.A10).toBe(SIGNATURE);
    expect(sheet.notes).toEqual({ B8: 'Итог считает область' });
    expect(sheet.merged).toEqual(before[SHEET_C].merged.map((range) => range.replace('A9:D9', 'A10:D10')).sort());
    expect(String(sheet.printArea)).toContain('$A$1:$E$10');
    expect(sheet.orientation).toBe('landscape');
    // The inserted row is bordered and formatted as the rows around it.
    for (const column of 'ABCDE') {
      expect(sheet.borders[`${column}6`], column).toBe('thin');
      expect(sheet.formats[`${column}6`], column).toBe(before[SHEET_C].formats[`${column}6`]);
    }
    expect(after[NOTE_SHEET].cells.B1).toBe(`='${SHEET_C}'!C8`);
    const xml = partsOf(filled);
    expect(strFromU8(xml['xl/worksheets/sheet1.xml'])).toMatch(/<conditionalFormatting sqref="C5:D7">/);
    // The calculation chain names cells that moved: it goes, with its content type and relationship (Excel rebuilds it).
    expect(partsOf(region)['xl/calcChain.xml']).toBeDefined();
    expect(strFromU8(partsOf(region)['xl/worksheets/sheet1.xml'])).toMatch(/<c r="E6"[^>]*><f t="shared" si="0"\/>/);
    expect(xml['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(xml['[Content_Types].xml']) + strFromU8(xml['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    expect(strFromU8(xml['xl/workbook.xml'])).toMatch(new RegExp(`<definedName name="Значения">(&apos;|')${SHEET_C}(&apos;|')!\\$C\\$5:\\$C\\$7</definedName>`));
    expect(said(unplaced).filter((line) => !line.includes('R02'))).toEqual([]);
    const dir = tempDir('jinaq-region-lo-');
    try {
      const saved = convertWithSoffice(filled, { dir: dir.dir, name: 'filled.xlsx', format: 'xlsx', profile: recalculatingProfile(path.join(dir.dir, 'profile')), timeout: 120_000 });
      const read = openpyxlRead(dir.dir, saved, true);
      expect(read[SHEET_C].cells.C8).toBe(sumOf('R01', REPORTING.C));
      expect(read[SHEET_C].cells.D8).toBe(sumOf('R03', REPORTING.C));
      expect(read[SHEET_C].cells.E6).toBeCloseTo(typedBy(2).R03 as number / (typedBy(2).R01 as number), 6);
      expect(read[NOTE_SHEET].cells.B1).toBe(sumOf('R01', REPORTING.C));
    } finally {
      dir.remove();
    }
  }, 150_000);
});

describe('the command line and the API', () => {
  it('`jinaq export --into` prints what could not be placed, writes the file, and exits 1 when a total was left out', async () => {
    const file = path.join(work.dir, 'cli.sqlite');
    await backupTo(database.raw, file);
    const into = path.join(work.dir, 'nysan-2.xlsx');
    writeFileSync(into, await layoutB(true));
    const out = path.join(work.dir, 'filled-cli.xlsx');
    const lines: string[] = [];
    const code = await runCli(['export', '--campaign', CAMPAIGN.B, '--into', into, '--out', out, '--db', file, '--lang', 'ru'], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    expect(lines[0]).toBe('Не размещено в файле области (2):');
    expect(lines[1]).toMatch(new RegExp(`^ {4}Нысан · R02: Итог ${sumOf('R02', REPORTING.B)} по «из них девочек» некуда записать`));
    expect(lines[2]).toMatch(/^ {4}Нысан!D8 · R04: Ячейка «Количество выездов в семьи» осталась пустой/);
    expect(lines.at(-1)).toBe(`Записано: ${out}`);
    expect(code).toBe(EXIT_REJECTED);
    expect(existsSync(out)).toBe(true);
    expect(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml']).toBeDefined();
  });

  it('exports.intoRegionWorkbook answers the filled file and the list', async () => {
    const region = await layoutA();
    const answer = await callApi<{ outcome: Parameters<typeof downloaded>[0]; unplaced: FileIssue[] }>(apiContextFor(database), 'exports.intoRegionWorkbook', {
      campaignId: CAMPAIGN.A,
      file: { name: 'forma1-region.xlsx', base64: region.toString('base64') },
    });
    const { name, bytes } = downloaded(answer.outcome);
    expect(name).toMatch(/^forma1-region-filled-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'])).toMatch(new RegExp(`<c r="D7"[^>]*><v>${sumOf('R01', REPORTING.A)}</v></c>`));
    expect(answer.unplaced.map((i) => [i.cell, i.code, i.message.key])).toEqual([['D10', 'R04', 'regionFill.noTotal']]);
  });

  it('a campaign whose form was not made from a region\'s file is refused with a message saying how to make one', async () => {
    await zabotaV1Campaign(database.db, 2031);
    await expect(buildRegionWorkbook(database.db, 'zabota-2031', { name: 'x.xlsx', bytes: await layoutA() })).rejects.toMatchObject({ key: 'regionFill.noRegionSource' });
  });
});

describe('rows inserted as Excel inserts them', () => {
  const insertion = { sheet: 'По организациям', at: 9, count: 2 };

  it('moves the sheet\'s references at and below the row, grows a range across it, and leaves strings, functions and other sheets alone', () => {
    expect(shiftFormula('SUM(C5:C9)+C8*$D$9&"C9"&LOG10(C12)+Лист2!C9+IF(A1="",1,C20)', insertion, true))
      .toBe('SUM(C5:C11)+C8*$D$11&"C9"&LOG10(C14)+Лист2!C9+IF(A1="",1,C22)');
    expect(shiftFormula("'По организациям'!$C$9+C9+'Другой лист'!C9", insertion, false)).toBe("'По организациям'!$C$11+C9+'Другой лист'!C9");
    expect(shiftRanges('A9:D9 B3:B10 E2', insertion)).toBe('A11:D11 B3:B12 E2');
  });

  it('copies a formula to another row as fill down does: relative rows move, absolute ones stay', () => {
    expect(copiedFormula('IF(C6>0,D6/C6,$A$1)+C$2', -1)).toBe('IF(C5>0,D5/C5,$A$1)+C$2');
  });
});

/** The writes and unplaced list for `totals` in the region's file `region`, by the form read from the region's file `formFrom`. */
async function placedBy(formFrom: Buffer, region: Buffer, totals: Record<string, number>) {
  const reading = readRegionForm((await loadWorkbook(formFrom))!, { fileName: 'region.xlsx' });
  if (!reading.ok) throw new Error('the layout is a form');
  const sheet = (await loadWorkbook(region))!.sheets[0];
  return placeRegionValues({
    form: reading.form,
    source: reading.form.regionSource!,
    sheet: {
      name: sheet.name,
      *cells() {
        for (const row of sheet.rows()) for (const { column, value } of row.cells()) yield { row: row.number, column, text: valueText(value) };
      },
      text: (row, column) => valueText(sheet.value(row, column)),
      hasFormula: () => false,
      hasCell: () => true,
      masterOf: (row, column) => masterOf(sheet, row, column),
    },
    totals,
    schools: [],
  });
}

describe('columns found again', () => {
  it('«Значение / Мәні», a caption in both languages in one cell (remembered as two parts), is the one cell that holds them both', async () => {
    const region = await regionForms.twoLanguageColumns();
    const { writes, unplaced } = await placedBy(region, region, { R01: 3, R02: 150, R03: 40 });
    expect(writes).toEqual([{ row: 5, column: 4, value: 3 }, { row: 6, column: 4, value: 150 }, { row: 7, column: 4, value: 40 }]);
    expect(unplaced).toEqual([]);
  });

  it('a графа inserted renumbers the графы after it: each column found by its caption, not by its old number', async () => {
    const totals = { 'R0100.1': 10, 'R0100.2': 7, 'R0100.3': 3, 'R0200.1': 400 };
    const { writes, unplaced } = await placedBy(await regionForms.statisticsLayout(), await regionForms.statisticsLayoutNextLetter(), totals);
    // «Всего» stays графа 1 in column D; «государственные» and «частные», графы 2 and 3 before, are 3 and 4 in F and G.
    expect(writes).toEqual([{ row: 7, column: 4, value: 10 }, { row: 7, column: 6, value: 7 }, { row: 7, column: 7, value: 3 }, { row: 10, column: 4, value: 400 }]);
    expect(unplaced.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
