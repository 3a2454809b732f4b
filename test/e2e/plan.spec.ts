// A НИК campaign's plan and its execution through the real UI: the region code in the settings, the campaign
// with its hashtag, the built-in plan (3 sections, 19 items) in Russian and Kazakh, an item whose deadline the
// program cannot read, a new item moved up, the plan as a workbook, and one school's execution rolled up.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addSchools, api, chooseOption, downloadBytes, failOnConsoleProblems, openApp, openCampaignTab, startServer, validBins, xlsxBuffer, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;

const NIK = 'НИК «12 дней борьбы против эксплуатации детского труда»';
const NEW_ITEM = 'Совещание с директорами школ по итогам кампании';

test.beforeAll(async () => {
  server = await startServer();
  const names = ['СШ № 1', 'СШ № 2'];
  await addSchools(server, validBins('2005400', 2), names);
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

function planItem(page: Page, number: number) {
  return page.locator(`[data-testid="plan-item"][data-number="${number}"]`);
}

function executionItem(page: Page, number: number) {
  return page.locator(`[data-testid="execution-item"][data-number="${number}"]`);
}

test('the region code set in the settings makes the НИК hashtag', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-regionCode').fill('9');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Код области — две цифры')).toBeVisible();
  await page.getByTestId('settings-regionCode').fill('09');
  await page.getByTestId('settings-regionRu').fill('Карагандинская область');
  await page.getByTestId('settings-departmentRu').fill('ГУ «Отдел образования города Шахтинска»');
  await page.getByTestId('settings-headName').fill('Иванова А. Б.');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('settings-regionCode')).toHaveValue('09');
  await expect(page.getByTestId('settings-departmentRu')).toHaveValue('ГУ «Отдел образования города Шахтинска»');

  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-kind').click();
  await chooseOption(page, NIK);
  await page.getByLabel('Год').fill('2025');
  await page.getByTestId('campaign-create').click();
  const row = page.getByTestId('campaigns-table').getByRole('row', { name: /2025/ });
  await expect(row).toContainText(`${NIK} — 2025`);
  await expect(row.getByTestId('campaign-hashtag')).toHaveText('#НИК2025_09');
  await expect(row.getByTestId('campaign-startsOn')).toHaveText('01.06.2025');
});

test('shows the built-in plan by sections, with deadlines understood, in Russian and Kazakh', async ({ page }) => {
  await openCampaignTab(page, server, 'plan');
  await expect(page.getByTestId('plan-section')).toHaveCount(3);
  await expect(page.getByTestId('plan-item')).toHaveCount(19);
  await expect(page.getByTestId('plan-section-title').first()).toHaveText('I. Организационные мероприятия');
  await expect(page.getByTestId('plan-section-title').last()).toHaveText('III. Заключительный этап');
  const first = planItem(page, 1);
  await expect(first.getByTestId('plan-item-title')).toContainText('Подготовка и направление информационных писем');
  await expect(first.getByTestId('plan-deadline')).toHaveText('до 30 мая');
  await expect(first.getByTestId('deadline-unparsed')).toHaveCount(0);
  await expect(first.getByTestId('plan-executors')).toHaveText('Отдел образования');
  await expect(planItem(page, 2).getByTestId('plan-item-schools')).toHaveText('всем школам');
  await expect(planItem(page, 4).getByTestId('plan-executors')).toContainText('отдел полиции (по согласованию)');
  await expect(page.getByTestId('deadline-unparsed')).toHaveCount(0);

  await page.getByTestId('language-kk').click();
  await expect(page.getByTestId('tab-plan')).toHaveText('Жоспар');
  await expect(page.getByTestId('plan-section-title').first()).toHaveText('I. Ұйымдастыру шаралары');
  await expect(first.getByTestId('plan-item-title')).toContainText('ақпараттық хаттар әзірлеу және жолдау');
  await expect(first.getByTestId('plan-deadline')).toHaveText('30 мамырға дейін');
  await expect(first.getByTestId('plan-executors')).toHaveText('Білім бөлімі');
  await page.screenshot({ path: 'test-results/plan-kk.png', fullPage: true });
  await page.getByTestId('language-ru').click();
});

