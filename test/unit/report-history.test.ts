// What the import keeps: a dry run that stores nothing, a newer file superseding an older one with what changed,
// an older version restored, every change in the audit, a file returned for revision with its message, a report
// typed in by hand, and the results of a batch as a workbook.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { userInfo } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/services/audit.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildResultsFile, buildTemplates } from '../../main/services/exports.ts';
import { importHistory, importReports } from '../../main/services/imports.ts';
import { enterReport } from '../../main/services/manual-entry.ts';
import { listVersions, restoreVersion, returnForRevision } from '../../main/services/report-history.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { School } from '../../shared/domain.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, readWorkbook, validZabota, type CellInput } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
let database: Awaited<ReturnType<typeof tempDatabase>>;
let schools: School[];
let templates: Uint8Array[];
// The same fill gives the same bytes, as the same file sent twice would: exceljs stamps each zip entry with the time
// of writing, so two fills a second apart would differ.
const filled = new Map<string, Promise<Uint8Array>>();

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', departmentRu: 'ГУ «Отдел образования города Шахтинска»', departmentKk: '«Шахтинск қаласының білім бөлімі» ММ' });
  schools = [await createSchool(database.db, schoolFields(1)), await createSchool(database.db, schoolFields(2))];
  await zabotaV1Campaign(database.db, 2027);
  templates = (await buildTemplates(database.db, CAMPAIGN)).files.map((f) => f.bytes);
  filled.clear();
});
afterEach(() => database.remove());

async function send(index: number, changes: Record<string, CellInput>, name = `school${index + 1}.xlsx`, dryRun = false) {
  const key = JSON.stringify([index, changes]);
  if (!filled.has(key)) filled.set(key, fillTemplate(templates[index], { ...validZabota(), ...changes }));
  const bytes = await filled.get(key)!;
  return (await importReports(database.db, CAMPAIGN, [{ name, bytes }], { dryRun }))[0];
}

async function rowCounts() {
  const count = async (table: 'files' | 'imports' | 'reports' | 'report_values' | 'value_audit') =>
    Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { files: await count('files'), imports: await count('imports'), reports: await count('reports'), values: await count('report_values'), audit: await count('value_audit') };
}

