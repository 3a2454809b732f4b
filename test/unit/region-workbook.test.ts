// The district workbook for the region, on real parts: schools fill the real templates, the import reads them into
// a real SQLite file, and the export is read back as the region would open it — with exceljs, and through
// LibreOffice Calc, which recalculates every formula (the SUM totals row must give the district's totals).
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE, runCli } from '../../main/cli.ts';
import { backupTo } from '../../main/db/backup.ts';
import { readIdentity } from '../../main/excel/intake/identity-reader.ts';
import { IDENTITY_SHEET } from '../../main/excel/layout/identity.ts';
import { readSummaryIdentity } from '../../main/excel/intake/identity-reader.ts';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { copyForm, saveForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { databaseId, updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { CampaignSummary, School } from '../../shared/domain.ts';
import type { FormDefinition } from '../../shared/forms/types.ts';
import { APP_VERSION } from '../../main/version.ts';
import { tempDatabase, tempDir } from '../helpers/db.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { fillPlanPart, fillTemplate, readableWorkbook, readWorkbook, validNik, validZabota, type CellInput } from '../helpers/workbooks.ts';
import { recalculatedByCalc, SOFFICE_VERSION } from '../helpers/libreoffice.ts';

const TODAY = '2027-02-14';
const HEAD = 'А. Б. Ахметова';
const FORMULA_TEXT = '=HYPERLINK("http://evil.example","нажмите")';
const PLAN_TEXT = '=1+2 классных часа';

type Values = Record<string, CellInput>;

let database: Awaited<ReturnType<typeof tempDatabase>>;
let work: ReturnType<typeof tempDir>;
let schools: School[];
/** What each reporting school of zabota-2027 filled in, by short name. */
const filled = new Map<string, Values>();
let summary: CampaignSummary;
let exported: ExcelJS.Workbook;
let bytes: Buffer;

/** Zabota v2: the built-in rows under two sections, and a text row «Примечание» (Z40). */
function zabotaWithNote(form: FormDefinition): FormDefinition {
  return {
    ...form,
    sections: [{ id: 'children', title: { ru: 'Дети', kk: 'Балалар' } }, { id: 'money', title: { ru: 'Средства', kk: 'Қаражат' } }],
    indicators: [
      ...form.indicators.map((indicator) => ({ ...indicator, section: indicator.code >= 'Z30' ? 'money' : 'children' })),
      { code: 'Z40', label: { ru: 'Примечание', kk: 'Ескертпе' }, type: 'text', required: false },
    ],
  };
}

async function importFilled(campaignId: string, school: School, values: Values, plan?: Parameters<typeof fillPlanPart>[1]): Promise<void> {
  const { files } = await buildTemplates(database.db, campaignId);
  const template = files.find((file) => file.name.startsWith(`${school.shortName} - `))!;
  let workbook = await fillTemplate(template.bytes, values);
  if (plan) workbook = await fillPlanPart(workbook, plan);
  const [outcome] = await importReports(database.db, campaignId, [{ name: `${school.shortName}.xlsx`, bytes: workbook }]);
  expect(outcome, `${campaignId} ${school.shortName}`).toMatchObject({ status: 'accepted', errors: [] });
}

/** The report's arrival moved to another day: the import takes SQLite's own clock. */
async function receivedOn(campaignId: string, school: School, at: string): Promise<void> {
  await database.db.updateTable('reports').set({ received_at: at }).where('campaign_id', '=', campaignId).where('school_id', '=', school.id).execute();
}

beforeAll(async () => {
  work = tempDir('jinaq-region-');
  database = await tempDatabase();
  await updateSettings(database.db, {
    districtRu: 'г. Шахтинск',
    districtKk: 'Шахтинск қаласы',
    regionRu: 'Карагандинская область',
    regionKk: 'Қарағанды облысы',
    regionCode: '09',
    departmentRu: 'ГУ «Отдел образования города Шахтинска»',
    departmentKk: '«Шахтинск қаласының білім бөлімі» ММ',
    headName: HEAD,
    departmentBin: validBin(777),
  });
  schools = [];
  for (let n = 1; n <= 4; n++) schools.push(await createSchool(database.db, schoolFields(n)));

  // A year earlier: two schools reported the built-in form.
  await zabotaV1Campaign(database.db, 2026);
  await importFilled('zabota-2026', schools[0], validZabota(1));
  await importFilled('zabota-2026', schools[1], { ...validZabota(1), Z01: 400, Z30: 100000, Z31: 100000, Z32: 0, Z34: 0 });

  // This year, with the district's own version of the form; school №4 has not reported, school №3 reported late.
  const campaign = await zabotaV1Campaign(database.db, 2027);
  const copy = await copyForm(database.db, 'zabota', 1);
  expect(await saveForm(database.db, zabotaWithNote(copy.form))).toMatchObject({ saved: true });
  await setCampaignForm(database.db, campaign.id, copy.form.version);
  filled.set('Школа №1', { ...validZabota(1), Z40: FORMULA_TEXT });
  filled.set('Школа №2', { ...validZabota(2), Z40: 'Всё по плану' });
  filled.set('Школа №3', { ...validZabota(3), Z01: 777, Z30: 33333.33, Z31: 33333.33, Z32: 0, Z34: 0 });
  await importFilled(campaign.id, schools[0], filled.get('Школа №1')!, { 1: ['Да', 2, 45, PLAN_TEXT] });
  await importFilled(campaign.id, schools[1], filled.get('Школа №2')!);
  await importFilled(campaign.id, schools[2], filled.get('Школа №3')!);
  await receivedOn(campaign.id, schools[0], '2027-02-05T06:30:00.000Z');
  await receivedOn(campaign.id, schools[1], '2027-02-11T06:30:00.000Z');
  await receivedOn(campaign.id, schools[2], '2027-02-13T06:30:00.000Z');

  summary = await getSummary(database.db, campaign.id);
  bytes = Buffer.from((await buildSummaryWorkbook(database.db, campaign.id, TODAY)).files[0].bytes);
  exported = await readWorkbook(bytes);
});

afterAll(async () => {
  await database.remove();
  work.remove();
});

/** Every row of a sheet as the texts of its cells (formulas by their cached results, merged cells once). */
function texts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      const value = cell.master === cell ? cell.value : null;
      if (value && typeof value === 'object' && 'richText' in value) row.push(value.richText.map((run) => run.text).join(''));
      else if (value && typeof value === 'object' && 'formula' in value) row.push(String(value.result));
      else if (value instanceof Date) row.push(value.toISOString());
      else row.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(row);
  }
  return rows;
}

