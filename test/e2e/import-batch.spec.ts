// The batch import through the real UI: a check that stores nothing, a whole folder with progress, filters, search
// and the results saved as a workbook, and a batch cancelled halfway; the batch import's labels in Kazakh.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addSchools, api, downloadBytes, failOnConsoleProblems, fillTemplate, openCampaignTab, schoolTemplates, startServer, templateOf, validBins, ZABOTA_BREAKS_Z_R1, ZABOTA_VALID, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();

let server: Server;
let folders: string;
const CAMPAIGN = 'zabota-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCHOOLS = ['Школа 1', 'Школа 2', 'Гимназия 3', 'Лицей 4'];
const bins = validBins('1911510', SCHOOLS.length);
/** Each school's template, by its short name. */
const templates = new Map<string, Uint8Array>();

/** Bytes of a PDF document, sent back by a school instead of its workbook. */
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function filled(school: string, values: Record<string, number>): Promise<Buffer> {
  const template = templates.get(school);
  if (!template) throw new Error(`no template for ${school}`);
  return fillTemplate(template, values);
}

async function history(): Promise<unknown[]> {
  return api<unknown[]>(server, 'reports.history', { campaignId: CAMPAIGN });
}

/** The results workbook's rows: file name → outcome, as written under the header in row 2. */
async function savedResults(page: Page): Promise<{ title: string; outcomes: Map<string, string> }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('import-results-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const outcomes = new Map<string, string>();
  sheet.eachRow((row, number) => {
    if (number > 2) outcomes.set(String(row.getCell(2).value), String(row.getCell(5).value));
  });
  return { title: String(sheet.getCell('A1').value), outcomes };
}

test.beforeAll(async () => {
  server = await startServer();
  folders = mkdtempSync(path.join(tmpdir(), 'jinaq-batch-'));
  await addSchools(server, bins, SCHOOLS);
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  const files = await schoolTemplates(server, CAMPAIGN);
  for (const school of SCHOOLS) templates.set(school, templateOf(files, school));
});

test.afterAll(async () => {
  await server.stop();
  rmSync(folders, { recursive: true, force: true });
});

