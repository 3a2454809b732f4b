// Real SQLite files in a fresh temporary folder for each test.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiContext, type ApiContext } from '../../main/api.ts';
import { openDatabase, type OpenedDatabase } from '../../main/db/open.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { browserPlatform } from '../../main/platform.ts';

export function tempDir(prefix = 'jinaq-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempDatabase(): Promise<OpenedDatabase & { dir: string; remove(): Promise<void> }> {
  const { dir, remove } = tempDir();
  const opened = await openDatabase(path.join(dir, 'jinaq.sqlite'));
  return {
    ...opened,
    dir,
    remove: async () => {
      await opened.close();
      remove();
    },
  };
}

/** The handler table's context over a test database, as browser mode builds it. */
export function apiContextFor(database: OpenedDatabase): ApiContext {
  return createApiContext(DatabaseSession.over(database), browserPlatform);
}
