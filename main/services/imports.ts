// Importing filled reports: recognise the file, read and check it, and store it all-or-nothing.
// Every file is kept byte for byte, whatever its outcome; a report is stored only when accepted.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { checkBin, normalizeBin } from '../../shared/bin.ts';
import type { Campaign, ImportOutcome, School } from '../../shared/domain.ts';
import { hasPlanPart, type FormDefinition, type ListRow } from '../../shared/forms/types.ts';
import type { ImportRecord } from '../../shared/imports.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { toTiyn } from '../../shared/numbers.ts';
import { checkRules } from '../../shared/validate.ts';
import type { Database } from '../db/schema.ts';
import { readIdentity, type WorkbookIdentity } from '../excel/identity.ts';
import { readReport, type ReadReport } from '../excel/report-reader.ts';
import { AppError } from '../errors.ts';
import { readPlanPart } from '../excel/plan-part.ts';
import { loadWorkbook, type Workbook } from '../excel/workbook.ts';
import type { ExecutionFields, Plan } from '../../shared/plans/model.ts';
import { getPlan } from './plans.ts';
import { campaignForm, getCampaign } from './campaigns.ts';
import { findForm } from './forms.ts';
import { schoolFromRow } from './schools.ts';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

interface Verdict {
  school: School | null;
  schoolBin: string | null;
  errors: FileIssue[];
  warnings: FileIssue[];
  /** The form version the file was made with (the campaign's when the file does not say). */
  form?: FormDefinition;
  values: Map<string, number>;
  texts: Map<string, string>;
  lists: Map<string, ListRow[]>;
  planRows: PlanRow[];
  newSchool?: { bin: string; name: string };
}

type PlanRow = ExecutionFields & { itemId: number };

function rejected(schoolBin: string | null, error: FileIssue, school: School | null = null): Verdict {
  return { school, schoolBin, errors: [error], warnings: [], values: new Map(), texts: new Map(), lists: new Map(), planRows: [] };
}

