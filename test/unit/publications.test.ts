// The НИК publications list: printed with the hashtag on a sheet of its own, read row by row with each cell
// checked by its column (date, outlet, title, URL), N01 compared with the rows, and shown in the summary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign, updateCampaign } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { listTables } from '../../shared/forms/types.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillListSheet, fillTemplate, readWorkbook, validNik, type CellInput } from '../helpers/workbooks.ts';

const PUBLICATIONS = listSheetName(listTables(nikV1)[0]);

let database: Awaited<ReturnType<typeof tempDatabase>>;
let template: Uint8Array;

beforeEach(async () => {
  database = await tempDatabase();
  await createSchool(database.db, schoolFields(1));
  const campaign = await createCampaign(database.db, 'nik', 2026);
  await updateCampaign(database.db, campaign.id, { ...campaign, hashtag: '#НИК2026_09' });
  template = (await buildTemplates(database.db, 'nik-2026')).files[0].bytes;
});
afterEach(() => database.remove());

const june = (day: number) => new Date(Date.UTC(2026, 5, day));

const THREE: CellInput[][] = [
  [june(2), 'Instagram школы', 'Бала еңбегіне жол жоқ!', 'https://instagram.com/p/abc'],
  ['03.06.2026', 'Газета «Шахтинский вестник»', 'Стоп детскому труду', 'shahtinsk-vestnik.kz/news/12'],
  [june(5), 'Facebook', '', { text: 'пост', hyperlink: 'https://facebook.com/school1/posts/5' }],
];

async function importWith(n01: number, rows: CellInput[][]) {
  const filled = await fillListSheet(await fillTemplate(template, { ...validNik(), N01: n01 }), PUBLICATIONS, rows);
  return (await importReports(database.db, 'nik-2026', [{ name: 'school1.xlsx', bytes: filled }]))[0];
}

const keysOf = (issues: FileIssue[]) => issues.map((i) => i.message.key);

