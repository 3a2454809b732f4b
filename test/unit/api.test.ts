// The handler table behind one `dispatch`: input checked before any handler, errors as data, files as downloads.
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign, RegistryImportResult, SaveOutcome, School } from '../../shared/domain.ts';
import { dispatch, type ApiContext } from '../../main/api.ts';
import { openDatabase } from '../../main/db/open.ts';
import { sheetPairs } from '../../main/excel/intake/identity-reader.ts';
import { apiContextFor, apiFailure, callApi, downloaded, tempDatabase, tempDir, type ApiFailure } from '../helpers/db.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { readableWorkbook, readWorkbook } from '../helpers/workbooks.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ApiContext;
beforeEach(async () => {
  database = await tempDatabase();
  ctx = apiContextFor(database);
});
afterEach(() => database.remove());

function issuePaths(error: ApiFailure): string[] {
  return (error.details as Array<{ path: PropertyKey[] }>).map((i) => i.path.join('.')).sort();
}

describe('dispatch: names and inputs', () => {
  it.each(['schools.delete', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses the unknown method %j', async (name) => {
    expect(await dispatch(ctx, name, {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: { key: 'api.unknownMethod', params: { name } } },
    });
  });

  it('refuses a БИН given as a number, with the path and reason in the details', async () => {
    const error = await apiFailure(ctx, 'schools.create', { ...schoolFields(1), bin: 123 });
    expect(error.code).toBe('invalid_input');
    expect(error.message.key).toBe('api.invalidInput');
    expect(issuePaths(error)).toEqual(['bin']);
    expect(String(error.message.params?.details)).toMatch(/^bin: /);
    expect(await database.db.selectFrom('schools').select('id').execute()).toEqual([]);
  });

  it('names every missing field', async () => {
    const error = await apiFailure(ctx, 'schools.create', { bin: validBin(1) });
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['director', 'email', 'language', 'locality', 'nameKk', 'nameRu', 'phone', 'shortName', 'type'].sort());
    for (const field of ['shortName', 'type', 'language']) expect(String(error.message.params?.details)).toContain(`${field}: `);
  });

  it.each<[string, string, unknown, string[]]>([
    ['a year that is not a number', 'campaigns.create', { kind: 'zabota', year: 'x' }, ['year']],
    ['a fractional year', 'campaigns.create', { kind: 'zabota', year: 2027.5 }, ['year']],
    ['a year out of range', 'campaigns.create', { kind: 'zabota', year: 1999 }, ['year']],
    ['a campaign kind that does not exist', 'campaigns.create', { kind: 'olympiad', year: 2027 }, ['kind']],
    ['a short name of 101 characters', 'schools.create', { ...schoolFields(1), shortName: 'Ш'.repeat(101) }, ['shortName']],
    ['a full name of 301 characters', 'schools.create', { ...schoolFields(1), nameRu: 'Ш'.repeat(301) }, ['nameRu']],
    ['a БИН of 21 characters', 'schools.create', { ...schoolFields(1), bin: '1'.repeat(21) }, ['bin']],
    ['a blank short name', 'schools.create', { ...schoolFields(1), shortName: '   ' }, ['shortName']],
    ['an unknown school type', 'schools.create', { ...schoolFields(1), type: 'college' }, ['type']],
    ['an id that is not a positive integer', 'schools.setActive', { id: 0, active: true }, ['id']],
    ['active as a string', 'schools.setActive', { id: 1, active: 'yes' }, ['active']],
    ['a date that is not YYYY-MM-DD', 'campaigns.update', { id: 'zabota-2027', hashtag: '', startsOn: '10.01.2027', endsOn: '2027-02-10', schoolDueOn: '2027-02-12', regionDueOn: '2027-02-15' }, ['startsOn']],
    ['an empty list of files', 'reports.import', { campaignId: 'zabota-2027', files: [] }, ['files']],
    ['a file without a name', 'reports.import', { campaignId: 'zabota-2027', files: [{ name: '', base64: '' }] }, ['files.0.name']],
    ['an extra key where none is allowed', 'settings.get', { extra: 1 }, ['']],
    ['no input at all where one is needed', 'campaigns.create', undefined, ['kind', 'year']],
  ])('refuses %s', async (_what, name, input, paths) => {
    const error = await apiFailure(ctx, name, input);
    expect(error.code).toBe('invalid_input');
    expect(error.message.key).toBe('api.invalidInput');
    expect(issuePaths(error)).toEqual(paths);
  });

  it('says "(input)" for a problem with the input as a whole', async () => {
    const error = await apiFailure(ctx, 'settings.get', { extra: 1 });
    expect(error.message.params?.details).toMatch(/^\(input\): /);
  });
});

