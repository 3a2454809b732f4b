import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../errors.ts';
import { defaultMigrationsDir, migrate } from './migrate.ts';
import type { Database } from './schema.ts';

export type { Database } from './schema.ts';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The better-sqlite3 handle under Kysely, for what Kysely cannot say (migrations, backups). */
  raw: BetterSqlite3.Database;
  file: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrationsDir?: string;
}

/** Opens (creating if needed) a Jinaq database file, in WAL mode with foreign keys on, migrated to the latest schema. */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new BetterSqlite3(file);
  try {
    raw.pragma('journal_mode = WAL');
  } catch {
    raw.close();
    throw new AppError('conflict', 'db.notDatabase', { file });
  }
  // In WAL mode NORMAL still keeps every transaction whole (a crash or power cut loses at most the last commits,
  // never half of one) and spares an fsync per transaction: an import of 600 files is one commit per file.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  try {
    await migrate(db as Kysely<unknown>, raw, options.migrationsDir ?? defaultMigrationsDir(), file);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, raw, file, close: () => db.destroy() };
}
