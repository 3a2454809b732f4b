// A template passed from one school to another, through the real UI: the file is refused naming both schools, the
// specialist accepts it as the sender's report with one click, and the sender then counts as reported; the same
// choice is offered in the import history.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addSchools, api, failOnConsoleProblems, fillTemplate, goToCampaignTab, openCampaignTab, schoolTemplates, startServer, templateOf, validBins, writeSchoolHeader, xlsxBuffer, ZABOTA_VALID, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();

let server: Server;
const CAMPAIGN = 'zabota-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCHOOLS = ['Школа Альфа', 'Школа Бета', 'Школа Гамма'];
const bins = validBins('1911520', SCHOOLS.length);
let alphaTemplate: Uint8Array;

/** Альфа's template, filled in by another school that typed its own name and БИН over Альфа's in the header. */
async function passedOn(name: string, bin: string, z01: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fillTemplate(alphaTemplate, { ...ZABOTA_VALID, Z01: z01 })) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible')!;
  writeSchoolHeader(sheet, name, bin);
  return xlsxBuffer(workbook);
}

test.beforeAll(async () => {
  server = await startServer();
  await addSchools(server, bins, SCHOOLS);
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  alphaTemplate = templateOf(await schoolTemplates(server, CAMPAIGN), 'Школа Альфа');
});

test.afterAll(async () => {
  await server.stop();
});

test('a file naming two schools is refused, then accepted as the sender’s report, which then counts as reported', async ({ page }) => {
  await openCampaignTab(page, server, 'import');
  await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([
    { name: 'beta.xlsx', mimeType: XLSX, buffer: await passedOn('Школа Бета', bins[1], 500) },
  ]);
  const row = page.getByTestId('import-results').getByRole('row').filter({ has: page.getByText('beta.xlsx', { exact: true }) });
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', 'rejected');
  const error = row.getByTestId('issue-error');
  await expect(error).toContainText('Файл называет две разные школы');
  await expect(error).toContainText(`«Школа Альфа» (БИН ${bins[0]})`);
  await expect(error).toContainText(`ячейка B4, указан БИН ${bins[1]} («Школа Бета»)`);
  await expect(row.getByTestId('import-accept-as')).toHaveText(['Принять как отчёт школы Школа Альфа', 'Принять как отчёт школы Школа Бета']);

  await row.locator(`[data-testid=import-accept-as][data-bin="${bins[1]}"]`).click();
  await expect(row.getByTestId('import-status')).toHaveAttribute('data-status', /^accepted/);
  await expect(row).toContainText('Школа Бета');
  await expect(row.getByTestId('issue-warning')).toContainText('по решению специалиста');
  await expect(row.getByTestId('import-accept-as')).toHaveCount(0);

  await goToCampaignTab(page, 'overview');
  await expect(page.getByTestId('dashboard-reported-value')).toHaveText('1 из 3');
  const missing = page.getByTestId('dashboard-missing');
  await expect(missing.getByTestId('dashboard-missing-school')).toHaveCount(2);
  await expect(missing).toContainText('Школа Альфа');
  await expect(missing).not.toContainText('Школа Бета');
});

test('the import history offers the same choice for a refused file', async ({ page }) => {
  await api(server, 'reports.import', {
    campaignId: CAMPAIGN,
    files: [{ name: 'gamma.xlsx', base64: (await passedOn('Школа Гамма', bins[2], 600)).toString('base64') }],
  });
  await openCampaignTab(page, server, 'import');
  const rows = page.getByTestId('import-history').getByRole('row').filter({ has: page.getByText('gamma.xlsx', { exact: true }) });
  await expect(rows).toHaveCount(1);
  await rows.locator(`[data-testid=import-accept-as][data-bin="${bins[2]}"]`).click();
  // The accepted import is the newest, above the refused one it came from.
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('history-state')).toHaveAttribute('data-state', 'acceptedWithWarnings');
  await expect(rows.first()).toContainText('Школа Гамма');
  await goToCampaignTab(page, 'overview');
  await expect(page.getByTestId('dashboard-reported-value')).toHaveText('2 из 3');
});
