// End-to-end tests in browser mode: each spec file starts its own server on a fresh database
// (test/e2e/helpers.ts) and drives the real UI in Debian's Chromium.
//
// Tests run in parallel, one worker per core. A spec whose tests follow on from each other (a campaign made in one
// test, imported into in the next) says so with `test.describe.configure({ mode: 'serial' })`; the others may be
// spread over workers, and each worker then starts its own server for them in `beforeAll`.
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: availableParallelism(),
  reporter: 'list',
  use: {
    acceptDownloads: true,
    locale: 'ru-RU',
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