describe('dispatch: values and errors', () => {
  it('returns the value of a valid call, with strings trimmed and defaults filled in', async () => {
    const created = await callApi<School>(ctx, 'schools.create', { ...schoolFields(1), shortName: '  Школа №1  ' });
    expect(created).toEqual({ ...schoolFields(1), shortName: 'Школа №1', id: created.id, active: true });
    expect(await callApi<School[]>(ctx, 'schools.list', {})).toEqual([created]);
    expect(await callApi<School[]>(ctx, 'schools.list', undefined)).toEqual([created]);
    expect(await callApi(ctx, 'settings.get', undefined)).toEqual({ districtRu: '', districtKk: '', regionRu: '', regionKk: '', regionCode: '', departmentRu: '', departmentKk: '', headName: '', departmentBin: '' });
    const campaign = await callApi<Campaign>(ctx, 'campaigns.create', { kind: 'zabota', year: 2027 });
    expect(campaign).toMatchObject({ id: 'zabota-2027', year: 2027, formId: 'zabota', formVersion: 2, schoolDueOn: '2027-02-12' });
  });

  it('turns an AppError into {code, message: {key, params}}', async () => {
    await callApi(ctx, 'schools.create', schoolFields(1, { shortName: 'Первая' }));
    expect(await dispatch(ctx, 'schools.create', schoolFields(2, { bin: validBin(1) }))).toEqual({
      ok: false,
      error: { code: 'conflict', message: { key: 'schools.duplicateBin', params: { bin: validBin(1), name: 'Первая' } } },
    });
    expect(await dispatch(ctx, 'summary.get', { campaignId: 'zabota-1999' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: { key: 'campaigns.notFound', params: { id: 'zabota-1999' } } },
    });
    expect(await apiFailure(ctx, 'schools.create', schoolFields(3, { bin: '040940000018' }))).toEqual({
      code: 'invalid_input', message: { key: 'bin.checksum', params: {} },
    });
    await callApi(ctx, 'campaigns.create', { kind: 'zabota', year: 2027 });
    const exists = await apiFailure(ctx, 'campaigns.create', { kind: 'zabota', year: 2027 });
    expect(exists).toMatchObject({ code: 'conflict', message: { key: 'campaigns.exists', params: { id: 'zabota-2027' } } });
    // By its title, not its id.
    expect(formatMessage(tFor('ru'), exists.message)).toBe('Кампания «Республиканская акция „Забота“ — 2027» уже создана');
    expect(formatMessage(tFor('kk'), exists.message)).toBe('«„Қамқорлық“ республикалық акциясы — 2027» науқаны бұрын құрылған');
  });

  it('turns any other error into an internal error that never throws', async () => {
    const folder = tempDir();
    try {
      const closed = await openDatabase(path.join(folder.dir, 'closed.sqlite'));
      await closed.close();
      const result = await dispatch(apiContextFor(closed), 'schools.list', {});
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('internal');
      expect(result.error.message.key).toBe('api.internal');
      expect(String(result.error.message.params?.details)).toMatch(/destroyed|connection is not open/i);
    } finally {
      folder.remove();
    }
  });

  it('imports a registry sent as base64', async () => {
    const template = downloaded(await callApi<SaveOutcome>(ctx, 'exports.registryTemplate', {}));
    expect(template.name).toBe('jinaq-schools.xlsx');
    const workbook = await readWorkbook(template.bytes);
    workbook.worksheets[0].addRow([validBin(1), 'КГУ «СОШ №1»', '', 'СОШ №1']);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await callApi<RegistryImportResult>(ctx, 'schools.importRegistry', { file: { name: 'r.xlsx', base64 } })).toEqual({ added: 1, updated: 0, problems: [] });
  });
});

