// Opening a database file: created and migrated once, later migrations applied, a failed one rolled back with its
// record, a file from a newer Jinaq refused untouched; and each migration's upgrade of a database with data in it.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../main/db/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../main/db/open.ts';
import { AppError } from '../../main/errors.ts';
import { listAudit } from '../../main/services/audit.ts';
import { getCampaign } from '../../main/services/campaigns.ts';
import { getFormRecord } from '../../main/services/forms.ts';
import { importHistory } from '../../main/services/imports.ts';
import { getPlan } from '../../main/services/plans.ts';
import { listVersions, restoreVersion } from '../../main/services/report-history.ts';
import { getSummary } from '../../main/services/summary.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { databaseAtMigration, tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';

const SCHEMA = [
  'campaigns', 'files', 'forms', 'imports', 'plan_execution_entries', 'plan_item_schools', 'plan_items', 'plan_sections', 'plans',
  'report_list_rows', 'report_plan_rows', 'report_texts', 'report_values', 'reports', 'schema_migrations', 'schema_migrations_lock', 'school_choices', 'schools', 'settings',
  'value_audit',
];
const MIGRATIONS = ['0001_init', '0002_plans', '0003_forms', '0004_history', '0005_one_accepted_import', '0006_school_choices', '0007_overview', '0008_built_in_zabota_v2'];

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

  it('commits a migration with its record: when the record cannot be written, nothing of the migration stays and the file opens again', async () => {
    const first = await open();
    first.raw.prepare("INSERT INTO settings (key, value) VALUES ('districtRu', 'до')").run();
    await closeAll();

    // The migration's SQL succeeds; the step after it, writing its record, fails — as a crash between the two would leave it.
    const body = ['CREATE TABLE half (id INTEGER PRIMARY KEY);', "INSERT INTO half (id) VALUES (1);", "UPDATE settings SET value = 'после';"];
    const refuseRecord = "CREATE TRIGGER refuse_record BEFORE INSERT ON schema_migrations BEGIN SELECT RAISE(ABORT, 'record refused'); END;";
    const dir = migrationsWith({ '0090_half.sql': [...body, refuseRecord].join('\n') });
    await expect(openDatabase(file, { migrationsDir: dir })).rejects.toThrow(/record refused/);

    const after = await open();
    expect(tables(after.raw)).toEqual(SCHEMA);
    expect(after.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all()).toEqual([]);
    expect(executed(after.raw)).toEqual(MIGRATIONS);
    expect(after.raw.prepare('SELECT value FROM settings').pluck().all()).toEqual(['до']);
    await closeAll();

    // The same migration, its record now writable, runs once as a whole.
    writeFileSync(path.join(dir, '0090_half.sql'), body.join('\n'));
    const fixed = await open({ migrationsDir: dir });
    expect(executed(fixed.raw)).toEqual([...MIGRATIONS, '0090_half']);
    expect(fixed.raw.prepare('SELECT id FROM half').pluck().all()).toEqual([1]);
    expect(fixed.raw.prepare('SELECT value FROM settings').pluck().all()).toEqual(['после']);
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

/** A school, a «Забота» campaign and a kept file, as any earlier release stored them. */
function district(raw: BetterSqlite3.Database): { bins: string[] } {
  const bins = [schoolFields(1).bin, schoolFields(2).bin];
  const school = raw.prepare('INSERT INTO schools (id, bin, short_name) VALUES (?, ?, ?)');
  bins.forEach((bin, i) => school.run(i + 1, bin, `Школа №${i + 1}`));
  raw
    .prepare("INSERT INTO campaigns (id, kind, year, form_id, form_version, starts_on, ends_on, school_due_on, region_due_on, hashtag) VALUES ('zabota-2026', 'zabota', 2026, 'zabota', 1, '2026-01-10', '2026-02-10', '2026-02-12', '2026-02-15', '#Забота2026')")
    .run();
  const file = raw.prepare('INSERT INTO files (id, sha256, size, bytes) VALUES (?, ?, 2, ?)');
  for (const id of [1, 2, 3]) file.run(id, `sha-${id}`, Buffer.from([id, id]));
  return { bins };
}

const insertImport = (raw: BetterSqlite3.Database) =>
  raw.prepare("INSERT INTO imports (id, campaign_id, file_id, file_name, status, school_id, school_bin, issues_json, imported_at) VALUES (?, 'zabota-2026', ?, ?, ?, ?, ?, ?, ?)");
const insertReport = (raw: BetterSqlite3.Database) =>
  raw.prepare("INSERT INTO reports (id, campaign_id, school_id, import_id, form_id, form_version, received_at, is_current) VALUES (?, 'zabota-2026', ?, ?, 'zabota', 1, ?, ?)");
const insertValue = (raw: BetterSqlite3.Database) => raw.prepare('INSERT INTO report_values (report_id, code, amount) VALUES (?, ?, ?)');

describe('migration 0004: history', () => {
  it('upgrades imports and reports as files sent (not returned, no user known), with an empty audit that a restore then writes', async () => {
    const old = await databaseAtMigration(file, 3);
    opened.push(old);
    const { raw } = old;
    const { bins } = district(raw);
    raw.prepare("INSERT INTO forms (id, version, definition, based_on) VALUES ('zabota', 2, ?, 1)").run(JSON.stringify({ ...zabotaV1, version: 2 }));
    const problem = JSON.stringify([{ severity: 'error', message: { key: 'import.required', params: {} }, code: 'Z01' }]);
    insertImport(raw).run(1, 1, 'first.xlsx', 'accepted', 1, bins[0], '[]', '2026-02-01T10:00:00.000Z');
    insertImport(raw).run(2, 2, 'school2.xlsx', 'rejected', 2, bins[1], problem, '2026-02-02T10:00:00.000Z');
    insertImport(raw).run(3, 3, 'corrected.xlsx', 'accepted', 1, bins[0], '[]', '2026-02-03T10:00:00.000Z');
    insertReport(raw).run(1, 1, 1, '2026-02-01T10:00:00.000Z', 0);
    insertReport(raw).run(2, 1, 3, '2026-02-03T10:00:00.000Z', 1);
    for (const [report, code, amount] of [[1, 'Z01', 500], [1, 'Z30', 15000050], [2, 'Z01', 510], [2, 'Z30', 15000050]] as const) insertValue(raw).run(report, code, amount);
    raw.prepare("INSERT INTO report_texts (report_id, code, value) VALUES (2, 'Z99', 'примечание')").run();
    await closeAll();

    const upgraded = await open();
    expect(executed(upgraded.raw)).toEqual(MIGRATIONS);
    expect(upgraded.raw.prepare('SELECT id, status, returned_at, source, os_user, issues_json FROM imports ORDER BY id').all()).toEqual([
      { id: 1, status: 'accepted', returned_at: null, source: 'file', os_user: '', issues_json: '[]' },
      { id: 2, status: 'rejected', returned_at: null, source: 'file', os_user: '', issues_json: problem },
      { id: 3, status: 'accepted', returned_at: null, source: 'file', os_user: '', issues_json: '[]' },
    ]);
    expect((await importHistory(upgraded.db, 'zabota-2026')).map((r) => [r.file, r.state, r.current, r.source, r.errors.length])).toEqual([
      ['corrected.xlsx', 'accepted', true, 'file', 0],
      ['school2.xlsx', 'rejected', false, 'file', 1],
      ['first.xlsx', 'accepted', false, 'file', 0],
    ]);
    expect((await getSummary(upgraded.db, 'zabota-2026')).totals).toMatchObject({ Z01: 510, Z30: 150000.5 });
    expect(await getFormRecord(upgraded.db, 'zabota', 2)).toMatchObject({ builtIn: false });
    expect(await listAudit(upgraded.db, 'zabota-2026')).toEqual([]);

    const versions = await listVersions(upgraded.db, 'zabota-2026', 1);
    expect(versions.map((v) => [v.file, v.current, v.source])).toEqual([['first.xlsx', false, 'file'], ['corrected.xlsx', true, 'file']]);
    expect(versions[1].changes).toEqual([{ code: 'Z01', before: '500', after: '510' }, { code: 'Z99', before: null, after: 'примечание' }]);
    await restoreVersion(upgraded.db, 'zabota-2026', 1);
    expect((await listAudit(upgraded.db, 'zabota-2026')).map((a) => [a.code, a.before, a.after, a.reason])).toEqual([
      ['Z99', 'примечание', null, 'restore'],
      ['Z01', '510', '500', 'restore'],
    ]);
  });
});

describe('migration 0005: one accepted import of a file', () => {
  it('turns the later of two accepted imports of one file (two imports at once, before 0005) into a duplicate, keeping both reports', async () => {
    const old = await databaseAtMigration(file, 4);
    opened.push(old);
    const { raw } = old;
    const { bins } = district(raw);
    insertImport(raw).run(1, 1, 'school1.xlsx', 'accepted', 1, bins[0], '[]', '2026-02-01T10:00:00.000Z');
    insertImport(raw).run(2, 1, 'school1 (copy).xlsx', 'accepted', 1, bins[0], '[]', '2026-02-01T10:00:00.100Z');
    insertImport(raw).run(3, 1, 'school1 again.xlsx', 'duplicate', 1, bins[0], '[]', '2026-02-02T10:00:00.000Z');
    insertImport(raw).run(4, 2, 'school2.xlsx', 'rejected', 2, bins[1], '[]', '2026-02-02T11:00:00.000Z');
    insertImport(raw).run(5, 3, 'school2-fixed.xlsx', 'accepted', 2, bins[1], '[]', '2026-02-03T10:00:00.000Z');
    insertReport(raw).run(1, 1, 1, '2026-02-01T10:00:00.000Z', 0);
    insertReport(raw).run(2, 1, 2, '2026-02-01T10:00:00.100Z', 1);
    insertReport(raw).run(3, 2, 5, '2026-02-03T10:00:00.000Z', 1);
    for (const report of [1, 2, 3]) insertValue(raw).run(report, 'Z01', 500 + report);
    raw
      .prepare("INSERT INTO value_audit (campaign_id, school_id, code, old_value, new_value, report_id, reason, os_user) VALUES ('zabota-2026', 1, 'Z01', '501', '502', 2, 'file', 'specialist')")
      .run();
    await closeAll();

    const upgraded = await open();
    expect(executed(upgraded.raw)).toEqual(MIGRATIONS);
    expect(upgraded.raw.prepare('SELECT status FROM imports ORDER BY id').pluck().all()).toEqual(['accepted', 'duplicate', 'duplicate', 'rejected', 'accepted']);
    expect(upgraded.raw.prepare('SELECT id, import_id, is_current FROM reports ORDER BY id').all()).toEqual([
      { id: 1, import_id: 1, is_current: 0 },
      { id: 2, import_id: 2, is_current: 1 },
      { id: 3, import_id: 5, is_current: 1 },
    ]);
    expect((await getSummary(upgraded.db, 'zabota-2026')).totals).toMatchObject({ Z01: 502 + 503 });
    expect((await listAudit(upgraded.db, 'zabota-2026')).map((a) => [a.before, a.after, a.user])).toEqual([['501', '502', 'specialist']]);
    expect(() => insertImport(upgraded.raw).run(6, 1, 'once more.xlsx', 'accepted', 1, bins[0], '[]', '2026-02-04T10:00:00.000Z')).toThrow(/UNIQUE constraint failed/);
    expect(upgraded.raw.pragma('foreign_key_check')).toEqual([]);
  });
});
