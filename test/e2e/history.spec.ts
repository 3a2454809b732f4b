// The import history through the real UI: a rejected file returned to its school with the message in Russian and
// Kazakh, a school's two versions with what changed and the older one restored (seen in the summary and the audit),
// and a report entered by hand, first breaking a rule and then saved.
import { expect, test, type Page } from '@playwright/test';
import { osUser } from '../../main/os-user.ts';
import { addSchools, api, chooseOption, failOnConsoleProblems, fillTemplate, openCampaignTab, schoolTemplates, startServer, templateOf, validBins, ZABOTA_BREAKS_Z_R1, ZABOTA_VALID, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

let server: Server;
const CAMPAIGN = 'zabota-2026';
const bins = validBins('1912400', 3);
const NAMES = ['Школа Альфа', 'Школа Бета', 'Школа Гамма'];
const templates = new Map<string, Uint8Array>();

const CORRECTED: Record<string, number> = { ...ZABOTA_VALID, Z03: 4 };


async function importFile(name: string, school: string, values: Record<string, number>): Promise<void> {
  const template = templates.get(school);
  if (!template) throw new Error(`no template for ${school}`);
  const base64 = (await fillTemplate(template, values)).toString('base64');
  await api(server, 'reports.import', { campaignId: CAMPAIGN, files: [{ name, base64 }] });
}

function historyRow(page: Page, file: string) {
  return page.getByTestId('import-history').getByRole('row').filter({ has: page.getByText(file, { exact: true }) });
}

test.beforeAll(async () => {
  server = await startServer();
  await addSchools(server, bins, NAMES.map((name) => ({ ru: name, kk: `${name} (kk)` })));
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  const files = await schoolTemplates(server, CAMPAIGN);
  for (const school of NAMES) templates.set(school, templateOf(files, school));
  expect(templates.size).toBe(3);
});

test.afterAll(async () => {
  await server.stop();
});

test('a rejected file returned for revision: the message in both languages, the state and the filter', async ({ page }) => {
  await importFile('alpha-bad.xlsx', 'Школа Альфа', ZABOTA_BREAKS_Z_R1);
  await openCampaignTab(page, server, 'import');
  const row = historyRow(page, 'alpha-bad.xlsx');
  await expect(row.getByTestId('history-state')).toHaveAttribute('data-state', 'rejected');
  await expect(row.getByTestId('history-state')).toHaveText('Отклонён');
  await expect(row.getByTestId('history-user')).toHaveText(osUser());

  await row.getByTestId('history-return').click();
  const dialog = page.getByTestId('return-dialog');
  await expect(dialog).toBeVisible();
  const ru = dialog.getByTestId('return-text-ru');
  const kk = dialog.getByTestId('return-text-kk');
  await expect(ru).toHaveValue(/возвращён на доработку/);
  await expect(ru).toHaveValue(/ячейка D\d+, строка Z03: Правило Z-R1 не выполнено/);
  await expect(ru).toHaveValue(/Школа Альфа/);
  await expect(kk).toHaveValue(/пысықтауға қайтарылды/);
  await expect(kk).toHaveValue(/D\d+ ұяшығы, Z03 жолы/);
  // The campaign's own quotes nest inside the text's: «„Қамқорлық“ …», never ««.
  await expect(kk).toHaveValue(/«„Қамқорлық“ республикалық акциясы — 2026» есебі/);

  await dialog.getByTestId('return-copy-ru').click();
  await expect(page.getByText('Текст скопирован')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await ru.inputValue());
  await expect(dialog.getByTestId('return-copy-kk')).toHaveText('Копировать');
  await dialog.getByTestId('return-close').click();
  await expect(dialog).toBeHidden();

  await expect(row.getByTestId('history-state')).toHaveAttribute('data-state', 'returned');
  await expect(row.getByTestId('history-state')).toHaveText('Возвращён на доработку');

  await importFile('beta-v1.xlsx', 'Школа Бета', ZABOTA_VALID);
  await page.reload();
  await page.getByTestId('tab-import').click();
  const history = page.getByTestId('import-history');
  await expect(history.getByRole('row')).toHaveCount(3);
  await page.getByTestId('history-filter-state').getByText('Возвращён на доработку').click();
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(historyRow(page, 'alpha-bad.xlsx')).toBeVisible();
  await page.getByTestId('history-filter-state').getByText('Отклонён').click();
  await expect(history).toContainText('Нет файлов в этом состоянии');
  await page.getByTestId('history-filter-state').getByText('Все').click();
  await expect(history.getByRole('row')).toHaveCount(3);

  await page.getByTestId('language-kk').click();
  await expect(row.getByTestId('history-state')).toHaveText('Пысықтауға қайтарылды');
  await expect(row.getByTestId('history-return')).toHaveText('Мектепке хабарлама');
  await expect(page.getByTestId('manual-entry')).toHaveText('Қолмен енгізу');
  await page.screenshot({ path: 'test-results/history-kk.png', fullPage: true });
});

test('two versions of a school’s report: what changed, the first restored, the summary and the audit follow', async ({ page }) => {
  await importFile('beta-v2.xlsx', 'Школа Бета', CORRECTED);
  await openCampaignTab(page, server, 'import');
  await expect(historyRow(page, 'beta-v2.xlsx').getByTestId('history-state')).toHaveAttribute('data-state', 'accepted');
  await historyRow(page, 'beta-v2.xlsx').getByTestId('history-versions').click();
  const drawer = page.getByTestId('versions-drawer');
  await expect(drawer).toBeVisible();
  const versions = drawer.getByTestId('version-row');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveAttribute('data-current', 'false');
  await expect(versions.nth(1)).toHaveAttribute('data-current', 'true');
  await expect(versions.nth(0)).toContainText('beta-v1.xlsx');
  await expect(versions.nth(1).getByTestId('version-change')).toHaveText(['Z03: 3 → 4']);
  await expect(versions.nth(1).getByTestId('version-restore')).toHaveCount(0);

  await versions.nth(0).getByTestId('version-restore').click();
  await page.getByTestId('version-restore-confirm').click();
  await expect(versions.nth(0)).toHaveAttribute('data-current', 'true');
  await expect(versions.nth(1)).toHaveAttribute('data-current', 'false');
  const restored = drawer.getByTestId('audit-table').getByRole('row').nth(1);
  await expect(restored).toContainText('Z03');
  await expect(restored).toContainText('4 → 3');
  await expect(restored.getByTestId('audit-reason')).toHaveText('восстановление');
  await expect(restored.getByTestId('audit-user')).toHaveText(osUser());
  await page.screenshot({ path: 'test-results/versions-ru.png' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(historyRow(page, 'beta-v1.xlsx').getByText('Действующий')).toBeVisible();

  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-reported')).toContainText('1');
  await expect(page.getByTestId('summary-totals').getByRole('row', { name: /Z03/ }).getByRole('cell').last()).toHaveText('3');
});

test('a report entered by hand: a broken rule shown, fixed and saved, then counted', async ({ page }) => {
  await openCampaignTab(page, server, 'import');
  await page.getByTestId('manual-entry').click();
  const modal = page.getByTestId('manual-entry-modal');
  await modal.getByTestId('manual-school').click();
  await chooseOption(page, 'Школа Гамма');
  await expect(modal.getByText('из них возвращено в школу')).toBeVisible();
  await expect(modal.getByText('оның ішінде мектепке қайтарылды')).toBeVisible();
  await expect(modal.getByTestId('manual-has-report')).toHaveCount(0);
  const values: Record<string, string> = {
    Z01: '120', Z02: '2', Z03: '5', Z04: '3', Z05: '1', Z06: '2', Z30: '8000', Z31: '8000', 'H01.1': '4', 'H01.2': '4', 'H01.8': '8000',
  };
  for (const [code, value] of Object.entries(values)) await modal.getByTestId(`manual-value-${code}`).fill(value);

  await modal.getByTestId('manual-check').click();
  const issues = modal.getByTestId('manual-issues');
  await expect(modal.getByTestId('manual-outcome')).toHaveAttribute('data-status', 'rejected');
  await expect(issues.getByTestId('issue-error')).toHaveCount(1);
  await expect(issues.getByTestId('issue-error')).toContainText('Z03 · Правило Z-R1 не выполнено');

  await modal.getByTestId('manual-value-Z03').fill('1');
  await expect(modal.getByTestId('manual-outcome')).toHaveCount(0);
  await modal.getByTestId('manual-check').click();
  await expect(modal.getByTestId('manual-outcome')).toHaveAttribute('data-status', 'accepted');
  await expect(modal.getByTestId('manual-outcome')).toContainText('Ошибок нет');
  await modal.getByTestId('manual-save').click();
  await expect(modal).toBeHidden();
  await expect(page.getByText('Отчёт школы «Школа Гамма» принят')).toBeVisible();

  const manualRow = page.getByTestId('import-history').getByRole('row').filter({ has: page.getByTestId('history-manual') });
  await expect(manualRow).toHaveCount(1);
  await expect(manualRow).toContainText('Школа Гамма');
  await expect(manualRow.getByTestId('history-manual')).toHaveText('вручную');
  // A hand entry by when it was typed in, not by the name its record is stored under (manual-<БИН>-….json).
  await expect(manualRow.getByTestId('import-file')).toHaveText(/^Введено вручную, \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await expect(manualRow.getByTestId('history-state')).toHaveAttribute('data-state', 'accepted');
  await expect(manualRow.getByTestId('history-return')).toHaveCount(0);

  // Entering again prefills the current values and keeps the plan part.
  await page.getByTestId('manual-entry').click();
  await modal.getByTestId('manual-school').click();
  await chooseOption(page, 'Школа Гамма');
  await expect(modal.getByTestId('manual-has-report')).toBeVisible();
  await expect(modal.getByTestId('manual-value-Z01')).toHaveValue('120');
  await page.screenshot({ path: 'test-results/manual-entry-ru.png' });
  await modal.getByRole('button', { name: 'Отмена' }).click();
  await expect(modal).toBeHidden();

  await manualRow.getByTestId('history-versions').click();
  await expect(page.getByTestId('versions-drawer').getByTestId('version-row')).toContainText('введён вручную');
  await expect(page.getByTestId('versions-drawer').getByTestId('audit-reason').first()).toHaveText('вручную');
  await page.keyboard.press('Escape');

  await page.getByTestId('tab-summary').click();
  await expect(page.getByTestId('summary-reported')).toContainText('2');
  await expect(page.getByTestId('summary-schools')).toContainText('Школа Гамма');
  await expect(page.getByTestId('summary-totals').getByRole('row', { name: /Z01/ }).getByRole('cell').last()).toHaveText('620');
});
