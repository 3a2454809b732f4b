// Numbered SQL files in migrations/ (0001_init.sql, 0002_….sql), applied in order by Kysely's Migrator.
// Kysely does not wrap SQLite migrations in a transaction and cannot run a multi-statement file,
// so each file runs on the raw better-sqlite3 handle inside one transaction of its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { AppError } from '../errors.ts';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
export const MIGRATION_TABLE = 'schema_migrations';

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../../migrations/', import.meta.url));
}

export function migrationNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
    .map((name) => name.replace(/\.sql$/, ''));
}

export function executedMigrationNames(raw: BetterSqlite3.Database): string[] {
  const table = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATION_TABLE);
  if (!table) return [];
  return raw.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).pluck().all() as string[];
}

/** The migrations a database has had, and those this version would run on it. */
export function pendingMigrations(raw: BetterSqlite3.Database, dir: string): { executed: string[]; pending: string[] } {
  const executed = executedMigrationNames(raw);
  return { executed, pending: migrationNames(dir).filter((name) => !executed.includes(name)) };
}

/** A database that a newer Jinaq has migrated further than this one knows how to read. */
export function refuseNewerDatabase(raw: BetterSqlite3.Database, known: string[], file: string): void {
  const unknown = executedMigrationNames(raw).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AppError('conflict', 'db.newerVersion', { file, migration: unknown[unknown.length - 1] });
  }
}

export async function migrate(db: Kysely<unknown>, raw: BetterSqlite3.Database, dir: string, file: string): Promise<string[]> {
  const names = migrationNames(dir);
  refuseNewerDatabase(raw, names, file);
  const migrations: Record<string, Migration> = {};
  for (const name of names) {
    migrations[name] = {
      up: async () => {
        const sql = readFileSync(path.join(dir, `${name}.sql`), 'utf8');
        raw.transaction(() => raw.exec(sql))();
      },
    };
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
