// The district summary: the latest accepted report of every active school, summed by SQL.
// Reports made with an older version of the form are summed too: a row code means the same in every version.
// With them: completeness and timeliness, the same campaign a year earlier, and values worth a second look.
import type { Kysely } from 'kysely';
import { localIsoDate } from '../../shared/dates.ts';
import type { Campaign, CampaignSummary, Outlier, SchoolReportRow, SummaryIndicator, SummaryList } from '../../shared/domain.ts';
import { gridTables, isNumericType, listTables, valueCells, type GridTable, type FormDefinition, type ListRow } from '../../shared/forms/types.ts';
import { fromTiyn } from '../../shared/numbers.ts';
import { districtOutliers, farFromLastYear } from '../../shared/outliers.ts';
import { compareSchoolNames } from '../../shared/school-names.ts';
import { checkRules } from '../../shared/validate.ts';
import type { Database } from '../db/schema.ts';
import { campaignForm, getCampaign } from './campaigns.ts';
import { getForm } from './forms.ts';

function currentReports(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('reports')
    .innerJoin('schools', 'schools.id', 'reports.school_id')
    .where('reports.campaign_id', '=', campaignId)
    .where('reports.is_current', '=', 1)
    .where('schools.active', '=', 1);
}

/** The campaign's form and every older version a current report was made with, newest first. */
async function formsInUse(db: Kysely<Database>, campaignId: string, current: FormDefinition): Promise<FormDefinition[]> {
  const versions = await currentReports(db, campaignId)
    .select('reports.form_version')
    .where('reports.form_id', '=', current.id)
    .where('reports.form_version', '!=', current.version)
    .distinct()
    .orderBy('reports.form_version', 'desc')
    .execute();
  return [current, ...(await Promise.all(versions.map((v) => getForm(db, current.id, v.form_version))))];
}

function summaryIndicators(forms: FormDefinition[]): SummaryIndicator[] {
  const seen = new Map<string, SummaryIndicator>();
  for (const form of forms) {
    for (const indicator of valueCells(form)) if (!seen.has(indicator.code)) seen.set(indicator.code, { ...indicator, version: form.version });
  }
  return [...seen.values()];
}

function summaryGrids(forms: FormDefinition[]): GridTable[] {
  const grids = new Map<string, GridTable>();
  for (const grid of forms.flatMap(gridTables)) if (!grids.has(grid.id)) grids.set(grid.id, grid);
  return [...grids.values()];
}

async function summaryLists(db: Kysely<Database>, campaignId: string, forms: FormDefinition[]): Promise<SummaryList[]> {
  const tables = new Map(forms.flatMap(listTables).reverse().map((table) => [table.id, table]));
  if (tables.size === 0) return [];
  const rows = await currentReports(db, campaignId)
    .innerJoin('report_list_rows', 'report_list_rows.report_id', 'reports.id')
    .select(['reports.school_id', 'schools.short_name', 'report_list_rows.table_id', 'report_list_rows.cells'])
    .orderBy('report_list_rows.row_number')
    .execute();
  rows.sort((a, b) => compareSchoolNames(a.short_name, b.short_name));
  return [...tables.values()].map((table) => ({
    table,
    rows: rows
      .filter((row) => row.table_id === table.id)
      .map((row) => ({ schoolId: row.school_id, shortName: row.short_name, cells: JSON.parse(row.cells) as ListRow })),
  }));
}

interface CampaignValues {
  indicators: SummaryIndicator[];
  /** School id → its current report's values in natural units. */
  values: Map<number, Record<string, number>>;
  totals: Record<string, number>;
}

/** Every active school's current values and the totals, in natural units, over every form version in use. */
async function campaignValues(db: Kysely<Database>, campaign: Campaign, form: FormDefinition): Promise<CampaignValues> {
  const indicators = summaryIndicators(await formsInUse(db, campaign.id, form));
  const moneyCodes = new Set(indicators.filter((i) => i.type === 'money').map((i) => i.code));
  const numericCodes = new Set(indicators.filter((i) => isNumericType(i.type)).map((i) => i.code));
  const toNatural = (code: string, amount: number) => (moneyCodes.has(code) ? fromTiyn(amount) : amount);
  const rows = await currentReports(db, campaign.id)
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['reports.school_id', 'report_values.code', 'report_values.amount'])
    .execute();
  const values = new Map<number, Record<string, number>>();
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (!numericCodes.has(row.code)) continue;
    const school = values.get(row.school_id) ?? {};
    school[row.code] = toNatural(row.code, row.amount);
    values.set(row.school_id, school);
    sums.set(row.code, (sums.get(row.code) ?? 0) + row.amount);
  }
  // In the form's order (one-value rows, then grid cells row by row), as `summary --json` lists them.
  const totals = Object.fromEntries(indicators.filter((i) => sums.has(i.code)).map(({ code }) => [code, toNatural(code, sums.get(code)!)]));
  return { indicators, values, totals };
}

