// What the import fuzzer (test/unit/fuzz-import.test.ts) found, each on a small crafted file through the real
// import: a few bytes of XML that exceljs expanded cell by cell (column widths, data validations, merged ranges,
// defined names, sheet ids, rows past the end of the grid) and held the import for minutes or ran it out of memory;
// loops over every row number up to the sheet's last, which made a million empty rows for one value in the grid's
// last row; cells that threw instead of being refused (a date Excel cannot show); a number too large to store
// exactly. Each is now read, or refused with a message naming the file, the sheet and the cell, in Russian, Kazakh
// and English.
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../main/db/open.ts';
import { readListTables } from '../../main/excel/intake/list-reader.ts';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { openXlsx } from '../../main/excel/intake/open-workbook.ts';
import { WORKBOOK_LIMITS } from '../../main/excel/intake/workbook-structure.ts';
import { formVersionOf } from '../../main/excel/layout/identity.ts';
import { readPlanPart } from '../../main/excel/intake/plan-part-reader.ts';
import { readReport } from '../../main/excel/intake/report-reader.ts';
import { readTypedValue } from '../../main/excel/intake/value-cells.ts';
import { INVALID_DATE_TEXT, valueText } from '../../main/excel/intake/cell-text.ts';
import { importReports } from '../../main/services/imports.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { listTables } from '../../shared/forms/types.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { prepareDistrict, type FuzzDistrict } from '../helpers/fuzz-import.ts';
import { edited } from '../helpers/edit.ts';

const FORM_SHEET = 'Форма - Нысан';
const FORM_PART = 'xl/worksheets/sheet1.xml';
/** The НИК publications list: the second sheet, its date column B from row 6. */
const LIST_SHEET = listSheetName(listTables(nikV1)[0]);
const LIST_PART = 'xl/worksheets/sheet2.xml';
/** Where the template puts each «Забота» row code's value: row 10 onwards, column D. */
const ZABOTA_CELL = Object.fromEntries(zabotaV2.indicators.map((indicator, i) => [indicator.code, `D${10 + i}`]));

let district: FuzzDistrict;
let database: OpenedDatabase;
let zabota: Uint8Array;
let nik: Uint8Array;

beforeAll(async () => {
  district = await prepareDistrict();
  [zabota, nik] = district.bases.map(({ base }) => base.bytes);
  database = await openDatabase(district.file);
}, 60_000);
afterAll(async () => {
  await database?.close();
  district?.remove();
});

async function importOne(form: 'zabota' | 'nik', bytes: Uint8Array, name = 'report.xlsx'): Promise<ImportOutcome> {
  const [outcome] = await importReports(database.db, form === 'zabota' ? 'zabota-2027' : 'nik-2026', [{ name, bytes }]);
  return outcome;
}

/** Reads as a sentence in every language, every placeholder filled. */
function readsWell(problem: FileIssue): void {
  for (const lng of ['ru', 'kk', 'en'] as const) {
    const words = formatMessage(tFor(lng), problem.message);
    expect(words, `${lng} ${problem.message.key}`).not.toMatch(/\{\{|\}\}|import\.|messages\./);
  }
}

/** Refused with exactly one error, this one. */
function refusedWith(outcome: ImportOutcome, expected: Partial<FileIssue>): FileIssue {
  expect(outcome.status).toBe('rejected');
  expect(outcome.errors).toHaveLength(1);
  expect(outcome.errors[0]).toMatchObject(expected);
  readsWell(outcome.errors[0]);
  return outcome.errors[0];
}

