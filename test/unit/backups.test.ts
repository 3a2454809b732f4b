// Backups on real SQLite files: the daily and pre-update copies, the user's copy, restore (from the folder, a file,
// an upload, the CLI), and every way a file offered for a restore can be wrong.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/index.ts';
import type { BackupList, RestoreResult } from '../../shared/backups.ts';
import type { SaveOutcome } from '../../shared/domain.ts';
import { createApiContext, dispatch } from '../../main/api.ts';
import { runCli } from '../../main/cli.ts';
import { backupFileName, BACKUPS_KEPT, listBackups } from '../../main/db/backup.ts';
import { defaultMigrationsDir, migrationNames } from '../../main/db/migrate.ts';
import { openDatabase } from '../../main/db/open.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { browserPlatform } from '../../main/platform.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { createSchool, listSchools } from '../../main/services/schools.ts';
import { callApi, databaseAtMigration, tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

let folder: ReturnType<typeof tempDir>;
let file: string;
let backups: string;
const sessions: DatabaseSession[] = [];

beforeEach(() => {
  folder = tempDir('jinaq-backups-');
  file = path.join(folder.dir, 'jinaq.sqlite');
  backups = path.join(folder.dir, 'backups');
});
afterEach(async () => {
  while (sessions.length > 0) await sessions.pop()!.close();
  folder.remove();
});

/** A clock that starts on 22 November 2026 at 09:00 local time and can be moved on. */
function clock(start = new Date(2026, 10, 22, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(days: number, hours = 0) {
      now = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, now.getHours() + hours, now.getMinutes(), now.getSeconds());
    },
  };
}

async function open(options: Parameters<typeof DatabaseSession.open>[1] = {}): Promise<DatabaseSession> {
  const session = await DatabaseSession.open(file, options);
  sessions.push(session);
  return session;
}

async function closeAll(): Promise<void> {
  while (sessions.length > 0) await sessions.pop()!.close();
}