/** The same kind of campaign a year earlier, when the district ran it in Jinaq. */
async function previousYear(db: Kysely<Database>, campaign: Campaign) {
  const row = await db.selectFrom('campaigns').selectAll().where('kind', '=', campaign.kind).where('year', '=', campaign.year - 1).executeTakeFirst();
  if (!row) return null;
  const previous = await getCampaign(db, row.id);
  const values = await campaignValues(db, previous, await campaignForm(db, previous));
  return { campaignId: previous.id, year: previous.year, values };
}

/** Each school's first accepted report in the campaign, as the office's date: when it reported, on time or not. */
async function firstReports(db: Kysely<Database>, campaignId: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('reports')
    .select(['school_id', (eb) => eb.fn.min<string>('received_at').as('first')])
    .where('campaign_id', '=', campaignId)
    .groupBy('school_id')
    .execute();
  return new Map(rows.map((row) => [row.school_id, localIsoDate(new Date(row.first))]));
}

function outliersOf(current: CampaignValues, lastYear: CampaignValues | null, names: Map<number, string>): Outlier[] {
  const found: Outlier[] = [];
  for (const indicator of current.indicators) {
    if (indicator.type !== 'count' && indicator.type !== 'money') continue;
    const { code } = indicator;
    const reported = [...current.values].flatMap(([schoolId, values]) => (values[code] === undefined ? [] : [{ schoolId, value: values[code] }]));
    for (const { schoolId, value, zScore } of districtOutliers(reported)) {
      found.push({ schoolId, shortName: names.get(schoolId) ?? '', code, value, kind: 'district', zScore });
    }
    for (const { schoolId, value } of reported) {
      const previous = lastYear?.values.get(schoolId)?.[code];
      if (previous !== undefined && farFromLastYear(value, previous)) {
        found.push({ schoolId, shortName: names.get(schoolId) ?? '', code, value, kind: 'lastYear', previous });
      }
    }
  }
  return found;
}

export async function getSummary(db: Kysely<Database>, campaignId: string): Promise<CampaignSummary> {
  const campaign = await getCampaign(db, campaignId);
  const form = await campaignForm(db, campaign);
  const current = await campaignValues(db, campaign, form);
  const schools = (await db.selectFrom('schools').selectAll().where('active', '=', 1).execute()).sort((a, b) => compareSchoolNames(a.short_name, b.short_name));
  const reports = await currentReports(db, campaignId).select(['reports.id', 'reports.school_id', 'reports.received_at']).execute();
  const texts = await currentReports(db, campaignId)
    .innerJoin('report_texts', 'report_texts.report_id', 'reports.id')
    .select(['reports.school_id', 'report_texts.code', 'report_texts.value'])
    .execute();
  const firsts = await firstReports(db, campaignId);
  const isLate = (schoolId: number) => (firsts.get(schoolId) ?? '') > campaign.schoolDueOn;

  const reportBySchool = new Map(reports.map((r) => [r.school_id, r]));
  const rowOf = new Map<number, SchoolReportRow>();
  for (const school of schools) {
    const report = reportBySchool.get(school.id);
    if (!report) continue;
    rowOf.set(school.id, {
      schoolId: school.id, bin: school.bin, shortName: school.short_name, nameRu: school.name_ru, nameKk: school.name_kk,
      receivedAt: report.received_at, values: current.values.get(school.id) ?? {}, texts: {}, late: isLate(school.id),
    });
  }
  for (const v of texts) rowOf.get(v.school_id)!.texts[v.code] = v.value;
  const reported = [...rowOf.values()];
  const lastYear = await previousYear(db, campaign);
  const names = new Map(schools.map((school) => [school.id, school.short_name]));
  const forms = await formsInUse(db, campaignId, form);
  const days = new Map<string, number>();
  for (const row of reported) {
    const day = firsts.get(row.schoolId)!;
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return {
    campaign,
    expected: schools.length,
    reported: reported.length,
    indicators: current.indicators,
    grids: summaryGrids(forms),
    totals: current.totals,
    ruleIssues: checkRules(form, new Map(Object.entries(current.totals))),
    schools: reported,
    lists: await summaryLists(db, campaignId, forms),
    missing: schools
      .filter((school) => !reportBySchool.has(school.id))
      .map((school) => ({ id: school.id, bin: school.bin, shortName: school.short_name, nameRu: school.name_ru, nameKk: school.name_kk })),
    onTime: reported.filter((row) => !row.late).length,
    late: reported.filter((row) => row.late).length,
    previous: lastYear && {
      campaignId: lastYear.campaignId, year: lastYear.year, reported: lastYear.values.values.size, totals: lastYear.values.totals,
    },
    outliers: outliersOf(current, lastYear?.values ?? null, names),
    receivedByDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
  };
}
