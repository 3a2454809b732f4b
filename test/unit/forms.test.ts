// Forms as data: the form checks, the district's own versions in the database, form files shared between
// districts, a campaign moving to a new version with the old submissions still summed, and the 0003 upgrade.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type ApiContext } from '../../main/api.ts';
import { defaultMigrationsDir, migrationNames } from '../../main/db/migrate.ts';
import { openDatabase, type OpenedDatabase } from '../../main/db/open.ts';
import { buildReportTemplate } from '../../main/excel/writers/report-template.ts';
import { workbookBytes } from '../../main/excel/writers/workbook.ts';
import { campaignForm, createCampaign, getCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import {
  buildFormFile, copyForm, deleteForm, findForm, getForm, getFormRecord, importFormFile, latestUsableForm, listForms, saveForm,
} from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSettings, updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { School } from '../../shared/domain.ts';
import { formProblems, ruleTextProblem, type FormProblem } from '../../shared/forms/check.ts';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { gridTables, valueCells, type FormDefinition, type GridTable, type Indicator, type ListTable } from '../../shared/forms/types.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { zabotaV2 as zabotaV2Grid } from '../../shared/forms/zabota.v2.ts';
import { backupTo } from '../../main/db/backup.ts';
import { apiContextFor, apiFailure, databaseAtMigration, tempDatabase, tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { fillTemplate, readWorkbook, validZabota } from '../helpers/workbooks.ts';

type TempDatabase = Awaited<ReturnType<typeof tempDatabase>>;

let database: TempDatabase;
const extra: Array<{ remove(): Promise<void> | void }> = [];

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы' });
});
afterEach(async () => {
  while (extra.length > 0) await extra.pop()!.remove();
  await database.remove();
});

async function anotherDatabase(): Promise<TempDatabase> {
  const other = await tempDatabase();
  extra.push(other);
  return other;
}

const clone = <T>(value: T): T => structuredClone(value);

async function storedForms(db: TempDatabase['db']) {
  return db.selectFrom('forms').select(['id', 'version', 'based_on']).orderBy('id').orderBy('version').execute();
}

// ---------------------------------------------------------------------------------------------------------
// 1. formProblems

const bi = (ru: string, kk = ru) => ({ ru, kk });

/** A small form with a section, a rule, a text row, the plan part and a list table counted by S02. */
function baseForm(): FormDefinition {
  return {
    id: 'sport',
    version: 1,
    title: bi('Спартакиада', 'Спартакиада'),
    sections: [{ id: 'main', title: bi('Основное', 'Негізгі') }],
    indicators: [
      { code: 'S01', label: bi('Участников', 'Қатысушылар'), type: 'count', required: true, section: 'main' },
      { code: 'S02', label: bi('Соревнований', 'Жарыстар'), type: 'count', required: false, section: 'main' },
      { code: 'S03', label: bi('Комментарий', 'Түсініктеме'), type: 'text', required: false },
    ],
    rules: [{ id: 'S-R1', text: 'S02 <= S01', severity: 'error' }],
    tables: [
      { kind: 'planExecution' },
      {
        kind: 'list',
        id: 'events',
        title: bi('Соревнования', 'Жарыстар'),
        maxRows: 50,
        rowCountCode: 'S02',
        columns: [
          { key: 'date', label: bi('Дата', 'Күні'), type: 'date', required: true },
          { key: 'name', label: bi('Название', 'Атауы'), type: 'text', required: true, maxLength: 200 },
        ],
      },
    ],
  };
}

function events(form: FormDefinition): ListTable {
  return form.tables!.find((table): table is ListTable => table.kind === 'list')!;
}

function indicatorOf(form: FormDefinition, code: string): Indicator {
  return form.indicators.find((i) => i.code === code)!;
}

function broken(change: (form: FormDefinition) => void): FormDefinition {
  const form = baseForm();
  change(form);
  return form;
}

const problemOf = (where: string, key: string, params?: Record<string, unknown>): FormProblem => ({ where, message: { key, params } as FormProblem['message'] });

