// Forms as grids on the office screen: a campaign collecting «Забота» version 2 (its help grid, H01–H06 × графы 1–8,
// here with one cell closed). Two schools' reports typed in by hand as grids, a broken rule shown at its cells; the
// summary lays the district's totals out as the grid with the year before per cell, shows a school's grid and one cell
// across the schools; nothing is wider than the screen, at 1366×768 and at 1280×720, in Russian, Kazakh and English.
import { expect, test, type Page } from '@playwright/test';
import type { ImportOutcome } from '../../shared/domain.ts';
import type { FormDefinition, FormRecord, FormSaveResult, GridTable } from '../../shared/forms/types.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import { addSchools, api, chooseOption, failOnConsoleProblems, openApp, openManualEntry, startServer, validBins, type Server } from './helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();

let server: Server;
const CAMPAIGN = 'zabota-2026';
const bins = validBins('1912600', 3);
const SCHOOLS = [
  { ru: 'Школа Ирис', kk: 'Ирис мектебі' },
  { ru: 'Школа Лотос', kk: 'Лотос мектебі' },
  { ru: 'Школа Мак', kk: 'Мак мектебі' },
];

/** zabota v2 with one cell of its help grid closed (money help to children with disabilities), to see a closed cell. */
const FORM: FormDefinition = {
  ...zabotaV2,
  version: 3,
  tables: (zabotaV2.tables ?? []).map((table) => (table.kind === 'grid' ? ({ ...table, closed: ['H06.6'] } satisfies GridTable) : table)),
};

const IRIS: Record<string, string> = {
  Z01: '120', Z02: '2', Z03: '1', Z04: '3', Z05: '1', Z06: '2', Z30: '8000', Z31: '8000',
  'H01.1': '10', 'H01.2': '6', 'H01.3': '4', 'H01.8': '8000', 'H03.1': '4', 'H03.2': '3', 'H03.3': '1',
};
const LOTOS: Record<string, string> = {
  Z01: '200', Z02: '0', Z03: '0', Z04: '1', Z05: '0', Z30: '20000', Z31: '20000',
  'H01.1': '20', 'H01.2': '12', 'H01.3': '8', 'H01.8': '20000', 'H03.1': '2', 'H03.2': '2',
};
/** A year earlier, entered through the API: the totals a cell's «2025: …» shows. */
const YEAR_BEFORE: Array<Record<string, number>> = [
  { Z01: 110, Z02: 1, Z03: 1, Z04: 2, Z05: 1, Z06: 1, Z30: 5000, Z31: 5000, 'H01.1': 8, 'H01.2': 8, 'H01.8': 5000, 'H03.1': 2, 'H03.2': 2 },
  { Z01: 190, Z02: 0, Z03: 0, Z04: 0, Z05: 0, Z30: 1000, Z31: 1000, 'H01.1': 2, 'H01.2': 2, 'H01.8': 1000 },
];

test.beforeAll(async () => {
  server = await startServer();
  const schools = await addSchools(server, bins, SCHOOLS);
  // The district's own version 3 of «Забота»: a copy of version 1 saved with version 2's rows, grid and rules and a closed cell.
  const copy = await api<FormRecord>(server, 'forms.copy', { id: 'zabota', version: 1 });
  expect(copy.form.version).toBe(3);
  const saved = await api<FormSaveResult>(server, 'forms.save', { form: FORM });
  expect(saved.problems).toEqual([]);
  for (const year of [2025, 2026]) {
    await api(server, 'campaigns.create', { kind: 'zabota', year });
    await api(server, 'campaigns.setForm', { id: `zabota-${year}`, formVersion: 3 });
  }
  for (const [index, values] of YEAR_BEFORE.entries()) {
    const outcome = await api<ImportOutcome>(server, 'reports.enter', { campaignId: 'zabota-2025', schoolId: schools[index].id, values });
    expect(outcome.status).toBe('accepted');
  }
});

test.afterAll(async () => {
  await server.stop();
});

