// Makes the upgrade fixture: a district's database as a previous release of Jinaq left it, with what that release
// showed about it, for test/unit/upgrade.test.ts. Run it with the PREVIOUS release's code checked out beside:
//
//   git worktree add /tmp/jinaq-prev v0.1.0 && ln -s "$PWD/node_modules" /tmp/jinaq-prev/node_modules
//   node scripts/make-upgrade-fixture.ts /tmp/jinaq-prev test/fixtures/jinaq-0.1.0
//
// It writes NAME.sqlite (one self-contained file) and NAME.expected.json. Every module is loaded from the old
// tree, so the file is exactly what that release wrote.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Module = Record<string, any>;

const [oldTree, outBase] = process.argv.slice(2);
if (!oldTree || !outBase) {
  console.error('usage: node scripts/make-upgrade-fixture.ts OLD_TREE OUT_BASE');
  process.exit(2);
}
const load = (relative: string): Promise<Module> => import(pathToFileURL(path.resolve(oldTree, relative)).href);

const [open, schools, settings, campaigns, exportsModule, imports, history, manual, plans, execution, forms, summary, workbooks, testSchools, version] =
  await Promise.all([
    load('main/db/open.ts'), load('main/services/schools.ts'), load('main/services/settings.ts'), load('main/services/campaigns.ts'),
    load('main/services/exports.ts'), load('main/services/imports.ts'), load('main/services/report-history.ts'),
    load('main/services/manual-entry.ts'), load('main/services/plans.ts'), load('main/services/execution.ts'),
    load('main/services/forms.ts'), load('main/services/summary.ts'), load('test/helpers/workbooks.ts'), load('test/helpers/schools.ts'),
    load('main/version.ts'),
  ]);
const [listPart, formTypes, nikForm] = await Promise.all([load('main/excel/list-part.ts'), load('shared/forms/types.ts'), load('shared/forms/nik.v1.ts')]);

const file = `${outBase}.sqlite`;
for (const leftover of [file, `${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
const database = await open.openDatabase(file);
const db = database.db;

await settings.updateSettings(db, {
  districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы', regionRu: 'Карагандинская область', regionKk: 'Қарағанды облысы',
  regionCode: '09', departmentRu: 'ГУ «Отдел образования города Шахтинска»', departmentKk: '«Шахтинск қаласының білім бөлімі» ММ',
  headName: 'Ахметова А. Б.',
});
const registry: { id: number; bin: string }[] = [];
for (let n = 1; n <= 6; n++) registry.push(await schools.createSchool(db, testSchools.schoolFields(n)));
await schools.setSchoolActive(db, registry[5].id, false);

const named = (files: { name: string; bytes: Uint8Array }[]) => (bin: string) => files.find((f) => f.name.includes(bin)) ?? files[registry.findIndex((s) => s.bin === bin)];

// «Забота» 2026: accepted, corrected (the first superseded), rejected, returned, and one typed in by hand.
const zabota = await campaigns.createCampaign(db, 'zabota', 2026);
const zabotaFiles = (await exportsModule.buildTemplates(db, zabota.id)).files;
const zabotaOf = named(zabotaFiles);
const fill = (bin: string, values: Record<string, unknown>) => workbooks.fillTemplate(zabotaOf(bin).bytes, values);
const [s1, s2, s3, s4, s5] = registry;
await imports.importReports(db, zabota.id, [
  { name: 'school1.xlsx', bytes: await fill(s1.bin, workbooks.validZabota(1)) },
  { name: 'school2.xlsx', bytes: await fill(s2.bin, workbooks.validZabota(2)) },
  { name: 'school3.xlsx', bytes: await fill(s3.bin, { ...workbooks.validZabota(3), Z30: 1 }) },
  { name: 'school4.xlsx', bytes: await fill(s4.bin, workbooks.validZabota(4)) },
]);
await imports.importReports(db, zabota.id, [{ name: 'school2-corrected.xlsx', bytes: await fill(s2.bin, { ...workbooks.validZabota(2), Z01: 1001 }) }]);
const school4Import = (await imports.importHistory(db, zabota.id)).find((record: any) => record.file === 'school4.xlsx');
await history.returnForRevision(db, zabota.id, school4Import.id);
await manual.enterReport(db, zabota.id, s5.id, Object.fromEntries(Object.entries(workbooks.validZabota(5)).map(([code, value]) => [code, String(value)])));

// НИК 2026: the plan part and the publications list from school 1, hand entries and the department's own item.
const nik = await campaigns.createCampaign(db, 'nik', 2026);
const nikFiles = (await exportsModule.buildTemplates(db, nik.id)).files;
const nikTemplate = named(nikFiles)(s1.bin).bytes;
const publications = listPart.listSheetName(formTypes.listTables(nikForm.nikV1)[0]);
let nikReport = await workbooks.fillTemplate(nikTemplate, { ...workbooks.validNik(), N01: 1 });
nikReport = await workbooks.fillListSheet(nikReport, publications, [
  [new Date(Date.UTC(2026, 5, 3)), 'Шахтинск әлемі', 'Бала еңбегіне жол жоқ', 'https://example.kz/news/1'],
]);
nikReport = await workbooks.fillPlanPart(nikReport, { 1: ['Да', 2, 150, 'Классные часы «Бала еңбегі»'], 4: ['Нет'] });
await imports.importReports(db, nik.id, [{ name: 'nik-school1.xlsx', bytes: nikReport }]);
const plan = await plans.getPlan(db, nik.id);
const items = plan.items;
await plans.setOwnExecution(db, nik.id, items[items.length - 1].id, 'done', 'Информация направлена в управление');
const school2Item = (await execution.getPlanExecution(db, nik.id, '2026-06-30')).entries.find((entry: any) => entry.schoolId === s2.id).itemId;
await execution.setExecution(db, nik.id, school2Item, s2.id, { status: 'done', events: 1, participants: 40, description: 'Родительское собрание' });

// The district's own version of a form.
const copy = await forms.copyForm(db, 'zabota', 1);
await forms.saveForm(db, { ...copy.form, title: { ru: 'Забота (район)', kk: 'Қамқорлық (аудан)' } });

const expected = {
  release: version.APP_VERSION,
  migrations: database.raw.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all(),
  counts: Object.fromEntries(
    (database.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[])
      .map((table) => [table, database.raw.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]),
  ),
  settings: await settings.getSettings(db),
  campaigns: {} as Record<string, unknown>,
  forms: (await forms.listForms(db)).map((record: any) => `${record.form.id} v${record.form.version}`),
};
for (const id of [zabota.id, nik.id]) {
  const campaignSummary = await summary.getSummary(db, id);
  expected.campaigns[id] = {
    totals: campaignSummary.totals,
    history: (await imports.importHistory(db, id)).map((record: any) => ({ file: record.file, state: record.state })),
    execution: (await execution.getPlanExecution(db, id, '2026-12-31')).items.map((item: any) => ({
      itemId: item.itemId, assigned: item.assigned, done: item.done, events: item.events, participants: item.participants,
    })),
  };
}
await database.close();

// One file, no -wal beside it.
const { default: BetterSqlite3 } = await import(pathToFileURL(path.resolve(oldTree, 'node_modules/better-sqlite3/lib/index.js')).href);
const single = new BetterSqlite3(file);
single.pragma('journal_mode = DELETE');
single.exec('VACUUM');
single.close();
writeFileSync(`${outBase}.expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
console.log(`written ${file} and ${outBase}.expected.json (release ${expected.release}, ${expected.migrations.length} migrations)`);
