// The school registry through the real UI: the form, the БИН check, the registry import, the language switch.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { dataRows, downloadBytes, dropdownOption, openApp, registryWorkbook, startServer, validBins, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let server: Server;
const [binA, binB, binC] = validBins('0405400', 3);

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server.stop();
});

test('adds a school through the form', async ({ page }) => {
  await openApp(page, server);
  await expect(page.getByRole('heading', { name: 'Реестр школ' })).toBeVisible();
  await page.getByTestId('school-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('БИН').fill(binA);
  await dialog.getByLabel('Краткое наименование').fill('СШ № 1');
  await dialog.getByLabel('Наименование (рус.)').fill('Средняя школа № 1');
  await dialog.getByLabel('Наименование (каз.)').fill('№ 1 жалпы орта білім беретін мектеп');
  await dialog.getByLabel('Населённый пункт').fill('Шахтинск');
  await dialog.getByLabel('Электронная почта').fill('school1@example.kz');
  await dialog.getByLabel('Электронная почта').press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('schools-table').getByRole('row', { name: /СШ № 1/ });
  await expect(row).toContainText(binA);
  await expect(row).toContainText('Шахтинск');
  await expect(row).toContainText('Действует');
});

test('rejects an invalid БИН in the form and a БИН already in the registry', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('school-add').click();
  const dialog = page.getByRole('dialog');
  const bin = dialog.getByLabel('БИН');
  await dialog.getByLabel('Краткое наименование').fill('СШ № 2');
  await page.getByTestId('school-form-save').click();
  await expect(dialog).toContainText('Укажите наименование на русском или казахском языке');
  await dialog.getByLabel('Наименование (каз.)').fill('№ 2 мектеп');
  await expect(dialog).not.toContainText('Укажите наименование на русском или казахском языке');

  await bin.fill('12345');
  await expect(dialog).toContainText('БИН должен состоять из 12 цифр');

  const wrongCheck = binB.slice(0, 11) + String((Number(binB[11]) + 1) % 10);
  await bin.fill(wrongCheck);
  await expect(dialog).toContainText('БИН не проходит проверку контрольного разряда');
  await page.getByTestId('school-form-save').click();
  await expect(dialog).toBeVisible();

  await bin.fill(binA);
  await page.getByTestId('school-form-save').click();
  await expect(page.getByTestId('school-form-error')).toContainText(`Школа с БИН ${binA} уже есть в реестре`);
});

test('imports a registry workbook and shows every row problem', async ({ page }) => {
  await openApp(page, server);
  const buffer = await registryWorkbook([
    { 'БИН': binB, 'Краткое наименование': 'СШ № 2', 'Наименование (рус.)': 'Средняя школа № 2', 'Тип': 'Гимназия', 'Язык обучения': 'Казахский' },
    { 'БИН': binC, 'Краткое наименование': 'СШ № 3', 'Наименование (рус.)': 'Средняя школа № 3', 'Населённый пункт': 'Шахан' },
    { 'БИН': '123456789012', 'Краткое наименование': 'Ошибочная школа' },
    { 'БИН': binA, 'Краткое наименование': 'СШ № 1', 'Директор': 'Ахметова А. Б.' },
  ]);
  await page.getByTestId('registry-import').click();
  await page.getByTestId('registry-drop').locator('input[type=file]').setInputFiles({
    name: 'registry.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const result = page.getByTestId('registry-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('registry-added')).toContainText('2');
  await expect(page.getByTestId('registry-updated')).toContainText('1');
  await expect(page.getByTestId('registry-problems')).toContainText('Строка 4');
  await expect(page.getByTestId('registry-problems')).toContainText('123456789012');
  await page.keyboard.press('Escape');
  const table = page.getByTestId('schools-table');
  await expect(table.getByRole('row', { name: /СШ № 3/ })).toContainText('Шахан');
  await expect(table.getByRole('row', { name: /СШ № 2/ })).toContainText('Гимназия');
  await expect(table.getByRole('row', { name: /СШ № 1/ })).toContainText('Ахметова');
});

test('closes and reopens a school; search filters the table', async ({ page }) => {
  await openApp(page, server);
  const table = page.getByTestId('schools-table');
  const row = table.getByRole('row', { name: /СШ № 3/ });
  await row.getByTestId('school-close').click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Закрыть' }).click();
  await expect(row).toContainText('Закрыта');
  await row.getByTestId('school-reopen').click();
  await expect(row).toContainText('Действует');
  await page.getByTestId('schools-search').getByRole('searchbox').fill(binC);
  await expect(dataRows(table)).toHaveCount(1);
});

test('switches to Kazakh and remembers it after a reload', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('language-kk').click();
  await expect(page.getByRole('heading', { name: 'Мектептер тізілімі' })).toBeVisible();
  await expect(page.getByTestId('nav-campaigns')).toHaveText('Науқандар');
  await expect(page.getByTestId('schools-table')).toContainText('Жұмыс істейді');
  await expect(page.getByTestId('schools-table')).toContainText('БСН');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Мектептер тізілімі' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await page.getByTestId('school-add').click();
  await page.getByRole('dialog').getByLabel('БСН').fill('12');
  await expect(page.getByRole('dialog')).toContainText('БСН 12 цифрдан тұруы керек');
  await page.getByRole('dialog').getByLabel('Түрі').click();
  await expect(dropdownOption(page, 'Шағын жинақты мектеп')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/schools-kk.png', fullPage: true });
});

test('downloads an empty registry template with the registry headers', async ({ page }) => {
  await openApp(page, server);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('registry-template').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await downloadBytes(download)) as unknown as ArrayBuffer);
  const headers = (workbook.worksheets[0].getRow(1).values as unknown[]).map(String).join(' | ');
  expect(headers).toContain('БИН');
  expect(headers).toContain('Краткое наименование');
});
