// A campaign's plan as files: the plan the head approves and prints, a plan imported from a workbook, and the
// report on the plan's execution.
import type { Kysely } from 'kysely';
import type { PlanImportResult } from '../../shared/plans/model.ts';
import type { PlanLanguage } from '../../shared/plans/model.ts';
import { localIsoDate } from '../../shared/dates.ts';
import { issue } from '../../shared/messages.ts';
import type { Database } from '../db/schema.ts';
import { loadWorkbook } from '../excel/intake/open-workbook.ts';
import { readPlanWorkbook } from '../excel/intake/plan-reader.ts';
import { safeFileName } from '../excel/writers/file-names.ts';
import type { Workbook } from '../excel/writers/workbook.ts';
import type { SaveRequest } from '../platform.ts';
import { getCampaign } from './campaigns.ts';
import { getPlanExecution } from './execution.ts';
import { getPlan, replacePlanItems } from './plans.ts';
import { getSettings } from './settings.ts';

function languageSuffix(lang: PlanLanguage): string {
  return lang === 'both' ? 'kk-ru' : lang;
}

// The writers, and exceljs with them, are loaded only when a plan file is written.
async function saveRequest(workbook: Workbook, base: string, bundle: string): Promise<SaveRequest> {
  const { workbookBytes } = await import('../excel/writers/workbook.ts');
  return { files: [{ name: safeFileName(base, '.xlsx'), bytes: await workbookBytes(workbook) }], bundleName: safeFileName(bundle, '.zip') };
}

/** The plan to approve and print: `nik-2025-plan-ru.xlsx`, or both languages in `nik-2025-plan-kk-ru.xlsx`. */
export async function buildPlanWorkbook(db: Kysely<Database>, campaignId: string, lang: PlanLanguage): Promise<SaveRequest> {
  const campaign = await getCampaign(db, campaignId);
  const { planWorkbook } = await import('../excel/writers/plan-workbook.ts');
  const workbook = planWorkbook(await getPlan(db, campaignId), campaign, await getSettings(db), lang);
  return saveRequest(workbook, `${campaign.id}-plan-${languageSuffix(lang)}`, `${campaign.id}-plan`);
}

/** Replaces the plan's sections and items with a workbook's — only when the whole file reads without an error. */
export async function importPlan(db: Kysely<Database>, campaignId: string, file: { name: string; bytes: Uint8Array }): Promise<PlanImportResult> {
  await getCampaign(db, campaignId);
  const workbook = await loadWorkbook(file.bytes);
  const read = workbook ? readPlanWorkbook(workbook) : { sections: [], problems: [issue('error', 'planImport.notWorkbook', { file: file.name })] };
  if (read.problems.some((problem) => problem.severity === 'error')) {
    return { replaced: false, items: 0, problems: read.problems, plan: await getPlan(db, campaignId) };
  }
  // Refused with AppError 'plans.replaceHasExecution' once schools have reported: that reaches the caller as it is.
  const plan = await replacePlanItems(db, campaignId, read.sections);
  return { replaced: true, items: plan.items.length, problems: read.problems, plan };
}

/** The report on the plan's execution as of `today`: `nik-2025-execution-ru-2025-06-14.xlsx`. */
export async function buildExecutionReport(db: Kysely<Database>, campaignId: string, lang: PlanLanguage, today = localIsoDate()): Promise<SaveRequest> {
  const campaign = await getCampaign(db, campaignId);
  const plan = await getPlan(db, campaignId);
  const execution = await getPlanExecution(db, campaignId, today);
  const { executionWorkbook } = await import('../excel/writers/execution-workbook.ts');
  const workbook = executionWorkbook(plan, execution, campaign, await getSettings(db), lang, today);
  return saveRequest(workbook, `${campaign.id}-execution-${languageSuffix(lang)}-${today}`, `${campaign.id}-execution`);
}