function rowOf(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).value === text) return r;
  throw new Error(`no «${text}» in column ${column} of «${sheet.name}»`);
}

/** A formula cell as read back. exceljs reads a cached 0 (`<v>0</v>` in the file) back as no result at all. */
function formulaOf(cell: ExcelJS.Cell): { formula: string | undefined; result: unknown } {
  const value = cell.value as ExcelJS.CellFormulaValue;
  return { formula: value.formula, result: value.result ?? 0 };
}

const cents = (value: CellInput) => Math.round(Number(value ?? 0) * 100);

/** The sum of what the schools filled in, by hand: in tiyn, so that money adds up exactly. */
function independentTotal(code: string): number {
  return [...filled.values()].reduce((sum, values) => sum + cents(values[code]), 0) / 100;
}

const NUMERIC = Object.keys(validZabota());

describe('the district workbook for the region', () => {
  it('has the sheets in order, the plan execution in both languages and the identification hidden', () => {
    expect(exported.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['Свод - Жиынтық', 'visible'],
      ['По школам - Мектептер бойынша', 'visible'],
      ['Полнота - Толықтық', 'visible'],
      ['Исполнение плана', 'visible'],
      ['Жоспардың орындалуы', 'visible'],
      [IDENTITY_SHEET, 'veryHidden'],
    ]);
  });

  it('opens with the cover: department, title, district, dates and the head of the department', () => {
    const cover = texts(exported.worksheets[0]).slice(0, 14).map((row) => row.filter(Boolean).join(' | '));
    expect(cover[0]).toBe('ГУ «Отдел образования города Шахтинска» / «Шахтинск қаласының білім бөлімі» ММ');
    expect(cover).toContain('Сводный отчёт: Республиканская акция «Забота» — 2027\nЖиынтық есеп: «Қамқорлық» республикалық акциясы — 2027');
    expect(cover).toContain('г. Шахтинск / Шахтинск қаласы');
    expect(cover).toContain('Период проведения / Өткізу кезеңі: 10.01.2027 – 10.02.2027');
    expect(cover).toContain('Срок представления в управление образования / Білім басқармасына ұсыну мерзімі: 15.02.2027');
    expect(cover).toContain('Сформировано / Жасалған күні: 14.02.2027');
    expect(cover).toContain(`Руководитель отдела образования / Білім бөлімінің басшысы | ____________ ${HEAD}`);
  });

  it('gives totals equal to an independent sum of what the schools filled in, on the Свод and under the schools', () => {
    for (const code of NUMERIC) expect(summary.totals[code], code).toBe(independentTotal(code));
    expect(summary.totals.Z30).toBe(150000.5 + 300001 + 33333.33);

    const totals = exported.worksheets[0];
    const header = rowOf(totals, 1, 'Код строки / Жол коды');
    expect(totals.getRow(header).values).toEqual([
      undefined, 'Код строки / Жол коды', 'Показатель', 'Көрсеткіш', 'Ед. изм. / Өлш. бірл.', 'Итого за 2027 год / 2027 жылы барлығы',
      'Итого за 2026 год / 2026 жылы барлығы', 'Изменение / Өзгеріс', 'Изменение, % / Өзгеріс, %',
    ]);
    expect(totals.getCell(header + 1, 1).value).toBe('Дети / Балалар');
    for (const code of NUMERIC) {
      const row = rowOf(totals, 1, code);
      expect(totals.getCell(row, 5).value, code).toBe(independentTotal(code));
    }
    const z30 = rowOf(totals, 1, 'Z30');
    expect(totals.getCell(z30 - 1, 1).value).toBe('Средства / Қаражат');
    expect(totals.getCell(z30, 2).value).toBe('Сумма оказанной помощи, тенге, всего');
    expect(totals.getCell(z30, 4).value).toBe('тенге / теңге');
    expect(totals.getCell(z30, 5).numFmt).toBe('#,##0.00');
    // A text row has no total.
    expect(texts(totals).some((row) => row[0] === 'Z40')).toBe(false);

    const perSchool = exported.worksheets[1];
    const codes = perSchool.getRow(2).values as unknown[];
    const totalRow = rowOf(perSchool, 2, 'Итого / Барлығы');
    expect(totalRow).toBe(7);
    for (const code of NUMERIC) {
      const column = codes.indexOf(code);
      const letter = perSchool.getColumn(column).letter;
      expect(formulaOf(perSchool.getCell(totalRow, column)), code).toEqual({ formula: `SUM(${letter}4:${letter}6)`, result: independentTotal(code) });
      for (let row = 4; row <= 6; row++) {
        const values = filled.get(String(perSchool.getCell(row, 2).value))!;
        expect(perSchool.getCell(row, column).value, `${code} row ${row}`).toBe(values[code]);
      }
    }
  });

  it('checks the form’s rules on the totals and lists them under the Свод', () => {
    const rows = texts(exported.worksheets[0]).map((row) => row.filter(Boolean).join(' | '));
    const title = rows.indexOf('Контрольные соотношения на итоговых данных / Қорытынды деректер бойынша бақылау арақатынастары');
    expect(title).toBeGreaterThan(0);
    // Three schools' valid reports keep every rule of the form on their totals.
    expect(summary.ruleIssues).toEqual([]);
    expect(rows[title + 1]).toBe('Все контрольные соотношения формы на итоговых данных выполняются.\nНысанның барлық бақылау арақатынастары қорытынды деректер бойынша орындалады.');
  });

  it('compares with the year before: last year’s total and the change, as formulas with their values', () => {
    expect(summary.previous).toMatchObject({ campaignId: 'zabota-2026', year: 2026, reported: 2 });
    const totals = exported.worksheets[0];
    const z01 = rowOf(totals, 1, 'Z01');
    const now = independentTotal('Z01');
    expect(totals.getCell(z01, 6).value).toBe(900);
    expect(totals.getCell(z01, 7).value).toEqual({ formula: `E${z01}-F${z01}`, result: now - 900 });
    expect(totals.getCell(z01, 8).value).toEqual({ formula: `(E${z01}-F${z01})/F${z01}`, result: (now - 900) / 900 });
    expect(totals.getCell(z01, 8).numFmt).toBe('0.0%');
    // Z23 was 0 a year earlier: a change, but no percentage of nothing.
    const z23 = rowOf(totals, 1, 'Z23');
    expect(totals.getCell(z23, 6).value).toBe(0);
    expect(totals.getCell(z23, 8).value).toBeNull();
    const z30 = rowOf(totals, 1, 'Z30');
    expect(totals.getCell(z30, 7).value).toEqual({ formula: `E${z30}-F${z30}`, result: 233334.33 });
  });

  it('lists the schools with their values, marks the late one, and keeps a school’s text as text', () => {
    const sheet = exported.worksheets[1];
    expect(sheet.getRow(3).values).toEqual([
      undefined, '№', 'Организация образования / Білім беру ұйымы', 'БИН / БСН', 'Получен / Алынды', 'Срок сдачи / Тапсыру мерзімі',
      ...summary.indicators.map((indicator) => `${indicator.label.ru} / ${indicator.label.kk}`),
    ]);
    const rows = texts(sheet);
    expect(rows.slice(3, 6).map((row) => [row[1], row[2], row[4]])).toEqual([
      ['Школа №1', schoolFields(1).bin, 'в срок / мерзімінде'],
      ['Школа №2', schoolFields(2).bin, 'в срок / мерзімінде'],
      ['Школа №3', schoolFields(3).bin, 'с опозданием / кешігіп'],
    ]);
    expect(sheet.getCell('F6').fill).toMatchObject({ fgColor: { argb: 'FFFCE4D6' } });
    expect(sheet.getCell('F5').fill).not.toMatchObject({ fgColor: { argb: 'FFFCE4D6' } });
    expect(sheet.getCell('C4').numFmt).toBe('@');

    const note = (sheet.getRow(2).values as unknown[]).indexOf('Z40');
    const cell = sheet.getCell(4, note);
    expect(cell.value).toBe(FORMULA_TEXT);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(sheet.getCell(7, note).value).toBeNull();
  });

  it('is print-ready: A4, fitted to the width, header rows repeated, page numbers, frozen panes and a filter', () => {
    for (const sheet of exported.worksheets.filter((s) => s.state === 'visible')) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddFooter, sheet.name).toMatch(/&P.*&N/);
    }
    const [totals, perSchool, completeness] = exported.worksheets;
    expect(totals.pageSetup.orientation).toBe('landscape');
    expect(totals.headerFooter.oddFooter).toContain('Страница &P из &N / &P бет, барлығы &N');
    expect(totals.pageSetup.printTitlesRow).toBe(`${rowOf(totals, 1, 'Код строки / Жол коды')}:${rowOf(totals, 1, 'Код строки / Жол коды')}`);
    expect(perSchool.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '2:3' });
    expect(perSchool.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(perSchool.autoFilter).toBe(`A3:${perSchool.getColumn(5 + summary.indicators.length).letter}3`);
    expect(completeness.pageSetup.orientation).toBe('portrait');
    // Widths follow the content: the БИН's 12 digits fit, the № column stays narrow.
    expect(perSchool.getColumn(3).width).toBeGreaterThanOrEqual(12);
    expect(perSchool.getColumn(1).width).toBeLessThan(8);
  });

  it('counts completeness and timeliness and names the missing school', () => {
    const rows = texts(exported.worksheets[2]).map((row) => row.slice(0, 4));
    const at = rows.findIndex((row) => row[0] === '№');
    expect(rows.slice(at + 1, at + 6)).toEqual([
      ['1', 'Школ должно сдать / Тапсыруы тиіс мектептер', '4', '1'],
      ['2', 'Сдали / Тапсырды', '3', '0.75'],
      ['3', 'Сдали в срок / Мерзімінде тапсырды', '2', '0.5'],
      ['4', 'Сдали с опозданием / Кешігіп тапсырды', '1', '0.25'],
      ['5', 'Не сдали / Тапсырмады', '1', '0.25'],
    ]);
    const missing = rows.findIndex((row) => row[0] === 'Не представили отчёт / Есеп ұсынбаған мектептер');
    expect(rows[missing + 2]).toEqual(['1', `${schoolFields(4).nameRu}\n${schoolFields(4).nameKk}`, schoolFields(4).bin, '']);
    const late = rows.findIndex((row) => row[0] === 'Представили отчёт с опозданием / Есебін кешігіп ұсынған мектептер');
    expect(rows[late + 2].slice(0, 3)).toEqual(['1', 'Школа №3', schoolFields(3).bin]);
  });

  it('carries the plan’s execution through the execution report’s own sheet', () => {
    const sheet = exported.getWorksheet('Исполнение плана')!;
    const rows = texts(sheet);
    expect(rows[0][0]).toBe('Итоговая информация о проведении республиканской акции «Забота» в 2027 году');
    const first = rows.findIndex((row) => row[0] === '1.');
    expect(rows[first].slice(4, 11)).toEqual(['4', '1', '0', '3', '2', '45', `Школа №1: ${PLAN_TEXT}`]);
    expect(sheet.getCell(first + 1, 11).type).toBe(ExcelJS.ValueType.String);
    expect(rows.some((row) => row[0] === 'Итого')).toBe(true);
    expect(sheet.headerFooter.oddFooter).toContain('Страница &P из &N');
    expect(exported.getWorksheet('Жоспардың орындалуы')!.headerFooter.oddFooter).toContain('&P бет, барлығы &N');
  });

  it('names itself in a hidden sheet and in the «Comments» property, which readSummaryIdentity reads back', async () => {
    const expected = {
      kind: 'district-summary', campaignId: 'zabota-2027', formId: 'zabota', formVersion: 3, districtId: await databaseId(database.db),
      districtName: 'г. Шахтинск', districtNameKk: 'Шахтинск қаласы', regionCode: '09', departmentBin: validBin(777), appVersion: APP_VERSION, madeOn: TODAY,
    };
    expect(readSummaryIdentity(await readableWorkbook(bytes))).toEqual(expected);
    expect(exported.description).toContain('kind=district-summary');
    // Not a school's report: the school import does not take it for one.
    expect(readIdentity(await readableWorkbook(bytes))).toBeNull();

    const withoutSheet = await readWorkbook(bytes);
    withoutSheet.removeWorksheet(withoutSheet.getWorksheet(IDENTITY_SHEET)!.id);
    const again = await readableWorkbook(Buffer.from(await withoutSheet.xlsx.writeBuffer()));
    expect(readSummaryIdentity(again)).toMatchObject({ kind: 'district-summary', campaignId: 'zabota-2027', formId: 'zabota', formVersion: 3, districtId: expected.districtId });

    const { files } = await buildTemplates(database.db, 'zabota-2027');
    expect(readSummaryIdentity(await readableWorkbook(files[0].bytes))).toBeNull();
  });
});