describe('formProblems', () => {
  it.each([
    ['zabota v1', zabotaV1],
    ['nik v1', nikV1],
    ['the small test form', baseForm()],
  ])('finds nothing wrong with %s', (_name, form) => {
    expect(formProblems(form)).toEqual([]);
  });

  it.each<[string, FormDefinition, FormProblem[]]>([
    ['an id with a capital and a space', broken((f) => (f.id = 'Sport day')), [problemOf('', 'form.badId', { id: 'Sport day' })]],
    ['an empty id', broken((f) => (f.id = '')), [problemOf('', 'form.badId', { id: '' })]],
    ['a title blank in Kazakh', broken((f) => (f.title.kk = '  ')), [problemOf('', 'form.titleMissing')]],
    ['no indicators at all', broken((f) => ((f.indicators = []), (f.rules = []), (f.tables = []))), [problemOf('', 'form.noIndicators')]],
    ['a code starting with a digit', broken((f) => f.indicators.push({ code: '9Z', label: bi('x'), type: 'count', required: false })), [problemOf('9Z', 'form.badCode', { code: '9Z' })]],
    ['a code in small letters', broken((f) => f.indicators.push({ code: 's04', label: bi('x'), type: 'count', required: false })), [problemOf('s04', 'form.badCode', { code: 's04' })]],
    ['a code of 13 characters', broken((f) => f.indicators.push({ code: 'S123456789012', label: bi('x'), type: 'count', required: false })), [problemOf('S123456789012', 'form.badCode', { code: 'S123456789012' })]],
    ['a code used twice', broken((f) => f.indicators.push({ code: 'S01', label: bi('Ещё раз'), type: 'count', required: false })), [problemOf('S01', 'form.repeatedCode', { code: 'S01' })]],
    ['a label empty in Kazakh only', broken((f) => (indicatorOf(f, 'S03').label.kk = '   ')), [problemOf('S03', 'form.labelMissing', { code: 'S03' })]],
    ['a label empty in Russian only', broken((f) => (indicatorOf(f, 'S02').label.ru = '')), [problemOf('S02', 'form.labelMissing', { code: 'S02' })]],
    ['a row under a section that does not exist', broken((f) => (indicatorOf(f, 'S03').section = 'other')), [problemOf('S03', 'form.unknownSection', { code: 'S03', section: 'other' })]],
    ['a section without a Russian title', broken((f) => (f.sections![0].title.ru = '')), [problemOf('main', 'form.sectionTitleMissing', { section: 'main' })]],
    ['a section without an id', broken((f) => f.sections!.push({ id: ' ', title: bi('Ещё') })), [problemOf('', 'form.sectionIdMissing')]],
    ['two sections with one id', broken((f) => f.sections!.push({ id: 'main', title: bi('Ещё') })), [problemOf('main', 'form.repeatedSection', { section: 'main' })]],
    ['a list table without an id', broken((f) => (events(f).id = '')), [problemOf('', 'form.tableIdMissing')]],
    ['a list column without a key', broken((f) => (events(f).columns[0].key = '')), [problemOf('events', 'form.columnKeyMissing', { table: 'events' })]],
    ['a rule naming a code the form lacks', broken((f) => f.rules.push({ id: 'S-R2', text: 'S09 <= S01', severity: 'error' })), [problemOf('S-R2', 'rule.unknownCodes', { codes: 'S09' })]],
    ['a rule over a text row', broken((f) => f.rules.push({ id: 'S-R2', text: 'S03 > 0 => S01 > 0', severity: 'warning' })), [problemOf('S-R2', 'rule.notNumbers', { codes: 'S03' })]],
    ['a rule without an id', broken((f) => f.rules.push({ id: ' ', text: 'S01 >= 0', severity: 'error' })), [problemOf('S01 >= 0', 'form.ruleIdMissing')]],
    ['two plan parts', broken((f) => f.tables!.push({ kind: 'planExecution' })), [problemOf('', 'form.twoPlanParts')]],
    ['two list tables with one id', broken((f) => f.tables!.push(clone(events(f)))), [problemOf('events', 'form.repeatedTable', { table: 'events' })]],
    ['a list table without a Kazakh title', broken((f) => (events(f).title.kk = '')), [problemOf('events', 'form.tableTitleMissing', { table: 'events' })]],
    ['a list table without columns', broken((f) => (events(f).columns = [])), [problemOf('events', 'form.noColumns', { table: 'events' })]],
    ['a list table of 0 rows', broken((f) => (events(f).maxRows = 0)), [problemOf('events', 'form.maxRows', { table: 'events', limit: 500 })]],
    ['a list table of 501 rows', broken((f) => (events(f).maxRows = 501)), [problemOf('events', 'form.maxRows', { table: 'events', limit: 500 })]],
    ['a list table of 2.5 rows', broken((f) => (events(f).maxRows = 2.5)), [problemOf('events', 'form.maxRows', { table: 'events', limit: 500 })]],
    ['a column key used twice', broken((f) => events(f).columns.push({ key: 'date', label: bi('Дата 2'), type: 'date', required: false })), [problemOf('events', 'form.repeatedColumn', { table: 'events', key: 'date' })]],
    ['rows counted by a text row', broken((f) => (events(f).rowCountCode = 'S03')), [problemOf('events', 'form.rowCountCode', { table: 'events', code: 'S03' })]],
    ['rows counted by a row the form lacks', broken((f) => (events(f).rowCountCode = 'S77')), [problemOf('events', 'form.rowCountCode', { table: 'events', code: 'S77' })]],
  ])('names %s', (_name, form, expected) => {
    expect(formProblems(form)).toEqual(expected);
  });

  it.each(['S01 <=', 'S01 <= <= S02', '(S01 + S02', 'S01 S02 > 0', 'S01 > 0 =>', ''])('names the syntax error of the rule %j where the rule is', (text) => {
    const problems = formProblems(broken((f) => f.rules.push({ id: 'S-R9', text, severity: 'error' })));
    expect(problems).toHaveLength(1);
    expect(problems[0].where).toBe('S-R9');
    expect(problems[0].message.key).toMatch(/^rule\./);
    expect(['rule.unknownCodes', 'rule.notNumbers']).not.toContain(problems[0].message.key);
  });

  it('reports every problem of a form broken in several places, not only the first', () => {
    const form = broken((f) => {
      f.id = 'X';
      indicatorOf(f, 'S01').label.kk = '';
      f.rules.push({ id: 'S-R2', text: 'S99 > 0', severity: 'error' });
      events(f).columns = [];
    });
    expect(formProblems(form).map((p) => `${p.where}:${p.message.key}`)).toEqual([
      ':form.badId', 'S01:form.labelMissing', 'S-R2:rule.unknownCodes', 'events:form.noColumns',
    ]);
  });

  it('refuses more indicators than the limit', () => {
    const form = broken((f) => {
      f.indicators = Array.from({ length: 301 }, (_, i) => ({ code: `R${i}`, label: bi(`Строка ${i}`), type: 'count' as const, required: false }));
      f.rules = [];
      f.tables = [];
    });
    expect(formProblems(form)).toEqual([problemOf('', 'form.tooManyIndicators', { limit: 300 })]);
  });

  it('ruleTextProblem: a rule over a code added just now is fine; before it is added, the code is unknown', () => {
    const withoutZ99 = clone(zabotaV1);
    expect(ruleTextProblem('Z99 <= Z10', withoutZ99)).toEqual({ key: 'rule.unknownCodes', params: { codes: 'Z99' } });
    withoutZ99.indicators.push({ code: 'Z99', label: bi('Новая строка', 'Жаңа жол'), type: 'count', required: false });
    expect(ruleTextProblem('Z99 <= Z10', withoutZ99)).toBeNull();
    expect(ruleTextProblem('z99 <= z10', withoutZ99)).toBeNull();
    expect(ruleTextProblem('Z99 <=', withoutZ99)?.key).toMatch(/^rule\./);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Versions in the database

/** zabota v2 as a district edits it: Z01 relabelled, a count row Z99 added, a rule over Z99. */
function editedZabota(from: FormDefinition): FormDefinition {
  const form = clone(from);
  form.indicators[0].label = { ru: 'Контингент обучающихся (на 1 число месяца)', kk: 'Білім алушылар контингенті (айдың 1-і)' };
  form.indicators.push({ code: 'Z99', label: { ru: 'Дети, вернувшиеся после помощи', kk: 'Көмектен кейін оралған балалар' }, type: 'count', required: false });
  form.rules.push({ id: 'Z-R99', text: 'Z99 <= Z10', severity: 'error' });
  return form;
}

describe('form versions in the database', () => {
  it('lists the built-in forms as read-only and stores nothing for them', async () => {
    const records = await listForms(database.db);
    expect(records.map((r) => [r.form.id, r.form.version])).toEqual([['nik', 1], ['zabota', 2], ['zabota', 1]]);
    for (const record of records) expect(record).toMatchObject({ builtIn: true, editable: false, basedOn: null, usedBy: [] });
    expect(records[1].form).toEqual(zabotaV2Grid);
    expect(records[2].form).toEqual(zabotaV1);
    expect(records[0].form).toEqual(nikV1);
    expect(await storedForms(database.db)).toEqual([]);
  });

  it('copies a built-in to the next version, editable, and stores an edited copy that another connection reads back', async () => {
    const copy = await copyForm(database.db, 'zabota', 1);
    expect(copy).toMatchObject({ builtIn: false, editable: true, basedOn: 1, usedBy: [] });
    expect(copy.form).toEqual({ ...zabotaV1, version: 3 });
    expect(zabotaV1.version).toBe(1);

    const edited = editedZabota(copy.form);
    const result = await saveForm(database.db, edited);
    expect(result).toEqual({ saved: true, problems: [], record: expect.objectContaining({ form: edited, builtIn: false, editable: true, basedOn: 1 }) });
    expect(await getForm(database.db, 'zabota', 3)).toEqual(edited);
    expect(await getForm(database.db, 'zabota', 1)).toEqual(zabotaV1);

    // Read again through a connection of its own, from a copy of the file (the database itself is locked to its one connection).
    const fileCopy = path.join(database.dir, 'copy.sqlite');
    await backupTo(database.raw, fileCopy);
    const again = await openDatabase(fileCopy);
    try {
      expect(await getForm(again.db, 'zabota', 3)).toEqual(edited);
      expect((await getFormRecord(again.db, 'zabota', 3)).basedOn).toBe(1);
    } finally {
      await again.close();
    }
    expect((await listForms(database.db)).map((r) => `${r.form.id} v${r.form.version}`)).toEqual(['nik v1', 'zabota v3', 'zabota v2', 'zabota v1']);
  });

  it('does not store a version with problems and says what they are', async () => {
    const copy = await copyForm(database.db, 'zabota', 1);
    const good = editedZabota(copy.form);
    await saveForm(database.db, good);

    const bad = clone(good);
    bad.indicators[1].label.ru = 'Новое название Z02';
    bad.rules.push({ id: 'Z-R100', text: 'Z98 > 0', severity: 'warning' });
    bad.indicators.push({ code: 'Z01', label: bi('Дубль'), type: 'count', required: false });
    const result = await saveForm(database.db, bad);
    expect(result.saved).toBe(false);
    expect(result.record).toBeNull();
    expect(result.problems).toEqual([problemOf('Z01', 'form.repeatedCode', { code: 'Z01' }), problemOf('Z-R100', 'rule.unknownCodes', { codes: 'Z98' })]);
    expect(await getForm(database.db, 'zabota', 3)).toEqual(good);
    const row = await database.db.selectFrom('forms').select('definition').where('id', '=', 'zabota').where('version', '=', 3).executeTakeFirstOrThrow();
    expect(JSON.parse(row.definition)).toEqual(good);
  });

  it('refuses to change or delete a built-in form', async () => {
    const relabelled = clone(zabotaV1);
    relabelled.indicators[0].label.ru = 'Изменено';
    await expect(saveForm(database.db, relabelled)).rejects.toMatchObject({ code: 'conflict', key: 'forms.builtInReadOnly', params: { form: 'zabota v1' } });
    await expect(deleteForm(database.db, 'nik', 1)).rejects.toMatchObject({ code: 'conflict', key: 'forms.builtInReadOnly', params: { form: 'nik v1' } });
    expect(await getForm(database.db, 'zabota', 1)).toEqual(zabotaV1);
    expect(await storedForms(database.db)).toEqual([]);
  });

  it('freezes a version once a campaign collects it, and deletes an unused copy', async () => {
    const campaign = await zabotaV1Campaign(database.db, 2027);
    expect(campaign.formVersion).toBe(1);
    expect((await getFormRecord(database.db, 'zabota', 1)).usedBy).toEqual(['zabota-2027']);

    const v2 = editedZabota((await copyForm(database.db, 'zabota', 1)).form);
    await saveForm(database.db, v2);
    expect((await setCampaignForm(database.db, campaign.id, 3)).formVersion).toBe(3);
    expect((await getCampaign(database.db, campaign.id)).formVersion).toBe(3);

    const later = clone(v2);
    later.indicators[0].label.ru = 'Поздняя правка';
    await expect(saveForm(database.db, later)).rejects.toMatchObject({
      code: 'conflict',
      key: 'forms.inUse',
      params: { form: '«Республиканская акция „Забота“» v3', campaigns: '«Республиканская акция „Забота“ — 2027»', campaignsKk: '«„Қамқорлық“ республикалық акциясы — 2027»' },
    });
    await expect(deleteForm(database.db, 'zabota', 3)).rejects.toMatchObject({ code: 'conflict', key: 'forms.inUse' });
    expect(await getForm(database.db, 'zabota', 3)).toEqual(v2);
    const listed = (await listForms(database.db)).find((r) => r.form.id === 'zabota' && r.form.version === 3)!;
    expect(listed).toMatchObject({ usedBy: ['zabota-2027'], editable: false, builtIn: false });
    expect((await getFormRecord(database.db, 'zabota', 1)).usedBy).toEqual([]);

    const v3 = await copyForm(database.db, 'zabota', 3);
    expect(v3).toMatchObject({ basedOn: 3, editable: true });
    expect(v3.form).toEqual({ ...v2, version: 4 });
    await deleteForm(database.db, 'zabota', 4);
    expect(await findForm(database.db, 'zabota', 4)).toBeUndefined();
    await expect(getFormRecord(database.db, 'zabota', 4)).rejects.toMatchObject({ code: 'not_found', key: 'forms.notFound' });
    expect((await listForms(database.db)).map((r) => `${r.form.id} v${r.form.version}`)).toEqual(['nik v1', 'zabota v3', 'zabota v2', 'zabota v1']);
    expect(await storedForms(database.db)).toEqual([{ id: 'zabota', version: 3, based_on: 1 }]);
  });

  it('a new campaign collects the newest version without problems, skipping a newer one that has some', async () => {
    await saveForm(database.db, editedZabota((await copyForm(database.db, 'zabota', 1)).form));
    // A version 4 with a problem (as an older app, or a hand edit, could have left it): a rule over a code it lacks.
    const broken3 = { ...editedZabota(zabotaV1), version: 4, rules: [...zabotaV1.rules, { id: 'Z-R50', text: 'Z50 > 0', severity: 'error' as const }] };
    await database.db.insertInto('forms').values({ id: 'zabota', version: 4, definition: JSON.stringify(broken3), based_on: 3 }).execute();
    expect(formProblems(broken3)).not.toEqual([]);

    expect((await latestUsableForm(database.db, 'zabota')).version).toBe(3);
    const zabota = await createCampaign(database.db, 'zabota', 2028);
    expect(zabota).toMatchObject({ formId: 'zabota', formVersion: 3 });
    expect((await campaignForm(database.db, zabota)).indicators.map((i) => i.code)).toContain('Z99');
    expect((await createCampaign(database.db, 'nik', 2028)).formVersion).toBe(1);
    await expect(setCampaignForm(database.db, zabota.id, 4)).rejects.toMatchObject({ code: 'conflict', key: 'forms.hasProblems' });
    await expect(setCampaignForm(database.db, zabota.id, 9)).rejects.toMatchObject({ code: 'not_found', key: 'forms.notFound' });
    expect((await getCampaign(database.db, zabota.id)).formVersion).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. Form files

function formFile(json: unknown): Uint8Array {
  return new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json));
}

describe('form files', () => {
  async function exportedV2(): Promise<{ form: FormDefinition; bytes: Uint8Array; name: string }> {
    const form = editedZabota((await copyForm(database.db, 'zabota', 1)).form);
    await saveForm(database.db, form);
    const { files } = await buildFormFile(database.db, 'zabota', 3);
    expect(files).toHaveLength(1);
    return { form, bytes: files[0].bytes, name: files[0].name };
  }

  it('writes the form as a jinaq-form JSON file', async () => {
    const { form, bytes, name } = await exportedV2();
    expect(name).toBe('zabota-v3.jinaq-form.json');
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual({ format: 'jinaq-form', formatVersion: 1, form });
  });

  it('adds the file in another district, finds the same one again, and renumbers a different form under a taken version', async () => {
    const { form, bytes } = await exportedV2();
    const other = await anotherDatabase();

    const added = await importFormFile(other.db, bytes);
    expect(added).toMatchObject({ outcome: 'added', problems: [], record: { builtIn: false, editable: true, basedOn: null, usedBy: [] } });
    expect(added.record!.form).toEqual(form);
    expect(await getForm(other.db, 'zabota', 3)).toEqual(form);

    const again = await importFormFile(other.db, bytes);
    expect(again.outcome).toBe('same');
    expect(again.record!.form).toEqual(form);
    expect(await storedForms(other.db)).toEqual([{ id: 'zabota', version: 3, based_on: null }]);

    // The built-in version, exported and imported, is found as it is.
    const builtInFile = (await buildFormFile(database.db, 'zabota', 1)).files[0].bytes;
    const builtIn = await importFormFile(other.db, builtInFile);
    expect(builtIn).toMatchObject({ outcome: 'same', record: { builtIn: true } });
    expect(builtIn.record!.form).toEqual(zabotaV1);

    // Another district's own zabota v3 differs from ours: it comes in as v3.
    const theirs = clone(form);
    theirs.indicators.push({ code: 'Z98', label: bi('Их строка', 'Олардың жолы'), type: 'money', required: false });
    const renumbered = await importFormFile(other.db, formFile({ format: 'jinaq-form', formatVersion: 1, form: theirs }));
    expect(renumbered.outcome).toBe('renumbered');
    expect(renumbered.record!.form).toEqual({ ...theirs, version: 4 });
    expect(await getForm(other.db, 'zabota', 4)).toEqual({ ...theirs, version: 4 });
    expect(await getForm(other.db, 'zabota', 3)).toEqual(form);

    // The same form with its keys written in another order and under another version number is the same form.
    const reordered = Object.fromEntries(Object.entries({ ...theirs, version: 7 }).reverse());
    expect(await importFormFile(other.db, formFile({ form: reordered, formatVersion: 1, format: 'jinaq-form' }))).toMatchObject({ outcome: 'same', record: { form: { version: 4 } } });
    expect((await storedForms(other.db)).map((r) => r.version)).toEqual([3, 4]);
  });

  it('refuses a file that is not JSON, of the wrong shape, or a form with problems, and stores nothing', async () => {
    const refusedWith = async (bytes: Uint8Array) => {
      const result = await importFormFile(database.db, bytes);
      expect(result.outcome).toBe('refused');
      expect(result.record).toBeNull();
      return result.problems;
    };
    for (const bytes of [formFile('not json {'), formFile(''), new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])]) {
      expect(await refusedWith(bytes)).toEqual([problemOf('', 'forms.fileNotJson')]);
    }

    const shapes: Array<[unknown, string]> = [
      [{ format: 'jinaq-form', formatVersion: 1, form: { id: 'zabota' } }, 'form.version'],
      [{ format: 'other', formatVersion: 1, form: zabotaV1 }, 'format'],
      [{ format: 'jinaq-form', formatVersion: 2, form: zabotaV1 }, 'formatVersion'],
      [{ format: 'jinaq-form', formatVersion: 1, form: { ...zabotaV1, indicators: [{ ...zabotaV1.indicators[0], type: 'percent' }] } }, 'form.indicators.0.type'],
      [[1, 2, 3], '(file)'],
      [zabotaV1, 'format'],
    ];
    for (const [json, where] of shapes) {
      const problems = await refusedWith(formFile(json));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ where: '', message: { key: 'forms.fileBadShape', params: { path: where } } });
    }

    const withProblems = editedZabota({ ...zabotaV1, version: 4 });
    withProblems.rules.push({ id: 'Z-R77', text: 'Z77 >= 0', severity: 'error' });
    withProblems.indicators[2].label.kk = '';
    const problems = await refusedWith(formFile({ format: 'jinaq-form', formatVersion: 1, form: withProblems }));
    expect(problems).toEqual(formProblems(withProblems));
    expect(problems.map((p) => p.message.key)).toEqual(['form.labelMissing', 'rule.unknownCodes']);

    expect(await storedForms(database.db)).toEqual([]);
    expect(await findForm(database.db, 'zabota', 4)).toBeUndefined();
  });
});

describe('form files with a grid', () => {
  /** zabota v2 (the help grid H01–H06 × графы 1–8) with two closed cells and a unit, saved as this district's version 3. */
  async function savedZabotaV2(): Promise<FormDefinition> {
    const copy = await copyForm(database.db, 'zabota', 1);
    const form = { ...clone(zabotaV2Grid), version: copy.form.version };
    const help = gridTables(form)[0];
    help.closed = ['H05.8', 'H06.8'];
    help.columns[7].unit = bi('тенге', 'теңге');
    expect(await saveForm(database.db, form)).toMatchObject({ saved: true, problems: [] });
    return form;
  }

  function withBrokenGrid(change: (grid: GridTable) => void): Uint8Array {
    const form = { ...clone(zabotaV2Grid), version: 3 };
    change(gridTables(form)[0]);
    return formFile({ format: 'jinaq-form', formatVersion: 1, form });
  }

  it('exports a district version with a grid and imports it into another database as the same form, grid and all', async () => {
    const form = await savedZabotaV2();
    const [file] = (await buildFormFile(database.db, 'zabota', 3)).files;
    expect(JSON.parse(new TextDecoder().decode(file.bytes)).form.tables[0]).toEqual(gridTables(form)[0]);

    const other = await anotherDatabase();
    const added = await importFormFile(other.db, file.bytes);
    expect(added).toMatchObject({ outcome: 'added', problems: [] });
    expect(added.record!.form).toEqual(form);
    const imported = await getForm(other.db, 'zabota', 3);
    expect(imported).toEqual(form);
    expect(valueCells(imported).map((cell) => cell.code)).toEqual(valueCells(form).map((cell) => cell.code));
    expect(valueCells(imported).map((cell) => cell.code)).not.toContain('H06.8');
    expect((await importFormFile(other.db, file.bytes)).outcome).toBe('same');
  });

  it('refuses a file whose grid closes a cell it does not have or repeats a графа, naming the grid, the cell and the графа', async () => {
    const unknownCell = await importFormFile(database.db, withBrokenGrid((grid) => (grid.closed = ['H02.3', 'H07.1'])));
    expect(unknownCell).toEqual({ outcome: 'refused', record: null, problems: [problemOf('help', 'form.gridClosedUnknown', { table: 'help', codes: 'H07.1' })] });
    expect(formatMessage(tFor('ru'), unknownCell.problems[0].message)).toBe('В таблице «help» закрыты ячейки H07.1, которых в ней нет');
    expect(formatMessage(tFor('kk'), unknownCell.problems[0].message)).toBe('«help» кестесінде жоқ H07.1 ұяшықтары жабық деп көрсетілген');

    const repeated = await importFormFile(database.db, withBrokenGrid((grid) => grid.columns.push({ ...grid.columns[1], label: bi('ещё раз одеждой', 'тағы да киіммен') })));
    expect(repeated.outcome).toBe('refused');
    expect(repeated.problems).toContainEqual(problemOf('help', 'form.gridRepeatedColumn', { table: 'help', code: '2' }));
    const texts = repeated.problems.map((problem) => formatMessage(tFor('ru'), problem.message));
    expect(texts).toContain('В таблице «help» графа 2 повторяется: у каждой графы свой номер');

    expect(await storedForms(database.db)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 4. A campaign moving to a new version, with the old submissions still summed

async function templateOf(campaignId: string, school: School): Promise<Uint8Array> {
  const { files } = await buildTemplates(database.db, campaignId);
  const file = files.find((f) => f.name.startsWith(`${school.shortName} - `));
  if (!file) throw new Error(`no template for ${school.shortName} in ${files.map((f) => f.name).join(', ')}`);
  return file.bytes;
}

async function identityVersion(bytes: Uint8Array): Promise<string> {
  const workbook = await readWorkbook(bytes);
  let version = '';
  workbook.getWorksheet('jinaq_id')!.eachRow((row) => {
    if (row.getCell(1).value === 'form_version') version = String(row.getCell(2).value);
  });
  return version;
}

describe('a campaign that moves to a new version of its form', () => {
  /** v2: Z01 relabelled, the optional Z07 gone, a count Z99 added with a rule, and a warning on Z01 that only the district's totals break. */
  function zabotaV2(): FormDefinition {
    const form = editedZabota({ ...zabotaV1, version: 3 });
    form.indicators = form.indicators.filter((i) => i.code !== 'Z07');
    form.rules.push({ id: 'Z-R98', text: 'Z01 <= 2000', severity: 'warning' });
    return form;
  }

  it('reads every file with the version it names, stores that version, and sums all of them', async () => {
    const [a, b, c] = [
      await createSchool(database.db, schoolFields(1, { shortName: 'Школа A' })),
      await createSchool(database.db, schoolFields(2, { shortName: 'Школа B' })),
      await createSchool(database.db, schoolFields(3, { shortName: 'Школа C' })),
    ];
    const campaign = await zabotaV1Campaign(database.db, 2027);
    expect(campaign.formVersion).toBe(1);

    // Templates of v1, sent out before the switch.
    const v1OfA = await templateOf(campaign.id, a);
    const v1OfC = await templateOf(campaign.id, c);
    expect(await identityVersion(v1OfC)).toBe('1');
    const valuesA = validZabota(1);
    const valuesC = validZabota(3);
    const [fromA] = await importReports(database.db, campaign.id, [{ name: 'A.xlsx', bytes: await fillTemplate(v1OfA, valuesA) }]);
    expect(fromA).toMatchObject({ status: 'accepted', errors: [] });

    // The district makes v2 and moves the campaign to it.
    const copy = await copyForm(database.db, 'zabota', 1);
    const v2 = { ...zabotaV2(), version: copy.form.version };
    expect(v2.version).toBe(3);
    expect(await saveForm(database.db, v2)).toMatchObject({ saved: true });
    await setCampaignForm(database.db, campaign.id, 3);

    const v2OfB = await templateOf(campaign.id, b);
    expect(await identityVersion(v2OfB)).toBe('3');
    const v2Sheet = (await readWorkbook(v2OfB)).worksheets[0];
    const codesOnV2: string[] = [];
    v2Sheet.eachRow((row) => codesOnV2.push(String(row.getCell(1).value ?? '')));
    expect(codesOnV2).toContain('Z99');
    expect(codesOnV2).not.toContain('Z07');

    const { Z07: _gone, ...scaled } = validZabota(2);
    const valuesB: Record<string, number> = { ...scaled, Z99: 7 };
    const outcomes = await importReports(database.db, campaign.id, [
      { name: 'B.xlsx', bytes: await fillTemplate(v2OfB, valuesB) },
      // C fills the v1 template it got before the switch, and sends it after.
      { name: 'C-old-template.xlsx', bytes: await fillTemplate(v1OfC, valuesC) },
    ]);
    expect(outcomes.map((o) => [o.file, o.status, o.errors])).toEqual([['B.xlsx', 'accepted', []], ['C-old-template.xlsx', 'accepted', []]]);

    const reports = await database.db
      .selectFrom('reports')
      .innerJoin('schools', 'schools.id', 'reports.school_id')
      .select(['schools.short_name', 'reports.form_id', 'reports.form_version', 'reports.is_current'])
      .orderBy('schools.short_name')
      .execute();
    expect(reports).toEqual([
      { short_name: 'Школа A', form_id: 'zabota', form_version: 1, is_current: 1 },
      { short_name: 'Школа B', form_id: 'zabota', form_version: 3, is_current: 1 },
      { short_name: 'Школа C', form_id: 'zabota', form_version: 1, is_current: 1 },
    ]);

    const summary = await getSummary(database.db, campaign.id);
    expect(summary).toMatchObject({ expected: 3, reported: 3, missing: [] });
    const cents = (n: number) => Math.round(n * 100);
    for (const indicator of zabotaV1.indicators) {
      if (indicator.code === 'Z07') continue;
      const expected = [valuesA, valuesB, valuesC].reduce((sum, values) => sum + cents(values[indicator.code] ?? 0), 0) / 100;
      expect(summary.totals[indicator.code], indicator.code).toBe(expected);
    }
    expect(summary.totals.Z01).toBe(3000);
    expect(summary.totals.Z30).toBe(900003);
    expect(summary.totals.Z99).toBe(7);
    expect(summary.totals.Z07).toBe(valuesA.Z07 + valuesC.Z07);

    // The current form's rows with their new labels, then Z07, which only v1 has.
    expect(summary.indicators.map((i) => i.code)).toEqual([...v2.indicators.map((i) => i.code), 'Z07']);
    expect(summary.indicators.find((i) => i.code === 'Z01')).toMatchObject({ version: 3, label: v2.indicators[0].label });
    expect(summary.indicators.find((i) => i.code === 'Z99')).toMatchObject({ version: 3, type: 'count' });
    expect(summary.indicators.find((i) => i.code === 'Z07')).toMatchObject({ version: 1, label: zabotaV1.indicators[6].label, type: 'count' });
    expect(summary.schools.find((s) => s.shortName === 'Школа C')!.values).toMatchObject({ Z07: 15, Z01: 1500 });
    expect(summary.schools.find((s) => s.shortName === 'Школа B')!.values).toMatchObject({ Z99: 7, Z01: 1000 });
    expect(summary.schools.find((s) => s.shortName === 'Школа B')!.values).not.toHaveProperty('Z07');

    // The current form's rules on the totals: every school keeps Z01 ≤ 2000, the district's total does not.
    expect(summary.ruleIssues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'Z01', message: expect.objectContaining({ key: 'import.ruleWarning', params: expect.objectContaining({ rule: 'Z-R98', left: 3000, right: 2000 }) }) }),
    ]);

    const { files: [exported] } = await buildSummaryWorkbook(database.db, campaign.id, '2027-02-14');
    const workbook = await readWorkbook(exported.bytes);
    const totalsByCode = new Map<string, unknown>();
    workbook.worksheets[0].eachRow((row) => totalsByCode.set(String(row.getCell(1).value), row.getCell(5).value));
    expect(totalsByCode.get('Z01')).toBe(3000);
    expect(totalsByCode.get('Z99')).toBe(7);
    expect(totalsByCode.get('Z07')).toBe(20);
    // The rule on the totals under the Свод names the row by its label and value, in Russian and in Kazakh.
    const ruleLine = [...totalsByCode.keys()].find((text) => text.includes('Z-R98'))?.replace(/[\u00a0\u202f]/g, ' ');
    expect(ruleLine).toBe(
      'Предупреждение. Правило Z-R98: Z01 «Контингент обучающихся (на 1 число месяца)» (3 000) не может быть больше 2 000\n' +
        'Ескерту. Z-R98 ережесі: Z01 «Білім алушылар контингенті (айдың 1-і)» (3 000) 2 000 санынан аспауы керек',
    );
    const perSchoolHeader = workbook.worksheets[1].getRow(2).values as unknown[];
    expect(perSchoolHeader).toContain('Z07');
    expect(perSchoolHeader).toContain('Z99');
  });

  it('refuses a file that names a version of the form this district does not have', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    const campaign = await zabotaV1Campaign(database.db, 2027);
    const v7: FormDefinition = { ...clone(zabotaV1), version: 7 };
    const workbook = await buildReportTemplate(v7, campaign, school, await getSettings(database.db), 'test');
    const bytes = await fillTemplate(await workbookBytes(workbook), validZabota());
    expect(await identityVersion(bytes)).toBe('7');

    const [outcome] = await importReports(database.db, campaign.id, [{ name: 'v7.xlsx', bytes }]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => e.message)).toEqual([
      { key: 'import.unknownFormNamed', params: { found: 'zabota', foundKk: 'zabota', foundVersion: 7 } },
    ]);
    expect(formatMessage(tFor('ru'), outcome.errors[0].message)).toMatch(/^Файл заполнен по форме «zabota» \(версия 7\), которой нет/);
    expect(await database.db.selectFrom('reports').select('id').execute()).toEqual([]);
    expect((await getSummary(database.db, campaign.id)).reported).toBe(0);
  });

  it('names another form by its titles and versions, in Russian and Kazakh, not by its id', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    const campaign = await zabotaV1Campaign(database.db, 2027);
    const bytes = await workbookBytes(await buildReportTemplate(nikV1, campaign, school, await getSettings(database.db), 'test'));
    const [outcome] = await importReports(database.db, campaign.id, [{ name: 'nik.xlsx', bytes }]);
    expect(outcome.status).toBe('rejected');
    const [error] = outcome.errors;
    expect(formatMessage(tFor('ru'), error.message)).toBe(
      `Файл заполнен по форме «${nikV1.title.ru.replace(/«([^»]*)»/g, '„$1“')}» (версия 1), а кампания собирает форму «${zabotaV1.title.ru.replace(/«([^»]*)»/g, '„$1“')}» (версия 1)`,
    );
    const kk = formatMessage(tFor('kk'), error.message);
    expect(kk).toContain('1-нұсқасы');
    expect(kk).not.toMatch(/\bnik\b|\bzabota\b/);
  });

  it('still reads a message stored by 0.2.0 with the form\'s id in it', () => {
    expect(formatMessage(tFor('ru'), { key: 'import.otherForm', params: { found: 'nik v1', expected: 'zabota v1' } })).toBe(
      'Файл заполнен по форме nik v1, а кампания собирает форму zabota v1',
    );
  });

  // Deleting or editing such a version would break the summary or re-read stored reports with another definition.
  it('keeps a version frozen while reports made with it are kept, even after the campaign moved on', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    const campaign = await zabotaV1Campaign(database.db, 2027);
    await copyForm(database.db, 'zabota', 1);
    await saveForm(database.db, zabotaV2());
    await setCampaignForm(database.db, campaign.id, 3);
    const { Z07: _gone, ...values } = validZabota();
    const [outcome] = await importReports(database.db, campaign.id, [{ name: 'v2.xlsx', bytes: await fillTemplate(await templateOf(campaign.id, school), { ...values, Z99: 3 }) }]);
    expect(outcome.status).toBe('accepted');
    await setCampaignForm(database.db, campaign.id, 1);

    expect((await getFormRecord(database.db, 'zabota', 3)).editable).toBe(false);
    await expect(deleteForm(database.db, 'zabota', 3)).rejects.toMatchObject({ key: 'forms.inUse' });
    expect((await getSummary(database.db, campaign.id)).totals.Z99).toBe(3);
  });

  // Reports of different versions are summed code by code, and money is kept in tiyn: a count turned money would mix units.
  it('refuses a version in which a row code changed its type, by saving or by importing a form file', async () => {
    await copyForm(database.db, 'zabota', 1);
    const changed = zabotaV2();
    changed.indicators = changed.indicators.map((i) => (i.code === 'Z34' ? { ...i, type: 'money' as const } : i));
    const saved = await saveForm(database.db, changed);
    expect(saved.saved).toBe(false);
    expect(saved.problems).toEqual([1, 2].map((version) => ({ where: 'Z34', message: { key: 'form.typeChanged', params: { code: 'Z34', version, type: 'count' } } })));

    const file = new TextEncoder().encode(JSON.stringify({ format: 'jinaq-form', formatVersion: 1, form: { ...changed, version: 5 } }));
    const imported = await importFormFile(database.db, file);
    expect(imported.outcome).toBe('refused');
    expect(imported.problems.map((p) => p.message.key)).toContain('form.typeChanged');
  });
});

