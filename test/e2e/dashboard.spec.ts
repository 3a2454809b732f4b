// The campaign overview through the real UI: three schools, two good reports, one rejected file, one report returned
// for revision. The cards count them, both charts draw SVG bars, the missing school is listed with a reminder in
// Russian and Kazakh naming it, a value far from the school's last year is flagged, the labels follow the language,
// and the page prints on A4 without console errors.
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { localIsoDate } from '../../shared/dates.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { addSchools, api, chooseOption, failOnConsoleProblems, fillTemplate, openApp, schoolTemplate, schoolTemplates, startServer, templateOf, validBins, ZABOTA_BREAKS_Z_R1, ZABOTA_VALID, type Server } from './helpers.ts';

// No test here needs another's work, so they may run in parallel: each worker starts its own server in beforeAll.
let server: Server;
const CAMPAIGN = 'zabota-2026';
const bins = validBins('1912410', 3);
const SCHOOLS = [
  { ru: 'Школа Альфа', kk: 'Альфа мектебі' },
  { ru: 'Школа Бета', kk: 'Бета мектебі' },
  { ru: 'Школа Гамма', kk: 'Гамма мектебі' },
];
const DEPARTMENT_RU = 'ГУ «Отдел образования города Шахтинска»';
const DEPARTMENT_KK = '«Шахтинск қаласының білім бөлімі» ММ';

const SMALLER: Record<string, number> = { ...ZABOTA_VALID, Z01: 320 };

/** A date `days` from today, by this computer's calendar (the server runs on the same one). */
function fromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

