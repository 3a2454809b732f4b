import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../errors.ts';
import { automaticBackup, dailyBackup, defaultBackupDir } from './backup.ts';
import { openSqlite } from './connection.ts';
import { withStatementCache } from './statement-cache.ts';
import { defaultMigrationsDir, migrate, pendingMigrations } from './migrate.ts';
import type { Database } from './schema.ts';
import { storageError } from './storage-errors.ts';

export type { Database } from './schema.ts';

export interface OpenedDatabase {
  db: Kysely<Database>;
  /** The better-sqlite3 handle under Kysely, for what Kysely cannot say (migrations, backups). */
  raw: BetterSqlite3.Database;
  file: string;
  /** Where the automatic copies go. */
  backupDir: string;
  /** Why today's automatic copy could not be made (the app still opens; the settings screen says so). */
  backupProblem: AppError | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrationsDir?: string;
  /** Default: `backups/` next to the database. */
  backupDir?: string;
  /** Copy the database at the first start of each day (the app does; the CLI and tests need not). */
  dailyBackup?: boolean;
  /** The clock, for tests of the daily copy. */
  now?: () => Date;
}

/** A database the user cannot write to — a read-only file or folder, a write-protected stick — is named as such up front. */
function refuseReadOnly(file: string): void {
  // SQLite writes its journal (the -wal file) beside the database: the folder must be writable too.
  const folder = path.dirname(path.resolve(file));
  for (const target of existsSync(file) ? [file, folder] : [folder]) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new AppError('storage', 'db.readOnly', { file });
    }
  }
}

/**
 * Opens the file and takes it for this process alone: in EXCLUSIVE locking mode SQLite holds the file lock until
 * the connection closes (the operating system drops it if the process dies), so a second Jinaq — a second window,
 * browser mode, the CLI — on the same database is refused at once instead of writing beside the first.
 */
function openExclusive(file: string): BetterSqlite3.Database {
  let raw: BetterSqlite3.Database;
  try {
    raw = openSqlite(file, { timeout: 0 });
  } catch (error) {
    throw storageError(error, file) ?? new AppError('storage', 'db.cannotOpen', { file, details: String(error) });
  }
  try {
    raw.pragma('locking_mode = EXCLUSIVE');
    raw.pragma('journal_mode = WAL');
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    raw.close();
    const problem = storageError(error, file);
    throw problem?.key === 'db.corrupt' || !problem ? new AppError('conflict', 'db.notDatabase', { file }) : problem;
  }
  return raw;
}

/**
 * Opens (creating if needed) a Jinaq database file for this process alone, in WAL mode with foreign keys on,
 * copied to the backup folder before any migration, migrated to the latest schema.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    refuseReadOnly(file);
  }
  const raw = openExclusive(file);
  // In WAL mode NORMAL still keeps every transaction whole (a crash or power cut loses at most the last commits,
  // never half of one) and spares an fsync per transaction: an import of 600 files is one commit per file.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  // Kysely closes the handle only if it ever used it; the file lock must go in every case.
  const close = async () => {
    await db.destroy();
    if (raw.open) raw.close();
  };
  const backupDir = options.backupDir ?? defaultBackupDir(file);
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const now = options.now ?? (() => new Date());
  try {
    const { executed, pending } = pendingMigrations(raw, migrationsDir);
    if (!inMemory && executed.length > 0 && pending.length > 0) await automaticBackup(raw, backupDir, 'beforeUpdate', now());
    migrate(raw, migrationsDir, file);
  } catch (error) {
    await close();
    throw storageError(error, file) ?? error;
  }
  // A missing daily copy must not keep the district from its work (a copy before a migration must: see above).
  let backupProblem: AppError | null = null;
  if (!inMemory && options.dailyBackup) {
    try {
      await dailyBackup(raw, backupDir, now());
    } catch (error) {
      backupProblem = error instanceof AppError ? error : new AppError('conflict', 'backup.failed', { file: backupDir, details: String(error) });
    }
  }
  return { db, raw, file, backupDir, backupProblem, close };
}