test('flags a deadline it cannot read, in the preview and in the plan, until it is fixed', async ({ page }) => {
  await openCampaignTab(page, server, 'plan');
  const item = planItem(page, 3);
  await item.getByTestId('plan-item-edit').click();
  const dialog = page.getByTestId('plan-item-modal');
  await expect(dialog.getByTestId('item-deadlineText-ru')).toHaveValue('1 июня');
  await expect(dialog.getByTestId('item-preview-deadline')).toHaveText('1 июня');
  await dialog.getByTestId('item-deadlineText-ru').fill('когда получится');
  await expect(dialog.getByTestId('item-preview-deadline').getByTestId('deadline-unparsed')).toBeVisible();
  await page.screenshot({ path: 'test-results/plan-item-ru.png' });
  await page.getByTestId('item-save').click();
  await expect(dialog).toBeHidden();
  await expect(item.getByTestId('deadline-unparsed')).toHaveText('срок не распознан');
  await expect(item.getByTestId('plan-deadline')).toContainText('когда получится');
  await item.getByTestId('deadline-unparsed').hover();
  await expect(page.getByRole('tooltip')).toContainText('не сможет отметить просрочку');

  await item.getByTestId('plan-item-edit').click();
  await dialog.getByTestId('item-deadlineText-ru').fill('до 3 июня');
  await expect(dialog.getByTestId('item-preview-deadline')).toHaveText('до 3 июня');
  await page.getByTestId('item-save').click();
  await expect(dialog).toBeHidden();
  await expect(item.getByTestId('deadline-unparsed')).toHaveCount(0);
  await expect(item.getByTestId('plan-deadline')).toHaveText('до 3 июня');
});

test('adds an item to the last section, moves it up, and writes the plan as a workbook', async ({ page }) => {
  await openCampaignTab(page, server, 'plan');
  await page.getByTestId('plan-section').last().getByTestId('plan-item-add').click();
  const dialog = page.getByTestId('plan-item-modal');
  await dialog.getByTestId('item-title-ru').fill(NEW_ITEM);
  await dialog.getByTestId('item-title-kk').fill('Науқан қорытындысы бойынша мектеп директорларымен кеңес');
  await dialog.getByTestId('item-deadlineText-ru').fill('15 июня');
  await dialog.getByTestId('item-executorsText-ru').fill('Отдел образования, общеобразовательные школы');
  await expect(dialog.getByTestId('item-preview-executors').getByTestId('executor')).toHaveText(['Отдел образования', 'общеобразовательные школы']);
  await dialog.getByTestId('item-assign-to').getByRole('radio', { name: 'выбранным школам' }).check();
  await page.getByTestId('item-save').click();
  await expect(dialog.getByText('Выберите хотя бы одну школу')).toBeVisible();
  await dialog.getByTestId('item-schools').click();
  await chooseOption(page, 'СШ № 1');
  await dialog.getByText('Новый пункт плана').click(); // closes the school list
  await page.getByTestId('item-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-item')).toHaveCount(20);
  await expect(planItem(page, 20).getByTestId('plan-item-title')).toHaveText(NEW_ITEM);
  await expect(planItem(page, 20).getByTestId('plan-deadline')).toHaveText('15 июня');
  await expect(planItem(page, 20).getByTestId('plan-item-schools')).toHaveText('выбрана 1 школа');

  await planItem(page, 20).getByTestId('plan-item-up').click();
  await expect(planItem(page, 19).getByTestId('plan-item-title')).toHaveText(NEW_ITEM);
  await expect(planItem(page, 20).getByTestId('plan-item-title')).not.toHaveText(NEW_ITEM);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('plan-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  expect(texts.some((text) => text.includes(NEW_ITEM))).toBe(true);
  await page.screenshot({ path: 'test-results/plan-ru.png', fullPage: true });
});

