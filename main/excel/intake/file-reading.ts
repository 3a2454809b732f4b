// What a school's file says, read against the campaign without the database: which form version it was made with
// (or why it belongs to another district, year, campaign or form), its values, the form's rules over them and the
// plan-execution part. Plain data in, plain data out: worker threads read files with it (open-workers.ts) while
// the import stores, on the calling thread, which school the file is from and the report (services/imports.ts).
import path from 'node:path';
import { nestedQuotes } from '../../../shared/format.ts';
import type { Campaign } from '../../../shared/domain.ts';
import { hasPlanPart, type FormDefinition } from '../../../shared/forms/types.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { sameName } from '../../../shared/school-names.ts';
import type { ExecutionFields, Plan } from '../../../shared/plans/model.ts';
import { checkRules, unreadableCodes } from '../../../shared/validate.ts';
import type { WorkbookIdentity } from '../layout/identity.ts';
import type { SummaryIdentity } from '../layout/summary-identity.ts';
import { identityBinConflict, readIdentity, readSummaryIdentity } from './identity-reader.ts';
import { openWorkbook, type OpenedFile } from './open-workbook.ts';
import { planHeaderMissing, readPlanPart } from './plan-part-reader.ts';
import type { ReadableWorkbook } from './readable-workbook.ts';
import { readReport, type ReadReport } from './report-reader.ts';

/** What a batch of files is read against, read from the database once per batch (plain data, for other threads too). */
export interface ReadingContext {
  campaign: Campaign;
  /** The version the campaign collects now. */
  form: FormDefinition;
  /** Every form version this database knows, to read a file made with an older version and to name another form. */
  forms: FormDefinition[];
  plan: Plan;
  district: { id: string; name: string };
  /** The database's campaigns, to name another campaign's file by its title. */
  campaigns: Campaign[];
}

/** A file refused for what it says of itself; `schoolBin` is the БИН it names, when it names one. */
export interface FileRefusal {
  ok: false;
  schoolBin: string | null;
  error: FileIssue;
}

/** A file read: which school it says it is from is for the caller to check against the registry. */
export interface FileRead {
  ok: true;
  form: FormDefinition;
  report: ReadReport;
  /** The hidden sheet and the «Comments» property naming different schools (identity-reader.ts). */
  identityConflict: { sheetBin: string; propertyBin: string } | null;
  planRows: Array<ExecutionFields & { itemId: number }>;
  /** Every problem with the values, the rules and the plan part, in that order. */
  errors: FileIssue[];
  /** Every warning about the file: its opening, its values, the rules and the plan part, in that order. */
  warnings: FileIssue[];
}

export type FileReading = FileRefusal | FileRead;

/**
 * A reading as a reader thread sends it back: its form version named by its place in the context's forms (-1: the
 * campaign's current version). The form is most of a reading's bytes, and the calling thread holds it already.
 */
export type SentReading = FileRefusal | (Omit<FileRead, 'form'> & { form: number });

export function sentReading(reading: FileReading, context: ReadingContext): SentReading {
  return reading.ok ? { ...reading, form: context.forms.indexOf(reading.form) } : reading;
}

export function receivedReading(sent: SentReading, context: ReadingContext): FileReading {
  return sent.ok ? { ...sent, form: context.forms[sent.form] ?? context.form } : sent;
}

const refuse = (schoolBin: string | null, error: FileIssue): FileRefusal => ({ ok: false, schoolBin, error });

/** The plan-execution part, each row tied to its plan item by the form's own numbering (or the plan's, when that is lost). */
function readPlanRows(workbook: ReadableWorkbook, report: ReadReport, plan: Plan) {
  const part = readPlanPart(workbook.sheet(report.sheet)!);
  // A template that was given plan items must still have the part's header; one given none has no part at all.
  if (!part.found && (report.identity?.planItemIds?.size ?? 0) > 0) part.errors.push(planHeaderMissing(report.sheet));
  const known = new Set(plan.items.map((item) => item.id));
  const byNumber = new Map(plan.items.map((item) => [item.number, item.id]));
  const planRows: FileRead['planRows'] = [];
  const warnings = [...part.warnings];
  for (const { itemNumber, ...fields } of part.rows) {
    const itemId = report.identity?.planItemIds?.get(itemNumber) ?? byNumber.get(itemNumber);
    if (itemId === undefined || !known.has(itemId)) warnings.push(issue('warning', 'import.planUnknownItem', { number: itemNumber }, { sheet: report.sheet, code: `№${itemNumber}` }));
    else planRows.push({ itemId, ...fields });
  }
  return { planRows, errors: part.errors, warnings };
}

/** A template made by another district's Jinaq: neither its database nor its district name is ours. */
function fromAnotherDistrict(identity: WorkbookIdentity, district: ReadingContext['district']): boolean {
  if (!identity.districtId || identity.districtId === district.id) return false;
  return !(identity.districtName && district.name && sameName(identity.districtName, district.name));
}

/** The same kind of campaign in another year: «zabota-2026» brought to «zabota-2027». */
function otherYearOf(found: string, expected: string): { found: string; expected: string } | null {
  const [foundKind, foundYear] = found.split(/-(?=\d{4}$)/);
  const [expectedKind, expectedYear] = expected.split(/-(?=\d{4}$)/);
  return foundKind === expectedKind && foundYear && expectedYear ? { found: foundYear, expected: expectedYear } : null;
}

