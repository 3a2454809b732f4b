// Opening a database file: created and migrated once, later migrations applied, a failed one rolled back,
// and a file from a newer Jinaq refused untouched.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../main/db/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../main/db/open.ts';
import { AppError } from '../../main/errors.ts';
import { getCampaign } from '../../main/services/campaigns.ts';
import { getPlan } from '../../main/services/plans.ts';
import { databaseAtMigration, tempDir } from '../helpers/db.ts';

const SCHEMA = [
  'campaigns', 'files', 'forms', 'imports', 'plan_execution_entries', 'plan_item_schools', 'plan_items', 'plan_sections', 'plans',
  'report_list_rows', 'report_plan_rows', 'report_texts', 'report_values', 'reports', 'schema_migrations', 'schema_migrations_lock', 'school_choices', 'schools', 'settings',
  'value_audit',
];
const MIGRATIONS = ['0001_init', '0002_plans', '0003_forms', '0004_history', '0006_school_choices'];

let folder: ReturnType<typeof tempDir>;
let file: string;
const opened: OpenedDatabase[] = [];

async function open(options: { migrationsDir?: string } = {}): Promise<OpenedDatabase> {
  const database = await openDatabase(file, options);
  opened.push(database);
  return database;
}

async function closeAll(): Promise<void> {
  while (opened.length > 0) await opened.pop()!.close();
}

