// Importing filled reports: recognise the file, read and check it, and store it all-or-nothing
// (main/services/report-store.ts). Every file is kept byte for byte, whatever its outcome; a report is stored
// only when accepted. A dry run judges the same way and stores nothing.
import type { Kysely } from 'kysely';
import { checkBin, normalizeBin } from '../../shared/bin.ts';
import type { ImportOutcome, School } from '../../shared/domain.ts';
import type { ImportRecord, ImportState } from '../../shared/imports.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { readHere, type FileRead, type FileReading, type ReadingContext } from '../excel/intake/file-reading.ts';
import { readInOrder } from '../excel/intake/open-workers.ts';
import { campaignForm, getCampaign, listCampaigns } from './campaigns.ts';
import { allForms } from './forms.ts';
import { getPlan } from './plans.ts';
import {
  duplicateWarning, outcomeOf, previousImportOf, recordDuplicate, rejected, sha256, storeVerdict,
  type IncomingFile, type PreviousImport, type Verdict,
} from './report-store.ts';
import {
  choiceMade, chosenBinOf, disagreementOf, findSchool, readRegistry, unknownHeaderSchool, type Registry, type SchoolChoice,
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

function refuse(schoolBin: string | null, error: FileIssue, school: School | null = null): { refusal: Verdict } {
  return { refusal: rejected(schoolBin, error, school) };
}

/** What a batch of files is judged against, read once per batch: what reading a file needs, and the registry. */
export interface ImportTarget extends ReadingContext {
  /** The registry's schools by БИН, and by their names to tell a header naming another school. */
  registry: Registry;
}

export async function importTarget(db: Kysely<Database>, campaignId: string): Promise<ImportTarget> {
  const campaign = await getCampaign(db, campaignId);
  const settings = await getSettings(db);
  return {
    campaign,
    form: await campaignForm(db, campaign),
    forms: await allForms(db),
    plan: await getPlan(db, campaignId),
    district: { id: await databaseId(db), name: settings.districtRu || settings.districtKk },
    campaigns: await listCampaigns(db),
    registry: await readRegistry(db),
  };
}

/** The reading context of a batch: the target without what only the calling thread needs. */
function readingContext({ registry: _, ...context }: ImportTarget): ReadingContext {
  return context;
}

/** Which school the file is from, checked against the registry; with a choice, the school the specialist chose. */
async function recognise(db: Kysely<Database>, read: FileRead, target: ImportTarget, choice?: SchoolChoice): Promise<{ school: School; chosen?: FileIssue; choice?: Verdict['choice'] } | { refusal: Verdict }> {
  const { report } = read;
  const disagreement = disagreementOf(report, read.identityConflict, target.registry);
  if (disagreement && !choice) return { refusal: { ...rejected(null, disagreement.refusal), newSchool: await unknownHeaderSchool(db, report, disagreement) } };
  const identity = report.identity;
  // A blank template's hidden sheet has no БИН: the school wrote it in the header.
  const bin = choice ? chosenBinOf(disagreement, choice) : normalizeBin(identity?.schoolBin || report.headerBin || '');
  if (!bin) return refuse(null, issue('error', 'import.noIdentification'));
  const binProblem = checkBin(bin);
  if (binProblem) return refuse(bin, issue('error', 'import.badBin', { bin, problem: binProblem }));
  const school = target.registry.byBin.get(bin);
  if (!school) {
    const { refusal } = refuse(bin, issue('error', 'import.unknownSchool', { bin }));
    return { refusal: { ...refusal, newSchool: { bin, name: report.headerSchoolName } } };
  }
  if (!school.active) return refuse(bin, issue('error', 'import.closedSchool', { bin }), school);
  if (!choice || !disagreement) return { school };
  return { school, ...(await choiceMade(db, school, disagreement, choice)) };
}

/** The verdict on a file read (on a worker thread, or here): the school it is from, checked against the registry. */
async function judge(db: Kysely<Database>, target: ImportTarget, choice: SchoolChoice | undefined, reading: Promise<FileReading>): Promise<Verdict> {
  const read = await reading;
  if (!read.ok) return rejected(read.schoolBin, read.error);
  const recognised = await recognise(db, read, target, choice);
  if ('refusal' in recognised) return recognised.refusal;
  const { school, chosen } = recognised;
  const { report } = read;
  return {
    school,
    schoolBin: school.bin,
    errors: read.errors,
    warnings: [...(chosen ? [chosen] : []), ...read.warnings],
    form: read.form,
    values: report.values,
    texts: report.texts,
    lists: report.lists,
    planRows: read.planRows,
    choice: recognised.choice,
  };
}

/** A file already accepted in the campaign; `importId` is null when the duplicate was not recorded (a dry run). */
async function duplicateOutcome(db: Kysely<Database>, fileName: string, previous: PreviousImport, importId: number | null): Promise<ImportOutcome> {
  const school = previous.school_id === null ? null : await findSchool(db, previous.school_bin ?? '');
  const warnings = [duplicateWarning(previous)];
  return outcomeOf(fileName, 'duplicate', { school, schoolBin: previous.school_bin, errors: [], warnings, importId, checkedOnly: importId === null });
}

/** One file imported; `reading` is the file being read already (on a worker thread), or it is read here. */
async function importReport(
  db: Kysely<Database>, target: ImportTarget, file: IncomingFile, options: ImportOptions, reading?: Promise<FileReading>,
): Promise<ImportOutcome> {
  const { campaign } = target;
  const checkedOnly = options.dryRun ?? false;
  // Checked before judging to spare the work; storeVerdict checks again in its transaction, for an import running meanwhile.
  const previous = await previousImportOf(db, sha256(file.bytes), campaign.id);
  if (previous) return duplicateOutcome(db, file.name, previous, checkedOnly ? null : await recordDuplicate(db, file, campaign, previous));
  const verdict = await judge(db, target, options.choice, reading ?? readHere(file, readingContext(target)));
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
  for await (const { file, reading } of readInOrder(files, readingContext(target))) outcomes.push(await importReport(db, target, file, options, reading));
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
