// The declarations tell the truth about what a change changes: a district goes through every change method on a
// real database, and after each, every query whose answer differs must be one the declarations mark as out of date
// (the renderer reads again exactly those: renderer/src/data/cache.ts). A change that forgot a kind of data it
// touches, or a query that forgot one it reads, fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../main/api.ts';
import { api, isQueryName, outdates, type ApiInput, type ApiName, type ApiOutput, type ChangeName, type QueryName } from '../../shared/api/index.ts';
import { apiContextFor, callApi, downloaded, tempDatabase } from '../helpers/db.ts';
import { oneLevelWithCodes } from '../helpers/region-forms.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabotaV2 } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
const TODAY = '2027-10-05';
const both = (text: string) => ({ ru: text, kk: text });

let database: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ApiContext;
beforeAll(async () => {
  database = await tempDatabase();
  ctx = apiContextFor(database);
});
afterAll(() => database.remove());

const call = <K extends ApiName>(name: K, input: ApiInput<K>) => callApi<ApiOutput<K>>(ctx, name, input);

/** Every query, with the inputs a screen of this district would use. */
async function watchedQueries(): Promise<Array<[QueryName, unknown]>> {
  const schools = await call('schools.list', { includeClosed: true });
  const campaign = (await call('campaigns.list', {}))[0];
  const always: Array<[QueryName, unknown]> = [
    ['settings.get', {}],
    ['schools.list', { includeClosed: true }],
    ['schools.list', { includeClosed: false }],
    ['campaigns.list', {}],
    ['campaigns.firstSteps', {}],
    ['forms.list', {}],
    ['backups.list', {}],
  ];
  if (!campaign) return always;
  const perSchool = schools.flatMap((school): Array<[QueryName, unknown]> => [
    ['reports.versions', { campaignId: CAMPAIGN, schoolId: school.id }],
    ['reports.audit', { campaignId: CAMPAIGN, schoolId: school.id }],
  ]);
  return [
    ...always,
    ['forms.get', { id: campaign.formId, version: campaign.formVersion }],
    ['plans.get', { campaignId: CAMPAIGN }],
    ['plans.execution', { campaignId: CAMPAIGN, today: TODAY }],
    ['reports.history', { campaignId: CAMPAIGN }],
    ['reports.audit', { campaignId: CAMPAIGN }],
    ...perSchool,
    ['summary.get', { campaignId: CAMPAIGN }],
  ];
}

async function answers(queries: Array<[QueryName, unknown]>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const [name, input] of queries) found.set(JSON.stringify([name, input]), JSON.stringify(await call(name, input as never)));
  return found;
}

/** Runs a change and names the queries whose answers it changed but the declarations would not read again. */
async function staleAfter<K extends ChangeName>(name: K, input: ApiInput<K>): Promise<{ value: ApiOutput<K>; stale: string[] }> {
  const queries = await watchedQueries();
  const before = await answers(queries);
  const value = await call(name, input);
  const after = await answers(queries);
  const stale = [...before.keys()].filter((key) => before.get(key) !== after.get(key) && !outdates(name, JSON.parse(key)[0] as QueryName));
  return { value, stale };
}

