// The help: the drawer's guide follows the screen and the campaign's tab (from the address), links to the page on
// how a campaign goes with its steps in order, reads in Kazakh, and prints without the shell around it.
import { expect, test } from '@playwright/test';
import kkHelp from '../../shared/locales/kk/help.json' with { type: 'json' };
import ruHelp from '../../shared/locales/ru/help.json' with { type: 'json' };
import { api, failOnConsoleProblems, goToCampaignTab, openApp, openCampaignTab, startServer, type Server } from './helpers.ts';

// No test here needs another's work, so they may run in parallel: each worker starts its own server in beforeAll.
let server: Server;

test.beforeAll(async () => {
  server = await startServer();
  await api(server, 'campaigns.create', { kind: 'zabota', year: 2026 });
});

test.afterAll(async () => {
  await server.stop();
});

failOnConsoleProblems();

test('the help button shows the guide to the screen on view, then the page on how a campaign goes', async ({ page }) => {
  await openApp(page, server);
  await expect(page.getByRole('heading', { name: ruHelp.screens.schools.title })).toBeVisible();

  await page.getByTestId('help-open').click();
  const drawer = page.getByTestId('help-drawer');
  await expect(page.getByTestId('help-title')).toHaveText(ruHelp.screens.schools.title);
  await expect(drawer.getByRole('listitem')).toHaveText([...ruHelp.screens.schools.steps]);
  await expect(drawer).toContainText(ruHelp.screens.schools.notes[0]);
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  await goToCampaignTab(page, 'import');
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-title')).toHaveText(ruHelp.screens.import.title);
  await expect(drawer.getByTestId('help-lead')).toHaveText(ruHelp.screens.import.lead);
  await expect(drawer.getByRole('listitem')).toHaveText([...ruHelp.screens.import.steps]);

  await drawer.getByTestId('help-campaign-guide-link').click();
  await expect(page).toHaveURL(/#\/help$/);
  await expect(drawer).toHaveCount(0);
  const screen = page.getByTestId('help-screen');
  await expect(screen.getByTestId('help-title')).toHaveText(ruHelp.guide.title);
  const steps = screen.getByTestId('help-step');
  await expect(steps.getByRole('heading')).toHaveText(ruHelp.guide.steps.map((step) => step.title));
  await expect(steps.nth(5)).toContainText(ruHelp.guide.steps[5].text);
  await expect(page.getByTestId('nav-help')).toHaveText(ruHelp.nav);

  await page.getByTestId('language-kk').click();
  await expect(screen.getByTestId('help-title')).toHaveText(kkHelp.guide.title);
  await expect(steps.getByRole('heading')).toHaveText(kkHelp.guide.steps.map((step) => step.title));
  await expect(page.getByTestId('nav-help')).toHaveText(kkHelp.nav);
  await expect(page.getByTestId('help-open')).toHaveText(kkHelp.button);
});

test('each campaign tab has its own guide, in Kazakh too, and the menu leads to the campaign page', async ({ page }) => {
  await openCampaignTab(page, server, 'summary', 'kk');
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-title')).toHaveText(kkHelp.screens.summary.title);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-drawer')).toHaveCount(0);

  await page.getByTestId('tab-plan').click();
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-title')).toHaveText(kkHelp.screens.plan.title);
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-help').click();
  await expect(page.getByTestId('help-screen').getByTestId('help-title')).toHaveText(kkHelp.guide.title);
  await expect(page.getByTestId('help-step')).toHaveCount(kkHelp.guide.steps.length);
});

test('prints the text without the header, the menu and the buttons', async ({ page }) => {
  await openApp(page, server);
  await page.getByTestId('nav-help').click();
  await expect(page.getByTestId('help-step').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('help-step').last()).toBeVisible();
  await expect(page.getByTestId('nav-help')).toBeHidden();
  await expect(page.getByTestId('help-open')).toBeHidden();
  await expect(page.getByTestId('help-print')).toBeHidden();

  // The drawer open while printing: its guide alone goes on paper.
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-title')).toHaveText(ruHelp.screens.settings.title);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('help-drawer')).toBeVisible();
  await expect(page.getByTestId('settings-save')).toBeHidden();
  await expect(page.getByTestId('nav-settings')).toBeHidden();
});
