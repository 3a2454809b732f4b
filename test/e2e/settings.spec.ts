// Settings and the shell: the district's names are kept in the database; the screens work from the keyboard
// and the browser console stays free of errors.
import { expect, test } from '@playwright/test';
import { collectConsoleProblems, openApp, startServer, type Server } from './helpers.ts';

// No test here needs another's work, so they may run in parallel: each worker starts its own server in beforeAll.
let server: Server;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server.stop();
});

test('saves the district names in Russian and Kazakh', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-settings').click();
  await page.getByLabel('Название района (города) на русском языке').fill('Шахтинск');
  await page.getByLabel('Название района (города) на казахском языке').fill('Шахтинск қаласы');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Настройки сохранены')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('settings-districtKk')).toHaveValue('Шахтинск қаласы');
  await expect(page.getByTestId('settings-districtRu')).toHaveValue('Шахтинск');
});

test('keeps the token out of the address bar, the console free of errors and every request on this machine, on every screen', async ({ page }) => {
  // Checked in this test, not with failOnConsoleProblems(), which would also hold the spec's other tests to it.
  const problems = collectConsoleProblems(page);
  // No remote content: every request the app makes goes to its own server (or is data the page made itself).
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await openApp(page, server, 'en');
  await expect(page.getByRole('heading', { name: 'School registry' })).toBeVisible();
  expect(page.url()).not.toContain('token');
  await page.getByTestId('school-add').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('registry-import').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-create').click();
  await page.getByTestId('campaign-open').first().click();
  for (const tab of ['import', 'summary', 'templates']) await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId('campaign-edit-dates').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-kk').click();
  await page.getByTestId('nav-schools').click();
  await expect(page.getByRole('heading', { name: 'Мектептер тізілімі' })).toBeVisible();
  for (const screen of ['forms', 'help', 'settings']) await page.getByTestId(`nav-${screen}`).click();
  expect(problems).toEqual([]);
  const origin = new URL(server.url).origin;
  expect(requests.length).toBeGreaterThan(10);
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
});

test('the main actions are reachable with the Tab key', async ({ page }) => {
  await openApp(page, server);
  await expect(page.getByTestId('school-add')).toBeVisible();
  const reached = new Set<string>();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    if (id) reached.add(id);
  }
  expect([...reached]).toEqual(expect.arrayContaining(['schools-search', 'school-add', 'registry-import', 'registry-template']));
  await page.getByTestId('school-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('БИН')).toBeFocused();
});
