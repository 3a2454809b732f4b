// Storing one judged report, all or nothing: the file kept byte for byte whatever its outcome, the import
// record, and — when accepted — the report with its values, which becomes the school's current one, every
// changed value written to the audit. Whether the file is a duplicate is decided inside the same transaction,
// so two imports of one file at once store one report (migrations/0005 makes the database hold to it too).
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Campaign, ImportOutcome, School } from '../../shared/domain.ts';
import { valueCells, type FormDefinition, type ListRow } from '../../shared/forms/types.ts';
import type { ReportSource } from '../../shared/imports.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { toTiyn } from '../../shared/numbers.ts';
import type { ExecutionFields } from '../../shared/plans/model.ts';
import type { Database } from '../db/schema.ts';
import { osUser } from '../os-user.ts';
import { recordChanges, recordSchoolChoice, storedValueTexts, type SchoolChoiceRecord } from './audit.ts';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export type PlanRow = ExecutionFields & { itemId: number };

/** What judging a file (or a hand entry) found: the school, the problems, and the values to store when accepted. */
export interface Verdict {
  school: School | null;
  schoolBin: string | null;
  errors: FileIssue[];
  warnings: FileIssue[];
  /** The form version the report was made with (the campaign's when the file does not say). */
  form?: FormDefinition;
  values: Map<string, number>;
  texts: Map<string, string>;
  lists: Map<string, ListRow[]>;
  planRows: PlanRow[];
  newSchool?: { bin: string; name: string };
  /** The specialist's choice of school for a file that names two, written to the audit when the report is stored. */
  choice?: Omit<SchoolChoiceRecord, 'campaignId' | 'importId' | 'user'>;
}

export function rejected(schoolBin: string | null, error: FileIssue, school: School | null = null): Verdict {
  return { school, schoolBin, errors: [error], warnings: [], values: new Map(), texts: new Map(), lists: new Map(), planRows: [] };
}

