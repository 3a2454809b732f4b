// A НИК report through the real UI: a school fills the form, two plan items and its publications list;
// the import accepts it, and the summary shows the totals, the plan's execution per item and the publications.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addSchools, api, failOnConsoleProblems, openApp, schoolTemplate, startServer, validBins, xlsxBuffer, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
const filled: Buffer[] = [];

const VALUES: Record<string, number> = {
  N01: 2, N02: 30, N03: 8, N04: 240, N05: 2, N06: 6, N06A: 2, N06B: 2, N06C: 1, N06D: 1, N07: 3, N08: 1, N09: 2, N10: 1, N11: 4, N12: 0,
};

test.beforeAll(async () => {
  server = await startServer();
  const names = ['СШ № 1', 'СШ № 2'];
  await addSchools(server, validBins('2005400', 2), names);
  await api(server, 'campaigns.create', { kind: 'nik', year: 2026 });
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

/** What a school does in Excel: the values, items 2 and 3 of the plan part, and two publications. */
async function fillAsSchool(bytes: Uint8Array): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const form = workbook.worksheets[0];
  form.eachRow((row) => {
    const first = row.getCell(1).value;
    if (typeof first === 'string' && first in VALUES) row.getCell(4).value = VALUES[first];
    if (first === 2) row.getCell(4).value = 'Да / Иә';
    if (first === 2) row.getCell(5).value = 2;
    if (first === 2) row.getCell(6).value = 60;
    if (first === 2) row.getCell(7).value = 'Пресс-релиз на сайте школы';
    if (first === 3) row.getCell(4).value = 'Нет / Жоқ';
  });
  const publications = workbook.worksheets.find((sheet) => sheet.name.startsWith('Публикации'))!;
  publications.getRow(6).values = [1, new Date(Date.UTC(2026, 5, 2)), 'Instagram школы', 'Бала еңбегіне жол жоқ!', 'https://instagram.com/p/nik2026'];
  publications.getRow(7).values = [2, '03.06.2026', 'Газета «Шахтинский вестник»', 'Стоп детскому труду', 'vestnik.kz/news/12'];
  return xlsxBuffer(workbook);
}

test('a school’s НИК report with its plan part and publications is accepted', async ({ page }) => {
  const template = await schoolTemplate(server, 'nik-2026', 'СШ № 1');
  filled.push(await fillAsSchool(template));

  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('tab-import').click();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([{ name: 'СШ1-НИК.xlsx', mimeType: type, buffer: filled[0] }]);
  const row = page.getByTestId('import-results').getByRole('row').filter({ has: page.getByText('СШ1-НИК.xlsx', { exact: true }) });
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', 'accepted');
});

test('the summary shows the totals, the plan’s execution per item and the publications, in Russian and Kazakh', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-reported')).toContainText('1');
  await expect(page.getByTestId('summary-totals').getByRole('row', { name: /N01/ })).toContainText('2');
  await expect(page.getByTestId('summary-rules-ok')).toBeVisible();
  await expect(page.getByTestId('summary-on-time')).toContainText('1');

  const plan = page.getByTestId('summary-plan');
  const item2 = plan.getByRole('row').filter({ has: page.getByRole('cell', { name: '2', exact: true }) });
  await expect(item2).toContainText('1 из 2');
  await expect(item2).toContainText('60');
  const item3 = plan.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await expect(item3).toContainText('0 из 2');
  // Execution entered meanwhile (another screen, another school) shows in the plan table after Refresh.
  const { items } = await api<{ items: Array<{ id: number; number: number }> }>(server, 'plans.get', { campaignId: 'nik-2026' });
  const schools = await api<Array<{ id: number; shortName: string }>>(server, 'schools.list', {});
  await api(server, 'plans.setExecution', {
    campaignId: 'nik-2026', itemId: items.find((item) => item.number === 3)!.id, schoolId: schools.find((school) => school.shortName === 'СШ № 2')!.id,
    status: 'done', events: 1, participants: 5, description: '',
  });
  await page.getByRole('button', { name: 'Обновить' }).click();
  await expect(item3).toContainText('1 из 2');

  const publications = page.getByTestId('summary-list-publications');
  await expect(publications.getByRole('row')).toHaveCount(3);
  await expect(publications).toContainText('Газета «Шахтинский вестник»');
  await expect(publications).toContainText('02.06.2026');
  await expect(publications.getByRole('link', { name: 'https://vestnik.kz/news/12' })).toHaveAttribute('href', 'https://vestnik.kz/news/12');
  await expect(page.getByText('Публикации в СМИ и социальных сетях (2)')).toBeVisible();
  await page.screenshot({ path: 'test-results/nik-summary-ru.png', fullPage: true });

  await page.getByTestId('language-kk').click();
  await expect(page.getByText('БАҚ пен әлеуметтік желілердегі жарияланымдар (2)')).toBeVisible();
  await expect(item2).toContainText('2 ішінен 1');
});
