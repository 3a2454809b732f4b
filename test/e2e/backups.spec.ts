// Backups in the real UI: the folders shown, the automatic copy of the day, a copy taken away, a restore from
// that copy after a confirmation (the database as it was kept first), and files that are not a copy refused.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { addSchools, failOnConsoleProblems, openApp, startServer, validBins, type Server } from './helpers.ts';

test.describe.configure({ mode: 'serial' });
failOnConsoleProblems();

let server: Server;
const bins = validBins('0405400', 2);

test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test('takes a copy away and restores it, keeping the database as it was first', async ({ page }, testInfo) => {
  await addSchools(server, [bins[0]], ['Школа-гимназия №1']);
  await openApp(page, server);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { name: 'Резервные копии' })).toBeVisible();
  await expect(page.getByTestId('backups-database-file')).toContainText(path.join(server.dir, 'e2e.sqlite'));
  await expect(page.getByTestId('backups-folder')).toContainText(path.join(server.dir, 'backups'));
  // Browser mode is the app: its first start today made the day's copy.
  await expect(page.getByTestId('backups-table').getByText('Ежедневная')).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backups-create').click()]);
  expect(download.suggestedFilename()).toMatch(/^jinaq-backup-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
  const copy = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(copy);
  const db = new BetterSqlite3(copy, { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT short_name FROM schools').pluck().all()).toEqual(['Школа-гимназия №1']);
  db.close();

  await addSchools(server, [bins[1]], ['Школа №2']);
  await page.getByTestId('backups-restore-file').locator('input[type=file]').setInputFiles(copy);
  await expect(page.getByRole('dialog')).toContainText(`Все данные программы заменятся данными копии «${download.suggestedFilename()}»`);
  await page.getByTestId('backups-confirm').click();
  await expect(page.getByTestId('backups-restored')).toContainText('База восстановлена: школ 1, кампаний 0, отчётов 0');
  await expect(page.getByTestId('backups-restored')).toContainText('Прежняя база сохранена в папке копий: jinaq-before-restore-');
  await expect(page.getByTestId('backups-table').getByText('Перед восстановлением')).toHaveCount(1);

  await page.getByTestId('nav-schools').click();
  await expect(page.getByRole('row').filter({ hasText: 'Школа-гимназия №1' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Школа №2' })).toHaveCount(0);
});

test('restores the copy made before the restore, and refuses a file too large or not a copy of a Jinaq database', async ({ page }, testInfo) => {
  await openApp(page, server, 'kk');
  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { name: 'Сақтық көшірмелер' })).toBeVisible();
  const kept = page.getByTestId('backups-table').getByRole('row').filter({ hasText: 'Қалпына келтіру алдында' });
  await kept.getByRole('button', { name: 'Қалпына келтіру' }).click();
  await page.getByTestId('backups-confirm').click();
  await expect(page.getByTestId('backups-restored')).toContainText('мектептер 2');
  // The dialog closes once the list of copies is read again; the next confirmation must not meet it.
  await expect(page.getByTestId('backups-confirm')).toHaveCount(0);

  // A file too large to be a backup is turned away before it is read, without asking.
  const tooLarge = testInfo.outputPath('jinaq-huge.sqlite');
  writeFileSync(tooLarge, '');
  truncateSync(tooLarge, 201 * 1024 * 1024);
  await page.getByTestId('backups-restore-file').locator('input[type=file]').setInputFiles(tooLarge);
  await expect(page.getByTestId('backups-error')).toContainText('jinaq-huge.sqlite файлы Jinaq дерекқорының сақтық көшірмесі үшін тым үлкен: 201 МБ, рұқсат етілгені 200 МБ');
  await expect(page.getByTestId('backups-confirm')).toHaveCount(0);

  const notACopy = testInfo.outputPath('report.sqlite');
  writeFileSync(notACopy, readFileSync(new URL('../../package.json', import.meta.url)));
  await page.getByTestId('backups-restore-file').locator('input[type=file]').setInputFiles(notACopy);
  await page.getByTestId('backups-confirm').click();
  await expect(page.getByTestId('backups-error')).toContainText('report.sqlite файлы Jinaq дерекқорының сақтық көшірмесі емес');
  await page.getByTestId('nav-schools').click();
  await expect(page.getByRole('row').filter({ hasText: 'Школа №2' })).toHaveCount(1);
});