// ---------------------------------------------------------------------------------------------------------
// 5. Migration 0003

describe('migration 0003: forms', () => {
  it('upgrades a database with a «Забота» campaign and an accepted report: summed, and the campaign collects the built-in v1', async () => {
    const folder = tempDir();
    const opened: OpenedDatabase[] = [];
    extra.push({
      remove: async () => {
        while (opened.length > 0) await opened.pop()!.close();
        folder.remove();
      },
    });
    const file = path.join(folder.dir, 'jinaq.sqlite');

    // Before 0003: 0001_init and 0002_plans.
    const old = await databaseAtMigration(file, 2);
    opened.push(old);
    const tables = old.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).not.toContain('forms');
    const bin = schoolFields(1).bin;
    old.raw.prepare("INSERT INTO schools (id, bin, short_name, name_ru) VALUES (1, ?, 'Школа №1', 'КГУ «Школа №1»')").run(bin);
    old.raw
      .prepare("INSERT INTO campaigns (id, kind, year, form_id, form_version, starts_on, ends_on, school_due_on, region_due_on, hashtag) VALUES ('zabota-2026', 'zabota', 2026, 'zabota', 1, '2026-01-10', '2026-02-10', '2026-02-12', '2026-02-15', '#Забота2026')")
      .run();
    old.raw.prepare("INSERT INTO files (id, sha256, size, bytes) VALUES (1, 'ab', 2, x'0102')").run();
    old.raw.prepare("INSERT INTO imports (id, campaign_id, file_id, file_name, status, school_id, school_bin) VALUES (1, 'zabota-2026', 1, 'a.xlsx', 'accepted', 1, ?)").run(bin);
    old.raw
      .prepare("INSERT INTO reports (id, campaign_id, school_id, import_id, form_id, form_version, received_at, is_current) VALUES (1, 'zabota-2026', 1, 1, 'zabota', 1, '2026-02-01T10:00:00.000Z', 1)")
      .run();
    const insertValue = old.raw.prepare('INSERT INTO report_values (report_id, code, amount) VALUES (1, ?, ?)');
    for (const [code, amount] of [['Z01', 500], ['Z07', 5], ['Z30', 15000050]] as const) insertValue.run(code, amount);
    await opened.pop()!.close();

    const upgraded = await openDatabase(file);
    opened.push(upgraded);
    expect(upgraded.raw.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(migrationNames(defaultMigrationsDir()));
    const campaign = await getCampaign(upgraded.db, 'zabota-2026');
    expect(campaign).toMatchObject({ formId: 'zabota', formVersion: 1 });
    expect(await campaignForm(upgraded.db, campaign)).toEqual(zabotaV1);
    expect(await getFormRecord(upgraded.db, 'zabota', 1)).toMatchObject({ builtIn: true, editable: false, usedBy: ['zabota-2026'] });

    const summary = await getSummary(upgraded.db, 'zabota-2026');
    expect(summary).toMatchObject({ expected: 1, reported: 1 });
    expect(summary.totals).toMatchObject({ Z01: 500, Z07: 5, Z30: 150000.5 });
    expect(summary.indicators.map((i) => i.code)).toEqual(zabotaV1.indicators.map((i) => i.code));
    expect(summary.indicators.every((i) => i.version === 1)).toBe(true);
    expect(summary.schools[0]).toMatchObject({ bin, texts: {}, values: { Z01: 500, Z07: 5, Z30: 150000.5 } });
    expect(summary.lists).toEqual([]);

    // The upgraded database takes a copy of the form like a new one.
    expect((await copyForm(upgraded.db, 'zabota', 1)).form.version).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 6. The forms.* methods through dispatch

describe('forms through dispatch', () => {
  let ctx: ApiContext;
  beforeEach(() => {
    ctx = apiContextFor(database);
  });

  it('refuses a malformed form before any handler sees it', async () => {
    await dispatch(ctx, 'forms.copy', { id: 'zabota', version: 1 });
    const malformed = { ...zabotaV1, version: '2', indicators: [{ ...zabotaV1.indicators[0], required: 'yes' }], rules: 'none' };
    const error = await apiFailure(ctx, 'forms.save', { form: malformed });
    expect(error.code).toBe('invalid_input');
    expect(error.message.key).toBe('api.invalidInput');
    expect((error.details as Array<{ path: PropertyKey[] }>).map((i) => i.path.join('.')).sort()).toEqual(['form.indicators.0.required', 'form.rules', 'form.version']);
    expect(await getForm(database.db, 'zabota', 3)).toEqual({ ...zabotaV1, version: 3 });
    expect((await apiFailure(ctx, 'forms.save', {})).code).toBe('invalid_input');
  });

  it('answers not_found for a form that does not exist, conflict for a built-in, and the result of a save', async () => {
    expect(await apiFailure(ctx, 'forms.copy', { id: 'sport', version: 1 })).toMatchObject({ code: 'not_found', message: { key: 'forms.notFound' } });
    expect(await apiFailure(ctx, 'forms.copy', { id: 'zabota', version: 5 })).toMatchObject({ code: 'not_found', message: { key: 'forms.notFound' } });
    expect(await apiFailure(ctx, 'forms.delete', { id: 'zabota', version: 1 })).toMatchObject({ code: 'conflict', message: { key: 'forms.builtInReadOnly' } });
    expect(await storedForms(database.db)).toEqual([]);

    const copied = await dispatch(ctx, 'forms.copy', { id: 'zabota', version: 1 });
    expect(copied).toMatchObject({ ok: true, value: { form: { version: 3 }, basedOn: 1 } });
    const saved = await dispatch(ctx, 'forms.save', { form: editedZabota({ ...zabotaV1, version: 3 }) });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, problems: [] } });
    const withProblem = await dispatch(ctx, 'forms.save', { form: { ...zabotaV1, version: 3, rules: [{ id: 'X', text: 'Q1 > 0', severity: 'error' }] } });
    expect(withProblem).toMatchObject({ ok: true, value: { saved: false, problems: [{ where: 'X', message: { key: 'rule.unknownCodes' } }] } });
    expect(await getForm(database.db, 'zabota', 3)).toEqual(editedZabota({ ...zabotaV1, version: 3 }));
  });
});