async function go(page: Page, tab: string): Promise<void> {
  await page.evaluate((hash) => { window.location.hash = hash; }, `#/campaigns/${CAMPAIGN}/${tab}`);
  await expect(page.getByTestId(`tab-${tab}`)).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('manual entry of a grid: captions and графа numbers, inputs per cell, the closed cell, a rule error at its cells, then saved', async ({ page }) => {
  await openApp(page, server);
  await go(page, 'import');
  const modal = await openManualEntry(page, 'Школа Ирис');
  const grid = modal.getByTestId('manual-grid-help');
  await expect(grid.getByRole('columnheader', { name: 'одеждой', exact: true })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: '8', exact: true })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: /H03\s+из многодетных семей/ })).toBeVisible();
  await expect(modal.getByTestId('manual-closed-H06.6')).toHaveText('X');
  await expect(modal.getByTestId('manual-value-H06.6')).toHaveCount(0);
  await expect(modal.getByTestId('manual-value-H03.2')).toHaveAccessibleName(/H03\.2 из многодетных семей — одеждой \(графа 2\)/);
  await expectNoSidewaysScroll(page);

  // H03.2 above H03.1 breaks H-R1 (*.1 >= *.2) in row H03: both its cells are marked, the message is under the row.
  for (const [code, value] of Object.entries({ ...IRIS, 'H03.2': '5' })) await modal.getByTestId(`manual-value-${code}`).fill(value);
  await modal.getByTestId('manual-check').click();
  await expect(modal.getByTestId('manual-outcome')).toHaveAttribute('data-status', 'rejected');
  for (const code of ['H03.1', 'H03.2']) await expect(modal.getByTestId(`manual-value-${code}`)).toHaveAttribute('aria-invalid', 'true');
  await expect(modal.getByTestId('manual-value-H03.3')).not.toHaveAttribute('aria-invalid', 'true');
  const beside = modal.getByTestId('manual-grid-issues-H03');
  await expect(beside).toContainText('H-R1');
  await expect(beside).toContainText('H03.2');
  await expect(beside).toBeInViewport();
  await expect(modal.getByTestId('manual-grid-issues-H01')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/grid-manual-error-ru.png' });

  await modal.getByTestId('manual-value-H03.2').fill('3');
  await modal.getByTestId('manual-save').click();
  await expect(modal).toBeHidden();

  // Typed in again, the school's grid comes back filled with what was stored.
  const again = await openManualEntry(page, 'Школа Ирис');
  await expect(again.getByTestId('manual-has-report')).toBeVisible();
  await expect(again.getByTestId('manual-value-H03.2')).toHaveValue('3');
  await expect(again.getByTestId('manual-value-H01.8')).toHaveValue('8 000');
  await again.getByRole('button', { name: 'Отмена' }).click();
});

test('manual entry in Kazakh at 1280×720: the second school typed in; on a narrower window the графы scroll inside the table, the row labels stay', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, 'kk');
  await go(page, 'import');
  const modal = await openManualEntry(page, 'Школа Лотос');
  const grid = modal.getByTestId('manual-grid-help');
  await expect(grid.getByRole('columnheader', { name: 'киіммен', exact: true })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: /H03\s+көп балалы отбасылардан/ })).toBeVisible();
  for (const [code, value] of Object.entries(LOTOS)) await modal.getByTestId(`manual-value-${code}`).fill(value);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/grid-manual-kk-1280.png' });
  // On a narrower window the графы scroll inside the table, and the row labels stay where they are.
  await page.setViewportSize({ width: 1024, height: 720 });
  const scroller = grid.locator('.grid-scroll');
  const label = grid.getByRole('rowheader', { name: /H01/ });
  await label.scrollIntoViewIfNeeded();
  const before = (await label.boundingBox())!.x;
  await modal.getByTestId('manual-value-H01.8').scrollIntoViewIfNeeded();
  expect(await scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect((await label.boundingBox())!.x).toBe(before);
  await expect(modal.getByTestId('manual-value-H01.8')).toBeInViewport();
  await expectNoSidewaysScroll(page);
  await modal.getByTestId('manual-save').click();
  await expect(modal).toBeHidden();
});

