// The district workbook for the region, as an experienced specialist would make it by hand on a good day: the cover
// and the totals in the form's layout (with last year's totals and the change when there are any, and the form's rules
// checked on the totals; each grid as a grid, its totals SUM formulas over the schools), a row per school with a real
// SUM totals row, completeness and the missing schools, the plan's execution («итоговая информация», the execution
// report's own sheet), a sheet per list table (the НИК publications), and a hidden sheet that names the file for a
// region running Jinaq. Print-ready: A4, fitted to the page width, the header rows repeated on every page, page
// numbers in the footer.
import type { Plan, PlanExecution } from '../../../shared/plans/model.ts';
import { textIn } from './plan-workbook.ts';
import { executionSheet } from './execution-workbook.ts';
import { completenessSheet } from './summary-completeness.ts';
import type { SummaryIdentity } from '../layout/summary-identity.ts';
import { writeSummaryIdentity } from './identity-sheet.ts';
import { caption, captionLanguages, districtText, pageFooter, sheetName, type SummaryContext } from './summary-layout.ts';
import { listSheet } from './summary-lists.ts';
import { perSchoolSheet } from './summary-schools.ts';
import { totalsSheet } from './summary-totals.ts';
import { newWorkbook, type Workbook } from './workbook.ts';

export type { SummaryContext, SummaryLanguage } from './summary-layout.ts';

export interface SummaryWorkbookInput extends SummaryContext {
  /** The campaign's plan and its execution as of the summary's date; no sheet when the plan has no items. */
  plan: Plan;
  execution: PlanExecution;
  /** Who made the file: the district database's id, the department's БИН, the app's version. */
  origin: Pick<SummaryIdentity, 'districtId' | 'departmentBin' | 'appVersion'>;
}

/** The plan's execution in each language of the summary (Russian first, as its captions), through the execution report's own writer. */
function executionSheets(workbook: Workbook, input: SummaryWorkbookInput): void {
  if (input.plan.items.length === 0) return;
  const { plan, execution, summary, settings, today, lang } = input;
  for (const language of captionLanguages(lang)) {
    const name = sheetName(caption(language, 'region.executionSheet'));
    const sheet = executionSheet(workbook, { plan, execution, campaign: summary.campaign, settings, today }, language, name);
    pageFooter(sheet, language, districtText({ ...input, lang: language }));
  }
}

export function buildSummaryWorkbook(input: SummaryWorkbookInput): Workbook {
  const workbook = newWorkbook();
  const { summary, settings } = input;
  totalsSheet(workbook, input);
  perSchoolSheet(workbook, input);
  completenessSheet(workbook, input);
  executionSheets(workbook, input);
  for (const list of summary.lists) listSheet(workbook, list, input);
  writeSummaryIdentity(workbook, {
    kind: 'district-summary',
    campaignId: summary.campaign.id,
    formId: summary.campaign.formId,
    formVersion: summary.campaign.formVersion,
    districtName: settings.districtRu || settings.districtKk,
    districtNameKk: settings.districtKk,
    regionCode: settings.regionCode,
    madeOn: input.today,
    ...input.origin,
  });
  workbook.title = caption(input.lang, 'region.title', (l) => ({ campaign: textIn(summary.campaign.title, l) }));
  return workbook;
}
