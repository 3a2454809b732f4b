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
import type { Campaign, CampaignSummary, ImportOutcome, School } from '../../shared/domain.ts';
import type { RegionSource } from '../../shared/forms/types.ts';
import type { FileIssue } from '../../shared/messages.ts';
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

/** The region's workbook filled with the district's values, and what could not be placed in it (said before it is saved). */
export interface RegionWorkbookFill {
  request: SaveRequest;
  unplaced: FileIssue[];
  /** The region's .xls or .ods was converted by LibreOffice: the filled file is .xlsx. */
  convertedFrom: 'xls' | 'ods' | null;
}

/**
 * The district's totals written into the region's own workbook (`jinaq export --into`), at the cells the campaign's
 * form remembers from it (FormDefinition.regionSource); a table of one row per organisation gets the district's
 * active schools in registry order. The file keeps its name with «-filled» and the date before the extension.
 */
export async function buildRegionWorkbook(db: Kysely<Database>, campaignId: string, file: { name: string; bytes: Uint8Array }, today = localIsoDate()): Promise<RegionWorkbookFill> {
  const summary = await getSummary(db, campaignId);
  const form = await campaignForm(db, summary.campaign);
  const source = form.regionSource;
  if (!source) throw new AppError('conflict', 'regionFill.noRegionSource', { form: `«${form.title.ru}» v${form.version}`, formKk: `«${form.title.kk}» v${form.version}` });
  const { openRegionWorkbook } = await import('../excel/intake/region-workbook.ts');
  const opened = await openRegionWorkbook(file.bytes, file.name);
  if (!opened.ok) throw new AppError('invalid_input', opened.error.message.key, opened.error.message.params);
  const { parts, workbook, sheetParts, convertedFrom } = opened.value;
  const sheet = workbook.sheet(source.sheet) ?? (workbook.sheets.length === 1 ? workbook.sheets[0] : undefined);
  if (!sheet) throw new AppError('invalid_input', 'regionFill.sheetMissing', { file: file.name, sheet: source.sheet });
  const { SheetXml, filledWorkbook } = await import('../excel/writers/region-workbook-fill.ts');
  const { placeRegionValues } = await import('../excel/writers/region-places.ts');
  const { valueText } = await import('../excel/intake/cell-text.ts');
  const { masterOf } = await import('../excel/intake/merged-ranges.ts');
  const part = sheetParts.get(sheet.name)!;
  const xml = new SheetXml(parts.get(part)!);
  const isFormula = (value: unknown) => typeof value === 'object' && value !== null && 'formula' in value;
  const regionSheet = {
    name: sheet.name,
    *cells() {
      for (const row of sheet.rows()) for (const { column, value } of row.cells()) yield { row: row.number, column, text: valueText(value) };
    },
    text: (row: number, column: number) => valueText(sheet.value(row, column)),
    hasFormula: (row: number, column: number) => isFormula(sheet.value(row, column)),
    hasCell: (row: number, column: number) => xml.hasCell(row, column),
    masterOf: (row: number, column: number) => masterOf(sheet, row, column),
  };
  const { writes, unplaced, insertRows } = placeRegionValues({ form, source, sheet: regionSheet, totals: summary.totals, schools: await regionSchools(db, summary, regionSheet, source) });
  const insertion = insertRows && { sheet: sheet.name, ...insertRows };
  if (insertion) xml.insertRows(insertion);
  for (const write of writes) xml.write(write);
  const name = safeFileName(`${file.name.replace(/\.(xlsx|xls|ods)$/i, '')}-filled-${today}`, '.xlsx');
  return { request: { files: [{ name, bytes: filledWorkbook(parts, new Map([...sheetParts].map(([name, sheetPart]) => [sheetPart, name])), part, xml, insertion) }], bundleName: `${campaignId}-region.zip` }, unplaced, convertedFrom };
}

/** The active schools in registry order, named in the language of the region's table, with their reported values. */
async function regionSchools(db: Kysely<Database>, summary: CampaignSummary, sheet: { cells(): Iterable<{ row: number; column: number; text: string }> }, source: RegionSource) {
  if (!source.schoolRows) return [];
  const { firstRow, nameColumn } = source.schoolRows;
  const caption = [...sheet.cells()].filter((cell) => cell.column === nameColumn && cell.row < firstRow).map((cell) => cell.text).join(' ');
  const kazakh = /[әғқңөұүһі]/i.test(caption) && !/наименование|название/i.test(caption);
  const values = new Map(summary.schools.map((row) => [row.schoolId, row.values]));
  return (await listSchools(db, false)).map((school) => ({ name: kazakh ? school.nameKk || school.nameRu : school.nameRu || school.nameKk, values: values.get(school.id) ?? null }));
}