/** Both campaigns by their titles in each language (`found`, `foundKk`, …); one this database does not know by its id. */
function otherCampaignParams(foundId: string, expected: Campaign, campaigns: Campaign[]): Record<string, string> {
  const found = campaigns.find((c) => c.id === foundId)?.title ?? { ru: foundId, kk: foundId };
  return { found: nestedQuotes(found.ru), foundKk: nestedQuotes(found.kk), expected: nestedQuotes(expected.title.ru), expectedKk: nestedQuotes(expected.title.kk) };
}

/** A form version by its title in each language and its number (`found`, `foundKk`, `foundVersion`); by its id when unknown here. */
function formParams(prefix: 'found' | 'expected', id: string, version: number, form: FormDefinition | undefined): Record<string, string | number> {
  const title = form?.title ?? { ru: id, kk: id };
  return { [prefix]: nestedQuotes(title.ru), [`${prefix}Kk`]: nestedQuotes(title.kk), [`${prefix}Version`]: version };
}

const formOf = (context: ReadingContext, id: string, version: number) => context.forms.find((form) => form.id === id && form.version === version);

/**
 * The form version the file was made with: any version of the campaign's form is read with its own definition,
 * so templates sent out before the campaign moved to a new version still come in. A file that does not say is
 * read with the campaign's current version.
 */
function formOfFile(identity: WorkbookIdentity | null, context: ReadingContext): { form: FormDefinition } | FileRefusal {
  const { campaign } = context;
  if (!identity) return { form: context.form };
  const bin = identity.schoolBin || null;
  if (fromAnotherDistrict(identity, context.district)) {
    return refuse(bin, issue('error', 'import.otherDistrict', { found: identity.districtName ?? '', expected: context.district.name }));
  }
  if (identity.campaignId !== campaign.id) {
    const years = otherYearOf(identity.campaignId, campaign.id);
    if (years) return refuse(bin, issue('error', 'import.otherYear', years));
    return refuse(bin, issue('error', 'import.otherCampaign', otherCampaignParams(identity.campaignId, campaign, context.campaigns)));
  }
  if (identity.formId !== campaign.formId) {
    const found = formParams('found', identity.formId, identity.formVersion, formOf(context, identity.formId, identity.formVersion));
    return refuse(bin, issue('error', 'import.otherFormNamed', { ...found, ...formParams('expected', campaign.formId, campaign.formVersion, context.form) }));
  }
  const form = formOf(context, campaign.formId, identity.formVersion);
  // Not in this database: its title is not known here, only the id the file carries.
  if (!form) return refuse(bin, issue('error', 'import.unknownFormNamed', formParams('found', identity.formId, identity.formVersion, undefined)));
  return { form };
}

/**
 * Region mode: a district's summary for the region is read as a district reads a school's report — the district is
 * the reporting unit, found in the registry by its department's БИН, and its totals are the values.
 */
function summaryAsReport(identity: SummaryIdentity, context: ReadingContext): { identity: WorkbookIdentity } | FileRefusal {
  if (!identity.departmentBin) return refuse(null, issue('error', 'import.summaryNoBin', { district: identity.districtName }));
  const { campaignId, formId, formVersion, departmentBin } = identity;
  // The district's own database made it: the check for another district's template does not apply.
  return { identity: { campaignId, formId, formVersion, schoolBin: departmentBin, districtId: context.district.id } };
}

/** An opened file read against the campaign: its form version, values, rules and plan part — or why it is refused. */
export function readSchoolFile(opened: OpenedFile, context: ReadingContext): FileReading {
  if (!opened.ok) return refuse(null, opened.error);
  const { workbook } = opened;
  const summary = readSummaryIdentity(workbook);
  const asReport = summary ? summaryAsReport(summary, context) : null;
  if (asReport && 'ok' in asReport) return asReport;
  const identity = asReport?.identity ?? readIdentity(workbook);
  const chosen = formOfFile(identity, context);
  if ('ok' in chosen) return chosen;
  const { form } = chosen;
  const read = readReport(workbook, form);
  if (!read.ok) return refuse(null, read.error);
  const report = asReport ? { ...read.report, identity } : read.report;
  const placeOf = (code: string) => ({ sheet: report.sheet, cell: report.valueCells.get(code) });
  const ruleIssues = checkRules(form, report.values, placeOf, new Set([...unreadableCodes(report.errors), ...report.unfoundCells]));
  const plan = hasPlanPart(form) ? readPlanRows(workbook, report, context.plan) : { planRows: [], errors: [], warnings: [] };
  return {
    ok: true,
    form,
    report,
    identityConflict: identityBinConflict(workbook),
    planRows: plan.planRows,
    errors: [...report.errors, ...ruleIssues.filter((i) => i.severity === 'error'), ...plan.errors],
    warnings: [...opened.warnings, ...report.warnings, ...ruleIssues.filter((i) => i.severity === 'warning'), ...plan.warnings],
  };
}

/** A school's file opened and read here: what a reader thread does with each file, and the import without threads. */
export async function readHere(file: { name: string; bytes: Uint8Array }, context: ReadingContext): Promise<FileReading> {
  return readSchoolFile(await openWorkbook(file.bytes, path.basename(file.name)), context);
}
