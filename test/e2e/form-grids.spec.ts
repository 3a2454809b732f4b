// The form editor edits a grid through the real UI at the office screen (1366×768): «Забота» v1 copied to the district's v3, a grid
// of 3 rows × 3 графы added and labelled, a графа moved, a cell closed, a row required in one графа only, a rule
// «in every row» typed right and a rule over a cell the grid lacks typed wrong (its problem shown live), saved; the
// saved form shows the grid as it was left, in Russian, Kazakh and English, never wider than the screen (nor at 1280×720).
import { expect, test, type Page } from '@playwright/test';
import type { FormRecord, GridTable } from '../../shared/forms/types.ts';
import { api, chooseOption, failOnConsoleProblems, openApp, startServer, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

let server: Server;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

const ROWS = [
  ['R1', 'Детей, получивших помощь, всего', 'Көмек алған балалар, барлығы'],
  ['R2', 'из многодетных семей', 'көп балалы отбасылардан'],
  ['R3', 'дети с инвалидностью', 'мүгедектігі бар балалар'],
] as const;
const COLUMNS = [
  ['1', 'Всего детей', 'Барлық балалар'],
  ['2', 'одеждой', 'киіммен'],
  ['3', 'Сумма помощи, тенге', 'Көмек сомасы, теңге'],
] as const;

/** The page is no wider than the window, and the grid's card and its last графа's buttons lie within it. */
async function expectNoOverflow(page: Page, what: string): Promise<void> {
  const window = page.viewportSize()!.width;
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(width.scroll, `${what}: the page's width`).toBeLessThanOrEqual(width.client);
  for (const testId of ['grid-1', 'grid-1-column-remove-2', 'grid-1-row-remove-2']) {
    const box = await page.getByTestId(testId).boundingBox();
    expect.soft(box, `${what}: ${testId}`).not.toBeNull();
    if (box) expect.soft(box.x + box.width, `${what}: ${testId}'s right edge`).toBeLessThanOrEqual(window);
  }
}

async function previewColumns(page: Page): Promise<string[]> {
  return page.getByTestId('grid-1-preview').locator('thead th[data-testid]').allTextContents();
}

test('adds a 3 × 3 grid to a new version, moves a графа, closes a cell, checks rules over cells live, and saves', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-forms').click();
  await page.getByTestId('form-copy-zabota-1').click();
  await expect(page.getByTestId('form-editor-title')).toHaveText('Форма: Республиканская акция «Забота», версия 3');
  await expect(page.getByTestId('rules-grid-hint')).toHaveCount(0);

  await page.getByTestId('grid-table-add').click();
  const grid = page.getByTestId('grid-1');
  await expect(grid).toContainText('Таблица-сетка: grid1');
  await page.getByTestId('grid-1-id').fill('help');
  await expect(grid).toContainText('Таблица-сетка: help');
  await expect(page.getByTestId('grid-1-problems')).toContainText('У таблицы «help» нет названия на одном из языков');
  await page.getByTestId('grid-1-title-ru').fill('Оказанная помощь');
  await page.getByTestId('grid-1-title-kk').fill('Көрсетілген көмек');

  await page.getByTestId('grid-1-row-add').click();
  await page.getByTestId('grid-1-row-add').click();
  await page.getByTestId('grid-1-column-add').click();
  await page.getByTestId('grid-1-column-add').click();
  for (const [index, [code, ru, kk]] of ROWS.entries()) {
    await expect(page.getByTestId(`grid-1-row-code-${index}`)).toHaveValue(code);
    await page.getByTestId(`grid-1-row-label-ru-${index}`).fill(ru);
    await page.getByTestId(`grid-1-row-label-kk-${index}`).fill(kk);
  }
  for (const [index, [code, ru, kk]] of COLUMNS.entries()) {
    await expect(page.getByTestId(`grid-1-column-code-${index}`)).toHaveValue(code);
    await page.getByTestId(`grid-1-column-label-ru-${index}`).fill(ru);
    await page.getByTestId(`grid-1-column-label-kk-${index}`).fill(kk);
  }
  await page.getByTestId('grid-1-column-type-2').click();
  await chooseOption(page, 'Сумма, тенге');
  await expect(page.getByTestId('grid-1-problems')).toHaveCount(0);
  await expect(page.getByTestId('form-no-problems')).toBeVisible();

  // Графа 2 moves left of графа 1 and keeps its number; cell R3.3 is closed.
  expect(await previewColumns(page)).toEqual(['1', '2', '3']);
  await page.getByTestId('grid-1-column-left-1').click();
  expect(await previewColumns(page)).toEqual(['2', '1', '3']);
  await expect(page.getByTestId('grid-1-column-code-0')).toHaveValue('2');
  const cell = page.getByTestId('grid-1-cell-R3.3');
  await expect(cell).toHaveAttribute('data-closed', 'false');
  await cell.click();
  await expect(cell).toHaveAttribute('data-closed', 'true');
  await expect(cell).toHaveText('X');
  await expect(cell).toHaveAttribute('aria-label', 'Ячейка R3.3 закрыта (X) — нажмите, чтобы открыть');

  // Row R1 is required in графа 1 only.
  await page.getByTestId('grid-1-row-required-0').check();
  await page.getByTestId('grid-1-row-required-columns-0').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^1$/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('grid-1-row-required-columns-0')).toContainText('1');
  await expect(page.getByTestId('grid-1-cell-R1.1')).toHaveAttribute('data-required', 'true');
  await expect(page.getByTestId('grid-1-cell-R1.1')).toHaveText('*');
  await expect(page.getByTestId('grid-1-cell-R1.2')).toHaveAttribute('data-required', 'false');

  const hint = page.getByTestId('rules-grid-hint');
  await expect(hint).toContainText('«*.1 >= *.2»');
  await expect(hint).toContainText('«H01.* >= H02.*»');
  await expect(hint).toContainText('«H02..H06.3»');
  await page.getByTestId('rule-add').click();
  const every = await page.locator('[data-testid^="rule-row-"]').count() - 1;
  await page.getByTestId(`rule-id-${every}`).fill('G-R1');
  await page.getByTestId(`rule-text-${every}`).fill('*.1 >= *.2');
  await expect(page.getByTestId(`rule-check-${every}`)).toHaveAttribute('data-state', 'ok');
  await page.getByTestId('rule-add').click();
  const wrong = every + 1;
  await page.getByTestId(`rule-text-${wrong}`).fill('R1.9 >= R1.1');
  await expect(page.getByTestId(`rule-check-${wrong}`)).toHaveAttribute('data-state', 'problem');
  await expect(page.getByTestId(`rule-check-${wrong}`)).toHaveText('В форме нет строк с кодами R1.9');
  await expect(page.getByTestId('form-problems')).toContainText('В форме нет строк с кодами R1.9');
  await expect(page.getByTestId('form-save')).toBeDisabled();
  // A графа added now is known to the rule at once.
  await page.getByTestId('grid-1-column-code-2').fill('9');
  await expect(page.getByTestId(`rule-check-${wrong}`)).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('grid-1-cell-R3.9')).toHaveAttribute('data-closed', 'true');
  await page.getByTestId('grid-1-column-code-2').fill('3');
  await expect(page.getByTestId(`rule-check-${wrong}`)).toHaveAttribute('data-state', 'problem');
  await page.getByTestId(`rule-row-${wrong}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/form-grid-rules-ru.png' });
  await page.getByTestId(`rule-remove-${wrong}`).click();
  await expect(page.getByTestId('form-no-problems')).toBeVisible();

  await grid.screenshot({ path: 'test-results/screenshots/form-grid-editor-ru.png' });
  await expectNoOverflow(page, 'the editor in Russian');
  await page.getByTestId('form-save').click();
  await expect(page.getByText('Форма сохранена')).toBeVisible();
  await expect(page.getByTestId('form-save')).toBeDisabled();

  const saved = await api<FormRecord>(server, 'forms.get', { id: 'zabota', version: 3 });
  const help = saved.form.tables?.find((table): table is GridTable => table.kind === 'grid');
  expect(help).toEqual({
    kind: 'grid',
    id: 'help',
    title: { ru: 'Оказанная помощь', kk: 'Көрсетілген көмек' },
    rows: ROWS.map(([code, ru, kk], index) => ({ code, label: { ru, kk }, required: index === 0, ...(index === 0 ? { requiredColumns: ['1'] } : {}) })),
    columns: [COLUMNS[1], COLUMNS[0], COLUMNS[2]].map(([code, ru, kk]) => ({ code, label: { ru, kk }, type: code === '3' ? 'money' : 'count' })),
    closed: ['R3.3'],
  });
  expect(saved.form.rules.at(-1)).toEqual({ id: 'G-R1', text: '*.1 >= *.2', severity: 'error' });
});

test('the saved version shows its grid as it was left, in Kazakh, Russian and English, within the screen', async ({ page }) => {
  await openApp(page, server, 'kk');
  await page.getByTestId('nav-forms').click();
  await page.getByTestId('form-open-zabota-3').click();
  const grid = page.getByTestId('grid-1');
  await expect(grid).toContainText('Торлы кесте: help');
  expect(await previewColumns(page)).toEqual(['2', '1', '3']);
  await expect(page.getByTestId('grid-1-cell-R3.3')).toHaveAttribute('data-closed', 'true');
  await expect(page.getByTestId('grid-1-cell-R3.2')).toHaveAttribute('data-closed', 'false');
  await expect(page.getByTestId('grid-1-cell-R1.1')).toHaveAttribute('aria-label', 'R1.1 ұяшығы ашық әрі міндетті (*) — жабу үшін басыңыз');
  await expect(page.getByTestId('grid-1-row-label-kk-2')).toHaveValue('мүгедектігі бар балалар');
  await expect(page.getByTestId('grid-1-row-required-columns-0')).toContainText('1');
  await expect(page.getByTestId('grid-1-cell-R1.1')).toHaveAttribute('data-required', 'true');
  await expect(page.getByTestId('grid-1-cell-R1.1')).toHaveText('*');
  await expect(page.getByTestId('grid-1-cell-R1.2')).toHaveAttribute('data-required', 'false');
  await expect(page.getByTestId('rules-grid-hint')).toContainText('әр жолда');
  await expect(page.getByTestId('form-no-problems')).toBeVisible();
  for (const language of ['kk', 'ru', 'en'] as const) {
    await page.getByTestId(`language-${language}`).click();
    await expect(grid).toContainText({ kk: 'Торлы кесте', ru: 'Таблица-сетка', en: 'Grid table' }[language]);
    await page.getByTestId('grid-1-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/form-grid-${language}.png` });
    await expectNoOverflow(page, `the saved grid in ${language}`);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('language-kk').click();
  await expectNoOverflow(page, 'the saved grid in kk at 1280×720');
});
