// The campaign's whole path through the real UI: create it, edit its dates, make the templates,
// import two filled templates (one valid, one breaking rule Z-R1), read the summary, export it.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { addSchools, api, downloadBytes, fillTemplate, openApp, startServer, validBins, writeSchoolHeader, ZABOTA_BREAKS_Z_R1, ZABOTA_VALID, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
const bins = validBins('1911500', 4);
const templates: Record<string, Uint8Array> = {};


test.beforeAll(async () => {
  server = await startServer();
  const names = ['СШ № 1', 'СШ № 2', 'Гимназия № 3', 'Закрытая школа'];
  const schools = await addSchools(server, bins, names);
  // The closed school is no longer active: it gets no template.
  await api(server, 'schools.setActive', { id: schools[3].id, active: false });
});

test.afterAll(async () => {
  await server.stop();
});

test('creates a «Забота» campaign and edits its dates', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByRole('heading', { name: 'Кампании' })).toBeVisible();
  await page.getByLabel('Год').fill('2026');
  await page.getByTestId('campaign-create').click();
  const row = page.getByTestId('campaigns-table').getByRole('row', { name: /2026/ });
  await expect(row).toContainText('Республиканская акция «Забота» — 2026');
  await expect(row).toContainText('10.01.2026');
  await expect(row).toContainText('15.02.2026');

  await row.getByTestId('campaign-edit-dates').click();
  const dialog = page.getByRole('dialog');
  const schoolDue = dialog.getByLabel('Срок сдачи школами');
  await schoolDue.click();
  await schoolDue.fill('13.02.2026');
  await schoolDue.press('Enter');
  await page.getByTestId('dates-save').click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('campaign-schoolDueOn')).toHaveText('13.02.2026');
  await page.getByTestId('language-kk').click();
  await expect(row).toContainText('«Қамқорлық» республикалық акциясы — 2026');
  await page.screenshot({ path: 'test-results/campaigns-kk.png' });
});

test('makes one template per active school', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await expect(page.getByTestId('campaign-title')).toContainText('2026');
  await expect(page.getByTestId('templates-count')).toContainText('3');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('templates-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(await downloadBytes(download)));
  const names = Object.keys(files);
  expect(names).toHaveLength(3);
  expect(names.every((name) => name.endsWith('.xlsx'))).toBe(true);
  expect(names.some((name) => name.includes('Закрытая'))).toBe(false);
  for (const name of names) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(files[name] as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
  }
  Object.assign(templates, files);
});

test('imports a valid and an invalid report and shows why one was rejected', async ({ page }) => {
  const [first, second] = Object.keys(templates).sort();
  const valid = await fillTemplate(templates[first], ZABOTA_VALID);
  const invalid = await fillTemplate(templates[second], ZABOTA_BREAKS_Z_R1);
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('tab-import').click();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([
    { name: 'valid.xlsx', mimeType: type, buffer: valid },
    { name: 'invalid.xlsx', mimeType: type, buffer: invalid },
  ]);
  const results = page.getByTestId('import-results');
  await expect(results.getByRole('row', { name: /valid\.xlsx/ }).first()).toBeVisible();
  const validRow = results.getByRole('row').filter({ has: page.getByText('valid.xlsx', { exact: true }) });
  const invalidRow = results.getByRole('row').filter({ has: page.getByText('invalid.xlsx', { exact: true }) });
  await expect(validRow.getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
  await expect(invalidRow.getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  await expect(invalidRow.getByTestId('import-status')).toHaveText('Отклонён');
  const problem = invalidRow.getByTestId('issue-error').filter({ hasText: 'Z-R1' });
  await expect(problem).toContainText('Z03');
  // the rule in words: each row by its code, label and value
  await expect(problem).toContainText('Z03 «из них возвращено в школу» (6) не может быть больше Z02 «Выявлено детей школьного возраста, не охваченных обучением» (4)');
  await expect(problem).toHaveText(/![A-Z]+\d+/);
  await expect(page.getByTestId('import-history')).toContainText('invalid.xlsx');
  await expect(page.getByTestId('import-history')).toContainText('Действующий');
  await page.screenshot({ path: 'test-results/import-ru.png', fullPage: true });
});

test('the summary counts the valid report only and exports a workbook for the region', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-expected')).toContainText('3');
  await expect(page.getByTestId('summary-reported')).toContainText('1');
  await expect(page.getByTestId('summary-missing')).toContainText('2');
  const totals = page.getByTestId('summary-totals');
  await expect(totals.getByRole('row', { name: /Z01/ })).toContainText('500');
  await expect(totals.getByRole('row', { name: /Z01/ })).toContainText('Контингент обучающихся');
  await expect(totals.getByRole('row', { name: /Z03/ })).toContainText('3');
  await expect(page.getByTestId('summary-missing-list').getByRole('listitem')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/summary-ru.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('summary-save').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as unknown as ArrayBuffer);
  expect(workbook.worksheets.length).toBeGreaterThan(0);

  await page.getByTestId('language-kk').click();
  await expect(page.getByTestId('tab-summary')).toHaveText('Жиынтық');
  await expect(totals.getByRole('row', { name: /Z01/ })).toContainText('Есеп беру күнгі білім алушылар контингенті');
  await page.getByTestId('tab-import').click();
  await expect(page.getByTestId('import-history')).toContainText('Қабылданбады');
  await expect(page.getByTestId('import-history').getByTestId('issue-error')).toContainText('ережесі орындалмады');
  await page.screenshot({ path: 'test-results/import-kk.png' });
});

test('a school not in the registry fills the blank template; the import offers to add it and then accepts the file', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('templates-blank').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('zabota-2026-blank.xlsx');

  const newBin = validBins('1911600', 1)[0];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fillTemplate(await downloadBytes(download), ZABOTA_VALID)) as unknown as ArrayBuffer);
  writeSchoolHeader(workbook.worksheets[0], 'Школа-лицей № 7', newBin);
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByTestId('tab-import').click();
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([{ name: 'lyceum7.xlsx', mimeType: type, buffer: filled }]);
  const row = page.getByTestId('import-results').getByRole('row').filter({ has: page.getByText('lyceum7.xlsx', { exact: true }) });
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  await expect(row.getByTestId('issue-error')).toContainText(newBin);

  await row.getByTestId('import-add-school').click();
  await expect(page.getByTestId('school-bin')).toHaveValue(newBin);
  await expect(page.getByTestId('school-nameRu')).toHaveValue('Школа-лицей № 7');
  await page.getByTestId('school-form-save').click();
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
  await expect(row.getByTestId('import-school')).toContainText('Школа-лицей № 7');
});
