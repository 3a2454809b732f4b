// Importing filled reports: recognise the file, read and check it, and store it all-or-nothing
// (main/services/report-store.ts). Every file is kept byte for byte, whatever its outcome; a report is stored
// only when accepted. A dry run judges the same way and stores nothing.
import path from 'node:path';
import type { Kysely } from 'kysely';
import { checkBin, normalizeBin } from '../../shared/bin.ts';
import { nestedQuotes } from '../../shared/format.ts';
import type { Campaign, ImportOutcome, School } from '../../shared/domain.ts';
import { hasPlanPart, type FormDefinition } from '../../shared/forms/types.ts';
import type { ImportRecord, ImportState } from '../../shared/imports.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import type { Plan } from '../../shared/plans/model.ts';
import { checkRules, unreadableCodes } from '../../shared/validate.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { readIdentity, readSummaryIdentity } from '../excel/intake/identity-reader.ts';
import { openWorkbook, type OpenedFile } from '../excel/intake/open-workbook.ts';
import { openedInOrder } from '../excel/intake/open-workers.ts';
import { planHeaderMissing, readPlanPart } from '../excel/intake/plan-part-reader.ts';
import type { ReadableWorkbook } from '../excel/intake/readable-workbook.ts';
import { readReport, type ReadReport } from '../excel/intake/report-reader.ts';
import type { WorkbookIdentity } from '../excel/layout/identity.ts';
import type { SummaryIdentity } from '../excel/layout/summary-identity.ts';
import { campaignForm, getCampaign, listCampaigns } from './campaigns.ts';
import { findForm } from './forms.ts';
import { getPlan } from './plans.ts';
import {
  duplicateWarning, outcomeOf, previousImportOf, recordDuplicate, rejected, sha256, storeVerdict,
  type IncomingFile, type PlanRow, type PreviousImport, type Verdict,
} from './report-store.ts';
import {
  choiceMade, chosenBinOf, disagreementOf, findSchool, sameName, schoolsByName, unknownHeaderSchool, type SchoolChoice, type SchoolsByName,
} from './school-identity.ts';
import { databaseId, getSettings } from './settings.ts';

export type { IncomingFile } from './report-store.ts';
export type { SchoolChoice } from './school-identity.ts';

export interface ImportOptions {
  /** Judge every file and say what would happen, storing nothing. */
  dryRun?: boolean;
  /** The school a file whose mentions of its school disagree is accepted as. */
  choice?: SchoolChoice;
}

/** The plan-execution part, each row tied to its plan item by the form's own numbering (or the plan's, when that is lost). */
function readPlanRows(workbook: ReadableWorkbook, report: ReadReport, plan: Plan) {
  const part = readPlanPart(workbook.sheet(report.sheet)!);
  // A template that was given plan items must still have the part's header; one given none has no part at all.
  if (!part.found && (report.identity?.planItemIds?.size ?? 0) > 0) part.errors.push(planHeaderMissing(report.sheet));
  const known = new Set(plan.items.map((item) => item.id));
  const byNumber = new Map(plan.items.map((item) => [item.number, item.id]));
  const planRows: PlanRow[] = [];
  const warnings = [...part.warnings];
  for (const { itemNumber, ...fields } of part.rows) {
    const itemId = report.identity?.planItemIds?.get(itemNumber) ?? byNumber.get(itemNumber);
    if (itemId === undefined || !known.has(itemId)) warnings.push(issue('warning', 'import.planUnknownItem', { number: itemNumber }, { sheet: report.sheet, code: `№${itemNumber}` }));
    else planRows.push({ itemId, ...fields });
  }
  return { planRows, errors: part.errors, warnings };
}

function refuse(schoolBin: string | null, error: FileIssue, school: School | null = null): { refusal: Verdict } {
  return { refusal: rejected(schoolBin, error, school) };
}

/** What a batch of files is judged against, read once per batch. */
export interface ImportTarget {
  campaign: Campaign;
  /** The version the campaign collects now. */
  form: FormDefinition;
  /** Any version of the campaign's form, by number; undefined when there is no such version. */
  formVersion(version: number): Promise<FormDefinition | undefined>;
  plan: Plan;
  district: { id: string; name: string };
  /** The database's campaigns, to name another campaign's file by its title. */
  campaigns: Campaign[];
  /** Any form version this database has, to name another form's file by its title. */
  anyForm(id: string, version: number): Promise<FormDefinition | undefined>;
  /** The registry's schools by their names, to tell a header naming another school. */
  schoolsByName: SchoolsByName;
}

