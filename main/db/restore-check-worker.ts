// The checks of a file offered for a restore, in a process of its own that main/db/restore-check.ts starts and kills
// after its time bound. The file is read into memory (no handle on it stays open) and nothing its own SQL says — a view,
// a trigger, a CHECK — runs before its schema is proven to be the one Jinaq's migrations build at its version.
import { readFileSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { DatabaseContents } from '../../shared/backups.ts';
import type { ApiErrorCode } from '../../shared/api/index.ts';
import type { MessageKey, MessageParams } from '../../shared/messages.ts';
import { AppError } from '../errors.ts';
import { openSqlite } from './connection.ts';
import { executedMigrationNames, migrate, MIGRATION_TABLE, migrationNames, refuseNewerDatabase } from './migrate.ts';
import { schemaDifferences, type SchemaDifference } from './schema-check.ts';

export interface CheckRequest {
  /** The staged copy of the file. */
  file: string;
  /** How the user knows the file. */
  shownName: string;
  migrationsDir: string;
}

export type CheckReply = { ok: true; contents: DatabaseContents } | { ok: false; code: ApiErrorCode; key: MessageKey; params: MessageParams };

const SQLITE_HEADER = 'SQLite format 3\0';

/** The file in memory. A file left in WAL mode is read as a rollback-journal one: no -wal comes with a copy. */
function openCandidate(file: string, shownName: string): BetterSqlite3.Database {
  const bytes = readFileSync(file);
  if (bytes.length >= 100 && bytes.toString('latin1', 0, 16) === SQLITE_HEADER) bytes.fill(1, 18, 20);
  try {
    const candidate = openSqlite(bytes);
    candidate.prepare('SELECT count(*) FROM sqlite_schema').get();
    return candidate;
  } catch {
    throw new AppError('invalid_input', 'backup.notJinaq', { file: shownName });
  }
}

/** The migrations the file records, read only from a plain table (a view of that name could run forever). */
function recordedMigrations(candidate: BetterSqlite3.Database, known: string[], shownName: string): string[] {
  const table = candidate.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(MIGRATION_TABLE) as string | undefined;
  const executed = table && !/^\s*create\s+virtual/i.test(table) ? executedMigrationNames(candidate) : [];
  if (!executed.includes(known[0])) throw new AppError('invalid_input', 'backup.notJinaq', { file: shownName });
  refuseNewerDatabase(candidate, known, shownName);
  return executed;
}

/** A database in memory with the first `count` migrations, built by the real migrations. */
function withMigrated<T>(migrationsDir: string, count: number, use: (raw: BetterSqlite3.Database) => T): T {
  const fresh = openSqlite(':memory:');
  try {
    migrate(fresh, migrationsDir, ':memory:', count);
    return use(fresh);
  } finally {
    fresh.close();
  }
}

/** Migrations missing before the newest one the file records: Jinaq never skips one. */
function skippedMigrations(executed: string[], known: string[]): SchemaDifference[] {
  const upTo = known.slice(0, known.indexOf(executed[executed.length - 1]) + 1);
  return upTo.filter((name) => !executed.includes(name)).map((name) => ({ difference: 'missingMigration', name }));
}

function refuseDifferences(differences: SchemaDifference[], shownName: string): void {
  if (differences.length === 0) return;
  const [first] = differences;
  const params = { file: shownName, difference: first.difference, name: first.name, table: first.table ?? '', count: differences.length };
  throw new AppError('invalid_input', differences.length === 1 ? 'backup.schemaDiffers' : 'backup.schemaDiffersMany', params);
}

function contentsOf(raw: BetterSqlite3.Database): DatabaseContents {
  const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    schools: count('schools'),
    campaigns: count('campaigns'),
    reports: raw.prepare('SELECT count(*) FROM reports WHERE is_current = 1').pluck().get() as number,
    lastImportAt: (raw.prepare('SELECT max(imported_at) FROM imports').pluck().get() as string | null) ?? null,
  };
}

async function inspect({ file, shownName, migrationsDir }: CheckRequest): Promise<DatabaseContents> {
  const candidate = openCandidate(file, shownName);
  try {
    const known = migrationNames(migrationsDir);
    const executed = recordedMigrations(candidate, known, shownName);
    refuseDifferences(skippedMigrations(executed, known), shownName);
    refuseDifferences(withMigrated(migrationsDir, executed.length, (expected) => schemaDifferences(expected, candidate)), shownName);
    // Only now is the file's SQL known to be Jinaq's own: its CHECKs and index expressions may run.
    if (candidate.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('invalid_input', 'backup.damaged', { file: shownName });
    return contentsOf(candidate);
  } finally {
    candidate.close();
  }
}

async function reply(request: CheckRequest): Promise<CheckReply> {
  try {
    return { ok: true, contents: await inspect(request) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, key: error.key, params: error.params };
    const corrupt = String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CORRUPT');
    return { ok: false, code: 'invalid_input', key: corrupt ? 'backup.damaged' : 'backup.notJinaq', params: { file: request.shownName } };
  }
}

/** Electron's utility process has a parentPort; a process Node forked has send(). */
interface UtilityParentPort {
  once(event: 'message', listener: (message: { data: CheckRequest }) => void): void;
  postMessage(message: CheckReply): void;
}
const utilityPort = (process as { parentPort?: UtilityParentPort }).parentPort;
if (utilityPort) {
  utilityPort.once('message', async ({ data }) => utilityPort.postMessage(await reply(data)));
} else if (process.send) {
  process.once('message', async (request) => {
    process.send!(await reply(request as CheckRequest), () => process.disconnect());
  });
}