describe('the publications sheet of a НИК template', () => {
  it('prints the title, the campaign hashtag, the hint and 200 numbered rows open for typing, each column checked', async () => {
    const workbook = await readWorkbook(template);
    const sheet = workbook.getWorksheet(PUBLICATIONS)!;
    expect(sheet).toBeDefined();
    expect(String(sheet.getCell('A1').value)).toContain('Публикации в СМИ');
    expect(String(sheet.getCell('A2').value)).toContain('#НИК2026_09');
    expect(String(sheet.getCell('A3').value)).toContain('N01');
    expect(sheet.getRow(5).values).toEqual([undefined, '№', 'Дата / Күні *', 'Издание или площадка / Басылым немесе алаң *', 'Заголовок / Тақырыбы', 'Ссылка (URL) / Сілтеме (URL) *']);
    expect(sheet.getCell('A205').value).toBe(200);
    expect(sheet.getCell('A206').value ?? null).toBeNull();
    expect(sheet.getCell('B6').protection?.locked).toBe(false);
    expect(sheet.getCell('B6').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('B6').dataValidation).toMatchObject({ type: 'date' });
    expect(sheet.getCell('E205').dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });
});

describe('the publications sheet\'s name', () => {
  it('is short and in both languages, not the Russian title cut at Excel\'s 31 characters', async () => {
    expect(PUBLICATIONS).toBe('Публикации - Жарияланымдар');
    const workbook = await readWorkbook(template);
    expect(workbook.getWorksheet(PUBLICATIONS)).toBeDefined();
  });

  it('still reads a template made when the sheet was named after the Russian title', async () => {
    const workbook = await readWorkbook(await fillTemplate(template, { ...validNik(), N01: 3 }));
    workbook.getWorksheet(PUBLICATIONS)!.name = 'Публикации в СМИ и социальных';
    const old = await fillListSheet(Buffer.from(await workbook.xlsx.writeBuffer()), 'Публикации в СМИ и социальных', THREE);
    const outcome = (await importReports(database.db, 'nik-2026', [{ name: 'old.xlsx', bytes: old }]))[0];
    expect(outcome.status).toBe('accepted');
    expect((await getSummary(database.db, 'nik-2026')).lists[0].rows).toHaveLength(3);
  });
});

describe('importing the publications', () => {
  it('stores every filled row, dates as dates and addresses as links, and lists them in the summary and its workbook', async () => {
    const outcome = await importWith(3, THREE);
    expect(outcome.status).toBe('accepted');
    expect(outcome.warnings).toEqual([]);
    const summary = await getSummary(database.db, 'nik-2026');
    expect(summary.lists).toHaveLength(1);
    expect(summary.lists[0].table.id).toBe('publications');
    expect(summary.lists[0].rows.map((row) => ({ school: row.shortName, ...row.cells }))).toEqual([
      { school: 'Школа №1', date: '2026-06-02', outlet: 'Instagram школы', title: 'Бала еңбегіне жол жоқ!', url: 'https://instagram.com/p/abc' },
      { school: 'Школа №1', date: '2026-06-03', outlet: 'Газета «Шахтинский вестник»', title: 'Стоп детскому труду', url: 'https://shahtinsk-vestnik.kz/news/12' },
      { school: 'Школа №1', date: '2026-06-05', outlet: 'Facebook', url: 'https://facebook.com/school1/posts/5' },
    ]);

    const exported = await readWorkbook((await buildSummaryWorkbook(database.db, 'nik-2026')).files[0].bytes);
    const sheet = exported.worksheets.find((s) => s.name.startsWith('Публикации'))!;
    expect(sheet.getRow(2).values).toEqual([undefined, 1, 'Школа №1', june(2), 'Instagram школы', 'Бала еңбегіне жол жоқ!', 'https://instagram.com/p/abc']);
    expect(sheet.getCell('C2').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.rowCount).toBe(4);
  });

  it('accepts with a warning when N01 is not the number of rows listed', async () => {
    const outcome = await importWith(5, THREE);
    expect(outcome.status).toBe('accepted');
    expect(outcome.warnings.map((w) => w.message)).toEqual([
      { key: 'import.listCountMismatch', params: { code: 'N01', value: 5, rows: 3, table: 'Публикации в СМИ и социальных сетях / БАҚ пен әлеуметтік желілердегі жарияланымдар' } },
    ]);
  });

  it('refuses a file with a bad cell in the list, naming the sheet and the cell, and stores none of it', async () => {
    const outcome = await importWith(4, [
      ...THREE,
      ['32.05.2026', 'Сайт школы', 'Новость', 'тел. 8 701 000 00 00'],
    ]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.sheet, e.cell, e.message.key, e.message.params])).toEqual([
      [PUBLICATIONS, 'B9', 'import.notADate', { value: '32.05.2026' }],
      [PUBLICATIONS, 'E9', 'import.badUrl', { value: 'тел. 8 701 000 00 00' }],
    ]);
    expect((await getSummary(database.db, 'nik-2026')).lists[0].rows).toEqual([]);
  });

  it('names each required column a partly filled row lacks', async () => {
    const outcome = await importWith(1, [[null, null, 'Только заголовок', null]]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.cell, e.message.params?.column])).toEqual([
      ['B6', 'Дата / Күні'],
      ['C6', 'Издание или площадка / Басылым немесе алаң'],
      ['E6', 'Ссылка (URL) / Сілтеме (URL)'],
    ]);
  });

  it('refuses a link that is not a web page, a text too long, and rows beyond the 200 the form allows', async () => {
    const row = (n: number): CellInput[] => [june(1 + (n % 12)), 'VK', `Пост ${n}`, `https://vk.com/wall-1_${n}`];
    const many = Array.from({ length: 201 }, (_, n) => row(n));
    many[0] = [june(1), 'x'.repeat(201), '', 'javascript:alert(1)'];
    const outcome = await importWith(201, many);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.cell, e.message.key])).toEqual([
      ['C6', 'import.textTooLong'],
      ['E6', 'import.badUrl'],
      ['A206', 'import.listTooManyRows'],
    ]);
  });

  it('keeps a text written as a formula as text in the exported workbook', async () => {
    const outcome = await importWith(1, [[june(3), '=HYPERLINK("http://evil.example","click")', '+7 сообщений', 'https://t.me/school1/7']]);
    expect(outcome.status).toBe('accepted');
    const exported = await readWorkbook((await buildSummaryWorkbook(database.db, 'nik-2026')).files[0].bytes);
    const sheet = exported.worksheets.find((s) => s.name.startsWith('Публикации'))!;
    expect(sheet.getCell('D2').value).toBe('=HYPERLINK("http://evil.example","click")');
    expect(sheet.getCell('D2').formula).toBeUndefined();
    expect(sheet.getCell('E2').value).toBe('+7 сообщений');
  });
});
