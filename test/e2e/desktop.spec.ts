// The desktop shell itself. It needs Electron's binary, which cannot be downloaded on every machine:
// where it is absent these tests skip and say why; where it is present they run.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, 'Electron binary not installed (it cannot be downloaded here); run `node node_modules/electron/install.js` where it can');

  test('opens the window with the isolated preload API and no Node in the page', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jinaq-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', '--db', path.join(dir, 'jinaq.sqlite'), '--no-sandbox'],
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { jinaq?: { invoke: unknown } }).jinaq?.invoke)).toBe('function');
    const result = await page.evaluate(() => (window as unknown as { jinaq: { invoke(n: string, i: unknown): Promise<{ ok: boolean }> } }).jinaq.invoke('schools.list', {}));
    expect(result.ok).toBe(true);
    await app.close();
  });
});
