// The office screen: at 1366×768 and 1280×720, in Kazakh and Russian, each busy screen keeps what the specialist
// needs inside the window — the campaign list's actions, the registry's key columns, why a file was rejected, the
// summary's money columns, a plan item's name, the item editor's Save button — and never makes the page wider than
// the screen. With JINAQ_SCREENSHOTS=<folder> set, each screen at 1366×768 is saved under test-results/screenshots/.
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Campaign } from '../../shared/domain.ts';
import { api, fillTemplate, openApp, schoolTemplates, startServer, templateOf, validBins, writeSchoolHeader, xlsxBuffer, ZABOTA_BREAKS_Z_R1, ZABOTA_VALID, type Server } from './helpers.ts';


const SIZES = [{ width: 1366, height: 768 }, { width: 1280, height: 720 }] as const;
const LANGUAGES = ['kk', 'ru'] as const;
type Language = (typeof LANGUAGES)[number];
const SHOTS = process.env.JINAQ_SCREENSHOTS;

/** Schools as a district registry names them: long official names, every field filled. */
const SCHOOLS = [
  ['СОШ № 1', 'КГУ «Общеобразовательная школа № 1 имени Абая Кунанбаева» отдела образования города Шахтинска', '«Шахтинск қаласының білім бөлімі» Абай Құнанбаев атындағы № 1 жалпы білім беретін мектебі» КММ'],
  ['Гимназия № 2', 'КГУ «Гимназия № 2 имени Мухтара Ауэзова» отдела образования города Шахтинска', '«Мұхтар Әуезов атындағы № 2 гимназия» КММ'],
  ['Школа-лицей № 3', 'КГУ «Школа-лицей № 3 с углублённым изучением естественно-математических дисциплин»', '«Жаратылыстану-математика пәндерін тереңдетіп оқытатын № 3 мектеп-лицей» КММ'],
  ['ОШ № 4 с. Долинка', 'КГУ «Основная средняя школа № 4 села Долинка» отдела образования города Шахтинска', '«Долинка ауылының № 4 негізгі орта мектебі» КММ'],
  ['СОШ № 5', 'КГУ «Средняя общеобразовательная школа № 5 с пришкольным интернатом»', '«Мектеп жанындағы интернаты бар № 5 жалпы орта білім беретін мектеп» КММ'],
  ['СОШ № 6', 'КГУ «Средняя общеобразовательная школа № 6 имени Ыбырая Алтынсарина»', '«Ыбырай Алтынсарин атындағы № 6 жалпы орта білім беретін мектеп» КММ'],
] as const;

// No test here needs another's work, so they may run in parallel: each worker starts its own server in beforeAll.
let server: Server;
let zabota: Campaign;
let nik: Campaign;
const unknownBin = validBins('1911600', 1)[0];
let unknownSchoolFile: Buffer;

test.beforeAll(async () => {
  server = await startServer();
  const bins = validBins('1912400', SCHOOLS.length);
  for (const [index, [shortName, nameRu, nameKk]] of SCHOOLS.entries()) {
    await api(server, 'schools.create', {
      bin: bins[index], shortName, nameRu, nameKk, type: 'general', locality: 'г. Шахтинск, мкр. Шахтёрский', director: 'Абдрахманова Гульнара Сериковна',
      phone: '+7 (72156) 5-12-34', email: `school${index + 1}@shakhtinsk-edu.kz`, language: index % 2 === 0 ? 'kk' : 'ru',
    });
  }
  zabota = await api<Campaign>(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
  nik = await api<Campaign>(server, 'campaigns.create', { kind: 'nik', year: 2026 });
  await api(server, 'campaigns.update', { ...nik, hashtag: '#НИК2026_09' });
  const files = await schoolTemplates(server, zabota.id);
  const filled = async (shortName: string, values: Record<string, number>) => (await fillTemplate(templateOf(files, shortName), values)).toString('base64');
  const reports = [
    { name: 'СОШ-1_Забота_2026_итоговый-отчёт.xlsx', base64: await filled('СОШ № 1', ZABOTA_BREAKS_Z_R1) },
    ...await Promise.all(SCHOOLS.slice(1).map(async ([shortName], index) => {
      const help = 1_250_000 + index * 310_500;
      return { name: `${shortName}.xlsx`, base64: await filled(shortName, { ...ZABOTA_VALID, Z30: help, 'H01.8': help, Z31: 1_000_000, Z32: 250_000 + index * 310_500 }) };
    })),
  ];
  await api(server, 'reports.import', { campaignId: zabota.id, files: reports });

  const blank = await api<{ file: { base64: string } }>(server, 'exports.blankTemplate', { campaignId: zabota.id });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fillTemplate(Buffer.from(blank.file.base64, 'base64'), ZABOTA_VALID)) as unknown as ArrayBuffer);
  writeSchoolHeader(workbook.worksheets[0], 'КГУ «Школа-лицей № 7 имени Габита Мусрепова» отдела образования', unknownBin);
  unknownSchoolFile = await xlsxBuffer(workbook);
});