/** The plan-execution part, each row tied to its plan item by the form's own numbering (or the plan's, when that is lost). */
function readPlanRows(workbook: Workbook, report: ReadReport, plan: Plan) {
  const part = readPlanPart(workbook.getWorksheet(report.sheet)!);
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

async function findSchool(db: Kysely<Database>, bin: string): Promise<School | null> {
  const row = await db.selectFrom('schools').selectAll().where('bin', '=', bin).executeTakeFirst();
  return row ? schoolFromRow(row) : null;
}

/** Which school and form the file claims to be, checked against the campaign and the registry. */
/**
 * The form version the file was made with: any version of the campaign's form is read with its own definition,
 * so templates sent out before the campaign moved to a new version still come in. A file that does not say is
 * read with the campaign's current version.
 */
async function formOfFile(identity: WorkbookIdentity | null, target: ImportTarget): Promise<{ form: FormDefinition } | { refusal: Verdict }> {
  const { campaign } = target;
  if (!identity) return { form: target.form };
  const bin = identity.schoolBin || null;
  if (identity.campaignId !== campaign.id) return refuse(bin, issue('error', 'import.otherCampaign', { found: identity.campaignId, expected: campaign.id }));
  const found = `${identity.formId} v${identity.formVersion}`;
  if (identity.formId !== campaign.formId) return refuse(bin, issue('error', 'import.otherForm', { found, expected: `${campaign.formId} v${campaign.formVersion}` }));
  const form = await target.formVersion(identity.formVersion);
  if (!form) return refuse(bin, issue('error', 'import.unknownFormVersion', { found }));
  return { form };
}

async function recognise(db: Kysely<Database>, report: ReadReport): Promise<{ school: School } | { refusal: Verdict }> {
  const identity = report.identity;
  // A blank template's hidden sheet has no БИН: the school wrote it in the header.
  const bin = normalizeBin(identity?.schoolBin || report.headerBin || '');
  if (!bin) return refuse(null, issue('error', 'import.noIdentification'));
  const binProblem = checkBin(bin);
  if (binProblem) return refuse(bin, issue('error', 'import.badBin', { bin, problem: binProblem }));
  const school = await findSchool(db, bin);
  if (!school) {
    const { refusal } = refuse(bin, issue('error', 'import.unknownSchool', { bin }));
    return { refusal: { ...refusal, newSchool: { bin, name: report.headerSchoolName } } };
  }
  if (!school.active) return refuse(bin, issue('error', 'import.closedSchool', { bin }), school);
  return { school };
}

/** What a batch of files is judged against, read once per batch: the campaign, its form and its plan. */
interface ImportTarget {
  campaign: Campaign;
  /** The version the campaign collects now. */
  form: FormDefinition;
  /** Any version of the campaign's form, by number; undefined when there is no such version. */
  formVersion(version: number): Promise<FormDefinition | undefined>;
  plan: Plan;
}

async function importTarget(db: Kysely<Database>, campaignId: string): Promise<ImportTarget> {
  const campaign = await getCampaign(db, campaignId);
  return {
    campaign,
    form: await campaignForm(db, campaign),
    formVersion: (version) => findForm(db, campaign.formId, version),
    plan: await getPlan(db, campaignId),
  };
}

async function judge(db: Kysely<Database>, file: IncomingFile, target: ImportTarget): Promise<Verdict> {
  const workbook = await loadWorkbook(file.bytes);
  if (!workbook) return rejected(null, issue('error', 'import.notWorkbook'));
  const chosen = await formOfFile(readIdentity(workbook), target);
  if ('refusal' in chosen) return chosen.refusal;
  const { form } = chosen;
  const read = readReport(workbook, form);
  if (!read.ok) return rejected(null, read.error);
  const report = read.report;
  const recognised = await recognise(db, report);
  if ('refusal' in recognised) return recognised.refusal;
  const { school } = recognised;
  const placeOf = (code: string) => ({ sheet: report.sheet, cell: report.valueCells.get(code) });
  const ruleIssues = report.errors.length === 0 ? checkRules(form, report.values, placeOf) : [];
  const plan = hasPlanPart(form) ? readPlanRows(workbook, report, target.plan) : { planRows: [], errors: [], warnings: [] };
  return {
    school,
    schoolBin: school.bin,
    errors: [...report.errors, ...ruleIssues.filter((i) => i.severity === 'error'), ...plan.errors],
    warnings: [...report.warnings, ...ruleIssues.filter((i) => i.severity === 'warning'), ...plan.warnings],
    form,
    values: report.values,
    texts: report.texts,
    lists: report.lists,
    planRows: plan.planRows,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function storedFileId(trx: Transaction<Database>, file: IncomingFile, hash: string): Promise<number> {
  const existing = await trx.selectFrom('files').select('id').where('sha256', '=', hash).executeTakeFirst();
  if (existing) return existing.id;
  const inserted = await trx
    .insertInto('files')
    .values({ sha256: hash, size: file.bytes.byteLength, bytes: Buffer.from(file.bytes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

async function previousImportOf(db: Kysely<Database>, hash: string, campaignId: string) {
  return db
    .selectFrom('imports')
    .innerJoin('files', 'files.id', 'imports.file_id')
    .select(['imports.imported_at', 'imports.school_bin', 'imports.school_id'])
    .where('files.sha256', '=', hash)
    .where('imports.campaign_id', '=', campaignId)
    // Only an accepted file is a duplicate: a refused one is judged again (the registry may have been fixed since).
    .where('imports.status', '=', 'accepted')
    .orderBy('imports.id')
    .executeTakeFirst();
}

function moneyAware(form: FormDefinition, values: Map<string, number>): Array<{ code: string; amount: number }> {
  const moneyCodes = new Set(form.indicators.filter((i) => i.type === 'money').map((i) => i.code));
  return [...values].map(([code, value]) => ({ code, amount: moneyCodes.has(code) ? toTiyn(value) : value }));
}

/** Stores one file's outcome in one transaction: the file, its import record, and an accepted report. */
async function store(db: Kysely<Database>, file: IncomingFile, hash: string, campaign: Campaign, verdict: Verdict) {
  return db.transaction().execute(async (trx) => {
    const accepted = verdict.errors.length === 0;
    const fileId = await storedFileId(trx, file, hash);
    const { id: importId, imported_at: importedAt } = await trx
      .insertInto('imports')
      .values({
        campaign_id: campaign.id,
        file_id: fileId,
        file_name: file.name,
        status: accepted ? 'accepted' : 'rejected',
        has_warnings: verdict.warnings.length > 0 ? 1 : 0,
        school_id: verdict.school?.id ?? null,
        school_bin: verdict.schoolBin,
        issues_json: JSON.stringify([...verdict.errors, ...verdict.warnings]),
      })
      .returning(['id', 'imported_at'])
      .executeTakeFirstOrThrow();
    const { school, form } = verdict;
    if (!accepted || !school || !form) return { importId, superseded: false };
    const previous = await trx
      .updateTable('reports')
      .set({ is_current: 0 })
      .where('campaign_id', '=', campaign.id)
      .where('school_id', '=', school.id)
      .where('is_current', '=', 1)
      .executeTakeFirst();
    const { id: reportId } = await trx
      .insertInto('reports')
      .values({
        campaign_id: campaign.id,
        school_id: school.id,
        import_id: importId,
        form_id: form.id,
        form_version: form.version,
        received_at: importedAt,
        is_current: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = moneyAware(form, verdict.values).map((v) => ({ report_id: reportId, ...v }));
    if (rows.length > 0) await trx.insertInto('report_values').values(rows).execute();
    const texts = [...verdict.texts].map(([code, value]) => ({ report_id: reportId, code, value }));
    if (texts.length > 0) await trx.insertInto('report_texts').values(texts).execute();
    const listRows = [...verdict.lists].flatMap(([tableId, rows]) =>
      rows.map((cells, i) => ({ report_id: reportId, table_id: tableId, row_number: i + 1, cells: JSON.stringify(cells) })),
    );
    for (let i = 0; i < listRows.length; i += 100) await trx.insertInto('report_list_rows').values(listRows.slice(i, i + 100)).execute();
    const planRows = verdict.planRows.map(({ itemId, ...fields }) => ({ report_id: reportId, item_id: itemId, ...fields }));
    if (planRows.length > 0) await trx.insertInto('report_plan_rows').values(planRows).execute();
    return { importId, superseded: Number(previous.numUpdatedRows) > 0 };
  });
}

async function recordDuplicate(db: Kysely<Database>, file: IncomingFile, hash: string, campaign: Campaign, schoolBin: string | null, schoolId: number | null, issues: FileIssue[]) {
  const fileId = (await db.selectFrom('files').select('id').where('sha256', '=', hash).executeTakeFirstOrThrow()).id;
  const row = await db
    .insertInto('imports')
    .values({ campaign_id: campaign.id, file_id: fileId, file_name: file.name, status: 'duplicate', has_warnings: 0, school_id: schoolId, school_bin: schoolBin, issues_json: JSON.stringify(issues) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type OutcomeFacts = Pick<Verdict, 'school' | 'schoolBin' | 'errors' | 'warnings' | 'newSchool'> & { importId: number; superseded?: boolean };

function outcome(file: string, status: ImportOutcome['status'], verdict: OutcomeFacts): ImportOutcome {
  return {
    file,
    status,
    hasWarnings: status === 'accepted' && verdict.warnings.length > 0,
    schoolBin: verdict.schoolBin,
    schoolName: verdict.school?.shortName ?? null,
    errors: verdict.errors,
    warnings: verdict.warnings,
    superseded: verdict.superseded ?? false,
    importId: verdict.importId,
    newSchool: verdict.newSchool ?? null,
  };
}

async function importReport(db: Kysely<Database>, target: ImportTarget, file: IncomingFile): Promise<ImportOutcome> {
  const { campaign } = target;
  const hash = sha256(file.bytes);
  const previous = await previousImportOf(db, hash, campaign.id);
  if (previous) {
    const school = previous.school_id === null ? null : await findSchool(db, previous.school_bin ?? '');
    const warning = issue('warning', 'import.duplicateFile', { date: previous.imported_at.slice(0, 16).replace('T', ' ') });
    const importId = await recordDuplicate(db, file, hash, campaign, previous.school_bin, previous.school_id, [warning]);
    return outcome(file.name, 'duplicate', { school, schoolBin: previous.school_bin, errors: [], warnings: [warning], importId });
  }
  const verdict = await judge(db, file, target);
  const stored = await store(db, file, hash, campaign, verdict);
  return outcome(file.name, verdict.errors.length === 0 ? 'accepted' : 'rejected', { ...verdict, ...stored });
}

/** Judges kept files again — after the school they name was added to the registry, say — as new imports of them. */
export async function reimportStored(db: Kysely<Database>, campaignId: string, importIds: number[]): Promise<ImportOutcome[]> {
  const target = await importTarget(db, campaignId);
  const outcomes: ImportOutcome[] = [];
  for (const id of importIds) {
    const kept = await db
      .selectFrom('imports')
      .innerJoin('files', 'files.id', 'imports.file_id')
      .select(['imports.file_name', 'files.bytes'])
      .where('imports.id', '=', id)
      .where('imports.campaign_id', '=', campaignId)
      .executeTakeFirst();
    if (!kept) throw new AppError('not_found', 'import.notFound', { id });
    outcomes.push(await importReport(db, target, { name: kept.file_name, bytes: new Uint8Array(kept.bytes) }));
  }
  return outcomes;
}

/** Imports each file on its own: one bad file never holds back or half-stores another. */
export async function importReports(db: Kysely<Database>, campaignId: string, files: IncomingFile[]): Promise<ImportOutcome[]> {
  const target = await importTarget(db, campaignId);
  const outcomes: ImportOutcome[] = [];
  for (const file of files) outcomes.push(await importReport(db, target, file));
  return outcomes;
}

export async function importHistory(db: Kysely<Database>, campaignId: string): Promise<ImportRecord[]> {
  await getCampaign(db, campaignId);
  const rows = await db
    .selectFrom('imports')
    .leftJoin('schools', 'schools.id', 'imports.school_id')
    .leftJoin('reports', 'reports.import_id', 'imports.id')
    .select([
      'imports.id', 'imports.file_name', 'imports.status', 'imports.has_warnings', 'imports.school_bin',
      'imports.issues_json', 'imports.imported_at', 'schools.short_name', 'reports.is_current',
    ])
    .where('imports.campaign_id', '=', campaignId)
    .orderBy('imports.id', 'desc')
    .execute();
  return rows.map((row) => {
    const issues = JSON.parse(row.issues_json) as FileIssue[];
    return {
      id: row.id,
      importedAt: row.imported_at,
      current: row.is_current === 1,
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
    };
  });
}