describe('other campaigns, one language, the file’s name', () => {
  it('writes no comparison columns when there was no campaign a year earlier, and the НИК publications as before', async () => {
    await createCampaign(database.db, 'nik', 2027);
    await importFilled('nik-2027', schools[0], validNik());
    const workbook = await readWorkbook((await buildSummaryWorkbook(database.db, 'nik-2027', '2027-06-14')).files[0].bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Свод - Жиынтық', 'По школам - Мектептер бойынша', 'Полнота - Толықтық', 'Исполнение плана', 'Жоспардың орындалуы',
      'Публикации - Жарияланымдар', IDENTITY_SHEET,
    ]);
    const totals = workbook.worksheets[0];
    const header = rowOf(totals, 1, 'Код строки / Жол коды');
    expect(totals.getRow(header).values).toEqual([undefined, 'Код строки / Жол коды', 'Показатель', 'Көрсеткіш', 'Ед. изм. / Өлш. бірл.', 'Итого за 2027 год / 2027 жылы барлығы']);
    expect(totals.getCell(rowOf(totals, 1, 'N04'), 5).value).toBe(240);
    expect(totals.pageSetup.orientation).toBe('landscape');
  });

  it('writes Kazakh only with `jinaq export --lang kk`, and refuses a language it does not write', async () => {
    const file = path.join(work.dir, 'kk', 'summary.xlsx');
    const out: string[] = [];
    const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    // The CLI is another Jinaq: it works on a copy, since the test holds the database itself open.
    const dbFile = path.join(work.dir, 'copy.sqlite');
    await backupTo(database.raw, dbFile);
    expect(await runCli(['export', '--campaign', 'zabota-2027', '--out', file, '--lang', 'kk', '--db', dbFile], io)).toBe(EXIT_OK);
    const workbook = await readWorkbook(readFileSync(file));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Жиынтық', 'Мектептер бойынша', 'Толықтық', 'Жоспардың орындалуы', IDENTITY_SHEET]);
    const totals = workbook.worksheets[0];
    const header = rowOf(totals, 1, 'Жол коды');
    expect(totals.getRow(header).values).toEqual([undefined, 'Жол коды', 'Көрсеткіш', 'Өлш. бірл.', '2027 жылы барлығы', '2026 жылы барлығы', 'Өзгеріс', 'Өзгеріс, %']);
    expect(totals.getCell(rowOf(totals, 1, 'Z01'), 2).value).toBe('Есеп беру күнгі білім алушылар контингенті');
    expect(totals.pageSetup.orientation).toBe('portrait');
    const cover = texts(totals).slice(0, 14).map((row) => row.filter(Boolean).join(' | '));
    expect(cover).toContain(`Білім бөлімінің басшысы | ____________ ${HEAD}`);
    expect(cover[0]).toBe('«Шахтинск қаласының білім бөлімі» ММ');
    // Not a word of the Russian captions on any visible sheet, nor in the footers.
    const russian = /Итого|Показатель|Руководитель|Страница|Сформировано|Период|Школ должно|Сдали|Организация образования|в срок|Исполнение/;
    for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible')) {
      for (const row of texts(sheet)) for (const text of row) expect(text, `${sheet.name}: ${text}`).not.toMatch(russian);
      expect(sheet.headerFooter.oddFooter).toContain('&P бет, барлығы &N');
    }
    expect(readSummaryIdentity(await readableWorkbook(readFileSync(file)))).toMatchObject({ kind: 'district-summary', campaignId: 'zabota-2027' });

    expect(await runCli(['export', '--campaign', 'zabota-2027', '--out', file, '--lang', 'en', '--db', dbFile], io)).toBe(EXIT_USAGE);
  });

  it('exports a campaign nobody has reported to yet: zero totals, the change from last year, every school missing', async () => {
    await zabotaV1Campaign(database.db, 2028);
    const summary = (await buildSummaryWorkbook(database.db, 'zabota-2028', '2028-01-20')).files[0].bytes;
    const workbook = await readWorkbook(summary);
    const totals = workbook.worksheets[0];
    const z01 = rowOf(totals, 1, 'Z01');
    expect(totals.getCell(z01, 5).value).toBe(0);
    expect(totals.getCell(z01, 6).value).toBe(independentTotal('Z01'));
    expect(totals.getCell(z01, 7).value).toEqual({ formula: `E${z01}-F${z01}`, result: -independentTotal('Z01') });
    const perSchool = workbook.worksheets[1];
    expect(rowOf(perSchool, 2, 'Итого / Барлығы')).toBe(4);
    expect(perSchool.getCell(4, 6).value).toBe(0);
    const rows = texts(workbook.worksheets[2]);
    expect(rows.filter((row) => row[1].startsWith('КГУ «Общеобразовательная школа №'))).toHaveLength(4);
    expect(readSummaryIdentity(await readableWorkbook(summary))).toMatchObject({ kind: 'district-summary', campaignId: 'zabota-2028', formId: 'zabota' });
  });

  it('names the file after its language', async () => {
    expect((await buildSummaryWorkbook(database.db, 'zabota-2027', TODAY)).files[0].name).toBe('zabota-2027-summary-2027-02-14.xlsx');
    expect((await buildSummaryWorkbook(database.db, 'zabota-2027', TODAY, 'ru')).files[0].name).toBe('zabota-2027-summary-ru-2027-02-14.xlsx');
  });
});

