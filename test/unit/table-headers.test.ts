// The repeating tables of a report — the plan-execution part and the НИК publications — read at the columns their
// header captions name, on real templates where a school inserted a column (in exceljs, and saved by LibreOffice).
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { getPlanExecution } from '../../main/services/execution.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { getPlan } from '../../main/services/plans.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { listTables } from '../../shared/forms/types.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { tempDatabase, tempDir } from '../helpers/db.ts';
import { editWorkbook, visibleSheet } from '../helpers/edit.ts';
import { convertWithSoffice, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillListSheet, fillPlanPart, fillTemplate, validNik, type CellInput } from '../helpers/workbooks.ts';

const PUBLICATIONS = listSheetName(listTables(nikV1)[0]);
const LIBREOFFICE_TIMEOUT = 120_000;

let database: Awaited<ReturnType<typeof tempDatabase>>;
let campaignId: string;
let template: Uint8Array;
let work: ReturnType<typeof tempDir>;

beforeAll(() => {
  work = tempDir('jinaq-table-headers-');
});
afterAll(() => work.remove());

beforeEach(async () => {
  database = await tempDatabase();
  await createSchool(database.db, schoolFields(1));
  campaignId = (await createCampaign(database.db, 'nik', 2025)).id;
  template = (await buildTemplates(database.db, campaignId)).files[0].bytes;
});
afterEach(() => database.remove());

const PUBLISHED: CellInput[][] = [
  [new Date(Date.UTC(2025, 5, 2)), 'Instagram', 'Бала еңбегіне жол жоқ', 'https://instagram.com/p/abc'],
  ['04.06.2025', 'Сайт школы', 'Классный час', 'school1.edu.kz/news/4'],
];
const READ_BACK = [
  { date: '2025-06-02', outlet: 'Instagram', title: 'Бала еңбегіне жол жоқ', url: 'https://instagram.com/p/abc' },
  { date: '2025-06-04', outlet: 'Сайт школы', title: 'Классный час', url: 'https://school1.edu.kz/news/4' },
];

/** A complete НИК report: the form, plan items 2 and 3, and two publications. */
async function filledReport(): Promise<Buffer> {
  const form = await fillTemplate(template, { ...validNik(), N01: 2 });
  const plan = await fillPlanPart(form, { 2: ['Да / Иә', 3, 40, 'Пресс-релиз'], 3: ['Нет / Жоқ'] });
  return fillListSheet(plan, PUBLICATIONS, PUBLISHED);
}

/** The row whose column A holds `text` (a row code, an item number, «№»). */
function rowOf(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value ?? '').trim() === text) found = row;
  });
  if (!found) throw new Error(`no row starting with ${text}`);
  return found;
}

/** Inserts a whole column before `column`, as Excel's «Insert column» does, with a caption in each header row. */
function insertColumn(sheet: ExcelJS.Worksheet, column: number, caption: string, fill: (row: ExcelJS.Row) => CellInput = () => null): void {
  sheet.spliceColumns(column, 0, []);
  sheet.eachRow((row) => {
    const first = String(row.getCell(1).value ?? '');
    if (first === '№' || /Код/.test(first)) row.getCell(column).value = caption;
    else row.getCell(column).value = fill(row) as ExcelJS.CellValue;
  });
}

async function importOne(bytes: Uint8Array): Promise<ImportOutcome> {
  return (await importReports(database.db, campaignId, [{ name: 'school1.xlsx', bytes }]))[0];
}

/** Plan items 2 and 3 as the school reported them. */
async function reportedPlan() {
  const plan = await getPlan(database.db, campaignId);
  const execution = await getPlanExecution(database.db, campaignId, '2025-06-20');
  const of = (number: number) => execution.entries.find((e) => e.itemId === plan.items.find((i) => i.number === number)!.id)!;
  return [of(2), of(3)].map(({ status, events, participants, description, source }) => ({ status, events, participants, description, source }));
}

const PLAN_READ = [
  { status: 'done', events: 3, participants: 40, description: 'Пресс-релиз', source: 'report' },
  { status: 'not_done', events: null, participants: null, description: '', source: 'report' },
];

async function expectReadInFull(outcome: ImportOutcome): Promise<void> {
  expect(outcome).toMatchObject({ status: 'accepted', errors: [], warnings: [] });
  expect(await reportedPlan()).toEqual(PLAN_READ);
  const summary = await getSummary(database.db, campaignId);
  expect(summary.lists[0].rows.map((row) => row.cells)).toEqual(READ_BACK);
  expect(summary.schools[0].values.N02).toBe(validNik().N02);
}