test.afterAll(async () => {
  await server.stop();
});

/** Each size and language in turn, the app opened once and the language switched as a user would. */
async function eachScreen(page: Page, visit: (language: Language, size: (typeof SIZES)[number]) => Promise<void>): Promise<void> {
  test.setTimeout(240_000);
  await openApp(page, server, 'kk');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const language of LANGUAGES) {
      await page.getByTestId(`language-${language}`).click();
      await visit(language, size);
    }
  }
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((next) => { window.location.hash = next; }, hash);
}

async function shoot(page: Page, name: string, language: Language, width: number): Promise<void> {
  if (SHOTS && width === 1366) await page.screenshot({ path: `test-results/screenshots/${SHOTS}/${name}-${language}.png` });
}

/** The element lies within the window's width (and, with `below`, above its bottom edge). */
async function expectInside(page: Page, locator: Locator, what: string, below = false): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const where = `${what} at ${viewport.width}×${viewport.height}`;
  expect.soft(box, where).not.toBeNull();
  if (!box) return;
  expect.soft(box.x, `${where}: left edge`).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, `${where}: right edge`).toBeLessThanOrEqual(viewport.width);
  if (below) expect.soft(box.y + box.height, `${where}: bottom edge`).toBeLessThanOrEqual(viewport.height);
}

/** The page is no wider than the window, and the table (when given) needs no sideways scrolling. */
async function expectNoOverflow(page: Page, what: string, table?: Locator): Promise<void> {
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(page_.scroll, `${what}: the page's width`).toBeLessThanOrEqual(page_.client);
  if (!table) return;
  const inner = await table.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect.soft(inner.scroll, `${what}: the table's width`).toBeLessThanOrEqual(inner.client + 1);
}

test('the campaign list and the registry show their key columns and actions without scrolling sideways', async ({ page }) => {
  await eachScreen(page, async (language, { width }) => {
    await go(page, '#/campaigns');
    const campaigns = page.getByTestId('campaigns-table');
    await expect(campaigns.getByTestId('campaign-open')).toHaveCount(2);
    await shoot(page, 'campaigns', language, width);
    const nikRow = campaigns.getByRole('row').filter({ has: page.getByTestId('campaign-hashtag') });
    await expectInside(page, nikRow.getByTestId('campaign-open'), `campaigns ${language}: title`);
    await expectInside(page, nikRow.getByTestId('campaign-hashtag'), `campaigns ${language}: hashtag`);
    await expectInside(page, nikRow.getByTestId('campaign-endsOn'), `campaigns ${language}: end date`);
    await expectInside(page, nikRow.getByTestId('campaign-edit-dates'), `campaigns ${language}: edit button`);
    await expectNoOverflow(page, `campaigns ${language}`, campaigns);

    await go(page, '#/schools');
    const schools = page.getByTestId('schools-table');
    await expect(schools.getByTestId('school-edit')).toHaveCount(SCHOOLS.length);
    await shoot(page, 'registry', language, width);
    const row = schools.getByRole('row').filter({ hasText: 'Гимназия № 2' });
    for (const text of ['Гимназия № 2', validBins('1912400', 2)[1], 'Абдрахманова Гульнара Сериковна', '+7 (72156) 5-12-34']) {
      await expectInside(page, row.getByText(text, { exact: true }).first(), `registry ${language}: ${text}`);
    }
    await expectInside(page, row.getByTestId('school-edit'), `registry ${language}: edit`);
    await expectInside(page, row.getByTestId('school-close'), `registry ${language}: close`);
    await expectNoOverflow(page, `registry ${language}`, schools);
  });
});

test('the import history shows why a file was rejected without scrolling sideways', async ({ page }) => {
  await eachScreen(page, async (language, { width }) => {
    await go(page, `#/campaigns/${zabota.id}/import`);
    const history = page.getByTestId('import-history');
    const rejected = history.getByRole('row').filter({ has: page.getByText('СОШ-1_Забота_2026_итоговый-отчёт.xlsx', { exact: true }) });
    await expect(rejected.getByTestId('history-state')).toHaveAttribute('data-state', 'rejected');
    await rejected.evaluate((row) => row.scrollIntoView({ block: 'end' }));
    await shoot(page, 'history', language, width);
    await expectInside(page, rejected.getByTestId('issue-error').first(), `history ${language}: the reason`);
    await expectInside(page, rejected.getByTestId('history-return'), `history ${language}: return`);
    await expectInside(page, rejected.getByTestId('history-versions'), `history ${language}: versions`);
    await expectNoOverflow(page, `history ${language}`, history);
  });
});