function tables(raw: BetterSqlite3.Database): string[] {
  return raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function executed(raw: BetterSqlite3.Database): string[] {
  return raw.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all() as string[];
}

/** A copy of the real migrations with more files beside them. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(folder.dir, `migrations-${Object.keys(extra).join('-')}`);
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

beforeEach(() => {
  folder = tempDir();
  file = path.join(folder.dir, 'nested', 'jinaq.sqlite');
});
afterEach(async () => {
  await closeAll();
  folder.remove();
});

describe('openDatabase', () => {
  it('creates a fresh file (and its folder) with every table, in WAL mode with foreign keys on', async () => {
    const { raw } = await open();
    expect(tables(raw)).toEqual(SCHEMA);
    expect(executed(raw)).toEqual(MIGRATIONS);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => raw.prepare("INSERT INTO imports (campaign_id, file_id, file_name, status) VALUES ('none', 1, 'x', 'accepted')").run())
      .toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps the data and does not run a migration again when reopened', async () => {
    const first = await open();
    first.raw.prepare("INSERT INTO settings (key, value) VALUES ('districtRu', 'г. Шахтинск')").run();
    const ranAt = first.raw.prepare('SELECT name, timestamp FROM schema_migrations').all();
    await closeAll();

    const second = await open();
    expect(second.raw.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('districtRu')).toBe('г. Шахтинск');
    expect(second.raw.prepare('SELECT name, timestamp FROM schema_migrations').all()).toEqual(ranAt);
    expect(tables(second.raw)).toEqual(SCHEMA);
    expect(second.raw.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('applies a new migration file on the next open, once', async () => {
    const first = await open();
    first.raw.prepare("INSERT INTO settings (key, value) VALUES ('districtKk', 'Шахтинск қаласы')").run();
    await closeAll();

    const dir = migrationsWith({
      '0090_notes.sql': "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\nINSERT INTO notes (body) VALUES ('from 0090');\n",
    });
    const second = await open({ migrationsDir: dir });
    expect(executed(second.raw)).toEqual([...MIGRATIONS, '0090_notes']);
    expect(tables(second.raw)).toEqual([...SCHEMA, 'notes'].sort());
    expect(second.raw.prepare('SELECT body FROM notes').pluck().all()).toEqual(['from 0090']);
    expect(second.raw.prepare('SELECT value FROM settings').pluck().all()).toEqual(['Шахтинск қаласы']);
    await closeAll();

    const third = await open({ migrationsDir: dir });
    expect(third.raw.prepare('SELECT body FROM notes').pluck().all()).toEqual(['from 0090']);
  });

  it('ignores files in the migrations folder that are not named NNNN_name.sql', async () => {
    const dir = migrationsWith({ 'README.md': '# notes', '0090-bad-name.sql': 'CREATE TABLE never (id INTEGER);', '0091_x.sql.bak': 'CREATE TABLE never2 (id INTEGER);' });
    const { raw } = await open({ migrationsDir: dir });
    expect(executed(raw)).toEqual(MIGRATIONS);
    expect(tables(raw)).toEqual(SCHEMA);
  });

  it('rolls a failing migration back as a whole and leaves the file as it was', async () => {
    const first = await open();
    first.raw.prepare("INSERT INTO settings (key, value) VALUES ('districtRu', 'до')").run();
    await closeAll();

    const dir = migrationsWith({
      '0090_broken.sql': [
        'CREATE TABLE half (id INTEGER PRIMARY KEY);',
        "INSERT INTO half (id) VALUES (1);",
        "UPDATE settings SET value = 'после';",
        'INSERT INTO no_such_table VALUES (1);',
      ].join('\n'),
    });
    await expect(openDatabase(file, { migrationsDir: dir })).rejects.toThrow(/no such table: no_such_table/);

    const after = await open();
    expect(tables(after.raw)).toEqual(SCHEMA);
    expect(executed(after.raw)).toEqual(MIGRATIONS);
    expect(after.raw.prepare('SELECT value FROM settings').pluck().all()).toEqual(['до']);
  });

  it('refuses a database migrated by a newer Jinaq and does not touch the file', async () => {
    const first = await open();
    first.raw.prepare("INSERT INTO schema_migrations (name, timestamp) VALUES ('0090_future', '2030-01-01T00:00:00.000Z')").run();
    first.raw.prepare("INSERT INTO settings (key, value) VALUES ('districtRu', 'г. Шахтинск')").run();
    await closeAll();
    const before = readFileSync(file);

    const error = await openDatabase(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', key: 'db.newerVersion', params: { file, migration: '0090_future' } });

    expect(readFileSync(file).equals(before)).toBe(true);
    const check = new BetterSqlite3(file, { readonly: true });
    try {
      expect(tables(check)).toEqual(SCHEMA);
      expect(executed(check)).toEqual([...MIGRATIONS, '0090_future']);
    } finally {
      check.close();
    }
  });

  /** How many open file descriptors of this process point at `target` (Linux only). */
  function openHandles(target: string): number {
    return readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === target;
      } catch {
        return false;
      }
    }).length;
  }

  it('refuses a file that is not a database and leaves it as it was', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    const text = 'БИН;Наименование\n'.repeat(100);
    writeFileSync(file, text);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'conflict', key: 'db.notDatabase', params: { file } });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('holds the file while open and releases it on close', async () => {
    const database = await openDatabase(file);
    expect(openHandles(file)).toBeGreaterThan(0);
    await database.close();
    expect(openHandles(file)).toBe(0);
  });

  // A file that is not a database is refused with a message, and its handle is closed (it would stay locked on Windows).
  it.skipIf(!existsSync('/proc/self/fd'))('releases the file it could not open', async () => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'not a database at all '.repeat(100));
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'conflict', key: 'db.notDatabase', params: { file } });
    expect(openHandles(file)).toBe(0);
  });
});

describe('migration 0002: plans', () => {
  it('upgrades a database with a «Забота» campaign: no hashtag, and the built-in plan the first time it is asked for', async () => {
    const old = await databaseAtMigration(file, 1);
    opened.push(old);
    old.raw
      .prepare("INSERT INTO campaigns (id, kind, year, form_id, form_version, starts_on, ends_on, school_due_on, region_due_on) VALUES ('zabota-2026', 'zabota', 2026, 'zabota', 1, '2026-01-10', '2026-02-10', '2026-02-12', '2026-02-15')")
      .run();
    await closeAll();

    const upgraded = await open();
    expect(executed(upgraded.raw)).toEqual(MIGRATIONS);
    expect(await getCampaign(upgraded.db, 'zabota-2026')).toMatchObject({ hashtag: '', startsOn: '2026-01-10' });
    const plan = await getPlan(upgraded.db, 'zabota-2026');
    expect(plan.items).toHaveLength(23);
    expect((await getPlan(upgraded.db, 'zabota-2026')).items.map((i) => i.id)).toEqual(plan.items.map((i) => i.id));
  });
});
