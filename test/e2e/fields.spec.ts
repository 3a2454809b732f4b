// Errors where the eye is, at the office screen's size: the settings' БИН refused at its field with the reason and
// Save in sight; a report typed by hand marks every row a broken rule names and keeps money as typed; the school form
// marks the БИН required; a blank template's «ru / kk» school name lands in the Russian and Kazakh fields.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addSchools, api, failOnConsoleProblems, fieldError, fillTemplate, openApp, openCampaignTab, openManualEntry, startServer, validBins, writeSchoolHeader, ZABOTA_VALID, type Server } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });
failOnConsoleProblems();

// No test here needs another's work, so they may run in parallel: each worker starts its own server in beforeAll.
let server: Server;
const CAMPAIGN = 'zabota-2026';
const bins = validBins('1910400', 2);

test.beforeAll(async () => {
  server = await startServer();
  await addSchools(server, bins, [{ ru: 'Школа Дельта', kk: 'Дельта мектебі' }, { ru: 'Школа Эпсилон', kk: 'Эпсилон мектебі' }]);
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
});

test.afterAll(async () => {
  await server.stop();
});

test('settings: a mistyped department БИН is refused at its field with the reason, Save in sight', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-settings').click();
  const save = page.getByTestId('settings-save');
  await expect(save).toBeInViewport();
  const mistyped = `${bins[0].slice(0, 11)}${(Number(bins[0][11]) + 1) % 10}`;
  await page.getByTestId('settings-departmentBin').fill(mistyped);
  await save.click();
  const bin = page.getByTestId('settings-departmentBin');
  const error = await fieldError(bin);
  await expect(error).toHaveText('БИН не проходит проверку контрольного разряда — проверьте, нет ли опечатки');
  // In sight: not under the Save bar at the screen's bottom edge.
  const reason = await error.boundingBox();
  const bar = await save.boundingBox();
  expect(reason!.y + reason!.height).toBeLessThanOrEqual(bar!.y);
  expect(reason!.y).toBeGreaterThanOrEqual(0);
  await expect(page.getByText('Настройки сохранены')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/settings-bin-ru.png' });

  await bin.fill(bins[0]);
  await save.click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await expect(bin).not.toHaveAttribute('aria-invalid', 'true');
});

test('settings in Kazakh: the reason at the field in Kazakh, at 1280×720 too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, 'kk');
  await page.getByTestId('nav-settings').click();
  const save = page.getByTestId('settings-save');
  await expect(save).toBeInViewport();
  await page.getByTestId('settings-departmentBin').fill(`${bins[1].slice(0, 11)}${(Number(bins[1][11]) + 1) % 10}`);
  await save.click();
  const error = await fieldError(page.getByTestId('settings-departmentBin'));
  await expect(error).toHaveText('БСН бақылау разрядының тексерісінен өтпейді — қате терілмегенін тексеріңіз');
  await expect(error).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/settings-bin-kk.png' });
});

const VALUES: Record<string, string> = { Z01: '120', Z02: '2', Z03: '1', Z04: '3', Z05: '1', Z06: '2', Z30: '8000', Z31: '8000', 'H01.1': '4', 'H01.2': '4', 'H01.8': '8000' };

test('manual entry: each row a broken rule names is marked with the message beside it, and scrolled to', async ({ page }) => {
  await openCampaignTab(page, server, 'import');
  const modal = await openManualEntry(page, 'Школа Эпсилон');
  const rowOf = (code: string) => modal.locator('.ant-form-item', { has: page.getByTestId(`manual-value-${code}`) });
  for (const [code, value] of Object.entries({ ...VALUES, Z03: '5' })) await modal.getByTestId(`manual-value-${code}`).fill(value);

  await modal.getByTestId('manual-check').click();
  await expect(modal.getByTestId('manual-outcome')).toHaveAttribute('data-status', 'rejected');
  const listed = (await modal.getByTestId('manual-issues').getByTestId('issue-error').textContent()) ?? '';
  for (const code of ['Z03', 'Z02']) {
    const row = rowOf(code);
    await expect(row).toHaveClass(/ant-form-item-has-error/);
    const beside = (await row.locator('.ant-form-item-explain-error').textContent()) ?? '';
    expect(beside.length).toBeGreaterThan(10);
    expect(listed).toContain(beside);
  }
  await expect(rowOf('Z01')).not.toHaveClass(/ant-form-item-has-error/);
  await expect(rowOf('Z03')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/manual-entry-marked-ru.png' });

  await modal.getByTestId('manual-value-Z03').fill('1');
  await expect(rowOf('Z03')).not.toHaveClass(/ant-form-item-has-error/);
  await modal.getByTestId('manual-check').click();
  await expect(modal.getByTestId('manual-outcome')).toHaveAttribute('data-status', 'accepted');
});

test('manual entry: money stays as typed («95 000»), before and after it is stored', async ({ page }) => {
  await openCampaignTab(page, server, 'import');
  let modal = await openManualEntry(page, 'Школа Дельта');
  for (const [code, value] of Object.entries({ ...VALUES, Z30: '95 000', Z31: '95 000', 'H01.8': '95 000' })) await modal.getByTestId(`manual-value-${code}`).fill(value);
  await modal.getByTestId('manual-value-Z01').focus();
  await expect(modal.getByTestId('manual-value-Z30')).toHaveValue('95 000');
  await modal.getByTestId('manual-save').click();
  await expect(modal).toBeHidden();

  modal = await openManualEntry(page, 'Школа Дельта');
  await expect(modal.getByTestId('manual-has-report')).toBeVisible();
  await expect(modal.getByTestId('manual-value-Z30')).toHaveValue('95 000');
  await expect(modal.getByTestId('manual-value-Z01')).toHaveValue('120');
});

test('the school form marks the БИН as required', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-schools').click();
  await page.getByTestId('school-add').click();
  await expect(page.getByTestId('school-bin')).toHaveAttribute('aria-required', 'true');
});

test('a blank template\'s «ru / kk» school name goes into the Russian and Kazakh fields of the school to add', async ({ page }) => {
  const blank = await api<{ file: { base64: string } }>(server, 'exports.blankTemplate', { campaignId: CAMPAIGN });
  const newBin = validBins('1910500', 1)[0];
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fillTemplate(Buffer.from(blank.file.base64, 'base64'), ZABOTA_VALID)) as unknown as ArrayBuffer);
  writeSchoolHeader(workbook.worksheets[0], 'КГУ «Школа-лицей № 7» / «№ 7 мектеп-лицей» КММ', newBin);
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());

  await openCampaignTab(page, server, 'import');
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([{ name: 'lyceum7.xlsx', mimeType: type, buffer: filled }]);
  const row = page.getByTestId('import-results').getByRole('row').filter({ has: page.getByText('lyceum7.xlsx', { exact: true }) });
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  await row.getByTestId('import-add-school').click();
  await expect(page.getByTestId('school-bin')).toHaveValue(newBin);
  await expect(page.getByTestId('school-nameRu')).toHaveValue('КГУ «Школа-лицей № 7»');
  await expect(page.getByTestId('school-nameKk')).toHaveValue('«№ 7 мектеп-лицей» КММ');
  await expect(page.getByTestId('school-shortName')).toHaveValue('КГУ «Школа-лицей № 7»');
  await page.getByTestId('school-form-save').click();
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
});