function readOnly<T>(target: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const schoolNames = (target: string) => readOnly(target, (db) => db.prepare('SELECT short_name FROM schools ORDER BY id').pluck().all());
const integrity = (target: string) => readOnly(target, (db) => db.pragma('integrity_check', { simple: true }));
const journalMode = (target: string) => readOnly(target, (db) => db.pragma('journal_mode', { simple: true }));

/** A database made with only the first `count` migrations, as an older Jinaq left it. */
async function olderDatabase(target: string, count: number): Promise<void> {
  const old = await databaseAtMigration(target, count);
  old.raw.prepare("INSERT INTO schools (bin, short_name, name_ru) VALUES ('000000000000', 'Школа из старой версии', '')").run();
  await old.close();
}

describe('automatic copies', () => {
  it('copies the database at the first start of each day, verified, one self-contained file, and keeps the last 14', async () => {
    const time = clock();
    const session = await open({ dailyBackup: true, now: time.now });
    await createSchool(session.db, schoolFields(1));
    expect(listBackups(backups).map((b) => b.name)).toEqual(['jinaq-daily-2026-11-22.sqlite']);
    await closeAll();

    // A second start the same day finds that day's copy; the next day makes its own, with the school added since.
    time.advance(0, 5);
    await closeAll();
    await open({ dailyBackup: true, now: time.now });
    expect(listBackups(backups)).toHaveLength(1);
    await closeAll();
    time.advance(1);
    await open({ dailyBackup: true, now: time.now });
    await closeAll();
    const copy = path.join(backups, 'jinaq-daily-2026-11-23.sqlite');
    expect(schoolNames(copy)).toEqual([schoolFields(1).shortName]);
    expect(integrity(copy)).toBe('ok');
    expect(journalMode(copy)).toBe('delete');
    expect(readdirSync(backups).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);

    for (let day = 0; day < 20; day++) {
      time.advance(1);
      await open({ dailyBackup: true, now: time.now });
      await closeAll();
    }
    const daily = listBackups(backups).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(BACKUPS_KEPT.daily);
    expect(daily[0].name).toBe(backupFileName('daily', time.now()));
    expect(daily[0]).toMatchObject({ createdAt: '2026-12-13', bytes: expect.any(Number) });
  });

  it('makes no daily copy unless asked (the CLI and tests), and none of a database in memory', async () => {
    await open();
    expect(existsSync(backups)).toBe(false);
    const memory = await openDatabase(':memory:', { dailyBackup: true, backupDir: backups });
    await memory.close();
    expect(existsSync(backups)).toBe(false);
  });

  it('opens the database even when the daily copy cannot be made, and says why; refuses to migrate without a copy', async () => {
    writeFileSync(backups, 'a file where the backup folder should be');
    const session = await open({ dailyBackup: true });
    expect(session.list().problem).toMatchObject({ key: 'backup.failed', params: { file: expect.stringContaining(backups) } });
    await createSchool(session.db, schoolFields(1));
    await closeAll();

    const older = path.join(folder.dir, 'older.sqlite');
    await olderDatabase(older, 2);
    await expect(DatabaseSession.open(older, { backupDir: backups })).rejects.toMatchObject({ key: 'backup.failed' });
    expect(readOnly(older, (db) => db.prepare('SELECT count(*) FROM schema_migrations').pluck().get())).toBe(2);
  });

  it('copies a database before migrating it, as it was, and keeps the last 4 such copies', async () => {
    const time = clock();
    const all = migrationNames(defaultMigrationsDir());
    await olderDatabase(file, all.length - 1);
    const session = await open({ now: time.now });
    const [copy] = listBackups(backups);
    expect(copy).toMatchObject({ kind: 'beforeUpdate', name: 'jinaq-before-update-2026-11-22-090000.sqlite', createdAt: '2026-11-22T09:00:00' });
    expect(readOnly(path.join(backups, copy.name), (db) => db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all())).toEqual(all.slice(0, -1));
    expect((await listSchools(session.db)).map((s) => s.shortName)).toEqual(['Школа из старой версии']);
    await closeAll();

    // Reopening a database that is up to date copies nothing; a brand-new database has nothing to copy.
    await open({ now: time.now });
    await closeAll();
    expect(listBackups(backups)).toHaveLength(1);

    for (let n = 0; n < 6; n++) {
      time.advance(0, 1);
      await olderDatabase(path.join(folder.dir, `old-${n}.sqlite`), 2);
      const older = await DatabaseSession.open(path.join(folder.dir, `old-${n}.sqlite`), { backupDir: backups, now: time.now });
      await older.close();
    }
    expect(listBackups(backups).filter((b) => b.kind === 'beforeUpdate')).toHaveLength(BACKUPS_KEPT.beforeUpdate);
  });
});

describe('restore', () => {
  it('puts a copy from the backup folder back, keeping the database as it was first, and the app goes on with the restored one', async () => {
    const time = clock();
    const session = await open({ dailyBackup: true, now: time.now });
    await createSchool(session.db, schoolFields(1));
    await closeAll();
    time.advance(1);
    const today = await open({ dailyBackup: true, now: time.now });
    await createSchool(today.db, schoolFields(2));

    const restored = await today.restoreBackup('jinaq-daily-2026-11-23.sqlite');
    expect(restored).toMatchObject({ schools: 1, campaigns: 0, reports: 0, lastImportAt: null, keptAs: 'jinaq-before-restore-2026-11-23-090000.sqlite' });
    expect((await listSchools(today.db)).map((s) => s.shortName)).toEqual([schoolFields(1).shortName]);
    expect(schoolNames(path.join(backups, restored.keptAs))).toEqual([schoolFields(1).shortName, schoolFields(2).shortName]);
    // The restored database works: it takes new data, and the copy it came from is untouched.
    await createSchool(today.db, schoolFields(3));
    expect(schoolNames(path.join(backups, 'jinaq-daily-2026-11-23.sqlite'))).toEqual([schoolFields(1).shortName]);
    expect(existsSync(`${file}.restoring`)).toBe(false);
  });

  it('refuses a name that is not one of the copies in the folder', async () => {
    const session = await open({ dailyBackup: true });
    for (const name of ['jinaq-daily-2020-01-01.sqlite', '../jinaq.sqlite', 'jinaq.sqlite']) {
      await expect(session.restoreBackup(name)).rejects.toMatchObject({ code: 'not_found', key: 'backup.unknown' });
    }
  });

  it('restores an older version\'s database and migrates it, with a copy of it first', async () => {
    const session = await open();
    await createSchool(session.db, schoolFields(1));
    const older = path.join(folder.dir, 'from-last-year.sqlite');
    await olderDatabase(older, 2);
    const restored = await session.restoreFile(older);
    expect(restored.schools).toBe(1);
    expect((await listSchools(session.db)).map((s) => s.shortName)).toEqual(['Школа из старой версии']);
    expect(listBackups(backups).map((b) => b.kind).sort()).toEqual(['beforeRestore', 'beforeUpdate']);
  });

  it('refuses, with its own message and without touching the database, a file that is not a whole Jinaq database', async () => {
    const session = await open();
    await createSchool(session.db, schoolFields(1));
    const candidates: Record<string, string> = {};

    candidates.text = path.join(folder.dir, 'notes.sqlite');
    writeFileSync(candidates.text, 'это не база данных');
    candidates.otherSqlite = path.join(folder.dir, 'other.sqlite');
    const other = new BetterSqlite3(candidates.otherSqlite);
    other.exec('CREATE TABLE t (x)');
    other.close();
    candidates.newer = path.join(folder.dir, 'newer.sqlite');
    await session.backupTo(candidates.newer);
    const newer = new BetterSqlite3(candidates.newer);
    newer.prepare("INSERT INTO schema_migrations (name, timestamp) VALUES ('0099_future', '2030-01-01')").run();
    newer.close();
    candidates.damaged = path.join(folder.dir, 'damaged.sqlite');
    await session.backupTo(candidates.damaged);
    const bytes = readFileSync(candidates.damaged);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x55, pageSize * 3 + 8, pageSize * 3 + 64); // scribble over the cells of a table page
    writeFileSync(candidates.damaged, bytes);

    const expected: Record<string, object> = {
      text: { key: 'backup.notJinaq', params: { file: 'notes.sqlite' } },
      otherSqlite: { key: 'backup.notJinaq' },
      newer: { code: 'conflict', key: 'db.newerVersion', params: { migration: '0099_future' } },
      damaged: { key: 'backup.damaged' },
    };
    for (const [kind, candidate] of Object.entries(candidates)) {
      await expect(session.restoreFile(candidate), kind).rejects.toMatchObject(expected[kind]);
    }
    await expect(session.restoreFile(path.join(folder.dir, 'missing.sqlite'))).rejects.toMatchObject({ key: 'backup.cannotRead' });
    expect((await listSchools(session.db)).map((s) => s.shortName)).toEqual([schoolFields(1).shortName]);
    expect(listBackups(backups)).toEqual([]);
    expect(existsSync(`${file}.restoring`)).toBe(false);
  });
});