describe('what each change declares it changes', () => {
  const tried = new Set<ChangeName>();
  async function expectDeclared<K extends ChangeName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>> {
    tried.add(name);
    const { value, stale } = await staleAfter(name, input);
    expect(stale, `${name} changed the answers of these queries without declaring it`).toEqual([]);
    return value;
  }

  it('covers every change method of a district’s year', async () => {
    await expectDeclared('settings.update', { districtRu: 'г. Шахтинск', departmentRu: 'ГУ «Отдел образования»' });
    const first = await expectDeclared('schools.create', schoolFields(1));
    const second = await expectDeclared('schools.create', schoolFields(2));
    const third = await expectDeclared('schools.create', schoolFields(3));
    await expectDeclared('schools.update', { ...schoolFields(2), id: second.id, shortName: 'Школа-лицей № 2' });
    await expectDeclared('schools.setActive', { id: third.id, active: false });
    await expectDeclared('exports.registryTemplate', {});
    await expectDeclared('campaigns.create', { kind: 'zabota', year: 2027 });
    const campaign = (await call('campaigns.list', {}))[0];
    await expectDeclared('campaigns.update', { ...campaign, hashtag: '#Қамқорлық2027' });

    const withSection = await expectDeclared('plans.saveSection', { campaignId: CAMPAIGN, title: both('Раздел') });
    const section = withSection.sections.at(-1)!;
    const withItem = await expectDeclared('plans.saveItem', {
      campaignId: CAMPAIGN, sectionId: section.id, title: both('Акция'), deadlineText: both('до 10 октября'), executorsText: both('школы'),
    });
    await expectDeclared('plans.setOwnExecution', { campaignId: CAMPAIGN, id: withItem.items.at(-1)!.id, status: 'done', note: 'Проведено' });
    await expectDeclared('plans.moveItem', { campaignId: CAMPAIGN, id: withItem.items.at(-1)!.id, direction: 'up' });
    await expectDeclared('plans.updateHeader', { campaignId: CAMPAIGN, title: both('План'), preamble: [], approvedOn: '2027-09-01' });
    // A plan replaced from its own workbook (possible until schools report on it).
    const planFile = downloaded(await expectDeclared('exports.plan', { campaignId: CAMPAIGN, lang: 'ru' }));
    const imported = await expectDeclared('plans.import', { campaignId: CAMPAIGN, file: { name: planFile.name, base64: Buffer.from(planFile.bytes).toString('base64') } });
    const item = imported.plan.items.at(-1)!;
    await expectDeclared('plans.setExecution', { campaignId: CAMPAIGN, itemId: item.id, schoolId: first.id, status: 'done', events: 2, participants: 40, description: '' });
    await expectDeclared('exports.executionReport', { campaignId: CAMPAIGN, lang: 'both' });
    const extraSection = (await expectDeclared('plans.saveSection', { campaignId: CAMPAIGN, title: both('Лишний раздел') })).sections.at(-1)!;
    const extra = await expectDeclared('plans.saveItem', {
      campaignId: CAMPAIGN, sectionId: extraSection.id, title: both('Лишнее'), deadlineText: both('в течение месяца'), executorsText: both('отдел образования'),
    });
    await expectDeclared('plans.deleteItem', { campaignId: CAMPAIGN, id: extra.items.at(-1)!.id });
    await expectDeclared('plans.deleteSection', { campaignId: CAMPAIGN, id: extraSection.id });

    const templates = await expectDeclared('exports.templates', { campaignId: CAMPAIGN });
    await expectDeclared('exports.blankTemplate', { campaignId: CAMPAIGN });
    const template = (await import('fflate')).unzipSync(downloaded(templates).bytes);
    const fileOf = async (index: number, values: Record<string, number>) => ({
      name: `school${index + 1}.xlsx`,
      base64: Buffer.from(await fillTemplate(Object.values(template)[index], values)).toString('base64'),
    });
    await expectDeclared('reports.import', { campaignId: CAMPAIGN, files: [await fileOf(0, validZabotaV2())] });
    await expectDeclared('reports.import', { campaignId: CAMPAIGN, files: [await fileOf(0, validZabotaV2(2))] });
    const [rejected] = await expectDeclared('reports.import', { campaignId: CAMPAIGN, files: [await fileOf(1, { ...validZabotaV2(), Z03: 10_000 })] });
    await expectDeclared('reports.return', { campaignId: CAMPAIGN, importId: rejected.importId! });
    await expectDeclared('reports.reimport', { campaignId: CAMPAIGN, importIds: [rejected.importId!] });
    await expectDeclared('reports.enter', { campaignId: CAMPAIGN, schoolId: second.id, values: validZabotaV2() });
    const versions = await call('reports.versions', { campaignId: CAMPAIGN, schoolId: first.id });
    await expectDeclared('reports.restore', { campaignId: CAMPAIGN, reportId: versions.at(-1)!.reportId });
    await expectDeclared('exports.summary', { campaignId: CAMPAIGN });

    const copy = await expectDeclared('forms.copy', { id: campaign.formId, version: campaign.formVersion });
    await expectDeclared('forms.save', { form: { ...copy.form, title: both('Моя форма') } });
    await expectDeclared('exports.form', { id: copy.form.id, version: copy.form.version });
    await expectDeclared('forms.delete', { id: copy.form.id, version: copy.form.version });
    await expectDeclared('forms.fromXlsx', { file: { name: 'region.xlsx', base64: (await oneLevelWithCodes()).toString('base64') } });

    await expectDeclared('backups.create', {});
  });

  it('leaves none of the change methods untried but the ones tested elsewhere', () => {
    // Restores replace the whole database ('all'); a form file, a registry file, a school's choice, a dismissal and
    // a batch's results workbook need files of their own: their declarations are read below. The region's workbook
    // filled needs a form made from it (test/unit/region-fill.test.ts).
    const elsewhere = new Set(['backups.restore', 'backups.restoreFile', 'forms.import', 'schools.importRegistry', 'reports.acceptAs', 'reports.dismiss', 'exports.importResults', 'campaigns.setForm', 'exports.intoRegionWorkbook']);
    const untried = (Object.keys(api) as ApiName[]).filter((name) => !isQueryName(name) && !tried.has(name as ChangeName) && !elsewhere.has(name));
    expect(untried).toEqual([]);
  });
});