describe('dispatch: files in browser mode', () => {
  async function setUp(): Promise<School[]> {
    const schools = [
      await callApi<School>(ctx, 'schools.create', schoolFields(1, { shortName: 'Школа №1' })),
      await callApi<School>(ctx, 'schools.create', schoolFields(2, { shortName: 'Школа №2' })),
      await callApi<School>(ctx, 'schools.create', schoolFields(3, { shortName: 'Закрытая' })),
    ];
    await callApi(ctx, 'schools.setActive', { id: schools[2].id, active: false });
    await callApi(ctx, 'campaigns.create', { kind: 'zabota', year: 2027 });
    return schools;
  }

  it('exports.templates gives one .zip download with one .xlsx per active school', async () => {
    const schools = await setUp();
    const outcome = await callApi<SaveOutcome>(ctx, 'exports.templates', { campaignId: 'zabota-2027' });
    expect(outcome).toMatchObject({ kind: 'download', count: 2 });
    const { name, bytes } = downloaded(outcome);
    expect(name).toBe('zabota-2027-templates.zip');
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['Школа №1 - zabota-2027.xlsx', 'Школа №2 - zabota-2027.xlsx']);
    for (const [entry, school] of [['Школа №1 - zabota-2027.xlsx', schools[0]], ['Школа №2 - zabota-2027.xlsx', schools[1]]] as const) {
      const workbook = await readableWorkbook(entries[entry]);
      expect(sheetPairs(workbook).get('school_bin')).toBe(school.bin);
      expect(sheetPairs(workbook).get('campaign_id')).toBe('zabota-2027');
    }
  });

  it('exports.templates with a single active school gives the .xlsx itself', async () => {
    const schools = await setUp();
    await callApi(ctx, 'schools.setActive', { id: schools[1].id, active: false });
    const outcome = await callApi<SaveOutcome>(ctx, 'exports.templates', { campaignId: 'zabota-2027' });
    expect(outcome).toMatchObject({ kind: 'download', count: 1 });
    const { name, bytes } = downloaded(outcome);
    expect(name).toBe('Школа №1 - zabota-2027.xlsx');
    expect(sheetPairs(await readableWorkbook(bytes)).get('school_bin')).toBe(schools[0].bin);
  });

  it('exports.summary gives a single .xlsx download', async () => {
    await setUp();
    const outcome = await callApi<SaveOutcome>(ctx, 'exports.summary', { campaignId: 'zabota-2027' });
    expect(outcome).toMatchObject({ kind: 'download', count: 1 });
    const { name, bytes } = downloaded(outcome);
    expect(name).toMatch(/^zabota-2027-summary-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      'Свод - Жиынтық', 'По школам - Мектептер бойынша', 'Полнота - Толықтық', 'Исполнение плана', 'Жоспардың орындалуы',
    ]);
  });

  it('exports.summary writes the language asked for', async () => {
    await setUp();
    const outcome = await callApi<SaveOutcome>(ctx, 'exports.summary', { campaignId: 'zabota-2027', lang: 'ru' });
    const { name, bytes } = downloaded(outcome);
    expect(name).toMatch(/^zabota-2027-summary-ru-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readWorkbook(bytes)).worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['Свод', 'По школам', 'Полнота', 'Исполнение плана']);
    expect(await apiFailure(ctx, 'exports.summary', { campaignId: 'zabota-2027', lang: 'en' })).toMatchObject({ code: 'invalid_input' });
  });

  it('exports.templates for a campaign that does not exist is not_found', async () => {
    expect(await apiFailure(ctx, 'exports.templates', { campaignId: 'zabota-2030' })).toEqual({
      code: 'not_found', message: { key: 'campaigns.notFound', params: { id: 'zabota-2030' } },
    });
  });
});