describe('backups through the API and the CLI', () => {
  it('lists the folder, gives a verified copy to download, and restores an uploaded copy', async () => {
    const session = await open({ dailyBackup: true });
    const ctx = createApiContext(session, browserPlatform);
    await createSchool(session.db, schoolFields(1));
    const list = await callApi<BackupList>(ctx, 'backups.list');
    expect(list).toMatchObject({ databaseFile: file, folder: backups, backups: [{ kind: 'daily' }] });

    const saved = await callApi<SaveOutcome>(ctx, 'backups.create');
    if (saved.kind !== 'download') throw new Error('expected a download');
    expect(saved.file.name).toMatch(/^jinaq-backup-\d{4}-\d{2}-\d{2}-\d{6}\.sqlite$/);
    const copy = path.join(folder.dir, saved.file.name);
    writeFileSync(copy, Buffer.from(saved.file.base64, 'base64'));
    expect(integrity(copy)).toBe('ok');
    expect(schoolNames(copy)).toEqual([schoolFields(1).shortName]);

    await createSchool(session.db, schoolFields(2));
    const restored = await callApi<RestoreResult>(ctx, 'backups.restoreFile', { file: { name: saved.file.name, base64: saved.file.base64 } });
    expect(restored.schools).toBe(1);
    expect((await callApi<unknown[]>(ctx, 'schools.list')).length).toBe(1);

    const refused = await dispatch(ctx, 'backups.restoreFile', { file: { name: 'photo.jpg', base64: Buffer.from('JFIF').toString('base64') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: { key: 'backup.notJinaq', params: { file: 'photo.jpg' } } } });
  });

  it('a restore waits for an import under way, and a call made during the restore sees the restored database', async () => {
    const session = await open();
    const ctx = createApiContext(session, browserPlatform);
    for (let n = 1; n <= 3; n++) await createSchool(session.db, schoolFields(n));
    await zabotaV1Campaign(session.db, 2027);
    const copy = path.join(folder.dir, 'before-reports.sqlite');
    await session.backupTo(copy);
    const { files } = await buildTemplates(session.db, 'zabota-2027');
    const filled = await Promise.all(files.map(async (f, i) => ({ name: f.name, base64: (await fillTemplate(f.bytes, validZabota(i + 1))).toString('base64') })));

    const importing = dispatch(ctx, 'reports.import', { campaignId: 'zabota-2027', files: filled });
    const restoring = dispatch(ctx, 'backups.restoreFile', { file: { name: 'before-reports.sqlite', base64: readFileSync(copy).toString('base64') } });
    const summaryDuringRestore = dispatch(ctx, 'summary.get', { campaignId: 'zabota-2027' });

    // The import was not cut off by the restore: it finished in the database that was open, now kept.
    expect(await importing).toMatchObject({ ok: true, value: [{ status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }] });
    const restored = (await restoring) as ApiResult<RestoreResult>;
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    expect(restored.value.reports).toBe(0);
    expect(readOnly(path.join(backups, restored.value.keptAs), (db) => db.prepare('SELECT count(*) FROM reports').pluck().get())).toBe(3);
    expect(await summaryDuringRestore).toMatchObject({ ok: true, value: { expected: 3, reported: 0 } });
  });

  it('`jinaq backup --out` writes a verified copy and `jinaq restore` puts it back', async () => {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const first = await open();
    await createSchool(first.db, schoolFields(1));
    await closeAll();
    const copy = path.join(folder.dir, 'stick', 'jinaq-copy.sqlite');
    expect(await runCli(['backup', '--out', copy, '--db', file, '--lang', 'ru'], io)).toBe(0);
    expect(integrity(copy)).toBe('ok');

    const later = await open();
    await createSchool(later.db, schoolFields(2));
    await closeAll();
    expect(await runCli(['restore', copy, '--db', file, '--lang', 'ru'], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/^База восстановлена из .*jinaq-copy\.sqlite: школ 1, кампаний 0, отчётов 0\. Прежняя база сохранена в папке копий как jinaq-before-restore-/);
    expect(schoolNames(file)).toEqual([schoolFields(1).shortName]);
    expect(await runCli(['restore', '--db', file], io)).toBe(2);
  });
});
