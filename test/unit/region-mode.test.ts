// Region mode: a region running Jinaq imports the districts' summaries exactly as a district imports school reports —
// the districts are the reporting units (in the registry by their department's БИН), their totals the values.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

type Db = Awaited<ReturnType<typeof tempDatabase>>;
const opened: Db[] = [];
const open = async () => {
  const database = await tempDatabase();
  opened.push(database);
  return database;
};
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.remove();
});

/** A district with its schools' reports imported, and its summary for the region exported. */
async function districtSummary(name: string, departmentBin: string, schools: number[], scale: number): Promise<Uint8Array> {
  const district = await open();
  await updateSettings(district.db, { districtRu: name, departmentBin });
  for (const n of schools) await createSchool(district.db, schoolFields(n));
  await zabotaV1Campaign(district.db, 2027);
  const { files } = await buildTemplates(district.db, 'zabota-2027');
  const filled = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await fillTemplate(file.bytes, validZabota(scale)) })));
  expect((await importReports(district.db, 'zabota-2027', filled)).every((o) => o.status === 'accepted')).toBe(true);
  return (await buildSummaryWorkbook(district.db, 'zabota-2027')).files[0].bytes;
}

const SHAKHTINSK = validBin(900);
const SARAN = validBin(901);

let region: Db;
beforeEach(async () => {
  region = await open();
  await updateSettings(region.db, { districtRu: 'Карагандинская область' });
  await createSchool(region.db, { ...schoolFields(900), bin: SHAKHTINSK, shortName: 'г. Шахтинск', nameRu: 'ГУ «Отдел образования города Шахтинска»' });
  await createSchool(region.db, { ...schoolFields(901), bin: SARAN, shortName: 'г. Сарань', nameRu: 'ГУ «Отдел образования города Сарани»' });
  await zabotaV1Campaign(region.db, 2027);
});

describe('region mode', () => {
  it('sums two districts’ summaries into one region summary, each district a reporting unit', async () => {
    const shakhtinsk = await districtSummary('г. Шахтинск', SHAKHTINSK, [1, 2, 3], 1);
    const saran = await districtSummary('г. Сарань', SARAN, [4, 5], 2);
    const outcomes = await importReports(region.db, 'zabota-2027', [
      { name: 'Шахтинск-свод.xlsx', bytes: shakhtinsk },
      { name: 'Сарань-свод.xlsx', bytes: saran },
    ]);
    expect(outcomes.map((o) => [o.status, o.schoolName, o.errors])).toEqual([['accepted', 'г. Шахтинск', []], ['accepted', 'г. Сарань', []]]);
    const summary = await getSummary(region.db, 'zabota-2027');
    expect(summary).toMatchObject({ expected: 2, reported: 2 });
    const school = validZabota(1);
    for (const code of Object.keys(school)) expect(summary.totals[code], code).toBeCloseTo(3 * validZabota(1)[code] + 2 * validZabota(2)[code], 2);
    expect(summary.schools.find((s) => s.shortName === 'г. Сарань')?.values.Z01).toBe(2 * validZabota(2).Z01);
  });

  it('refuses a summary without the department’s БИН, and offers to add a district not in the registry', async () => {
    const noBin = await districtSummary('г. Абай', '', [6], 1);
    const [refused] = await importReports(region.db, 'zabota-2027', [{ name: 'Абай.xlsx', bytes: noBin }]);
    expect(refused.errors.map((e) => e.message)).toEqual([{ key: 'import.summaryNoBin', params: { district: 'г. Абай' } }]);
    const unknownBin = validBin(903);
    const unknown = await districtSummary('г. Темиртау', unknownBin, [7], 1);
    const [offered] = await importReports(region.db, 'zabota-2027', [{ name: 'Темиртау.xlsx', bytes: unknown }]);
    expect(offered.errors.map((e) => e.message.key)).toEqual(['import.unknownSchool']);
    expect(offered.newSchool?.bin).toBe(unknownBin);
    expect((await getSummary(region.db, 'zabota-2027')).reported).toBe(0);
  });
});
