// The district summary: the latest accepted report of every active school, summed by SQL.
// Reports made with an older version of the form are summed too: a row code means the same in every version.
import type { Kysely } from 'kysely';
import type { CampaignSummary, SchoolReportRow, SummaryIndicator, SummaryList } from '../../shared/domain.ts';
import { isNumericType, listTables, type FormDefinition, type ListRow } from '../../shared/forms/types.ts';
import { fromTiyn } from '../../shared/numbers.ts';
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
    for (const indicator of form.indicators) if (!seen.has(indicator.code)) seen.set(indicator.code, { ...indicator, version: form.version });
  }
  return [...seen.values()];
}

async function summaryLists(db: Kysely<Database>, campaignId: string, forms: FormDefinition[]): Promise<SummaryList[]> {
  const tables = new Map(forms.flatMap(listTables).reverse().map((table) => [table.id, table]));
  if (tables.size === 0) return [];
  const rows = await currentReports(db, campaignId)
    .innerJoin('report_list_rows', 'report_list_rows.report_id', 'reports.id')
    .select(['reports.school_id', 'schools.short_name', 'report_list_rows.table_id', 'report_list_rows.cells'])
    .orderBy('schools.short_name')
    .orderBy('report_list_rows.row_number')
    .execute();
  return [...tables.values()].map((table) => ({
    table,
    rows: rows
      .filter((row) => row.table_id === table.id)
      .map((row) => ({ schoolId: row.school_id, shortName: row.short_name, cells: JSON.parse(row.cells) as ListRow })),
  }));
}

export async function getSummary(db: Kysely<Database>, campaignId: string): Promise<CampaignSummary> {
  const campaign = await getCampaign(db, campaignId);
  const form = await campaignForm(db, campaign);
  const forms = await formsInUse(db, campaignId, form);
  const indicators = summaryIndicators(forms);
  const moneyCodes = new Set(indicators.filter((i) => i.type === 'money').map((i) => i.code));
  const numericCodes = new Set(indicators.filter((i) => isNumericType(i.type)).map((i) => i.code));
  const toNatural = (code: string, amount: number) => (moneyCodes.has(code) ? fromTiyn(amount) : amount);

  const schools = await db.selectFrom('schools').selectAll().where('active', '=', 1).orderBy('short_name').execute();
  const reports = await currentReports(db, campaignId).select(['reports.id', 'reports.school_id', 'reports.received_at']).execute();
  const values = await currentReports(db, campaignId)
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['reports.school_id', 'report_values.code', 'report_values.amount'])
    .execute();
  const texts = await currentReports(db, campaignId)
    .innerJoin('report_texts', 'report_texts.report_id', 'reports.id')
    .select(['reports.school_id', 'report_texts.code', 'report_texts.value'])
    .execute();
  const sums = await currentReports(db, campaignId)
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['report_values.code', (eb) => eb.fn.sum<number>('report_values.amount').as('total')])
    .groupBy('report_values.code')
    .execute();

  const reportBySchool = new Map(reports.map((r) => [r.school_id, r]));
  const rowOf = new Map<number, SchoolReportRow>();
  for (const school of schools) {
    const report = reportBySchool.get(school.id);
    if (!report) continue;
    rowOf.set(school.id, {
      schoolId: school.id, bin: school.bin, shortName: school.short_name, nameRu: school.name_ru, nameKk: school.name_kk,
      receivedAt: report.received_at, values: {}, texts: {},
    });
  }
  for (const v of values) rowOf.get(v.school_id)!.values[v.code] = toNatural(v.code, v.amount);
  for (const v of texts) rowOf.get(v.school_id)!.texts[v.code] = v.value;
  const totals = Object.fromEntries(sums.filter((t) => numericCodes.has(t.code)).map((t) => [t.code, toNatural(t.code, Number(t.total))]));
  return {
    campaign,
    expected: schools.length,
    reported: rowOf.size,
    indicators,
    totals,
    ruleIssues: checkRules(form, new Map(Object.entries(totals))),
    schools: [...rowOf.values()],
    lists: await summaryLists(db, campaignId, forms),
    missing: schools
      .filter((school) => !reportBySchool.has(school.id))
      .map((school) => ({ id: school.id, bin: school.bin, shortName: school.short_name, nameRu: school.name_ru, nameKk: school.name_kk })),
  };
}