function display(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

const DUE = fromToday(10);

async function importFile(template: Uint8Array, name: string, values: Record<string, number>): Promise<ImportOutcome> {
  const base64 = (await fillTemplate(template, values)).toString('base64');
  const [outcome] = await api<ImportOutcome[]>(server, 'reports.import', { campaignId: CAMPAIGN, files: [{ name, base64 }] });
  return outcome;
}

test.beforeAll(async () => {
  server = await startServer();
  await addSchools(server, bins, SCHOOLS);
  await api(server, 'settings.update', { departmentRu: DEPARTMENT_RU, departmentKk: DEPARTMENT_KK });
  // A year earlier Альфа reported 100 pupils where it now reports 500: a value worth a second look.
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2025 });
  const alpha2025 = await schoolTemplate(server, 'zabota-2025', 'Школа Альфа');
  const base64 = (await fillTemplate(alpha2025, { ...ZABOTA_VALID, Z01: 100 })).toString('base64');
  const [previous] = await api<ImportOutcome[]>(server, 'reports.import', { campaignId: 'zabota-2025', files: [{ name: 'alpha-2025.xlsx', base64 }] });
  expect(previous.status).toBe('accepted');

  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  // Dates around today, so the days left and the due date's line do not depend on when the test runs.
  await api(server, 'campaigns.update', {
    id: CAMPAIGN, startsOn: fromToday(-5), endsOn: fromToday(8), schoolDueOn: DUE, regionDueOn: fromToday(12), hashtag: '',
  });
  const files = await schoolTemplates(server, CAMPAIGN);
  const template = (school: string) => templateOf(files, `Школа ${school}`);

  expect((await importFile(template('Альфа'), 'alpha.xlsx', ZABOTA_VALID)).status).toBe('accepted');
  const beta = await importFile(template('Бета'), 'beta.xlsx', SMALLER);
  expect(beta.status).toBe('accepted');
  expect((await importFile(template('Гамма'), 'gamma-bad.xlsx', ZABOTA_BREAKS_Z_R1)).status).toBe('rejected');
  await api(server, 'reports.return', { campaignId: CAMPAIGN, importId: beta.importId });
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

test('the overview: cards, both charts, the missing school with its reminder, then in Kazakh', async ({ page }, testInfo) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await expect(page.getByTestId('tab-templates')).toBeVisible();
  await expect(page.getByTestId('tab-overview')).toHaveText('Обзор');
  await page.getByTestId('tab-overview').click();

  await expect(page.getByTestId('dashboard-reported-value')).toHaveText('2 из 3');
  await expect(page.getByTestId('dashboard-reported')).toContainText('67\u00a0%');
  await expect(page.getByTestId('dashboard-reported')).toContainText('В срок: 2, с опозданием: 0');
  await expect(page.getByTestId('dashboard-late-value')).toHaveText('0');
  await expect(page.getByTestId('dashboard-returned-value')).toHaveText('1');
  await expect(page.getByTestId('dashboard-rejected-value')).toHaveText('1');
  await expect(page.getByTestId('dashboard-rejected')).toContainText('Последний файл школы отклонён и не возвращён ей на доработку');
  await expect(page.getByTestId('dashboard-days-left')).toContainText(`Срок сдачи школами — ${display(DUE)}`);
  await expect(page.getByTestId('dashboard-days-left-value')).toHaveText('осталось 10 дней');

  const received = page.getByTestId('chart-received');
  await expect(received.locator('svg.recharts-surface')).toBeVisible();
  await expect(received.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await expect(received.locator('.recharts-line-curve')).toHaveCount(1);
  await expect(received.locator('.recharts-reference-line line')).toHaveCount(1);
  await expect(received.locator('svg.recharts-surface')).toContainText(`Срок ${display(DUE)}`);

  const indicator = page.getByTestId('chart-indicator');
  await expect(indicator.getByTestId('chart-indicator-select')).toContainText('Z01 — Контингент обучающихся на дату отчёта');
  await expect(indicator.locator('svg.recharts-surface')).toBeVisible();
  await expect(indicator.locator('.recharts-bar-rectangle')).toHaveCount(2);
  await expect(indicator.locator('svg.recharts-surface')).toContainText('Школа Альфа');
  await expect(indicator.locator('svg.recharts-surface')).toContainText('Школа Бета');
  await expect(indicator.locator('svg.recharts-surface')).toContainText('500');
  await expect(indicator.locator('svg.recharts-surface')).toContainText('320');
  await indicator.getByTestId('chart-indicator-select').click();
  await chooseOption(page, 'Z04 — ');
  await expect(indicator.getByTestId('chart-indicator-select')).toContainText('Z04 — Выявлено обучающихся, систематически пропускающих');
  await expect(indicator.locator('.recharts-bar-rectangle')).toHaveCount(2);
  await expect(indicator.locator('svg.recharts-surface')).toContainText('10');

  const missing = page.getByTestId('dashboard-missing');
  await expect(missing.getByTestId('dashboard-missing-school')).toHaveCount(1);
  await expect(missing).toContainText('Школа Гамма');
  await expect(missing).toContainText(bins[2]);
  const outliers = page.getByTestId('dashboard-outliers');
  await expect(outliers.getByTestId('dashboard-outlier')).toHaveCount(1);
  await expect(outliers.getByTestId('dashboard-outlier')).toContainText('Школа Альфа · Z01 Контингент обучающихся на дату отчёта: 500 — год назад было 100');
  await expect(outliers).toContainText('Это предупреждения, а не ошибки');

  await page.getByTestId('reminder-open').click();
  const dialog = page.getByTestId('reminder-dialog');
  await expect(dialog).toBeVisible();
  const ru = dialog.getByTestId('reminder-text-ru');
  const kk = dialog.getByTestId('reminder-text-kk');
  await expect(ru).toHaveValue(/^Уважаемые коллеги!/);
  await expect(ru).toHaveValue(new RegExp(`отчёт «Республиканская акция „Забота“ — 2026» нужно сдать до ${display(DUE).replaceAll('.', '\\.')}`));
  await expect(ru).toHaveValue(/Пока не сдали отчёт:\n1\. Школа Гамма\n/);
  await expect(ru).toHaveValue(new RegExp(`${DEPARTMENT_RU}$`));
  await expect(kk).toHaveValue(/^Құрметті әріптестер!/);
  await expect(kk).toHaveValue(/Есебін әлі тапсырмаған мектептер:\n1\. Гамма мектебі\n/);
  await expect(kk).toHaveValue(new RegExp(`«„Қамқорлық“ республикалық акциясы — 2026» есебін ${display(DUE).replaceAll('.', '\\.')} дейін`));
  await expect(kk).toHaveValue(new RegExp(`${DEPARTMENT_KK}$`));
  for (const text of [await ru.inputValue(), await kk.inputValue()]) {
    expect(text).not.toMatch(/\{\{|\}\}|Школа Альфа|Школа Бета/);
  }
  await expect(dialog.getByTestId('reminder-copy-ru')).toHaveText('Копировать');
  await page.screenshot({ path: testInfo.outputPath('reminder-ru.png') });
  await dialog.getByTestId('reminder-close').click();
  await expect(dialog).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('dashboard-ru.png'), fullPage: true });

  await page.getByTestId('language-kk').click();
  await expect(page.getByTestId('tab-overview')).toHaveText('Шолу');
  await expect(page.getByTestId('dashboard-returned')).toContainText('Пысықтауда');
  await expect(page.getByTestId('dashboard-reported-value')).toHaveText('3 ішінен 2');
  await expect(page.getByTestId('dashboard-days-left-value')).toHaveText('10 күн қалды');
  await expect(page.getByTestId('reminder-open')).toHaveText('Еске салу');
  await expect(page.getByTestId('chart-received')).toContainText('Есептердің күн бойынша түсуі');
  await expect(page.getByTestId('dashboard-outlier')).toContainText('бір жыл бұрын 100 болған');
  // Numbers as Kazakh writes them, whatever the browser's ICU holds for kk: «150 000», «67 %».
  await expect(page.getByTestId('dashboard-reported')).toContainText('67\u00a0%');
  const kkIndicator = page.getByTestId('chart-indicator');
  await kkIndicator.getByTestId('chart-indicator-select').click();
  await chooseOption(page, 'Z30 — ');
  await expect(kkIndicator.locator('svg.recharts-surface')).toContainText('орташа 150\u00a0000');
  await expect(kkIndicator.locator('svg.recharts-surface')).not.toContainText('150,000');
  await page.screenshot({ path: 'test-results/screenshots/dashboard-kk.png', fullPage: true });
  await page.getByTestId('reminder-open').click();
  await expect(page.getByTestId('reminder-dialog')).toContainText('Есеп тапсырмаған мектептерге еске салу');
  // The user's language first: the Kazakh text above the Russian one.
  await expect(page.getByTestId('reminder-dialog').getByRole('textbox').first()).toHaveAttribute('data-testid', 'reminder-text-kk');
  await expect(page.getByTestId('reminder-copy-kk')).toHaveText('Көшіру');
  await page.getByTestId('reminder-close').click();
  await page.screenshot({ path: testInfo.outputPath('dashboard-kk.png'), fullPage: true });
});

