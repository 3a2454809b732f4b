// Numbered SQL files in migrations/ (0001_init.sql, 0002_….sql), applied in order on the raw better-sqlite3 handle
// (a file holds many statements). Each file's SQL and its record in schema_migrations commit in one transaction:
// a migration is either applied and recorded, or not there at all — never run twice, never half there.
// The table keeps the shape Kysely's Migrator gave it in earlier releases, so their databases open as they are.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../errors.ts';
import { placeBuiltInForms } from './built-in-forms.ts';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Steps a migration's SQL cannot take because they need the app's own definitions: run after it, in its transaction. */
const DATA_STEPS: Record<string, (raw: BetterSqlite3.Database) => void> = {
  '0008_built_in_zabota_v2': placeBuiltInForms,
};
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

/**
 * The migrations table, as Kysely's Migrator made it — with its lock table, unused now but kept so that a database
 * of any release has the same schema as one made by this one.
 */
function ensureMigrationTables(raw: BetterSqlite3.Database): void {
  raw.exec(`
    CREATE TABLE IF NOT EXISTS "${MIGRATION_TABLE}" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);
    CREATE TABLE IF NOT EXISTS "${MIGRATION_TABLE}_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);
    INSERT OR IGNORE INTO "${MIGRATION_TABLE}_lock" ("id", "is_locked") VALUES ('migration_lock', 0);
  `);
}

/**
 * Applies the pending migrations in order, each with its record in one transaction; returns the names applied.
 * `upTo` stops after that many migrations (a database as an older release left it, to compare a restored copy with).
 */
export function migrate(raw: BetterSqlite3.Database, dir: string, file: string, upTo = Number.POSITIVE_INFINITY): string[] {
  const names = migrationNames(dir);
  refuseNewerDatabase(raw, names, file);
  ensureMigrationTables(raw);
  const { executed, pending } = pendingMigrations(raw, dir);
  // Migrations run in order only: one missing before the last applied means the file was not made by Jinaq.
  if (pending.length > 0 && executed.some((name) => name > pending[0])) {
    throw new Error(`corrupted migrations: ${pending[0]} was never applied, but ${executed[executed.length - 1]} was`);
  }
  const record = raw.prepare(`INSERT INTO "${MIGRATION_TABLE}" ("name", "timestamp") VALUES (?, ?)`);
  const applied = pending.filter((name) => names.indexOf(name) < upTo);
  for (const name of applied) {
    const sql = readFileSync(path.join(dir, `${name}.sql`), 'utf8');
    raw.transaction(() => {
      raw.exec(sql);
      DATA_STEPS[name]?.(raw);
      record.run(name, new Date().toISOString());
    })();
  }
  return applied;
}