export async function importTarget(db: Kysely<Database>, campaignId: string): Promise<ImportTarget> {
  const campaign = await getCampaign(db, campaignId);
  const settings = await getSettings(db);
  return {
    campaign,
    form: await campaignForm(db, campaign),
    formVersion: (version) => findForm(db, campaign.formId, version),
    plan: await getPlan(db, campaignId),
    district: { id: await databaseId(db), name: settings.districtRu || settings.districtKk },
    campaigns: await listCampaigns(db),
    anyForm: (id, version) => findForm(db, id, version),
    schoolsByName: await schoolsByName(db),
  };
}

/** A template made by another district's Jinaq: neither its database nor its district name is ours. */
function fromAnotherDistrict(identity: WorkbookIdentity, district: ImportTarget['district']): boolean {
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

/**
 * The form version the file was made with: any version of the campaign's form is read with its own definition,
 * so templates sent out before the campaign moved to a new version still come in. A file that does not say is
 * read with the campaign's current version.
 */
async function formOfFile(identity: WorkbookIdentity | null, target: ImportTarget): Promise<{ form: FormDefinition } | { refusal: Verdict }> {
  const { campaign } = target;
  if (!identity) return { form: target.form };
  const bin = identity.schoolBin || null;
  if (fromAnotherDistrict(identity, target.district)) {
    return refuse(bin, issue('error', 'import.otherDistrict', { found: identity.districtName ?? '', expected: target.district.name }));
  }
  if (identity.campaignId !== campaign.id) {
    const years = otherYearOf(identity.campaignId, campaign.id);
    if (years) return refuse(bin, issue('error', 'import.otherYear', years));
    return refuse(bin, issue('error', 'import.otherCampaign', otherCampaignParams(identity.campaignId, campaign, target.campaigns)));
  }
  if (identity.formId !== campaign.formId) {
    const found = formParams('found', identity.formId, identity.formVersion, await target.anyForm(identity.formId, identity.formVersion));
    return refuse(bin, issue('error', 'import.otherFormNamed', { ...found, ...formParams('expected', campaign.formId, campaign.formVersion, target.form) }));
  }
  const form = await target.formVersion(identity.formVersion);
  // Not in this database: its title is not known here, only the id the file carries.
  if (!form) return refuse(bin, issue('error', 'import.unknownFormNamed', formParams('found', identity.formId, identity.formVersion, undefined)));
  return { form };
}

/** Which school the file is from, checked against the registry; with a choice, the school the specialist chose. */
async function recognise(db: Kysely<Database>, report: ReadReport, workbook: ReadableWorkbook, target: ImportTarget, choice?: SchoolChoice): Promise<{ school: School; chosen?: FileIssue; choice?: Verdict['choice'] } | { refusal: Verdict }> {
  const disagreement = await disagreementOf(db, report, workbook, target.schoolsByName);
  if (disagreement && !choice) return { refusal: { ...rejected(null, disagreement.refusal), newSchool: await unknownHeaderSchool(db, report, disagreement) } };
  const identity = report.identity;
  // A blank template's hidden sheet has no БИН: the school wrote it in the header.
  const bin = choice ? chosenBinOf(disagreement, choice) : normalizeBin(identity?.schoolBin || report.headerBin || '');
  if (!bin) return refuse(null, issue('error', 'import.noIdentification'));
  const binProblem = checkBin(bin);
  if (binProblem) return refuse(bin, issue('error', 'import.badBin', { bin, problem: binProblem }));
  const school = await findSchool(db, bin);
  if (!school) {
    const { refusal } = refuse(bin, issue('error', 'import.unknownSchool', { bin }));
    return { refusal: { ...refusal, newSchool: { bin, name: report.headerSchoolName } } };
  }
  if (!school.active) return refuse(bin, issue('error', 'import.closedSchool', { bin }), school);
  if (!choice || !disagreement) return { school };
  return { school, ...(await choiceMade(db, school, disagreement, choice)) };
}

/**
 * Region mode: a district's summary for the region is read as a district reads a school's report — the district is
 * the reporting unit, found in the registry by its department's БИН, and its totals are the values.
 */
function summaryAsReport(identity: SummaryIdentity, target: ImportTarget): { identity: WorkbookIdentity } | { refusal: Verdict } {
  if (!identity.departmentBin) return refuse(null, issue('error', 'import.summaryNoBin', { district: identity.districtName }));
  const { campaignId, formId, formVersion, departmentBin } = identity;
  // The district's own database made it: the check for another district's template does not apply.
  return { identity: { campaignId, formId, formVersion, schoolBin: departmentBin, districtId: target.district.id } };
}

async function judge(db: Kysely<Database>, file: IncomingFile, target: ImportTarget, choice: SchoolChoice | undefined, opening: Promise<OpenedFile>): Promise<Verdict> {
  const opened = await opening;
  if (!opened.ok) return rejected(null, opened.error);
  const { workbook } = opened;
  const summary = readSummaryIdentity(workbook);
  const asReport = summary ? summaryAsReport(summary, target) : null;
  if (asReport && 'refusal' in asReport) return asReport.refusal;
  const identity = asReport?.identity ?? readIdentity(workbook);
  const chosen = await formOfFile(identity, target);
  if ('refusal' in chosen) return chosen.refusal;
  const { form } = chosen;
  const read = readReport(workbook, form);
  if (!read.ok) return rejected(null, read.error);
  const report = asReport ? { ...read.report, identity } : read.report;
  const recognised = await recognise(db, report, workbook, target, choice);
  if ('refusal' in recognised) return recognised.refusal;
  const { school, chosen: chosenSchool } = recognised;
  const placeOf = (code: string) => ({ sheet: report.sheet, cell: report.valueCells.get(code) });
  const ruleIssues = checkRules(form, report.values, placeOf, new Set([...unreadableCodes(report.errors), ...report.unfoundCells]));
  const plan = hasPlanPart(form) ? readPlanRows(workbook, report, target.plan) : { planRows: [], errors: [], warnings: [] };
  return {
    school,
    schoolBin: school.bin,
    errors: [...report.errors, ...ruleIssues.filter((i) => i.severity === 'error'), ...plan.errors],
    warnings: [...(chosenSchool ? [chosenSchool] : []), ...opened.warnings, ...report.warnings, ...ruleIssues.filter((i) => i.severity === 'warning'), ...plan.warnings],
    form,
    values: report.values,
    texts: report.texts,
    lists: report.lists,
    planRows: plan.planRows,
    choice: recognised.choice,
  };
}

/** A file already accepted in the campaign; `importId` is null when the duplicate was not recorded (a dry run). */
async function duplicateOutcome(db: Kysely<Database>, fileName: string, previous: PreviousImport, importId: number | null): Promise<ImportOutcome> {
  const school = previous.school_id === null ? null : await findSchool(db, previous.school_bin ?? '');
  const warnings = [duplicateWarning(previous)];
  return outcomeOf(fileName, 'duplicate', { school, schoolBin: previous.school_bin, errors: [], warnings, importId, checkedOnly: importId === null });
}

/** One file imported; `opening` is its workbook being opened already (on a worker thread), or it is opened here. */
async function importReport(
  db: Kysely<Database>, target: ImportTarget, file: IncomingFile, options: ImportOptions, opening?: Promise<OpenedFile>,
): Promise<ImportOutcome> {
  const { campaign } = target;
  const checkedOnly = options.dryRun ?? false;
  // Checked before judging to spare the work; storeVerdict checks again in its transaction, for an import running meanwhile.
  const previous = await previousImportOf(db, sha256(file.bytes), campaign.id);
  if (previous) return duplicateOutcome(db, file.name, previous, checkedOnly ? null : await recordDuplicate(db, file, campaign, previous));
  const verdict = await judge(db, file, target, options.choice, opening ?? openWorkbook(file.bytes, path.basename(file.name)));
  const status = verdict.errors.length === 0 ? 'accepted' : 'rejected';
  if (checkedOnly) return outcomeOf(file.name, status, { ...verdict, importId: null, checkedOnly });
  const stored = await storeVerdict(db, file, campaign, verdict, 'file');
  if (stored.duplicateOf) return duplicateOutcome(db, file.name, stored.duplicateOf, stored.importId);
  return outcomeOf(file.name, status, { ...verdict, ...stored });
}

/** The file an import of the campaign kept, to judge it again. */
async function keptFile(db: Kysely<Database>, campaignId: string, importId: number): Promise<IncomingFile> {
  const kept = await db
    .selectFrom('imports')
    .innerJoin('files', 'files.id', 'imports.file_id')
    .select(['imports.file_name', 'files.bytes'])
    .where('imports.id', '=', importId)
    .where('imports.campaign_id', '=', campaignId)
    .where('imports.source', '=', 'file')
    .executeTakeFirst();
  if (!kept) throw new AppError('not_found', 'import.notFound', { id: importId });
  return { name: kept.file_name, bytes: new Uint8Array(kept.bytes) };
}

/** Judges kept files again — after the school they name was added to the registry, say — as new imports of them. */
export async function reimportStored(db: Kysely<Database>, campaignId: string, importIds: number[]): Promise<ImportOutcome[]> {
  const target = await importTarget(db, campaignId);
  const outcomes: ImportOutcome[] = [];
  for (const id of importIds) outcomes.push(await importReport(db, target, await keptFile(db, campaignId, id), {}));
  return outcomes;
}

/**
 * A kept file refused because it names two schools, accepted as the one the specialist chose (one of the two):
 * stored as a new import of it, the choice written to the audit in the same transaction.
 */
export async function acceptAsSchool(db: Kysely<Database>, campaignId: string, choice: SchoolChoice): Promise<ImportOutcome> {
  const target = await importTarget(db, campaignId);
  return importReport(db, target, await keptFile(db, campaignId, choice.importId), { choice });
}

/**
 * Imports each file on its own: one bad file never holds back or half-stores another. Several files are parsed on
 * worker threads a few ahead of the one being stored, and stored in their order, one transaction each. The files may
 * come one at a time (the CLI reads each only when it is about to be parsed), so a folder's size never decides the
 * memory used.
 */
export async function importReports(
  db: Kysely<Database>, campaignId: string, files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>, options: ImportOptions = {},
): Promise<ImportOutcome[]> {
  const target = await importTarget(db, campaignId);
  const outcomes: ImportOutcome[] = [];
  for await (const { file, opened } of openedInOrder(files)) outcomes.push(await importReport(db, target, file, options, opened));
  return outcomes;
}

type HistoryRow = {
  id: number; school_id: number | null; status: 'accepted' | 'rejected' | 'duplicate'; has_warnings: number; returned_at: string | null; dismissed_at: string | null;
};

/** A returned file stays «returned» until the school's next file (or hand entry) arrives; then its own outcome shows. */
function stateOf(row: HistoryRow, answered: boolean): ImportState {
  if (row.dismissed_at) return 'dismissed';
  if (row.returned_at && !answered) return 'returned';
  if (row.status === 'accepted') return row.has_warnings ? 'acceptedWithWarnings' : 'accepted';
  return row.status;
}

/** Per school, the id of its newest import that is not a duplicate: a returned file older than that was answered. */
function latestImportBySchool(rows: HistoryRow[]): Map<number, number> {
  const latest = new Map<number, number>();
  for (const row of rows) {
    if (row.school_id === null || row.status === 'duplicate') continue;
    latest.set(row.school_id, Math.max(latest.get(row.school_id) ?? 0, row.id));
  }
  return latest;
}

export async function importHistory(db: Kysely<Database>, campaignId: string): Promise<ImportRecord[]> {
  await getCampaign(db, campaignId);
  const rows = await db
    .selectFrom('imports')
    .leftJoin('schools', 'schools.id', 'imports.school_id')
    .leftJoin('reports', 'reports.import_id', 'imports.id')
    .select([
      'imports.id', 'imports.file_name', 'imports.status', 'imports.has_warnings', 'imports.school_bin', 'imports.school_id',
      'imports.issues_json', 'imports.imported_at', 'imports.returned_at', 'imports.dismissed_at', 'imports.source', 'imports.os_user',
      'schools.short_name', 'reports.is_current',
    ])
    .where('imports.campaign_id', '=', campaignId)
    .orderBy('imports.id', 'desc')
    .execute();
  const latest = latestImportBySchool(rows);
  return rows.map((row) => {
    const issues = JSON.parse(row.issues_json) as FileIssue[];
    const answered = row.school_id !== null && (latest.get(row.school_id) ?? 0) > row.id;
    return {
      id: row.id,
      importedAt: row.imported_at,
      current: row.is_current === 1,
      state: stateOf(row, answered),
      source: row.source,
      returnedAt: row.returned_at,
      dismissedAt: row.dismissed_at,
      user: row.os_user,
      schoolId: row.school_id,
      file: row.file_name,
      status: row.status,
      hasWarnings: row.has_warnings === 1,
      schoolBin: row.school_bin,
      schoolName: row.short_name,
      errors: issues.filter((i) => i.severity === 'error'),
      warnings: issues.filter((i) => i.severity === 'warning'),
      superseded: false,
      importId: row.id,
      newSchool: null,
      checkedOnly: false,
    };
  });
}