describe('what exceljs would build cell by cell is bounded before it parses', () => {
  it('reads a report whose column widths run to column 99 999 999 (exceljs made an object per column)', async () => {
    const bytes = edited(zabota, FORM_PART, (xml) => xml.replace(/<cols>.*?<\/cols>/, '<cols><col min="1" max="99999999" width="12" customWidth="1"/></cols>'));
    expect(await importOne('zabota', bytes)).toMatchObject({ status: 'accepted', errors: [] });
  });

  it('reads a report with a data validation over the whole sheet, as Excel users set on whole columns (exceljs made an entry per cell)', async () => {
    const bytes = edited(zabota, FORM_PART, (xml) => xml.replace(/sqref="[^"]*"/, 'sqref="A1:XFD1048576"'));
    expect(await importOne('zabota', bytes)).toMatchObject({ status: 'accepted', errors: [] });
  });

  it('refuses a row or a cell past the end of the grid as damage, naming the sheet and the place', async () => {
    const row = edited(zabota, FORM_PART, (xml) => xml.replace('</sheetData>', '<row r="99999999"><c r="A99999999" t="str"><v>x</v></c></row></sheetData>'));
    refusedWith(await importOne('zabota', row, 'строка.xlsx'), { message: { key: 'import.cellOutsideSheet', params: { file: 'строка.xlsx', sheet: FORM_SHEET, cell: '99999999:99999999' } } });
    const cell = edited(zabota, FORM_PART, (xml) => xml.replace('<c r="D10"', '<c r="XFE10" t="str"><v>x</v></c><c r="D10"'));
    refusedWith(await importOne('zabota', cell, 'ячейка.xlsx'), { message: { key: 'import.cellOutsideSheet', params: { file: 'ячейка.xlsx', sheet: FORM_SHEET, cell: 'XFE10' } } });
  });

  it('refuses cells merged over a whole column, naming the sheet and the range', async () => {
    const bytes = edited(zabota, FORM_PART, (xml) => xml.replace('<mergeCell ref="A1:D1"/>', '<mergeCell ref="H1:H1048576"/>'));
    const error = refusedWith(await importOne('zabota', bytes, 'столбец.xlsx'), { message: { key: 'import.mergedAreaTooLarge' } });
    expect(error.message.params).toMatchObject({ file: 'столбец.xlsx', sheet: FORM_SHEET, limit: WORKBOOK_LIMITS.mergedCells, range: 'H1:H1048576' });
    expect(error.message.params!.cells).toBeGreaterThanOrEqual(1_048_576);
  });

  it('refuses more merged ranges than a report ever has (exceljs compares each with every one before it)', async () => {
    const merges = Array.from({ length: WORKBOOK_LIMITS.merges + 1 }, (_, i) => `<mergeCell ref="H${2000 + i}:I${2000 + i}"/>`).join('');
    const bytes = edited(zabota, FORM_PART, (xml) => xml.replace('</mergeCells>', `${merges}</mergeCells>`));
    const error = refusedWith(await importOne('zabota', bytes), { message: { key: 'import.tooManyMerges' } });
    expect(error.message.params).toMatchObject({ sheet: FORM_SHEET, limit: WORKBOOK_LIMITS.merges });
    expect(error.message.params!.count).toBeGreaterThan(WORKBOOK_LIMITS.merges);
  });

  it('refuses a defined name over the whole sheet, naming it; a print area over the whole sheet is still read', async () => {
    const named = (definedName: string) => edited(zabota, 'xl/workbook.xml', (xml) => xml.replace('<calcPr', `<definedNames>${definedName}</definedNames><calcPr`));
    const bytes = named(`<definedName name="Всё">'${FORM_SHEET}'!$A$1:$XFD$1048576</definedName>`);
    refusedWith(await importOne('zabota', bytes, 'имя.xlsx'), {
      message: { key: 'import.nameTooLarge', params: { file: 'имя.xlsx', name: 'Всё', range: '$A$1:$XFD$1048576', cells: 16_384 * 1_048_576, limit: WORKBOOK_LIMITS.namedCells } },
    });
    const printArea = named(`<definedName name="_xlnm.Print_Area" localSheetId="0">'${FORM_SHEET}'!$A$1:$XFD$1048576</definedName>`);
    expect(await importOne('zabota', printArea)).toMatchObject({ status: 'accepted', errors: [] });
  });

  it('refuses a sheet id exceljs would index an array of a hundred million with, as a damaged workbook.xml', async () => {
    const bytes = edited(zabota, 'xl/workbook.xml', (xml) => xml.replace('sheetId="1"', 'sheetId="99999999"'));
    refusedWith(await importOne('zabota', bytes, 'id.xlsx'), { message: { key: 'import.fileDamaged', params: { file: 'id.xlsx', part: 'xl/workbook.xml' } } });
  });
});

describe('a workbook that lost a part it cannot be read without', () => {
  const without = (bytes: Uint8Array, part: string) => {
    const parts = unzipSync(bytes);
    if (!(part in parts)) throw new Error(`no part ${part}`);
    delete parts[part];
    return zipSync(parts);
  };

  it.each([
    ['xl/sharedStrings.xml', 'its cells’ texts (every row code) were read as blanks: «no form table, fill in the template»'],
    ['xl/_rels/workbook.xml.rels', 'no sheet was found: «no form table»'],
    ['xl/worksheets/sheet1.xml', 'the form sheet was missing: «no form table»'],
    ['xl/workbook.xml', '«not an Excel workbook»'],
  ])('is refused as damaged, naming %s (before: %s)', async (part) => {
    refusedWith(await importOne('zabota', without(zabota, part), 'часть.xlsx'), { message: { key: 'import.fileDamaged', params: { file: 'часть.xlsx', part } } });
  });

  it('falls back to the Comments property when the hidden sheet lost the form version (it read as version 0)', async () => {
    const bytes = edited(zabota, 'xl/worksheets/sheet2.xml', (xml) => xml.replace(/<c r="B2"[^>]*>.*?<\/c>/, ''));
    expect(await importOne('zabota', bytes)).toMatchObject({ status: 'accepted', errors: [] });
  });
});

describe('only rows that exist are read', () => {
  it('reads a value in the grid’s last row without making the million empty rows above it', async () => {
    const stray = (column: string) => (xml: string) => xml.replace('</sheetData>', `<row r="1048576"><c r="${column}1048576" t="str"><v>x</v></c></row></sheetData>`);
    const bytes = edited(edited(nik, FORM_PART, stray('H')), LIST_PART, stray('G'));
    expect(await importOne('nik', bytes)).toMatchObject({ status: 'accepted', errors: [] });
    // The readers go through the rows that exist and ask for a few cells of the header; the adapter makes each row asked for.
    const opened = await openXlsx(bytes, 'last-row.xlsx');
    if (!opened.ok) throw new Error(opened.error.message.key);
    const asked = opened.workbook.sheets.flatMap((sheet) => [vi.spyOn(sheet, 'row'), vi.spyOn(sheet, 'value')]);
    const read = readReport(opened.workbook, nikV1);
    if (!read.ok) throw new Error(read.error.message.key);
    readPlanPart(opened.workbook.sheet(read.report.sheet)!);
    readListTables(opened.workbook, listTables(nikV1), read.report.values);
    for (const spy of asked) expect(spy.mock.calls.length).toBeLessThan(1000);
  });
});

describe('cells that threw are refused with their place', () => {
  /** The НИК report with cell B8 of the publications list (a date column) written as given. */
  const withDateCell = (cell: string) => edited(nik, LIST_PART, (xml) => xml.replace(/<c r="B8" s="(\d+)"\/>/, (_, style: string) => cell.replace('STYLE', style)));

  it('a formula error cached in a date cell (exceljs gives an Invalid Date; formatting it threw RangeError)', async () => {
    const outcome = await importOne('nik', withDateCell('<c r="B8" s="STYLE" t="e"><f>1/0</f><v>#DIV/0!</v></c>'));
    expect(outcome.status).toBe('rejected');
    const error = outcome.errors.find((e) => e.message.key === 'import.invalidDate');
    expect(error).toMatchObject({ sheet: LIST_SHEET, cell: 'B8' });
    readsWell(error!);
  });

  it('a date cell holding a number beyond any date', async () => {
    const outcome = await importOne('nik', withDateCell('<c r="B8" s="STYLE"><v>99999999999</v></c>'));
    expect(outcome.errors.find((e) => e.message.key === 'import.invalidDate')).toMatchObject({ sheet: LIST_SHEET, cell: 'B8' });
  });

  it('as values: an Invalid Date is neither a number nor a date, and shows as Excel shows it', () => {
    const invalid = new Date(Number.NaN);
    expect(readTypedValue(invalid, 'count')).toEqual({ problem: 'import.invalidDate' });
    expect(readTypedValue(invalid, 'date')).toEqual({ problem: 'import.invalidDate' });
    expect(readTypedValue({ formula: '1/0', result: invalid }, 'date')).toEqual({ problem: 'import.invalidDate' });
    expect(readTypedValue({ formula: '1/0', result: invalid }, 'money')).toEqual({ problem: 'import.invalidDate' });
    expect(valueText(invalid)).toBe(INVALID_DATE_TEXT);
    expect(valueText({ formula: 'A1', result: invalid })).toBe(INVALID_DATE_TEXT);
  });
});

describe('numbers too large to store exactly', () => {
  it('are refused in a count and in money, naming the cell and the row code (1e308 was stored as a REAL)', async () => {
    const value = (code: string, text: string) => (xml: string) =>
      xml.replace(new RegExp(`(<c r="${ZABOTA_CELL[code]}"[^>]*>)<v>[^<]*</v>`), `$1<v>${text}</v>`);
    const bytes = edited(zabota, FORM_PART, (xml) => value('Z30', '100000000000000')(value('Z01', '1.7976931348623157e308')(xml)));
    const outcome = await importOne('zabota', bytes);
    expect(outcome.status).toBe('rejected');
    const tooLarge = outcome.errors.filter((e) => e.message.key === 'import.numberTooLarge');
    expect(tooLarge.map((e) => [e.code, e.cell])).toEqual([['Z01', ZABOTA_CELL.Z01], ['Z30', ZABOTA_CELL.Z30]]);
    tooLarge.forEach(readsWell);
  });

  it('stop exactly where the stored integer (money in tiyn) would lose digits', () => {
    expect(readTypedValue(Number.MAX_SAFE_INTEGER, 'count')).toEqual({ number: Number.MAX_SAFE_INTEGER });
    expect(readTypedValue(Number.MAX_SAFE_INTEGER + 1, 'count')).toMatchObject({ problem: 'import.numberTooLarge' });
    expect(readTypedValue(90_071_992_547_409.91, 'money')).toEqual({ number: 90_071_992_547_409.91 });
    expect(readTypedValue(90_071_992_547_410, 'money')).toMatchObject({ problem: 'import.numberTooLarge' });
    expect(readTypedValue('1e308', 'count')).toMatchObject({ problem: 'import.notANumber' });
  });
});

describe('a form version read from an identification sheet', () => {
  it('is digits only: a blank or damaged version is no version (Number("") is 0), in school templates and district summaries alike', () => {
    expect(formVersionOf('2')).toBe(2);
    for (const text of ['', ' ', '1.5', '-1', '0x10', '1e3', undefined]) expect(formVersionOf(text), String(text)).toBeNaN();
  });
});
