// The desktop shell itself. It needs Electron's binary, which cannot be downloaded on every machine:
// where it is absent these tests skip and say why; where it is present they run.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

/** The installed binary, found without `require('electron')`, which would try to download it. */
function electronBinary(): string | null {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed (it cannot be downloaded here): desktop tests skipped; browser mode is tested instead';
if (!binary) console.log(SKIP_REASON);

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, SKIP_REASON);

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