describe('a dry run', () => {
  it('judges each file as the import would and stores nothing: no file, no import record, no report, no audit', async () => {
    const before = await rowCounts();
    const good = await send(0, {}, 'good.xlsx', true);
    const bad = await send(1, { Z03: 9 }, 'bad.xlsx', true);
    expect([good.status, bad.status]).toEqual(['accepted', 'rejected']);
    expect([good.checkedOnly, bad.checkedOnly, good.importId]).toEqual([true, true, null]);
    expect(bad.errors[0].message.params?.rule).toBe('Z-R1');
    expect(await rowCounts()).toEqual(before);
    expect(await importHistory(database.db, CAMPAIGN)).toEqual([]);
  });

  it('says a file is a duplicate without recording the duplicate', async () => {
    await send(0, {});
    const before = await rowCounts();
    expect((await send(0, {}, 'again.xlsx', true)).status).toBe('duplicate');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('versions of a school’s report', () => {
  it('supersedes the older file, shows what changed, restores the older one, and audits every change with the OS user', async () => {
    await send(0, { Z03: 3 }, 'first.xlsx');
    const corrected = await send(0, { Z03: 4, Z30: 150001.5, Z31: 100001 }, 'corrected.xlsx');
    expect(corrected.superseded).toBe(true);
    expect((await getSummary(database.db, CAMPAIGN)).totals.Z03).toBe(4);

    const versions = await listVersions(database.db, CAMPAIGN, schools[0].id);
    expect(versions.map((v) => [v.file, v.current, v.source])).toEqual([['first.xlsx', false, 'file'], ['corrected.xlsx', true, 'file']]);
    expect(versions[0].changes).toHaveLength(Object.keys(validZabota()).length);
    expect(versions[1].changes).toEqual([
      { code: 'Z03', before: '3', after: '4' },
      { code: 'Z30', before: '150000.5', after: '150001.5' },
      { code: 'Z31', before: '100000', after: '100001' },
    ]);

    const restored = await restoreVersion(database.db, CAMPAIGN, versions[0].reportId);
    expect(restored.map((v) => v.current)).toEqual([true, false]);
    expect((await getSummary(database.db, CAMPAIGN)).totals.Z03).toBe(3);

    const audit = await listAudit(database.db, CAMPAIGN, schools[0].id);
    const restoreRows = audit.filter((a) => a.reason === 'restore').sort((a, b) => a.code.localeCompare(b.code));
    expect(restoreRows.map((a) => [a.code, a.before, a.after, a.file])).toEqual([
      ['Z03', '4', '3', 'first.xlsx'],
      ['Z30', '150001.5', '150000.5', 'first.xlsx'],
      ['Z31', '100001', '100000', 'first.xlsx'],
    ]);
    expect(audit.every((a) => a.user === userInfo().username)).toBe(true);
    expect(audit.filter((a) => a.reason === 'file' && a.file === 'corrected.xlsx').map((a) => a.code)).toEqual(['Z31', 'Z30', 'Z03']);
    expect(audit.filter((a) => a.file === 'first.xlsx' && a.reason === 'file')).toHaveLength(Object.keys(validZabota()).length);
  });

  it('refuses to restore a report of another campaign', async () => {
    await send(0, {});
    const [version] = await listVersions(database.db, CAMPAIGN, schools[0].id);
    await zabotaV1Campaign(database.db, 2028);
    await expect(restoreVersion(database.db, 'zabota-2028', version.reportId)).rejects.toMatchObject({ key: 'import.reportNotFound' });
  });
});

describe('returning a file for revision', () => {
  it('marks it returned and writes the message in Russian and Kazakh with every problem’s sheet, cell and row code', async () => {
    const outcome = await send(0, { Z01: 'пятьсот', Z07: -2 }, 'школа1.xlsx');
    expect(outcome.status).toBe('rejected');
    const message = await returnForRevision(database.db, CAMPAIGN, outcome.importId!);
    expect(message.ru).toContain('Здравствуйте!');
    expect(message.ru).toContain('школы «Школа №1» (файл «школа1.xlsx»)');
    expect(message.ru).toMatch(/\n1\. лист «[^»]+», ячейка D10, строка Z01: Ожидалось число, а в ячейке «пятьсот»\n2\. лист «[^»]+», ячейка D16, строка Z07: /);
    expect(message.ru).toContain('до 12.02.2027');
    expect(message.ru.endsWith('ГУ «Отдел образования города Шахтинска»')).toBe(true);
    expect(message.kk).toContain('Сәлеметсіз бе!');
    expect(message.kk).toContain("«Форма - Нысан» парағы, D10 ұяшығы, Z01 жолы: Сан күтілген");
    expect(message.kk.endsWith('«Шахтинск қаласының білім бөлімі» ММ')).toBe(true);

    const [record] = await importHistory(database.db, CAMPAIGN);
    expect(record).toMatchObject({ state: 'returned', file: 'школа1.xlsx' });
    expect(record.returnedAt).not.toBeNull();
    const again = await returnForRevision(database.db, CAMPAIGN, outcome.importId!);
    expect(again).toEqual(message);
    expect((await importHistory(database.db, CAMPAIGN))[0].returnedAt).toBe(record.returnedAt);

    await send(0, {}, 'исправленный.xlsx');
    const answered = await importHistory(database.db, CAMPAIGN);
    expect(answered.map((r) => [r.file, r.state])).toEqual([['исправленный.xlsx', 'accepted'], ['школа1.xlsx', 'rejected']]);
    expect(answered[1].returnedAt).toBe(record.returnedAt);
  });

  it('lists warnings of an accepted file too, and refuses a file without a school', async () => {
    const doubtful = await send(0, { Z34: 0 });
    expect(doubtful.hasWarnings).toBe(true);
    const message = await returnForRevision(database.db, CAMPAIGN, doubtful.importId!);
    expect(message.ru).toContain('Проверьте и при необходимости исправьте или поясните:');
    expect(message.ru).toContain('Z-R9');
    const unread = (await importReports(database.db, CAMPAIGN, [{ name: 'фото.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) }]))[0];
    await expect(returnForRevision(database.db, CAMPAIGN, unread.importId!)).rejects.toMatchObject({ key: 'import.returnNoSchool' });
    const duplicate = await send(0, { Z34: 0 }, 'again.xlsx');
    expect(duplicate.status).toBe('duplicate');
    await expect(returnForRevision(database.db, CAMPAIGN, duplicate.importId!)).rejects.toMatchObject({ key: 'import.returnNotAFile' });
  });
});

describe('a report typed in by hand', () => {
  const typed = () => Object.fromEntries(Object.entries(validZabota()).map(([code, value]) => [code, String(value)]));

  it('is checked like a file: a rule broken or a bad value is named by its row code and nothing is stored', async () => {
    const before = await rowCounts();
    const broken = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z03: '9' });
    expect(broken.status).toBe('rejected');
    expect(broken.errors.map((e) => [e.code, e.message.params?.rule])).toEqual([['Z03', 'Z-R1']]);
    const bad = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z01: 'много', Z02: -1, Z30: '10,555' });
    expect(bad.errors.map((e) => [e.code, e.message.key])).toEqual([['Z01', 'import.notANumber'], ['Z02', 'import.negative'], ['Z30', 'import.tooManyDecimals']]);
    const blank = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z01: null });
    // a blank is read: the rules over it are checked too, with the rule's blank strategy
    expect(blank.errors.map((e) => [e.code, e.message.key, e.message.params?.rule])).toEqual([
      ['Z01', 'import.required', undefined], ['Z04', 'import.ruleError', 'Z-R3'], ['Z10', 'import.ruleError', 'Z-R4'],
    ]);
    const unknown = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z99: '1' });
    expect(unknown.errors.map((e) => [e.code, e.message.key])).toEqual([['Z99', 'import.manualUnknownCode']]);
    expect(await rowCounts()).toEqual(before);
  });

  it('lists every problem at once, like a file: a bad value, a rule broken elsewhere, the rules the bad value holds back', async () => {
    const outcome = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z03: 'три', Z05: '11', Z23: '—', Z24: '2 чел.' });
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.code, e.message.key, e.message.params?.rule])).toEqual([
      ['Z03', 'import.notANumber', undefined], ['Z05', 'import.ruleError', 'Z-R2'],
    ]);
    expect(outcome.warnings.map((w) => [w.code, w.message.key])).toEqual([
      ['Z23', 'import.dashAsZero'], ['Z24', 'import.unitDropped'], ['Z03', 'import.ruleUnchecked'],
    ]);
  });

  it('is stored as entered by hand, counts in the summary, keeps what was typed as its file, and is audited as manual', async () => {
    const outcome = await enterReport(database.db, CAMPAIGN, schools[1].id, { ...typed(), Z30: '150 000,50' });
    expect(outcome).toMatchObject({ status: 'accepted', checkedOnly: false, schoolBin: schools[1].bin });
    const [record] = await importHistory(database.db, CAMPAIGN);
    expect(record).toMatchObject({ source: 'manual', state: 'accepted', current: true, user: userInfo().username });
    const summary = await getSummary(database.db, CAMPAIGN);
    expect(summary.schools.find((s) => s.schoolId === schools[1].id)?.values.Z30).toBe(150000.5);
    const file = await database.db
      .selectFrom('files').innerJoin('imports', 'imports.file_id', 'files.id').select('files.bytes').where('imports.id', '=', record.id).executeTakeFirstOrThrow();
    expect(JSON.parse(Buffer.from(file.bytes).toString('utf8'))).toMatchObject({ campaign: CAMPAIGN, school: schools[1].bin, values: { Z30: '150 000,50' } });
    expect((await listAudit(database.db, CAMPAIGN, schools[1].id)).every((a) => a.reason === 'manual')).toBe(true);
  });

  it('refuses a school closed in the registry', async () => {
    await database.db.updateTable('schools').set({ active: 0 }).where('id', '=', schools[1].id).execute();
    await expect(enterReport(database.db, CAMPAIGN, schools[1].id, typed())).rejects.toMatchObject({ key: 'import.closedSchool' });
  });
});

describe('the results of a batch as a workbook', () => {
  it('lists every file with its school, outcome and messages in the chosen language, as text', async () => {
    const outcomes = [await send(0, {}, 'good.xlsx'), await send(1, { Z03: 9 }, '=bad.xlsx')];
    const { files } = await buildResultsFile(CAMPAIGN, outcomes, 'kk', false, '2027-02-12');
    expect(files[0].name).toBe('zabota-2027-import-2027-02-12.xlsx');
    const sheet = (await readWorkbook(files[0].bytes)).worksheets[0];
    expect(sheet.name).toBe('Импорт нәтижелері');
    expect(sheet.getRow(3).values).toEqual([undefined, 1, 'good.xlsx', 'Школа №1', schools[0].bin, 'Қабылданды', '', '']);
    expect(sheet.getCell('B4').value).toBe('=bad.xlsx');
    expect(sheet.getCell('E4').value).toBe('Қабылданбады');
    expect(String(sheet.getCell('F4').value)).toContain('Z-R1');
    expect(sheet.autoFilter).toBeDefined();
  });
});
