// The region's workbook in and out on the office screen (issue 19): the Forms screen's «Из файла управления» reads the
// region's .xlsx into a proposed form — Jinaq's notes, the proposal beside a picture of the sheet — opened in the
// editor and saved as «Забота» version 3; a campaign collects it, two schools' reports are entered, and the summary's
// «В файл области» fills the same file with the district's totals and lists the cells it left empty. Nothing is wider
// than the screen, in Russian, Kazakh and English.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Campaign, ImportOutcome } from '../../shared/domain.ts';
import type { FormRecord } from '../../shared/forms/types.ts';
import * as regionForms from '../helpers/region-forms.ts';
import { addSchools, api, chooseOption, downloadBytes, failOnConsoleProblems, openApp, startServer, validBins, type Server } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();

let server: Server;
let region: Buffer;
const FILE = 'Контингент.xlsx';
const CAMPAIGN = 'zabota-2027';
const bins = validBins('1912500', 2);
/** Two schools' grids: rows R01–R03 (sheet rows 7–9) × графы 1–2 (columns C, D); R04 and графы 3–5 left empty. */
const REPORTS: Array<Record<string, number>> = [
  { 'R01.1': 10, 'R01.2': 4, 'R02.1': 20, 'R02.2': 9, 'R03.1': 5, 'R03.2': 2 },
  { 'R01.1': 7, 'R01.2': 3, 'R02.1': 11, 'R02.2': 6, 'R03.1': 4, 'R03.2': 1 },
];

test.beforeAll(async () => {
  server = await startServer();
  region = await regionForms.twoLevelGrid();
});

test.afterAll(async () => {
  await server.stop();
});

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function dropRegionFile(page: Page): Promise<void> {
  await page.getByTestId('nav-forms').click();
  await page.getByTestId('form-from-region').click();
  await page.getByTestId('region-form-drop').locator('input[type=file]').setInputFiles({ name: FILE, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: region });
}

