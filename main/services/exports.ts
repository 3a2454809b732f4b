// Workbooks the app hands out: the empty registry, the schools' templates, the district summary. The writers (and
// exceljs with them) are loaded only when one is written: an import or a list never loads them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { safeFileName } from '../excel/writers/file-names.ts';
import type { OutputFile, SaveRequest } from '../platform.ts';
import { APP_VERSION } from '../version.ts';
import { localIsoDate } from '../../shared/dates.ts';
import { formatDeadline } from '../../shared/plans/deadlines.ts';
import type { PlanItem, PlanLanguage } from '../../shared/plans/model.ts';
import { assignedSchools } from '../../shared/plans/rollup.ts';
import { tFor, type UiLanguage } from '../../shared/i18n.ts';
import type { Campaign, ImportOutcome, School } from '../../shared/domain.ts';
import { campaignForm, getCampaign } from './campaigns.ts';
import { getPlanExecution } from './execution.ts';
import { getPlan } from './plans.ts';
import { listSchools } from './schools.ts';
import { databaseId, getSettings } from './settings.ts';
import { getSummary } from './summary.ts';

const writing = () => import('../excel/writers/workbook.ts');

export async function buildRegistryTemplate(): Promise<SaveRequest> {
  const { registryTemplate } = await import('../excel/writers/registry-template.ts');
  const bytes = await (await writing()).workbookBytes(registryTemplate());
  return { files: [{ name: 'jinaq-schools.xlsx', bytes }], bundleName: 'jinaq-schools.zip' };
}

/** One workbook per active school, named after its short name (made unique by БИН when two share a name). */
export async function buildTemplates(db: Kysely<Database>, campaignId: string): Promise<SaveRequest> {
  const campaign = await getCampaign(db, campaignId);
  const form = await campaignForm(db, campaign);
  const district = { ...(await getSettings(db)), id: await databaseId(db) };
  const schools = await listSchools(db, false);
  if (schools.length === 0) throw new AppError('conflict', 'templates.noSchools');
  const plan = await getPlan(db, campaignId);
  const activeIds = schools.map((school) => school.id);
  const itemsOf = (school: School) => plan.items.filter((item) => assignedSchools(item, activeIds).includes(school.id));
  const { buildReportTemplate } = await import('../excel/writers/report-template.ts');
  const { workbookBytes } = await writing();
  const used = new Set<string>();
  const files: OutputFile[] = [];
  for (const school of schools) {
    let name = safeFileName(`${school.shortName} - ${campaign.id}`, '.xlsx');
    if (used.has(name.toLowerCase())) name = safeFileName(`${school.shortName} ${school.bin} - ${campaign.id}`, '.xlsx');
    used.add(name.toLowerCase());
    const workbook = await buildReportTemplate(form, campaign, school, district, APP_VERSION, { items: itemsOf(school), deadlineOf: deadlineWords(campaign) });
    files.push({ name, bytes: await workbookBytes(workbook) });
  }
  return { files, bundleName: `${campaign.id}-templates.zip` };
}

/** One template with the school's name and БИН left for the school to write: for a school not yet in the registry. */
export async function buildBlankTemplate(db: Kysely<Database>, campaignId: string): Promise<SaveRequest> {
  const campaign = await getCampaign(db, campaignId);
  const plan = await getPlan(db, campaignId);
  const items = plan.items.filter((item) => item.forSchools && item.assignTo === 'all');
  const { buildReportTemplate } = await import('../excel/writers/report-template.ts');
  const { workbookBytes } = await writing();
  const workbook = await buildReportTemplate(await campaignForm(db, campaign), campaign, null, { ...(await getSettings(db)), id: await databaseId(db) }, APP_VERSION, { items, deadlineOf: deadlineWords(campaign) });
  const name = safeFileName(`${campaign.id}-blank`, '.xlsx');
  return { files: [{ name, bytes: await workbookBytes(workbook) }], bundleName: `${campaign.id}-blank.zip` };
}

function deadlineWords(campaign: Campaign): (item: PlanItem) => { ru: string; kk: string } {
  return (item) => ({ ru: formatDeadline(tFor('ru'), item.deadline, campaign.year), kk: formatDeadline(tFor('kk'), item.deadline, campaign.year) });
}

/**
 * The district workbook for the region as of `today`, in Kazakh, Russian or both: `zabota-2027-summary-2027-02-14.xlsx`
 * (both languages) or `zabota-2027-summary-kk-2027-02-14.xlsx`.
 */
export async function buildSummaryWorkbook(db: Kysely<Database>, campaignId: string, today = localIsoDate(), lang: PlanLanguage = 'both'): Promise<SaveRequest> {
  const summary = await getSummary(db, campaignId);
  const settings = await getSettings(db);
  const form = await campaignForm(db, summary.campaign);
  const { buildSummaryWorkbook: summaryWorkbook } = await import('../excel/writers/summary-workbook.ts');
  const { workbookBytes } = await writing();
  const workbook = summaryWorkbook({
    summary,
    settings,
    sections: form.sections ?? [],
    lang,
    today,
    plan: await getPlan(db, campaignId),
    execution: await getPlanExecution(db, campaignId, today),
    // The department's БИН, when the settings keep one, lets a region tell the district by it.
    origin: { districtId: await databaseId(db), departmentBin: settings.departmentBin, appVersion: APP_VERSION },
  });
  const name = `${campaignId}-summary-${lang === 'both' ? '' : `${lang}-`}${today}.xlsx`;
  return { files: [{ name, bytes: await workbookBytes(workbook) }], bundleName: `${campaignId}-summary.zip` };
}

/** The results of an import batch (or a check) as a workbook in the user's language. */
export async function buildResultsFile(campaignId: string, outcomes: ImportOutcome[], lang: UiLanguage, checkedOnly: boolean, today = localIsoDate()): Promise<SaveRequest> {
  const { buildResultsWorkbook } = await import('../excel/writers/results-workbook.ts');
  const bytes = await (await writing()).workbookBytes(buildResultsWorkbook(outcomes, lang, checkedOnly));
  const name = `${campaignId}-${checkedOnly ? 'check' : 'import'}-${today}.xlsx`;
  return { files: [{ name, bytes }], bundleName: `${campaignId}-import.zip` };
}
