// The form editor through the real UI: «Забота» v1 copied to v3, a label changed, row Z99 added, a rule typed
// wrong and then right (checked live against the form being edited), saved; the form exported as JSON and
// imported back (the same form, nothing added); a campaign with a v1 report moved to v3, its templates and
// summary still working; the forms screen in Kazakh.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { addSchools, api, chooseOption, downloadBytes, failOnConsoleProblems, fillTemplate, openApp, schoolTemplates, startServer, validBins, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
let campaignId = '';

const NEW_LABEL_RU = 'Контингент обучающихся на дату отчёта (всего)';
const Z99_RU = 'Проведено классных часов о правах ребёнка';
const Z99_KK = 'Бала құқықтары туралы өткізілген сынып сағаттары';
const V1_REPORT: Record<string, number> = { Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 5, Z10: 20, Z20: 20, Z30: 0, Z31: 0, Z32: 0, Z33: 0 };

/** One school's report under v1, so that moving the campaign to v3 has something received to keep. */
async function importV1Report(): Promise<void> {
  const files = await schoolTemplates(server, campaignId);
  const [first] = Object.keys(files).sort();
  const filled = await fillTemplate(files[first], V1_REPORT);
  const outcomes = await api<Array<{ status: string }>>(server, 'reports.import', {
    campaignId,
    files: [{ name: 'school1.xlsx', base64: filled.toString('base64') }],
  });
  expect(outcomes[0].status).toBe('accepted');
}