describe('the plan part, found by its captions', () => {
  it('reads a report with a «Ед. изм.» column inserted before «Значение», which shifts the plan part too', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => insertColumn(visibleSheet(workbook), 4, 'Ед. изм. / Өлш. бірл.'));
    await expectReadInFull(await importOne(bytes));
  });

  it('reads events as events and participants as participants when a note column sits between «Выполнено» and them', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      const sheet = visibleSheet(workbook);
      insertColumn(sheet, 5, 'Примечание', (row) => (row.number > rowOf(sheet, '№').number ? 'в мае' : null));
    });
    await expectReadInFull(await importOne(bytes));
  });

  it('reads the part when its columns were put in another order', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      const sheet = visibleSheet(workbook);
      const header = rowOf(sheet, '№').number;
      sheet.eachRow((row, r) => {
        if (r < header) return;
        const [events, participants] = [row.getCell(5).value, row.getCell(6).value];
        row.getCell(5).value = participants;
        row.getCell(6).value = events;
      });
    });
    await expectReadInFull(await importOne(bytes));
  });

  it('reads a dash and a unit word in the plan part’s counts, with a warning at each cell', async () => {
    const form = await fillTemplate(template, { ...validNik(), N01: 2 });
    const plan = await fillPlanPart(form, { 2: ['Да / Иә', '3 іс-шара', '40 чел.', 'Пресс-релиз'], 3: ['Иә', '—', '-'] });
    const outcome = await importOne(await fillListSheet(plan, PUBLICATIONS, PUBLISHED));
    expect(outcome.errors.map((e) => [e.cell?.replace(/\d+/, ''), e.message.key])).toEqual([['E', 'import.notANumber']]);
    const fixed = await fillPlanPart(plan, { 2: ['Да / Иә', 3, '40 чел.', 'Пресс-релиз'] });
    const accepted = await importOne(await fillListSheet(fixed, PUBLICATIONS, PUBLISHED));
    expect(accepted.status).toBe('accepted');
    expect(accepted.warnings.map((w) => [w.code, w.cell?.replace(/\d+/, ''), w.message.key])).toEqual([
      ['№2', 'F', 'import.unitDropped'], ['№3', 'E', 'import.dashAsZero'], ['№3', 'F', 'import.dashAsZero'],
    ]);
    const [two, three] = await reportedPlan();
    expect([two.participants, three.events, three.participants]).toEqual([40, 0, 0]);
  });

  it('refuses a plan part whose «Охвачено участников» caption is gone, naming the sheet and the caption', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      rowOf(visibleSheet(workbook), '№').getCell(6).value = 'Всего';
    });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors).toEqual([
      expect.objectContaining({ sheet: 'Форма - Нысан', message: expect.objectContaining({ key: 'import.tableColumnMissing' }) }),
    ]);
    const text = formatMessage(tFor('ru'), outcome.errors[0].message);
    expect(text).toContain('«Охвачено участников / Қатысушылар саны»');
    expect(text).toContain('«Исполнение плана мероприятий / Іс-шаралар жоспарының орындалуы»');
  });

  it('refuses a report whose plan part lost its whole header row, naming the captions to restore', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      const header = rowOf(visibleSheet(workbook), '№');
      header.eachCell((cell) => {
        cell.value = null;
      });
    });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.sheet, e.message.key])).toEqual([['Форма - Нысан', 'import.tableHeaderMissing']]);
    expect(formatMessage(tFor('kk'), outcome.errors[0].message)).toContain('«Выполнено / Орындалды»');
  });
});

describe('the publications list, found by its captions', () => {
  it('reads the rows when a column was inserted between «Дата» and «Издание»', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      const sheet = workbook.getWorksheet(PUBLICATIONS)!;
      sheet.spliceColumns(3, 0, []);
      sheet.getCell('C5').value = 'Примечание';
      sheet.getCell('C6').value = 'репост';
    });
    await expectReadInFull(await importOne(bytes));
  });

  it('refuses a list sheet whose header row is gone', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      workbook.getWorksheet(PUBLICATIONS)!.getRow(5).eachCell((cell) => {
        cell.value = null;
      });
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors.map((e) => [e.sheet, e.message.key])).toEqual([[PUBLICATIONS, 'import.tableHeaderMissing']]);
    expect(formatMessage(tFor('ru'), outcome.errors[0].message)).toContain('«Ссылка (URL) / Сілтеме (URL)»');
  });

  it('refuses a list whose «Ссылка» caption is gone, naming the sheet and the caption', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      workbook.getWorksheet(PUBLICATIONS)!.getCell('E5').value = '';
    });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.sheet, e.message.key, e.message.params?.caption])).toEqual([
      [PUBLICATIONS, 'import.tableColumnMissing', 'Ссылка (URL) / Сілтеме (URL)'],
    ]);
  });
});

describe.skipIf(!SOFFICE_VERSION)(`a column inserted, then saved in LibreOffice Calc${SOFFICE_VERSION ? ` (${SOFFICE_VERSION})` : ' — soffice not installed'}`, () => {
  it('reads the plan part and the list at their new columns', async () => {
    const bytes = await editWorkbook(await filledReport(), (workbook) => {
      insertColumn(visibleSheet(workbook), 4, 'Ед. изм.');
      const list = workbook.getWorksheet(PUBLICATIONS)!;
      list.spliceColumns(2, 0, []);
      list.getCell('B5').value = 'Автор';
    });
    const saved = convertWithSoffice(bytes, {
      dir: path.join(work.dir, 'run'), name: 'report.xlsx', format: 'xlsx', profile: path.join(work.dir, 'profile'), timeout: LIBREOFFICE_TIMEOUT - 10_000,
    });
    await expectReadInFull(await importOne(saved));
  }, LIBREOFFICE_TIMEOUT);
});