test('the overview prints: no menu or tabs, the charts whole within an A4 page', async ({ page }, testInfo) => {
  await openApp(page, server);
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-open').first().click();
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('chart-indicator').locator('.recharts-bar-rectangle')).toHaveCount(2);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByTestId('tab-overview')).toBeHidden();
  await expect(page.getByTestId('reminder-open')).toBeHidden();
  await expect(page.getByTestId('dashboard-missing')).toContainText('Школа Гамма');
  // Printed as the user would print it: the charts drawn at the screen's width, the page laid out on A4.
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  writeFileSync(testInfo.outputPath('dashboard.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);

  // An A4 page at 12 mm margins is 186 mm, about 703 CSS pixels wide: the charts scale to it, never overflow it.
  await page.setViewportSize({ width: 703, height: 1000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  for (const id of ['chart-received', 'chart-indicator']) {
    const chart = page.getByTestId(id);
    const card = await chart.boundingBox();
    const svg = await chart.locator('svg.recharts-surface').boundingBox();
    expect(card && svg, id).toBeTruthy();
    expect(svg!.x, id).toBeGreaterThanOrEqual(card!.x);
    expect(svg!.x + svg!.width, id).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
    expect(svg!.y + svg!.height, id).toBeLessThanOrEqual(card!.y + card!.height + 0.5);
  }
  await page.screenshot({ path: testInfo.outputPath('dashboard-print.png'), fullPage: true });
});