export function sha256(bytes: Uint8Array): string {
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

function storedAmounts(moneyCodes: ReadonlySet<string>, values: Map<string, number>): Array<{ code: string; amount: number }> {
  return [...values].map(([code, value]) => ({ code, amount: moneyCodes.has(code) ? toTiyn(value) : value }));
}

export async function currentReportOf(db: Kysely<Database> | Transaction<Database>, campaignId: string, schoolId: number) {
  return db
    .selectFrom('reports')
    .select(['id'])
    .where('campaign_id', '=', campaignId)
    .where('school_id', '=', schoolId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
}

/** Stores the report's values, lists and plan rows; returns its values as the audit compares them (storedValueTexts). */
async function insertReportContents(trx: Transaction<Database>, reportId: number, form: FormDefinition, verdict: Verdict): Promise<Map<string, string>> {
  const moneyCodes = new Set(valueCells(form).filter((i) => i.type === 'money').map((i) => i.code));
  const amounts = storedAmounts(moneyCodes, verdict.values);
  const rows = amounts.map((v) => ({ report_id: reportId, ...v }));
  if (rows.length > 0) await trx.insertInto('report_values').values(rows).execute();
  const texts = [...verdict.texts].map(([code, value]) => ({ report_id: reportId, code, value }));
  if (texts.length > 0) await trx.insertInto('report_texts').values(texts).execute();
  const listRows = [...verdict.lists].flatMap(([tableId, list]) =>
    list.map((cells, i) => ({ report_id: reportId, table_id: tableId, row_number: i + 1, cells: JSON.stringify(cells) })),
  );
  for (let i = 0; i < listRows.length; i += 100) await trx.insertInto('report_list_rows').values(listRows.slice(i, i + 100)).execute();
  const planRows = verdict.planRows.map(({ itemId, ...fields }) => ({ report_id: reportId, item_id: itemId, ...fields }));
  if (planRows.length > 0) await trx.insertInto('report_plan_rows').values(planRows).execute();
  return storedValueTexts(moneyCodes, amounts, texts);
}

export interface PreviousImport {
  imported_at: string;
  school_bin: string | null;
  school_id: number | null;
}

/** The accepted import of the same file in the campaign, if any: a second import of it is a duplicate. */
export async function previousImportOf(db: Kysely<Database> | Transaction<Database>, hash: string, campaignId: string): Promise<PreviousImport | undefined> {
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

export function duplicateWarning(previous: PreviousImport): FileIssue {
  return issue('warning', 'import.duplicateFile', { date: previous.imported_at });
}

/** Records a file already accepted in the campaign as a duplicate of that import; returns the new import's id. */
export async function recordDuplicate(db: Kysely<Database> | Transaction<Database>, file: IncomingFile, campaign: Campaign, previous: PreviousImport): Promise<number> {
  const fileId = (await db.selectFrom('files').select('id').where('sha256', '=', sha256(file.bytes)).executeTakeFirstOrThrow()).id;
  const row = await db
    .insertInto('imports')
    .values({
      campaign_id: campaign.id, file_id: fileId, file_name: file.name, status: 'duplicate', has_warnings: 0,
      school_id: previous.school_id, school_bin: previous.school_bin, issues_json: JSON.stringify([duplicateWarning(previous)]), returned_at: null, os_user: osUser(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type Stored = { importId: number; superseded: boolean; duplicateOf?: PreviousImport };

/**
 * Stores one verdict in one transaction; returns the import's id and whether an older report was replaced — or,
 * when the same file was accepted meanwhile (by an import running at the same time), the duplicate recorded instead.
 */
export async function storeVerdict(db: Kysely<Database>, file: IncomingFile, campaign: Campaign, verdict: Verdict, source: ReportSource): Promise<Stored> {
  const user = osUser();
  return db.transaction().execute(async (trx): Promise<Stored> => {
    const hash = sha256(file.bytes);
    const previousImport = await previousImportOf(trx, hash, campaign.id);
    if (previousImport) return { importId: await recordDuplicate(trx, file, campaign, previousImport), superseded: false, duplicateOf: previousImport };
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
        returned_at: null,
        source,
        os_user: user,
      })
      .returning(['id', 'imported_at'])
      .executeTakeFirstOrThrow();
    const { school, form } = verdict;
    if (!accepted || !school || !form) return { importId, superseded: false };
    const previous = await currentReportOf(trx, campaign.id, school.id);
    if (previous) await trx.updateTable('reports').set({ is_current: 0 }).where('id', '=', previous.id).execute();
    const { id: reportId } = await trx
      .insertInto('reports')
      .values({
        campaign_id: campaign.id, school_id: school.id, import_id: importId, form_id: form.id, form_version: form.version,
        received_at: importedAt, is_current: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const afterTexts = await insertReportContents(trx, reportId, form, verdict);
    await recordChanges(trx, { campaignId: campaign.id, schoolId: school.id, before: previous?.id ?? null, after: reportId, afterTexts, reason: source, user });
    if (verdict.choice) await recordSchoolChoice(trx, { ...verdict.choice, campaignId: campaign.id, importId, user });
    return { importId, superseded: previous !== undefined };
  });
}

type OutcomeFacts = Pick<Verdict, 'school' | 'schoolBin' | 'errors' | 'warnings' | 'newSchool'> & {
  importId: number | null;
  superseded?: boolean;
  checkedOnly?: boolean;
};

export function outcomeOf(file: string, status: ImportOutcome['status'], facts: OutcomeFacts): ImportOutcome {
  return {
    file,
    status,
    hasWarnings: status === 'accepted' && facts.warnings.length > 0,
    schoolBin: facts.schoolBin,
    schoolName: facts.school?.shortName ?? null,
    errors: facts.errors,
    warnings: facts.warnings,
    superseded: facts.superseded ?? false,
    importId: facts.importId,
    newSchool: facts.newSchool ?? null,
    checkedOnly: facts.checkedOnly ?? false,
  };
}
