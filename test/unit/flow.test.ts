// The whole main job once, on real parts: registry → campaign → templates → filled files → import → summary → export.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sheetPairs } from '../../main/excel/intake/identity-reader.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool, setSchoolActive } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import { tempDatabase } from '../helpers/db.ts';
import { valueCellOf } from '../helpers/edit.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, readableWorkbook, readWorkbook, validZabota } from '../helpers/workbooks.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы' });
});
afterEach(() => database.remove());

async function setUp(schoolCount: number) {
  for (let n = 1; n <= schoolCount; n++) await createSchool(database.db, schoolFields(n));
  const campaign = await zabotaV1Campaign(database.db, 2027);
  const { files } = await buildTemplates(database.db, campaign.id);
  return { campaign, files };
}

describe('the main job for «Забота»', () => {
  it('writes one template per active school, with a Windows-safe name and the hidden identification', async () => {
    await createSchool(database.db, schoolFields(9, { shortName: 'Школа: "Болашақ"?' }));
    const closed = await createSchool(database.db, schoolFields(8));
    await setSchoolActive(database.db, closed.id, false);
    const campaign = await zabotaV1Campaign(database.db, 2027);
    const { files } = await buildTemplates(database.db, campaign.id);
    expect(files.map((f) => f.name)).toEqual(['Школа_ _Болашақ__ - zabota-2027.xlsx']);
    const workbook = await readWorkbook(files[0].bytes);
    const identity = workbook.getWorksheet('jinaq_id')!;
    expect(identity.state).toBe('veryHidden');
    const pairs = sheetPairs(await readableWorkbook(files[0].bytes));
    expect(pairs.get('campaign_id')).toBe('zabota-2027');
    expect(pairs.get('school_bin')).toBe(schoolFields(9).bin);
    const z01 = valueCellOf(workbook.worksheets[0], 'Z01');
    expect(z01.protection?.locked).toBe(false);
    expect(z01.dataValidation?.type).toBe('whole');
    expect(z01.worksheet.getRow(Number(z01.row)).getCell(3).value).toBe('Есеп беру күнгі білім алушылар контингенті *');
  });

  it('refuses to write templates when no school is active, instead of handing out an empty folder', async () => {
    const campaign = await zabotaV1Campaign(database.db, 2027);
    await expect(buildTemplates(database.db, campaign.id)).rejects.toMatchObject({ code: 'conflict', key: 'templates.noSchools' });
  });

  it('refuses a campaign whose form version this app does not know, saying so', async () => {
    const campaign = await zabotaV1Campaign(database.db, 2027);
    await database.db.updateTable('campaigns').set({ form_version: 99 }).where('id', '=', campaign.id).execute();
    await expect(getSummary(database.db, campaign.id)).rejects.toMatchObject({ key: 'campaigns.unknownForm', params: { form: 'zabota v99' } });
  });

  it('imports filled files, rejects a broken one with its cell and code, and sums the accepted ones', async () => {
    const { campaign, files } = await setUp(3);
    const good1 = await fillTemplate(files[0].bytes, validZabota());
    const good2 = await fillTemplate(files[1].bytes, { ...validZabota(2), Z01: '1 000', Z30: '300 001,00' });
    const broken = await fillTemplate(files[2].bytes, { ...validZabota(), Z03: 9 });

    const outcomes = await importReports(database.db, campaign.id, [
      { name: 'a.xlsx', bytes: good1 },
      { name: 'b.xlsx', bytes: good2 },
      { name: 'c.xlsx', bytes: broken },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(outcomes[2].errors).toEqual([
      expect.objectContaining({ severity: 'error', sheet: 'Форма - Нысан', cell: 'D12', code: 'Z03', message: expect.objectContaining({ key: 'import.ruleError' }) }),
    ]);
    expect(outcomes[2].errors[0].message.params).toMatchObject({ rule: 'Z-R1', text: 'Z03 ≤ Z02', left: 9, right: 4 });

    const summary = await getSummary(database.db, campaign.id);
    expect(summary).toMatchObject({ expected: 3, reported: 2 });
    expect(summary.missing.map((m) => m.bin)).toEqual([schoolFields(3).bin]);
    expect(summary.totals.Z01).toBe(1500);
    expect(summary.totals.Z30).toBe(450001.5);
    expect(summary.totals.Z32).toBe(150001.5);
    expect(summary.totals.Z23).toBe(0);

    const { files: [exported] } = await buildSummaryWorkbook(database.db, campaign.id, '2027-02-14');
    const workbook = await readWorkbook(exported.bytes);
    expect(workbook.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      'Свод - Жиынтық', 'По школам - Мектептер бойынша', 'Полнота - Толықтық', 'Исполнение плана', 'Жоспардың орындалуы',
    ]);
    const totals = workbook.worksheets[0];
    const totalsByCode = new Map<string, unknown>();
    let header = 0;
    totals.eachRow((row, n) => {
      totalsByCode.set(String(row.getCell(1).value), row.getCell(5).value);
      if (row.getCell(1).value === 'Код строки / Жол коды') header = n;
    });
    expect(totalsByCode.get('Z01')).toBe(1500);
    expect(totals.getRow(header).values).toEqual([, 'Код строки / Жол коды', 'Показатель', 'Көрсеткіш', 'Ед. изм. / Өлш. бірл.', 'Итого за 2027 год / 2027 жылы барлығы']);
    expect(totalsByCode.get('Z30')).toBe(450001.5);
    const perSchool = workbook.worksheets[1];
    expect(perSchool.getRow(2).getCell(6).value).toBe('Z01');
    expect(perSchool.getCell('F6').value).toEqual({ formula: 'SUM(F4:F5)', result: 1500 });
    const completeness = workbook.worksheets[2];
    const bins: unknown[] = [];
    completeness.eachRow((row) => bins.push(row.getCell(3).value));
    expect(bins).toContain(schoolFields(3).bin);
  });

  it('treats the same bytes twice as a duplicate and lets a newer file supersede the older one', async () => {
    const { campaign, files } = await setUp(1);
    const first = await fillTemplate(files[0].bytes, validZabota());
    const corrected = await fillTemplate(files[0].bytes, { ...validZabota(), Z01: 600 });
    const [a] = await importReports(database.db, campaign.id, [{ name: 'a.xlsx', bytes: first }]);
    const [again] = await importReports(database.db, campaign.id, [{ name: 'a (1).xlsx', bytes: first }]);
    const [b] = await importReports(database.db, campaign.id, [{ name: 'a-corrected.xlsx', bytes: corrected }]);
    expect([a.status, again.status, b.status]).toEqual(['accepted', 'duplicate', 'accepted']);
    expect(b.superseded).toBe(true);
    const summary = await getSummary(database.db, campaign.id);
    expect(summary.totals.Z01).toBe(600);
    const history = await database.db.selectFrom('reports').select(['is_current']).execute();
    expect(history.map((r) => r.is_current).sort()).toEqual([0, 1]);
    expect(await database.db.selectFrom('files').select('id').execute()).toHaveLength(2);
  });
});