test('marks item 2 done for one school and rolls it up; overdue items stand out', async ({ page }) => {
  await openCampaignTab(page, server, 'execution');
  const item2 = executionItem(page, 2);
  await expect(item2.getByTestId('execution-assigned')).toHaveText('2');
  await expect(item2.getByTestId('execution-progress')).toHaveText('0 / 2');
  await expect(item2.getByTestId('execution-overdue')).toHaveText('просрочено');

  await item2.getByTestId('execution-expand').click();
  const entries = page.getByTestId('execution-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.first().getByTestId('entry-source')).toHaveText('нет данных');
  await entries.first().getByTestId('entry-edit').click();
  const dialog = page.getByTestId('execution-entry-modal');
  await dialog.getByText('Выполнено', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Выполнено', exact: true })).toBeChecked();
  await dialog.getByTestId('entry-events').fill('3');
  await dialog.getByTestId('entry-participants').fill('1234');
  await dialog.getByTestId('entry-description').fill('Классные часы и встреча с инспектором');
  await page.getByTestId('entry-save').click();
  await expect(dialog).toBeHidden();

  await expect(item2.getByTestId('execution-progress')).toHaveText('1 / 2');
  await expect(item2.getByTestId('execution-done')).toHaveText('1');
  await expect(item2.getByTestId('execution-notStarted')).toHaveText('1');
  await expect(item2.getByTestId('execution-events')).toHaveText('3');
  await expect(item2.getByTestId('execution-participants')).toHaveText('1\u00a0234');
  await expect(item2).toHaveAttribute('data-overdue', 'true');
  await expect(executionItem(page, 19).getByTestId('execution-progress')).toHaveText('0 / 1');
  await expect(entries.first().getByTestId('entry-source')).toHaveText('вручную');
  await expect(entries.first().getByTestId('entry-overdue')).toHaveCount(0);
  await expect(entries.last().getByTestId('entry-overdue')).toBeVisible();

  // Item 1 is the department's own: overdue until the department marks it done.
  const item1 = executionItem(page, 1);
  await expect(item1.getByTestId('execution-overdue')).toBeVisible();
  await item1.getByTestId('execution-expand').click();
  await page.getByTestId('own-execution').getByText('Выполнено', { exact: true }).click();
  await page.getByTestId('own-note').fill('Письма направлены 28 мая');
  await page.getByTestId('own-save').click();
  await expect(item1.getByTestId('execution-own-status')).toHaveText('Выполнено');
  await expect(item1.getByTestId('execution-overdue')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/execution-ru.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('execution-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
});

test('refuses to delete an item a school has reported on, and says why', async ({ page }) => {
  await openCampaignTab(page, server, 'plan');
  await planItem(page, 2).getByTestId('plan-item-delete').click();
  await page.getByTestId('plan-item-delete-confirm').click();
  await expect(page.getByText('По этому пункту уже есть данные об исполнении')).toBeVisible();
  await expect(page.getByTestId('plan-item')).toHaveCount(20);
  await page.getByTestId('language-kk').click();
  await page.getByTestId('tab-execution').click();
  await expect(page.getByTestId('tab-execution')).toHaveText('Жоспардың орындалуы');
  await expect(executionItem(page, 2).getByTestId('execution-progress')).toHaveText('1 / 2');
  await expect(executionItem(page, 2).getByTestId('execution-overdue')).toHaveText('мерзімі өтті');
  // Kazakh numbers by the Kazakh rules, not the browser's ICU (Chromium writes «1,234» for kk).
  await expect(executionItem(page, 2).getByTestId('execution-participants')).toHaveText('1\u00a0234');
  // A long item's «more» link in Kazakh words, not antd's «Жазу» («write»).
  await expect(page.getByTestId('execution-title').getByRole('button').first()).toHaveText('Толығырақ');
  await page.screenshot({ path: 'test-results/screenshots/execution-kk.png', fullPage: true });
  await page.getByTestId('language-ru').click();
});

test('edits the header and the sections; a plan file is refused with its problems, or once schools reported', async ({ page }) => {
  await openCampaignTab(page, server, 'plan');
  await page.getByTestId('plan-header-edit').click();
  const header = page.getByTestId('plan-header-modal');
  const approvedOn = header.getByTestId('header-approved-on');
  await approvedOn.click();
  await approvedOn.fill('25.05.2025');
  await approvedOn.press('Enter');
  await page.getByTestId('header-save').click();
  await expect(header).toBeHidden();
  await expect(page.getByTestId('plan-approved-on')).toHaveText('Утверждён 25.05.2025');

  await page.getByTestId('plan-section-add').click();
  await page.getByTestId('section-title-ru').fill('Дополнительные мероприятия');
  await page.getByTestId('section-title-kk').fill('Қосымша іс-шаралар');
  await page.getByTestId('section-title-kk').press('Enter');
  await expect(page.getByTestId('plan-section')).toHaveCount(4);
  const added = page.getByTestId('plan-section').last();
  await expect(added.getByTestId('plan-section-title')).toHaveText('IV. Дополнительные мероприятия');
  await added.getByTestId('plan-section-rename').click();
  await page.getByTestId('section-title-ru').fill('Резерв');
  await page.getByTestId('section-save').click();
  await expect(added.getByTestId('plan-section-title')).toHaveText('IV. Резерв');
  await added.getByTestId('plan-section-delete').click();
  await page.getByTestId('plan-section-delete-confirm').click();
  await expect(page.getByTestId('plan-section')).toHaveCount(3);
  await page.getByTestId('plan-section').first().getByTestId('plan-section-delete').click();
  await page.getByTestId('plan-section-delete-confirm').click();
  await expect(page.getByText('В разделе есть пункты')).toBeVisible();
  await expect(page.getByTestId('plan-section')).toHaveCount(3);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('plan-export-lang').click();
  await chooseOption(page, 'на русском');
  await page.getByTestId('plan-export').click();
  const exported = await downloadBytes(await downloading);

  const blank = new ExcelJS.Workbook();
  blank.addWorksheet('Лист1').addRow(['не план']);
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await page.getByTestId('plan-import').click();
  const drop = page.getByTestId('plan-import-drop').locator('input[type=file]');
  await drop.setInputFiles({ name: 'не-план.xlsx', mimeType: type, buffer: await xlsxBuffer(blank) });
  await expect(page.getByTestId('plan-import-result')).toContainText('План не заменён');
  await expect(page.getByTestId('plan-import-problems').getByTestId('issue-error')).toHaveCount(1);
  await drop.setInputFiles({ name: 'план.xlsx', mimeType: type, buffer: exported });
  await expect(page.getByTestId('plan-import-error')).toContainText('Школы уже отчитались об исполнении этого плана');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('plan-item')).toHaveCount(20);
});