test('the summary by school reaches its money columns at one click', async ({ page }) => {
  await eachScreen(page, async (language, { width }) => {
    await go(page, `#/campaigns/${zabota.id}/summary`);
    const bySchool = page.getByTestId('summary-schools');
    await expect(bySchool.getByRole('row').filter({ hasText: 'Гимназия № 2' })).toHaveCount(1);
    await bySchool.scrollIntoViewIfNeeded();
    await shoot(page, 'summary', language, width);
    await page.getByTestId('summary-columns').locator('[data-kind="money"]').click({ timeout: 10_000 });
    await expectInside(page, bySchool.getByRole('columnheader', { name: 'Z30' }), `summary ${language}: Z30`);
    await expectInside(page, bySchool.getByRole('columnheader', { name: 'Z33' }), `summary ${language}: Z33`);
    await expectNoOverflow(page, `summary ${language}`, bySchool);
    await page.getByTestId('summary-columns').locator('[data-kind="all"]').click();
    await expectNoOverflow(page, `summary ${language}, every column`);
  });
});

test('the plan execution gives an item its name; the item editor keeps Save on screen', async ({ page }) => {
  await eachScreen(page, async (language, { width }) => {
    await go(page, `#/campaigns/${nik.id}/execution`);
    const title = page.locator('[data-testid="execution-item"][data-number="2"]').getByTestId('execution-title');
    await expect(title).toBeVisible();
    await shoot(page, 'execution', language, width);
    await expectInside(page, title, `execution ${language}: item 2's name`);
    expect.soft((await title.boundingBox())?.width ?? 0, `execution ${language}: item 2's name's width`).toBeGreaterThanOrEqual(320);
    await expectNoOverflow(page, `execution ${language}`, page.getByTestId('execution-table'));

    await go(page, `#/campaigns/${nik.id}/plan`);
    await page.locator('[data-testid="plan-item"][data-number="2"]').getByTestId('plan-item-edit').click();
    const modal = page.getByTestId('plan-item-modal');
    await expect(modal.getByTestId('item-title-ru')).toBeVisible();
    await shoot(page, 'plan-item', language, width);
    await expectInside(page, modal.getByTestId('item-save'), `plan item ${language}: Save`, true);
    await expectNoOverflow(page, `plan item ${language}`);
    await page.keyboard.press('Escape');
    await expect(modal).toBeHidden();
  });
});

test('an unknown school’s import result, the registry import result and a chart’s tooltip fit', async ({ page }) => {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const registry = new ExcelJS.Workbook();
  registry.addWorksheet('Школы').addRow(['БИН', 'Наименование (рус.)']);
  const registryFile = await xlsxBuffer(registry);
  await eachScreen(page, async (language, { width }) => {
    await go(page, `#/campaigns/${zabota.id}/import`);
    await page.getByTestId('import-dry-run').check();
    await page.getByTestId('reports-drop').locator('input[type=file]').setInputFiles([{ name: 'lyceum7.xlsx', mimeType: type, buffer: unknownSchoolFile }]);
    const row = page.getByTestId('import-results').getByRole('row').filter({ has: page.getByText('lyceum7.xlsx', { exact: true }) });
    const error = row.getByTestId('issue-error').first();
    await expect(error).toContainText(unknownBin);
    await row.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await shoot(page, 'import-unknown-school', language, width);
    await expectInside(page, error, `import result ${language}: the error`);
    expect.soft((await error.boundingBox())?.width ?? 0, `import result ${language}: the error's width`).toBeGreaterThanOrEqual(260);
    await expectInside(page, row.getByTestId('import-add-school'), `import result ${language}: add the school`);
    await expectNoOverflow(page, `import result ${language}`, page.getByTestId('import-results'));

    await go(page, '#/schools');
    await page.getByTestId('registry-import').click();
    await page.getByTestId('registry-drop').locator('input[type=file]').setInputFiles([{ name: 'registry.xlsx', mimeType: type, buffer: registryFile }]);
    const result = page.getByTestId('registry-result');
    await expect(result).toBeVisible();
    await shoot(page, 'registry-import', language, width);
    const header = await page.getByText('«registry.xlsx»').boundingBox();
    const added = await page.getByTestId('registry-added').boundingBox();
    expect.soft((header?.y ?? 0) + (header?.height ?? 0), `registry import ${language}: the header above the counts`).toBeLessThanOrEqual(added?.y ?? 0);
    await page.keyboard.press('Escape');
    await expect(result).toBeHidden();

    await go(page, `#/campaigns/${zabota.id}/overview`);
    const chart = page.getByTestId('chart-indicator');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.recharts-bar-rectangle').first().hover();
    await expect(chart.locator('.recharts-tooltip-wrapper')).toBeVisible();
    await shoot(page, 'chart-tooltip', language, width);
    await expectNoOverflow(page, `overview ${language}, a bar's tooltip`);
  });
});