// ---------------------------------------------------------------------------------------------------------
// LibreOffice: the region may open the file in Calc. With recalculation on load forced (as a user can set it, and
// as Calc does for files from other programs), every SUM is computed by Calc itself and must give the totals.

const SOFFICE = SOFFICE_VERSION;
const SKIP_REASON = 'LibreOffice (soffice) not installed: the recalculation of the region workbook is not checked; .ci/run installs libreoffice-calc';

describe.skipIf(!SOFFICE)('the region workbook in LibreOffice Calc', () => {
  it('gives, recalculated by Calc, the district’s totals in every SUM cell and the changes on the Свод', { timeout: 120_000 }, async () => {
    const recalculated = await recalculatedByCalc(bytes, path.join(work.dir, 'soffice'));
    expect(recalculated.formulas).toBeGreaterThan(NUMERIC.length);
    const converted = recalculated.bytes;
    const calc = await readWorkbook(converted);

    const perSchool = calc.getWorksheet('По школам - Мектептер бойынша')!;
    const codes = perSchool.getRow(2).values as unknown[];
    for (const code of NUMERIC) {
      const cell = formulaOf(perSchool.getCell(7, codes.indexOf(code)));
      expect(cell.formula, code).toMatch(/^SUM\(/);
      expect(cell.result, code).toBeCloseTo(summary.totals[code], 6);
    }
    const totals = calc.getWorksheet('Свод - Жиынтық')!;
    const z01 = rowOf(totals, 1, 'Z01');
    expect((totals.getCell(z01, 7).value as ExcelJS.CellFormulaValue).result).toBe(summary.totals.Z01 - 900);
    expect((totals.getCell(z01, 8).value as ExcelJS.CellFormulaValue).result).toBeCloseTo((summary.totals.Z01 - 900) / 900, 9);
    const completeness = calc.getWorksheet('Полнота - Толықтық')!;
    const rows = texts(completeness);
    const header = rows.findIndex((row) => row[0] === '№');
    const shares = rows.slice(header + 1, header + 6).map((row) => Number(row[3]));
    expect(shares).toEqual([1, 0.75, 0.5, 0.25, 0.25]);
    // The school's text that looks like a formula is still text after Calc.
    expect(perSchool.getCell(4, codes.indexOf('Z40')).value).toBe(FORMULA_TEXT);
  });
});

if (!SOFFICE) {
  describe('the region workbook in LibreOffice Calc', () => {
    it.skip(SKIP_REASON, () => {});
  });
}
