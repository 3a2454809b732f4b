// Upgrades: a district's database made by the previous release (test/fixtures/jinaq-0.1.0.sqlite, written by
// scripts/make-upgrade-fixture.ts running that release's own code) opens in this one, is migrated with a copy
// kept first when there is anything to migrate, and shows what the previous release showed; new work goes on in it.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../main/db/backup.ts';
import { defaultMigrationsDir, migrationNames } from '../../main/db/migrate.ts';
import { openDatabase } from '../../main/db/open.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { readIdentity } from '../../main/excel/intake/identity-reader.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { getPlanExecution } from '../../main/services/execution.ts';
import { createCampaign, getCampaign } from '../../main/services/campaigns.ts';
import { getForm, getFormRecord, listForms } from '../../main/services/forms.ts';
import { importHistory, importReports } from '../../main/services/imports.ts';
import { listSchools } from '../../main/services/schools.ts';
import { getSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import { tempDir } from '../helpers/db.ts';
import { fillTemplate, readableWorkbook, readWorkbook, validZabota, validZabotaV2 } from '../helpers/workbooks.ts';
import { gridTables } from '../../shared/forms/types.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';

const FIXTURE = path.resolve('test/fixtures/jinaq-0.1.0.sqlite');
interface Expected {
  release: string;
  migrations: string[];
  counts: Record<string, number>;
  settings: Record<string, string>;
  campaigns: Record<string, { totals: Record<string, number>; history: { file: string; state: string }[]; execution: object[] }>;
  forms: string[];
}
const expected = JSON.parse(readFileSync(path.resolve('test/fixtures/jinaq-0.1.0.expected.json'), 'utf8')) as Expected;

let folder: ReturnType<typeof tempDir>;
let file: string;
let session: DatabaseSession;

beforeEach(async () => {
  folder = tempDir('jinaq-upgrade-');
  file = path.join(folder.dir, 'jinaq.sqlite');
  copyFileSync(FIXTURE, file);
  session = await DatabaseSession.open(file);
});
afterEach(async () => {
  await session.close();
  folder.remove();
});

describe(`a database from release ${expected.release}`, () => {
  it('is migrated to this release, with a copy of it as it was kept first when anything was to migrate', async () => {
    const all = migrationNames(defaultMigrationsDir());
    expect(session.raw.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(all);
    expect(session.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(session.raw.pragma('foreign_key_check')).toEqual([]);
    // The migrations' own tables, made by the previous release's runner, are those a fresh database gets.
    const fresh = await openDatabase(path.join(folder.dir, 'fresh.sqlite'));
    const migrationTables = (raw: BetterSqlite3.Database) => raw.prepare("SELECT name, sql FROM sqlite_master WHERE name LIKE 'schema_migrations%' ORDER BY name").all();
    expect(migrationTables(session.raw)).toEqual(migrationTables(fresh.raw));
    expect(session.raw.prepare('SELECT * FROM schema_migrations_lock').all()).toEqual(fresh.raw.prepare('SELECT * FROM schema_migrations_lock').all());
    await fresh.close();
    const copies = listBackups(session.list().folder).filter((backup) => backup.kind === 'beforeUpdate');
    const pending = all.filter((name) => !expected.migrations.includes(name));
    expect(copies).toHaveLength(pending.length > 0 ? 1 : 0);
    if (copies.length > 0) {
      const copy = new BetterSqlite3(path.join(session.list().folder, copies[0].name), { readonly: true });
      expect(copy.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(expected.migrations);
      copy.close();
    }
  });

  it('keeps every row and shows what the previous release showed: settings, totals, history, plan execution, forms', async () => {
    for (const [table, count] of Object.entries(expected.counts)) {
      if (table.startsWith('schema_migrations')) continue;
      // The district's own «Забота» v2 took the number of the built-in grid version, which came in beside it (below).
      const added = table === 'forms' ? 1 : 0;
      expect(session.raw.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(count + added);
    }
    expect(await getSettings(session.db)).toMatchObject(expected.settings);
    for (const [campaignId, before] of Object.entries(expected.campaigns)) {
      expect((await getSummary(session.db, campaignId)).totals, campaignId).toEqual(before.totals);
      expect((await importHistory(session.db, campaignId)).map((record) => ({ file: record.file, state: record.state })), campaignId).toEqual(before.history);
      const execution = await getPlanExecution(session.db, campaignId, '2026-12-31');
      expect(execution.items.map(({ itemId, assigned, done, events, participants }) => ({ itemId, assigned, done, events, participants }))).toEqual(before.execution);
    }
    expect((await listForms(session.db)).map((record) => `${record.form.id} v${record.form.version}`)).toEqual(['nik v1', 'zabota v3', ...expected.forms.slice(1)]);
  });

  it('keeps the district\'s own «Забота» v2 under its number and gives new campaigns the built-in grid version as v3', async () => {
    const own = await getForm(session.db, 'zabota', 2);
    expect(own.title.ru).toBe('Забота (район)');
    expect(gridTables(own)).toEqual([]);
    const placed = await getFormRecord(session.db, 'zabota', 3);
    expect(placed.form).toEqual({ ...zabotaV2, version: 3 });
    expect(placed).toMatchObject({ basedOn: null, usedBy: [] });
    expect((await getCampaign(session.db, 'zabota-2026')).formVersion).toBe(1);

    const campaign = await createCampaign(session.db, 'zabota', 2027);
    expect(campaign.formVersion).toBe(3);
    const [template] = (await buildTemplates(session.db, campaign.id)).files;
    const [outcome] = await importReports(session.db, campaign.id, [{ name: 'grid.xlsx', bytes: await fillTemplate(template.bytes, validZabotaV2()) }]);
    expect(outcome).toMatchObject({ status: 'accepted', errors: [] });
    expect((await getSummary(session.db, campaign.id)).totals['H03.8']).toBe(30000.25);
  });

  it('goes on with new work: a school answers the return, the summary is exported', async () => {
    const [, , , school4] = await listSchools(session.db);
    const { files } = await buildTemplates(session.db, 'zabota-2026');
    const schoolOf = async (file: { bytes: Uint8Array }) => readIdentity(await readableWorkbook(file.bytes))?.schoolBin;
    const bins = await Promise.all(files.map(schoolOf));
    const template = files[bins.indexOf(school4.bin)];
    if (!template) throw new Error(`no template for ${school4.bin}`);
    const [outcome] = await importReports(session.db, 'zabota-2026', [{ name: 'school4-corrected.xlsx', bytes: await fillTemplate(template.bytes, validZabota(4)) }]);
    expect(outcome).toMatchObject({ status: 'accepted', superseded: true });
    const history = await importHistory(session.db, 'zabota-2026');
    expect(history.find((record) => record.file === 'school4.xlsx')?.state).toBe('accepted');
    const workbook = await readWorkbook((await buildSummaryWorkbook(session.db, 'zabota-2026')).files[0].bytes);
    expect(workbook.worksheets.length).toBeGreaterThan(2);
  });
});
