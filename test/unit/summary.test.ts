// The district summary: totals equal an independent sum of what the schools filled, completeness and timeliness,
// the same campaign a year earlier, and values worth a second look (shared/outliers.ts and in the summary).
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { School } from '../../shared/domain.ts';
import { districtOutliers, farFromLastYear } from '../../shared/outliers.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
let schools: School[];

beforeEach(async () => {
  database = await tempDatabase();
  schools = [];
  for (let n = 1; n <= 12; n++) schools.push(await createSchool(database.db, schoolFields(n)));
});
afterEach(() => database.remove());

/** A valid report that differs per school: a scale of the valid one, Z01 varied a little. */
function reportOf(n: number): Record<string, number> {
  return { ...validZabota(1 + (n % 4)), Z01: 480 + n * 7 };
}

/** Schools №1…№`only` fill their templates (named «Школа №N - …») with `values(N)`, imported in that order. */
async function importAll(campaignId: string, values: (n: number) => Record<string, number>, only = schools.length) {
  const { files } = await buildTemplates(database.db, campaignId);
  const numbered = files.map((file) => ({ file, n: Number(/№(\d+)/.exec(file.name)![1]) })).filter(({ n }) => n <= only).sort((a, b) => a.n - b.n);
  const filled = await Promise.all(numbered.map(async ({ file, n }) => ({ name: file.name, bytes: await fillTemplate(file.bytes, values(n)) })));
  return importReports(database.db, campaignId, filled);
}

describe('the totals', () => {
  it('equal an independent sum of the values the schools filled, money to the tiyn', async () => {
    await zabotaV1Campaign(database.db, 2027);
    const outcomes = await importAll('zabota-2027', reportOf);
    expect(outcomes.every((o) => o.status === 'accepted')).toBe(true);
    const expected: Record<string, number> = {};
    for (let n = 1; n <= 12; n++) for (const [code, value] of Object.entries(reportOf(n))) expected[code] = (expected[code] ?? 0) + Math.round(value * 100);
    const summary = await getSummary(database.db, 'zabota-2027');
    expect(summary.totals).toEqual(Object.fromEntries(Object.entries(expected).map(([code, tiyn]) => [code, tiyn / 100])));
    expect(summary.ruleIssues).toEqual([]);
  });
});

describe('completeness and timeliness', () => {
  it('counts on time by the first accepted report against the due date, by day received, and names the missing', async () => {
    const campaign = await zabotaV1Campaign(database.db, 2027);
    await importAll('zabota-2027', reportOf, 4);
    const ids = (await database.db.selectFrom('reports').select(['id', 'school_id']).orderBy('id').execute()).map((r) => r.id);
    const at = (id: number, iso: string) => database.db.updateTable('reports').set({ received_at: iso }).where('id', '=', id).execute();
    // The office's clock decides the day: noon UTC is the same calendar day from Kazakhstan to the test machine.
    await at(ids[0], `${campaign.schoolDueOn}T12:00:00.000Z`);
    await at(ids[1], '2027-02-20T12:00:00.000Z');
    await at(ids[2], '2027-02-03T12:00:00.000Z');
    await at(ids[3], '2027-02-03T12:00:00.000Z');
    const summary = await getSummary(database.db, 'zabota-2027');
    expect({ expected: summary.expected, reported: summary.reported, onTime: summary.onTime, late: summary.late }).toEqual({ expected: 12, reported: 4, onTime: 3, late: 1 });
    expect(summary.schools.filter((s) => s.late).map((s) => s.schoolId)).toEqual([schools[1].id]);
    expect(summary.missing.map((m) => m.id).sort()).toEqual(schools.slice(4).map((s) => s.id).sort());
    expect(summary.receivedByDay).toEqual([
      { date: '2027-02-03', count: 2 },
      { date: campaign.schoolDueOn, count: 1 },
      { date: '2027-02-20', count: 1 },
    ]);
  });
});

describe('the same campaign a year earlier', () => {
  it('is found by kind and year, with its totals; none for the first year', async () => {
    await zabotaV1Campaign(database.db, 2026);
    await importAll('zabota-2026', (n) => ({ ...reportOf(n), Z06: 1 }), 6);
    await zabotaV1Campaign(database.db, 2027);
    expect((await getSummary(database.db, 'zabota-2026')).previous).toBeNull();
    const summary = await getSummary(database.db, 'zabota-2027');
    expect(summary.previous).toMatchObject({ campaignId: 'zabota-2026', year: 2026, reported: 6 });
    expect(summary.previous?.totals.Z06).toBe(6);
    expect(summary.previous?.totals.Z01).toBe([1, 2, 3, 4, 5, 6].reduce((sum, n) => sum + reportOf(n).Z01, 0));
  });
});

describe('values worth a second look', () => {
  it('flags a school far from the others (z-score beyond 3) and a school far from its own last year', async () => {
    await zabotaV1Campaign(database.db, 2026);
    await importAll('zabota-2026', (n) => ({ ...reportOf(n), Z06: 2 }));
    await zabotaV1Campaign(database.db, 2027);
    await importAll('zabota-2027', (n) => ({ ...reportOf(n), Z01: n === 5 ? 50_000 : reportOf(n).Z01, Z06: n === 3 ? 30 : 2 }));
    const { outliers } = await getSummary(database.db, 'zabota-2027');
    const district = outliers.filter((o) => o.kind === 'district');
    expect(district.map((o) => [o.shortName, o.code, o.value])).toEqual([['Школа №5', 'Z01', 50_000], ['Школа №3', 'Z06', 30]]);
    expect(district[0].zScore).toBeGreaterThan(3);
    const lastYear = outliers.filter((o) => o.kind === 'lastYear');
    expect(lastYear.map((o) => [o.shortName, o.code, o.value, o.previous])).toEqual([
      ['Школа №5', 'Z01', 50_000, reportOf(5).Z01],
      ['Школа №3', 'Z06', 30, 2],
    ]);
  });
});

describe('districtOutliers and farFromLastYear', () => {
  const schoolsWith = (...values: number[]) => values.map((value, i) => ({ schoolId: i + 1, value }));

  it.each([
    ['eleven alike and one far', schoolsWith(10, 11, 9, 10, 10, 11, 9, 10, 10, 11, 9, 100), [12]],
    ['all equal', schoolsWith(5, 5, 5, 5, 5), []],
    ['too few schools to judge', schoolsWith(1, 1000), []],
    ['spread evenly', schoolsWith(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), []],
  ])('%s', (_name, values, flagged) => {
    expect(districtOutliers(values).map((v) => v.schoolId)).toEqual(flagged);
  });

  it.each([
    [30, 10, true], [10, 30, true], [29, 10, false], [0, 12, true], [12, 0, true], [7, 2, false], [9, 0, false], [100, 99, false],
  ])('%d against %d a year earlier → %s', (value, previous, far) => {
    expect(farFromLastYear(value, previous)).toBe(far);
  });
});
