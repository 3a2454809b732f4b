// Files offered for a restore that were made to hurt: copies of a real Jinaq database given a trigger, a view, a
// missing table, a changed or extra column, an endless view in place of `schools`, a foreign table, index or virtual
// table. Each is refused through the restore the settings screen, browser mode and `jinaq restore` use, naming
// what is foreign or missing; the database open stays as it was and goes on working; no staged file is left.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiContext, dispatch } from '../../main/api.ts';
import { runCli } from '../../main/cli.ts';
import { openDatabase } from '../../main/db/open.ts';
import { forkCheckProcess, type StartCheckProcess } from '../../main/db/restore-check.ts';
import { DatabaseSession, type SessionOptions } from '../../main/db/session.ts';
import { browserPlatform } from '../../main/platform.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { createSchool, listSchools } from '../../main/services/schools.ts';
import { tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';

const ENDLESS_SQLITE = fileURLToPath(new URL('../helpers/endless-sqlite.ts', import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let folder: ReturnType<typeof tempDir>;
let file: string;
let crafted: string;
const sessions: DatabaseSession[] = [];

beforeEach(() => {
  folder = tempDir('jinaq-restore-hostile-');
  file = path.join(folder.dir, 'db', 'jinaq.sqlite');
  crafted = path.join(folder.dir, 'crafted');
});
afterEach(async () => {
  while (sessions.length > 0) await sessions.pop()!.close();
  folder.remove();
});

/** The district's database: two schools and a campaign. */
async function district(options: SessionOptions = {}): Promise<DatabaseSession> {
  const session = await DatabaseSession.open(file, options);
  sessions.push(session);
  await createSchool(session.db, schoolFields(1));
  await createSchool(session.db, schoolFields(2));
  await zabotaV1Campaign(session.db, 2027);
  return session;
}

/** A verified copy of the database, then changed by `sql` as another program could change it. */
async function craft(session: DatabaseSession, name: string, sql: string): Promise<string> {
  const target = path.join(crafted, `${name}.sqlite`);
  await session.backupTo(target);
  const db = new BetterSqlite3(target);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  db.close();
  return target;
}

/** The database folder holds the database (and SQLite's -wal) only: no staged copy, no backup folder. */
function expectNothingLeftBehind(): void {
  const folderOfDatabase = path.dirname(file);
  expect(readdirSync(folderOfDatabase).filter((name) => !name.endsWith('-wal'))).toEqual(['jinaq.sqlite']);
  expect(existsSync(path.join(folderOfDatabase, 'backups'))).toBe(false);
}

/** The database open is the district's own, untouched, and takes new data. */
async function expectUntouchedAndWorking(session: DatabaseSession, schools: number): Promise<void> {
  expect((await listSchools(session.db)).length).toBe(schools);
  await createSchool(session.db, schoolFields(schools + 1));
  expect((await listSchools(session.db)).length).toBe(schools + 1);
}

const hostile: Record<string, { sql: string; refused: object }> = {
  trigger: {
    sql: 'CREATE TRIGGER audit_wipe AFTER INSERT ON value_audit BEGIN DELETE FROM value_audit; END;',
    refused: { key: 'backup.schemaDiffers', params: { difference: 'extraTrigger', name: 'audit_wipe' } },
  },
  view: {
    sql: 'CREATE VIEW every_school AS SELECT * FROM schools;',
    refused: { key: 'backup.schemaDiffers', params: { difference: 'extraView', name: 'every_school' } },
  },
  droppedTable: {
    // reports goes with its two indexes (import_id UNIQUE, one_current_report).
    sql: 'DROP TABLE reports;',
    refused: { key: 'backup.schemaDiffersMany', params: { difference: 'missingTable', name: 'reports', count: 3 } },
  },
  alteredColumn: {
    // settings.value rebuilt without its NOT NULL.
    sql: `CREATE TABLE settings_new (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
          INSERT INTO settings_new SELECT * FROM settings; DROP TABLE settings; ALTER TABLE settings_new RENAME TO settings;`,
    refused: { key: 'backup.schemaDiffers', params: { difference: 'columnDiffers', table: 'settings', name: 'value' } },
  },
  extraColumn: {
    sql: "ALTER TABLE imports ADD COLUMN forwarded_to TEXT NOT NULL DEFAULT '';",
    refused: { key: 'backup.schemaDiffers', params: { difference: 'extraColumn', table: 'imports', name: 'forwarded_to' } },
  },
  changedConstraint: {
    // forms as migration 0003 makes it, but for the CHECK on its version: the columns alone would not tell.
    sql: `DROP TABLE forms;
          CREATE TABLE forms (id TEXT NOT NULL, version INTEGER NOT NULL, definition TEXT NOT NULL, based_on INTEGER,
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), PRIMARY KEY (id, version)) WITHOUT ROWID;`,
    refused: { key: 'backup.schemaDiffers', params: { difference: 'tableDiffers', name: 'forms' } },
  },
  endlessSchools: {
    // Counting the schools of this file for the user never ends.
    sql: `DROP TABLE schools;
          CREATE VIEW schools AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
            SELECT i AS id, '' AS bin, '' AS name_ru, '' AS name_kk, '' AS short_name FROM n;`,
    refused: { key: 'backup.schemaDiffersMany', params: { difference: 'extraView', name: 'schools' } },
  },
  extraTable: {
    sql: 'CREATE TABLE forwarded (id INTEGER PRIMARY KEY, payload TEXT);',
    refused: { key: 'backup.schemaDiffers', params: { difference: 'extraTable', name: 'forwarded' } },
  },
  extraIndex: {
    sql: 'CREATE INDEX schools_by_locality ON schools (locality);',
    refused: { key: 'backup.schemaDiffers', params: { difference: 'extraIndex', name: 'schools_by_locality' } },
  },
  virtualTable: {
    sql: 'CREATE VIRTUAL TABLE search USING fts5(text);',
    refused: { key: 'backup.schemaDiffersMany', params: { difference: 'extraTable', name: 'search' } },
  },
};

describe('a restore cannot hurt', () => {
  it.each(Object.entries(hostile))('refuses a copy given %s, naming it, through the settings screen\'s upload and a file alike', async (kind, { sql, refused }) => {
    // A bound shorter than the default: the endless view must be refused long before it, by the schema.
    const session = await district({ restoreCheckMs: 15_000 });
    const candidate = await craft(session, kind, sql);
    await expect(session.restoreFile(candidate)).rejects.toMatchObject({ code: 'invalid_input', ...refused });
    expectNothingLeftBehind();
    const ctx = createApiContext(session, browserPlatform);
    const uploaded = await dispatch(ctx, 'backups.restoreFile', { file: { name: `${kind}.sqlite`, base64: readFileSync(candidate).toString('base64') } });
    expect(uploaded).toMatchObject({ ok: false, error: { code: 'invalid_input', message: refused } });
    expectNothingLeftBehind();
    await expectUntouchedAndWorking(session, 2);
  });

  it('still restores the database\'s own file, unchanged and left in WAL mode', async () => {
    const session = await district();
    await session.close();
    sessions.pop();
    const own = path.join(folder.dir, 'own.sqlite');
    copyFileSync(file, own);
    const reopened = await DatabaseSession.open(file);
    sessions.push(reopened);
    await createSchool(reopened.db, schoolFields(3));
    await expect(reopened.restoreFile(own)).resolves.toMatchObject({ schools: 2, campaigns: 1 });
    expect((await listSchools(reopened.db)).length).toBe(2);
  });

  it('names every difference\'s kind in each language, and `jinaq restore` says it and changes nothing', async () => {
    const session = await district();
    const candidate = await craft(session, 'trigger', hostile.trigger.sql);
    await session.close();
    sessions.pop();
    const expected = {
      ru: 'Файл trigger.sqlite не восстановлен: он устроен не так, как база Jinaq, — лишний триггер audit_wipe.',
      kk: 'trigger.sqlite файлы қалпына келтірілмеді: оның құрылымы Jinaq дерекқорынікіндей емес — артық audit_wipe триггері бар.',
      en: 'The file trigger.sqlite was not restored: its structure is not the one Jinaq builds — an extra trigger audit_wipe.',
    };
    for (const [lang, text] of Object.entries(expected)) {
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(await runCli(['restore', candidate, '--db', file, '--lang', lang], io)).not.toBe(0);
      expect(lines.join('\n')).toContain(text);
    }
    const reopened = await DatabaseSession.open(file);
    sessions.push(reopened);
    expectNothingLeftBehind();
    await expectUntouchedAndWorking(reopened, 2);
  });

  it('refuses a copy whose check is stuck inside SQLite past its bound, kills that process, and the app goes on', async () => {
    let pid: number | undefined;
    // The real check's process, but running a query that never returns: a thread could not be stopped from it.
    const stuck: StartCheckProcess = () => {
      const check = forkCheckProcess(ENDLESS_SQLITE);
      pid = check.pid;
      return check;
    };
    const session = await district({ restoreCheckMs: 3_000, startCheckProcess: stuck });
    const candidate = path.join(crafted, 'copy.sqlite');
    await session.backupTo(candidate);
    await expect(session.restoreFile(candidate)).rejects.toMatchObject({ code: 'invalid_input', key: 'backup.checkTimedOut', params: { file: 'copy.sqlite', seconds: 3 } });
    await expect.poll(() => isRunning(pid!)).toBe(false);
    expectNothingLeftBehind();
    await expectUntouchedAndWorking(session, 2);
  });

  it('opens every database with trusted_schema off and in SQLite\'s defensive mode', async () => {
    const opened = await openDatabase(':memory:');
    try {
      expect(opened.raw.pragma('trusted_schema', { simple: true })).toBe(0);
      opened.raw.pragma('writable_schema = ON');
      expect(() => opened.raw.exec("UPDATE sqlite_schema SET sql = 'CREATE TABLE settings (x)' WHERE name = 'settings'")).toThrow(/may not be modified/);
    } finally {
      await opened.close();
    }
  });
});
