// Real SQLite files in a fresh temporary folder for each test.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult } from '../../shared/api/index.ts';
import type { SaveOutcome } from '../../shared/domain.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../main/db/schema.ts';
import { createApiContext, dispatch, type ApiContext } from '../../main/api.ts';
import { defaultMigrationsDir, migrationNames } from '../../main/db/migrate.ts';
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

export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>['error'];

/** A method called through `dispatch`, as the UI calls it: its value, or a throw with the error it answered. */
export async function callApi<T>(ctx: ApiContext, name: string, input?: unknown): Promise<T> {
  const result = await dispatch(ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The error a method answers with; a throw when it succeeds instead. */
export async function apiFailure(ctx: ApiContext, name: string, input?: unknown): Promise<ApiFailure> {
  const result = await dispatch(ctx, name, input);
  if (result.ok) throw new Error(`${name} succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The file of a save answered as a download (browser mode), decoded; a throw for any other outcome. */
export function downloaded(outcome: SaveOutcome): { name: string; bytes: Uint8Array } {
  if (outcome.kind !== 'download') throw new Error(`not a download: ${outcome.kind}`);
  return { name: outcome.file.name, bytes: new Uint8Array(Buffer.from(outcome.file.base64, 'base64')) };
}

/** A database file made with only the first `count` migrations, as an older Jinaq left it, open; the caller closes it. */
export async function databaseAtMigration(file: string, count: number): Promise<OpenedDatabase> {
  const older = tempDir('jinaq-migrations-');
  try {
    for (const name of migrationNames(defaultMigrationsDir()).slice(0, count)) cpSync(path.join(defaultMigrationsDir(), `${name}.sql`), path.join(older.dir, `${name}.sql`));
    // The migrations are read only while the file is opened.
    return await openDatabase(file, { migrationsDir: older.dir });
  } finally {
    older.remove();
  }
}

/** The stored values of the current reports (money in tiyn), by code: what an import or a hand entry left. */
export async function currentStoredValues(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('report_values')
    .innerJoin('reports', 'reports.id', 'report_values.report_id')
    .select(['report_values.code', 'report_values.amount'])
    .where('reports.is_current', '=', 1)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.amount]));
}
