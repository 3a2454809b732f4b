// The district summary: the latest accepted report of every active school, summed by SQL.
import type { Kysely } from 'kysely';
import type { CampaignSummary, SchoolReportRow } from '../../shared/domain.ts';
import type { FormDefinition } from '../../shared/forms/types.ts';
import { fromTiyn } from '../../shared/numbers.ts';
import type { Database } from '../db/schema.ts';
import { campaignForm, getCampaign } from './campaigns.ts';

function naturalUnits(form: FormDefinition): (code: string, amount: number) => number {
  const moneyCodes = new Set(form.indicators.filter((i) => i.type === 'money').map((i) => i.code));
  return (code, amount) => (moneyCodes.has(code) ? fromTiyn(amount) : amount);
}

function currentReports(db: Kysely<Database>, campaignId: string) {
  return db
    .selectFrom('reports')
    .innerJoin('schools', 'schools.id', 'reports.school_id')
    .where('reports.campaign_id', '=', campaignId)
    .where('reports.is_current', '=', 1)
    .where('schools.active', '=', 1);
}

export async function getSummary(db: Kysely<Database>, campaignId: string): Promise<CampaignSummary> {
  const campaign = await getCampaign(db, campaignId);
  const toNatural = naturalUnits(campaignForm(campaign));
  const schools = await db.selectFrom('schools').selectAll().where('active', '=', 1).orderBy('short_name').execute();
  const reports = await currentReports(db, campaignId).select(['reports.id', 'reports.school_id', 'reports.received_at']).execute();
  const values = await currentReports(db, campaignId)
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['reports.school_id', 'report_values.code', 'report_values.amount'])
    .execute();
  const totals = await currentReports(db, campaignId)
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['report_values.code', (eb) => eb.fn.sum<number>('report_values.amount').as('total')])
    .groupBy('report_values.code')
    .execute();

  const reportBySchool = new Map(reports.map((r) => [r.school_id, r]));
  const valuesBySchool = new Map<number, Record<string, number>>();
  for (const v of values) {
    const row = valuesBySchool.get(v.school_id) ?? {};
    row[v.code] = toNatural(v.code, v.amount);
    valuesBySchool.set(v.school_id, row);
  }
  const reported: SchoolReportRow[] = schools
    .filter((school) => reportBySchool.has(school.id))
    .map((school) => ({
      schoolId: school.id,
      bin: school.bin,
      shortName: school.short_name,
      nameRu: school.name_ru,
      nameKk: school.name_kk,
      receivedAt: reportBySchool.get(school.id)!.received_at,
      values: valuesBySchool.get(school.id) ?? {},
    }));
  return {
    campaign,
    expected: schools.length,
    reported: reported.length,
    totals: Object.fromEntries(totals.map((t) => [t.code, toNatural(t.code, Number(t.total))])),
    schools: reported,
    missing: schools
      .filter((school) => !reportBySchool.has(school.id))
      .map((school) => ({ id: school.id, bin: school.bin, shortName: school.short_name, nameRu: school.name_ru, nameKk: school.name_kk })),
  };
}