test('the summary: the district\'s grid with the year before per cell, a school\'s grid, one cell across the schools', async ({ page }) => {
  await openApp(page, server);
  await go(page, 'summary');
  const table = page.getByTestId('summary-grid-table-help');
  await expect(table).toHaveAttribute('data-shown', 'district');
  await expect(page.getByTestId('summary-grid-cell-H01.1')).toContainText('30');
  await expect(page.getByTestId('summary-grid-cell-H03.2')).toContainText('5');
  await expect(page.getByTestId('summary-grid-cell-H01.8')).toContainText('28 000');
  await expect(page.getByTestId('summary-grid-previous-H03.2')).toHaveText('2025: 2 (+3)');
  await expect(page.getByTestId('summary-grid-previous-H01.1')).toHaveText('2025: 10 (+20)');
  // A cell nobody filled a year before has no «2025» line; a closed cell is «X».
  await expect(page.getByTestId('summary-grid-previous-H03.3')).toHaveCount(0);
  await expect(table.getByRole('cell', { name: 'X', exact: true })).toHaveCount(1);
  // The totals of the one-value rows stay in their table; the grid's cells are not listed there too.
  await expect(page.getByTestId('summary-totals')).toContainText('Z30');
  await expect(page.getByTestId('summary-totals')).not.toContainText('H01.1');
  await expectNoSidewaysScroll(page);
  await page.getByTestId('summary-grid-help').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grid-summary-district-ru.png' });

  // One cell across the schools: the largest first.
  await page.getByTestId('summary-grid-cell-H01.2').click();
  const across = page.getByTestId('summary-grid-across');
  await expect(across).toContainText('H01.2 Детей, получивших помощь, всего — одеждой');
  const rows = across.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Школа Лотос');
  await expect(rows.nth(0)).toContainText('12');
  await expect(rows.nth(1)).toContainText('Школа Ирис');
  await expect(rows.nth(1)).toContainText('6');
  await expect(across).toContainText('среднее 9');
  await expectNoSidewaysScroll(page);
  await across.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grid-summary-across-ru.png' });

  // A school's grid: its own values, the one far from its year before marked.
  await page.getByTestId('summary-grid-school-help').click();
  await chooseOption(page, 'Школа Лотос');
  await expect(table).not.toHaveAttribute('data-shown', 'district');
  await expect(page.getByTestId('summary-grid-cell-H01.1')).toHaveText('20');
  await expect(page.getByTestId('summary-grid-cell-H03.2')).toHaveText('2');
  await expect(page.getByTestId('summary-grid-cell-H03.3')).toHaveText('');
  await expect(page.getByTestId('summary-grid-cell-H01.2').getByTestId('summary-outlier')).toHaveText('12');
  await expect(across.locator('tr.grid-across-chosen')).toContainText('Школа Лотос');
  await page.getByTestId('summary-grid-across-close').click();
  await expect(across).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await page.getByTestId('summary-grid-help').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grid-summary-school-ru.png' });
});

test('the summary in Kazakh and English at 1280×720: captions in the language, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, server, 'kk');
  await go(page, 'summary');
  const grid = page.getByTestId('summary-grid-help');
  await expect(grid.getByRole('heading', { name: 'Балалар санаттары бойынша көрсетілген көмек' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'киіммен', exact: true })).toBeVisible();
  await expect(page.getByTestId('summary-grid-previous-H03.2')).toHaveText('2025 ж.: 2 (+3)');
  await page.getByTestId('summary-grid-cell-H03.2').click();
  await expect(page.getByTestId('summary-grid-across')).toContainText('мектептер бойынша');
  await expectNoSidewaysScroll(page);
  await grid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grid-summary-across-kk-1280.png' });

  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('summary-grid-across')).toContainText('by school');
  await expect(grid.getByText('District total')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await grid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/grid-summary-across-en-1280.png' });
});

test('the dashboard: a grid cell chosen in the chart under the grid\'s title, an outlier cell named by its row and графа', async ({ page }) => {
  await openApp(page, server);
  await go(page, 'overview');
  const chart = page.getByTestId('chart-indicator');
  await chart.getByTestId('chart-indicator-select').click();
  const group = page.locator('.ant-select-item-group', { hasText: 'Оказанная помощь по категориям детей' });
  await expect(group).toBeVisible();
  await expect(page.locator('.ant-select-item-group', { hasText: 'Строки формы' })).toBeVisible();
  await chooseOption(page, 'H01.2 — ');
  await expect(chart.getByTestId('chart-indicator-select')).toContainText('H01.2 — Детей, получивших помощь, всего — одеждой');
  await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(2);
  await expect(chart.locator('svg.recharts-surface')).toContainText('Школа Лотос');
  const outliers = page.getByTestId('dashboard-outliers');
  await expect(outliers).toContainText('H01.2 Детей, получивших помощь, всего — одеждой');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: 'test-results/screenshots/grid-dashboard-ru.png' });
});