test.beforeAll(async () => {
  server = await startServer();
  const names = ['СШ № 1', 'СШ № 2'];
  await addSchools(server, validBins('2107400', 2), names);
  const campaign = await api<{ id: string }>(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  campaignId = campaign.id;
  // A campaign that still collects version 1, as one made before the built-in version 2 came.
  await api(server, 'campaigns.setForm', { id: campaignId, formVersion: 1 });
  await importV1Report();
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

async function openForms(page: Page, language: 'ru' | 'kk' = 'ru'): Promise<void> {
  await openApp(page, server, language);
  await page.getByTestId('nav-forms').click();
  await expect(page.getByTestId('forms-table')).toBeVisible();
}

async function lastIndex(page: Page, prefix: string): Promise<number> {
  return (await page.locator(`[data-testid^="${prefix}"]`).count()) - 1;
}

test('copies «Забота» v1 to v3, adds row Z99 and a rule over it, and saves', async ({ page }) => {
  await openForms(page);
  const v1 = page.getByTestId('form-row-zabota-1');
  await expect(v1).toContainText('Республиканская акция «Забота»');
  await expect(v1.getByTestId('form-built-in')).toHaveText('встроенная');
  await expect(v1.getByTestId('form-state')).toHaveText('только чтение');
  await expect(v1.getByTestId('form-used-by')).toHaveText('Республиканская акция «Забота» — 2026');
  await expect(v1.getByTestId('form-used-by')).toHaveAttribute('data-campaign', campaignId);

  await page.getByTestId('form-copy-zabota-1').click();
  await expect(page.getByTestId('form-editor-title')).toHaveText('Форма: Республиканская акция «Забота», версия 3');
  await expect(page.getByTestId('form-editor')).toHaveAttribute('data-editable', 'true');
  await expect(page.getByTestId('form-no-problems')).toBeVisible();
  await expect(page.getByTestId('form-save')).toBeDisabled();

  await page.getByTestId('indicator-label-ru-0').fill(NEW_LABEL_RU);
  await expect(page.getByTestId('form-unsaved')).toBeVisible();
  await expect(page.getByTestId('form-save')).toBeEnabled();

  await page.getByTestId('indicator-add').click();
  const row = await lastIndex(page, 'indicator-row-');
  expect(row).toBe(23);
  await expect(page.getByTestId(`indicator-code-${row}`)).toHaveValue('Z35');
  await page.getByTestId(`indicator-code-${row}`).fill('z99');
  await expect(page.getByTestId(`indicator-code-${row}`)).toHaveValue('Z99');
  await expect(page.getByTestId(`indicator-type-${row}`)).toContainText('Количество');
  const panel = page.getByTestId('form-problems');
  await expect(panel).toContainText('У строки Z99 нет наименования на одном из языков');
  await expect(page.getByTestId('form-save')).toBeDisabled();
  await page.getByTestId(`indicator-label-ru-${row}`).fill(Z99_RU);
  await page.getByTestId(`indicator-label-kk-${row}`).fill(Z99_KK);
  await expect(page.getByTestId('form-no-problems')).toBeVisible();

  await page.getByTestId('rule-add').click();
  const rule = await lastIndex(page, 'rule-row-');
  expect(rule).toBe(19);
  await expect(page.getByTestId(`rule-id-${rule}`)).toHaveValue('Z-R12');
  const check = page.getByTestId(`rule-check-${rule}`);
  await page.getByTestId(`rule-text-${rule}`).fill('Z99 <=');
  await expect(check).toHaveAttribute('data-state', 'problem');
  await expect(check).toContainText('здесь нужен код строки или число');
  await expect(page.getByTestId('form-save')).toBeDisabled();
  await page.getByTestId(`rule-text-${rule}`).fill('Z99 <= Z98');
  await expect(check).toContainText('В форме нет строк с кодами Z98');
  await page.getByTestId(`rule-text-${rule}`).fill('Z99 <= Z01');
  await expect(check).toHaveAttribute('data-state', 'ok');
  await expect(check).toHaveText(/Правило понятно/);
  await expect(page.getByTestId('form-no-problems')).toBeVisible();
  await page.getByTestId(`rule-severity-${rule}`).click();
  await chooseOption(page, 'предупреждение: отчёт принимается');

  await page.getByTestId('form-save').click();
  await expect(page.getByText('Форма сохранена')).toBeVisible();
  await expect(page.getByTestId('form-unsaved')).toBeHidden();
  await expect(page.getByTestId('form-save')).toBeDisabled();

  await page.reload();
  await expect(page.getByTestId('form-editor-title')).toContainText('версия 3');
  await expect(page.getByTestId('indicator-label-ru-0')).toHaveValue(NEW_LABEL_RU);
  await expect(page.getByTestId('indicator-code-23')).toHaveValue('Z99');
  await expect(page.getByTestId('indicator-label-kk-23')).toHaveValue(Z99_KK);
  await expect(page.getByTestId('rule-text-19')).toHaveValue('Z99 <= Z01');
  await expect(page.getByTestId('rule-severity-19')).toContainText('предупреждение');
  await page.screenshot({ path: 'test-results/form-editor-ru.png', fullPage: true });
});

test('exports v3 as JSON and imports it back: the same form, nothing added; a broken file is refused', async ({ page }) => {
  await openForms(page);
  const own = page.getByTestId('form-row-zabota-3');
  await expect(own.getByTestId('form-based-on')).toHaveText('копия v1');
  await expect(own.getByTestId('form-state')).toHaveText('можно менять');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('form-export-zabota-3').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('zabota-v3.jinaq-form.json');
  const bytes = await downloadBytes(download);
  const file = JSON.parse(bytes.toString('utf8')) as { format: string; form: { version: number; indicators: Array<{ code: string }> } };
  expect(file.format).toBe('jinaq-form');
  expect(file.form.version).toBe(3);
  expect(file.form.indicators.map((indicator) => indicator.code)).toContain('Z99');

  await page.getByTestId('form-import').click();
  const drop = page.getByTestId('form-import-drop').locator('input[type=file]');
  await drop.setInputFiles({ name: 'zabota-v3.jinaq-form.json', mimeType: 'application/json', buffer: bytes });
  const result = page.getByTestId('form-import-result');
  await expect(result).toHaveAttribute('data-outcome', 'same');
  await expect(result).toContainText('Такая форма уже есть: Республиканская акция «Забота», версия 3');

  await drop.setInputFiles({ name: 'broken.jinaq-form.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
  await expect(result).toHaveAttribute('data-outcome', 'refused');
  await expect(page.getByTestId('form-import-problems')).toContainText('это не текст JSON');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('forms-table').locator('[data-testid^="form-row-zabota-"]')).toHaveCount(3);
});

test('moves the campaign to v3: its templates carry Z99, the summary still sums the v1 report', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('campaign-edit-dates').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Уже полученные отчёты сохраняют свою версию');
  await expect(page.getByTestId('campaign-form-version')).toContainText('v1 — Республиканская акция «Забота»');
  await page.getByTestId('campaign-form-version').click();
  await chooseOption(page, 'v3 — ');
  await page.getByTestId('dates-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Кампания переведена на версию 3 формы')).toBeVisible();

  await page.getByTestId('tab-templates').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('templates-save').click();
  const files = unzipSync(new Uint8Array(await downloadBytes(await downloading)));
  const [first] = Object.keys(files);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files[first] as unknown as ArrayBuffer);
  const codes = workbook.worksheets.flatMap((sheet) => sheet.getColumn(1).values.map((value) => String(value ?? '').trim()));
  expect(codes).toContain('Z99');

  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-reported')).toContainText('1');
  const totals = page.getByTestId('summary-totals');
  await expect(totals.getByRole('row', { name: /Z01/ })).toContainText('500');
  await expect(totals.getByRole('row', { name: /Z01/ })).toContainText(NEW_LABEL_RU);
  await expect(totals.getByRole('row', { name: /Z99/ })).toContainText(Z99_RU);
  await page.screenshot({ path: 'test-results/summary-v3-ru.png', fullPage: true });

  await page.getByTestId('nav-forms').click();
  const own = page.getByTestId('form-row-zabota-3');
  await expect(own.getByTestId('form-used-by')).toHaveText('Республиканская акция «Забота» — 2026');
  await expect(own.getByTestId('form-state')).toHaveText('используется — не меняется');
  await expect(page.getByTestId('form-delete-zabota-3')).toHaveCount(0);
  await page.getByTestId('form-open-zabota-3').click();
  await expect(page.getByTestId('form-read-only')).toContainText(campaignId);
  await expect(page.getByTestId('indicator-code-23')).toBeDisabled();
});

test('the forms screen in Kazakh', async ({ page }) => {
  await openForms(page, 'kk');
  await expect(page.getByTestId('nav-forms')).toHaveText('Нысандар');
  await expect(page.getByTestId('forms-title')).toHaveText('Есеп нысандары');
  const v1 = page.getByTestId('form-row-zabota-1');
  await expect(v1).toContainText('«Қамқорлық» республикалық акциясы');
  await expect(v1.getByTestId('form-built-in')).toHaveText('кірістірілген');
  await page.getByTestId('form-open-zabota-1').click();
  await expect(page.getByTestId('form-editor-title')).toHaveText('Нысан: «Қамқорлық» республикалық акциясы, 1-нұсқа');
  await expect(page.getByTestId('form-read-only')).toContainText('кірістірілген нұсқа');
  await expect(page.getByRole('columnheader', { name: 'Жол коды' })).toBeVisible();
  await expect(page.getByTestId('rule-check-0')).toHaveText(/Ереже түсінікті/);
  await page.screenshot({ path: 'test-results/forms-kk.png', fullPage: true });
});