test('a check only judges a good and a bad file and stores nothing', async ({ page }) => {
  await openCampaignTab(page, server, 'import');
  await page.getByTestId('import-dry-run').check();
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([
    { name: 'good.xlsx', mimeType: XLSX, buffer: await filled('Школа 1', ZABOTA_VALID) },
    { name: 'bad.xlsx', mimeType: XLSX, buffer: await filled('Школа 2', ZABOTA_BREAKS_Z_R1) },
  ]);
  const results = page.getByTestId('import-results');
  const row = (file: string) => results.getByRole('row').filter({ has: page.getByText(file, { exact: true }) });
  await expect(row('good.xlsx').getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
  await expect(row('bad.xlsx').getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  await expect(row('bad.xlsx').getByTestId('issue-error').filter({ hasText: 'Z-R1' })).toBeVisible();
  await expect(page.getByTestId('import-dry-run-note')).toContainText('ничего не сохранено');
  await expect(page.getByTestId('import-summary')).toContainText('Проверено 2 файла');
  await expect(page.getByRole('heading', { name: 'Результат проверки' })).toBeVisible();

  const saved = await savedResults(page);
  expect(saved.title).toContain('без сохранения');
  expect([...saved.outcomes.keys()].sort()).toEqual(['bad.xlsx', 'good.xlsx']);
  expect(await history()).toEqual([]);
  await expect(page.getByTestId('import-history')).not.toContainText('good.xlsx');

  // Dropped onto the zone: a loose file of any kind is taken, and judged once.
  const good = (await filled('Школа 1', ZABOTA_VALID)).toString('base64');
  const transfer = await page.evaluateHandle((base64) => {
    const data = new DataTransfer();
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    data.items.add(new File([bytes], 'dropped.xlsx'));
    data.items.add(new File(['a note'], 'notes.txt', { type: 'text/plain' }));
    return data;
  }, good);
  await page.getByTestId('reports-drop').getByRole('button').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('import-summary')).toContainText('Проверено 2 файла, без ошибок: 1');
  await expect(results.getByTestId('import-status')).toHaveCount(2);
  await expect(row('notes.txt').getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  await expect(row('dropped.xlsx').getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
  expect(await history()).toEqual([]);
  await page.screenshot({ path: 'test-results/import-check-ru.png', fullPage: true });
});

test('a whole folder: progress to 5 of 5, filters, search, and the results saved as a workbook', async ({ page }) => {
  const folder = path.join(folders, 'Отчёты школ');
  mkdirSync(path.join(folder, 'Гимназия'), { recursive: true });
  writeFileSync(path.join(folder, 'school1.xlsx'), await filled('Школа 1', ZABOTA_VALID));
  writeFileSync(path.join(folder, 'school2.xlsx'), await filled('Школа 2', { ...ZABOTA_VALID, Z01: 510 }));
  writeFileSync(path.join(folder, 'Гимназия', 'gymnasium3.xlsx'), await filled('Гимназия 3', ZABOTA_VALID));
  writeFileSync(path.join(folder, 'lyceum4.xlsx'), await filled('Лицей 4', ZABOTA_BREAKS_Z_R1));
  writeFileSync(path.join(folder, 'scan.xlsx'), PDF_BYTES);
  // Not taken from a folder: a text file and the lock file Excel leaves beside an open workbook.
  writeFileSync(path.join(folder, 'readme.txt'), 'not a report');
  writeFileSync(path.join(folder, '~$school1.xlsx'), 'lock');

  await openCampaignTab(page, server, 'import');
  await page.getByTestId('import-folder').locator('input[type=file]').setInputFiles(folder);
  await expect(page.getByTestId('import-progress')).toContainText('5 из 5');
  await expect(page.getByTestId('import-summary')).toContainText('Обработано 5 файлов, принято: 3');
  const results = page.getByTestId('import-results');
  await expect(results.getByTestId('import-status')).toHaveCount(5);
  await expect(results.locator('[data-testid=import-status][data-status^=accepted]')).toHaveCount(3);
  await expect(results.locator('[data-testid=import-status][data-status=rejected]')).toHaveCount(2);
  await expect(results.getByText('Гимназия/gymnasium3.xlsx', { exact: true })).toBeVisible();
  const scan = results.getByRole('row').filter({ has: page.getByText('scan.xlsx', { exact: true }) });
  await expect(scan.getByTestId('issue-error')).toContainText('Excel');

  await page.getByTestId('import-filter-status').getByText('Отклонён: 2').click();
  await expect(results.getByTestId('import-status')).toHaveCount(2);
  await expect(results.getByText('school1.xlsx', { exact: true })).toBeHidden();
  await page.getByTestId('import-filter-status').getByText('Все: 5').click();
  await page.getByTestId('import-search').fill('гимназия');
  await expect(results.getByTestId('import-status')).toHaveCount(1);
  await expect(results.getByTestId('import-school')).toContainText('Гимназия 3');
  await page.getByTestId('import-search').fill('');
  await expect(results.getByTestId('import-status')).toHaveCount(5);

  await results.getByRole('columnheader', { name: 'Результат' }).click();
  await expect(results.getByTestId('import-status').first()).toHaveAttribute('data-status', /^accepted/);
  await expect(results.getByTestId('import-status').last()).toHaveAttribute('data-status', 'rejected');
  await results.getByRole('columnheader', { name: 'Файл' }).click();
  const latin = (await results.getByTestId('import-file').allTextContents()).filter((name) => /^[a-z]/.test(name));
  expect(latin).toEqual(['lyceum4.xlsx', 'scan.xlsx', 'school1.xlsx', 'school2.xlsx']);

  const saved = await savedResults(page);
  expect(saved.title).toBe('Результаты импорта отчётов');
  expect(Object.fromEntries(saved.outcomes)).toEqual({
    'school1.xlsx': expect.stringMatching(/^Принят/),
    'school2.xlsx': expect.stringMatching(/^Принят/),
    'Гимназия/gymnasium3.xlsx': expect.stringMatching(/^Принят/),
    'lyceum4.xlsx': 'Отклонён',
    'scan.xlsx': 'Отклонён',
  });
  expect(await history()).toHaveLength(5);
  await page.screenshot({ path: 'test-results/import-folder-ru.png', fullPage: true });
});

test('Cancel stops a batch after the current file; what was imported stays; the labels in Kazakh', async ({ page }) => {
  const TOTAL = 15;
  const before = (await history()).length;
  await openCampaignTab(page, server, 'import');
  // Each file takes a while, as a real batch over a slow disk would: Cancel is pressed well before the end.
  await page.route('**/api/reports.import', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const files = Array.from({ length: TOTAL }, (_, i) => ({ name: `report-${String(i + 1).padStart(2, '0')}.xlsx`, mimeType: XLSX, buffer: Buffer.from(`not a workbook ${i}`) }));
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles(files);
  await expect(page.getByTestId('import-current-file')).toContainText('report-');
  await page.getByTestId('import-cancel').click();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-stopped', 'true');
  await expect(summary).toContainText('Импорт остановлен');
  await expect(summary).toContainText(`из ${TOTAL}`);
  const processed = Number(await summary.getAttribute('data-processed'));
  expect(processed).toBeGreaterThan(0);
  expect(processed).toBeLessThan(TOTAL);
  await expect(page.getByTestId('import-results').getByTestId('import-status')).toHaveCount(processed);
  expect(await history()).toHaveLength(before + processed);

  await page.getByTestId('language-kk').click();
  await expect(page.getByTestId('import-folder')).toHaveText('Буманы таңдау');
  await expect(page.getByRole('checkbox', { name: 'Тек тексеру' })).toHaveAttribute('data-testid', 'import-dry-run');
  await expect(summary).toContainText('Импорт тоқтатылды');
  await expect(page.getByTestId('import-results-save')).toHaveText('Нәтижелерді сақтау (.xlsx)');
  await page.screenshot({ path: 'test-results/import-cancelled-kk.png', fullPage: true });
});