test('a form from the region\'s file: the notes, the proposal beside the sheet, opened in the editor and saved as «Забота» version 3', async ({ page }) => {
  await openApp(page, server);
  await dropRegionFile(page);
  await expect(page.getByTestId('region-form-id-hint')).toContainText('Кампании собирают только формы «Забота» и НИК');
  await expect(page.getByTestId('region-form-id-hint')).toContainText('версия 3');
  const notes = page.getByTestId('region-form-notes');
  await expect(notes).toContainText('Контингент');
  expect(await notes.locator('li').count()).toBeGreaterThan(3);
  await expect(page.getByTestId('region-form-proposal')).toContainText('версия 3');
  await expect(page.getByTestId('region-form-proposal')).toContainText('R04');
  const picture = page.getByTestId('region-form-picture');
  await expect(picture).toContainText('Численность обучающихся');
  await expect(picture.locator('tr[data-row-code="R04"]')).toContainText('в том числе в вечерних школах');
  await expect(picture.locator('th[data-column-code="5"]')).toContainText('G');
  // The merged caption «Численность обучающихся» spans its three графы; the shaded cells are grey.
  await expect(picture.locator('td', { hasText: 'Численность обучающихся' })).toHaveAttribute('colspan', '3');
  expect(await picture.locator('td.sheet-picture-shaded').count()).toBeGreaterThanOrEqual(3);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/region-form-ru.png' });

  await page.getByTestId('region-form-open').click();
  await expect(page).toHaveURL(/#\/forms\/new$/);
  await expect(page.getByTestId('form-editor-title')).toContainText('версия 3');
  await expect(page.getByTestId('form-unsaved')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/region-form-editor-ru.png' });
  await page.getByTestId('form-save').click();
  await expect(page).toHaveURL(/#\/forms\/zabota\/3$/);
  await expect(page.getByTestId('form-unsaved')).toHaveCount(0);

  const stored = await api<FormRecord>(server, 'forms.get', { id: 'zabota', version: 3 });
  expect(stored.form.regionSource).toMatchObject({ fileName: FILE, sheet: 'Контингент', rows: { R01: { index: 7 } } });
});

test('a workbook of several sheets: the form\'s sheet found, another picked, a sheet that is no form refused with the message', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-forms').click();
  await page.getByTestId('form-from-region').click();
  await page.getByTestId('region-form-drop').locator('input[type=file]').setInputFiles({ name: 'Летний отдых.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await regionForms.letterThenForm() });
  const sheet = page.getByTestId('region-form-sheet');
  await expect(sheet).toContainText('Отчет');
  await expect(page.getByTestId('region-form-picture')).toContainText('Сведения об охвате детей летним отдыхом');
  await sheet.click();
  await chooseOption(page, 'Письмо');
  const problem = page.getByTestId('region-form-problem');
  await expect(problem).toContainText('Из этого файла форма не создана');
  await expect(problem).toContainText('Летний отдых.xlsx');
  await expect(page.getByTestId('region-form-open')).toHaveCount(0);
  await expect(page.getByTestId('region-form-picture')).toContainText('Просим представить сведения');
  await page.getByTestId('region-form-id').getByText('НИК (nik)').click();
  await expect(page.getByTestId('region-form-id-hint')).toContainText('версия 2');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/region-form-refused-ru.png' });
});

test('the summary fills the region\'s file: the totals in its cells, the cells left empty listed', async ({ page }) => {
  const schools = await addSchools(server, bins, ['Школа Ирис', 'Школа Лотос']);
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2027 });
  await api(server, 'campaigns.setForm', { id: CAMPAIGN, formVersion: 3 });
  for (const [index, values] of REPORTS.entries()) {
    const outcome = await api<ImportOutcome>(server, 'reports.enter', { campaignId: CAMPAIGN, schoolId: schools[index].id, values });
    expect(outcome.status).toBe('accepted');
  }
  await openApp(page, server);
  await page.evaluate((hash) => { window.location.hash = hash; }, `#/campaigns/${CAMPAIGN}/summary`);
  const button = page.getByTestId('summary-into-region');
  await expect(button).toHaveText('В файл области');
  await expect(button).toBeEnabled();
  await button.click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('region-workbook-drop').locator('input[type=file]').setInputFiles({ name: FILE, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: region });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const issues = page.getByTestId('region-workbook-issues');
  await expect(issues).toContainText('Контингент!C10 · R04');
  await expect(issues).toContainText('осталась пустой');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/region-workbook-ru.png' });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Контингент')!;
  const sum = (code: string) => REPORTS.reduce((total, values) => total + (values[code] ?? 0), 0);
  for (const [row, code] of [[7, 'R01'], [8, 'R02'], [9, 'R03']] as const) {
    expect(sheet.getCell(row, 3).value).toBe(sum(`${code}.1`));
    expect(sheet.getCell(row, 4).value).toBe(sum(`${code}.2`));
  }
  expect(sheet.getCell('B10').value).toBe('в том числе в вечерних школах');

  // A campaign whose form was not made from a region's file has nothing to fill.
  const nik = await api<Campaign>(server, 'campaigns.create', { kind: 'nik', year: 2027 });
  await page.keyboard.press('Escape');
  await page.evaluate((hash) => { window.location.hash = hash; }, `#/campaigns/${nik.id}/summary`);
  // Created outside the app: read the campaigns again.
  await page.reload();
  await expect(page.getByTestId('summary-into-region')).toBeDisabled();
});

for (const language of ['kk', 'en'] as const) {
  test(`in ${language}: the two screens fit the office screen`, async ({ page }) => {
    await openApp(page, server, language);
    await dropRegionFile(page);
    await expect(page.getByTestId('form-from-region')).toHaveText(language === 'kk' ? 'Басқарма файлынан' : "From the region's file");
    await expect(page.getByTestId('region-form-picture')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/screenshots/region-form-${language}.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('Escape');
    await page.evaluate((hash) => { window.location.hash = hash; }, `#/campaigns/${CAMPAIGN}/summary`);
    await expect(page.getByTestId('summary-into-region')).toHaveText(language === 'kk' ? 'Облыс файлына' : "Into the region's file");
    await page.getByTestId('summary-into-region').click();
    await expect(page.getByTestId('region-workbook-drop')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/screenshots/region-workbook-${language}.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectNoSidewaysScroll(page);
  });
}
