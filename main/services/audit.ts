// The audit of values: every change of a school's current value in a campaign — from a new file, a hand entry,
// or an older version restored — with when, which report, and which OS user.
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry, ValueChange } from '../../shared/imports.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { fromTiyn } from '../../shared/numbers.ts';
import { valueCells } from '../../shared/forms/types.ts';
import type { Database } from '../db/schema.ts';
import { findForm } from './forms.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ChangeReason = 'file' | 'manual' | 'restore';

/** A report's values as the summary shows them: tenge for money, 1/0 for yes/no, texts as written. */
export async function reportValueTexts(db: Db, reportId: number): Promise<Map<string, string>> {
  const report = await db.selectFrom('reports').select(['form_id', 'form_version']).where('id', '=', reportId).executeTakeFirstOrThrow();
  const form = await findForm(db, report.form_id, report.form_version);
  const money = new Set((form ? valueCells(form) : []).filter((i) => i.type === 'money').map((i) => i.code));
  const numbers = await db.selectFrom('report_values').select(['code', 'amount']).where('report_id', '=', reportId).execute();
  const texts = await db.selectFrom('report_texts').select(['code', 'value']).where('report_id', '=', reportId).execute();
  return storedValueTexts(money, numbers, texts);
}

/** Stored rows of a report's values as reportValueTexts gives them; `money` holds the codes stored in tiyn. */
export function storedValueTexts(
  money: ReadonlySet<string>, numbers: ReadonlyArray<{ code: string; amount: number }>, texts: ReadonlyArray<{ code: string; value: string }>,
): Map<string, string> {
  return new Map([
    ...numbers.map((v) => [v.code, String(money.has(v.code) ? fromTiyn(v.amount) : v.amount)] as [string, string]),
    ...texts.map((v) => [v.code, v.value] as [string, string]),
  ]);
}

/** Row codes whose value differs, in code order: old → new (null when blank). */
export function valueChanges(before: Map<string, string>, after: Map<string, string>): ValueChange[] {
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort();
  return codes
    .filter((code) => before.get(code) !== after.get(code))
    .map((code) => ({ code, before: before.get(code) ?? null, after: after.get(code) ?? null }));
}

export interface CurrentChange {
  campaignId: string;
  schoolId: number;
  /** The report that was current before, if any. */
  before: number | null;
  after: number;
  /** The values of `after` as reportValueTexts reads them, when the caller has just stored them (spares reading them back). */
  afterTexts?: Map<string, string>;
  reason: ChangeReason;
  user: string;
}

/** Writes one audit row per value that changed when `after` became the school's current report. */
export async function recordChanges(trx: Transaction<Database>, change: CurrentChange): Promise<void> {
  const before = change.before === null ? new Map<string, string>() : await reportValueTexts(trx, change.before);
  const rows = valueChanges(before, change.afterTexts ?? (await reportValueTexts(trx, change.after))).map((c) => ({
    campaign_id: change.campaignId,
    school_id: change.schoolId,
    code: c.code,
    old_value: c.before,
    new_value: c.after,
    report_id: change.after,
    reason: change.reason,
    os_user: change.user,
  }));
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('value_audit').values(rows.slice(i, i + 100)).execute();
}

export async function listAudit(db: Kysely<Database>, campaignId: string, schoolId?: number): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('value_audit')
    .innerJoin('reports', 'reports.id', 'value_audit.report_id')
    .innerJoin('imports', 'imports.id', 'reports.import_id')
    .innerJoin('schools', 'schools.id', 'value_audit.school_id')
    .select([
      'value_audit.id', 'value_audit.changed_at', 'value_audit.code', 'value_audit.old_value', 'value_audit.new_value',
      'value_audit.reason', 'value_audit.os_user', 'value_audit.report_id', 'imports.file_name', 'schools.short_name', 'value_audit.school_id',
    ])
    .where('value_audit.campaign_id', '=', campaignId);
  if (schoolId !== undefined) query = query.where('value_audit.school_id', '=', schoolId);
  const rows = await query.orderBy('value_audit.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.changed_at,
    schoolId: row.school_id,
    schoolName: row.short_name,
    code: row.code,
    before: row.old_value,
    after: row.new_value,
    reason: row.reason,
    user: row.os_user,
    reportId: row.report_id,
    file: row.file_name,
  }));
}

/** A specialist's decision on a file that names two schools: the report was stored under `chosenBin`. */
export interface SchoolChoiceRecord {
  campaignId: string;
  /** The import that stored the report under the chosen school. */
  importId: number;
  /** The refused import whose kept file it is. */
  fromImportId: number;
  chosenBin: string;
  otherBin: string;
  /** The refusal: which mentions of the school disagreed, and where. */
  disagreement: FileIssue;
  user: string;
}

/** A recorded decision, as listed: when, and the refused file's name. */
export type SchoolChoiceEntry = Omit<SchoolChoiceRecord, 'campaignId'> & { id: number; at: string; file: string };

export async function recordSchoolChoice(trx: Transaction<Database>, choice: SchoolChoiceRecord): Promise<void> {
  await trx
    .insertInto('school_choices')
    .values({
      campaign_id: choice.campaignId, import_id: choice.importId, from_import_id: choice.fromImportId, chosen_bin: choice.chosenBin,
      other_bin: choice.otherBin, disagreement: JSON.stringify(choice.disagreement), os_user: choice.user,
    })
    .execute();
}

/** The campaign's decisions on files that named two schools, newest first. */
export async function listSchoolChoices(db: Kysely<Database>, campaignId: string): Promise<SchoolChoiceEntry[]> {
  const rows = await db
    .selectFrom('school_choices')
    .innerJoin('imports', 'imports.id', 'school_choices.import_id')
    .select(['school_choices.id', 'school_choices.chosen_at', 'school_choices.import_id', 'school_choices.from_import_id', 'school_choices.chosen_bin',
      'school_choices.other_bin', 'school_choices.disagreement', 'school_choices.os_user', 'imports.file_name'])
    .where('school_choices.campaign_id', '=', campaignId)
    .orderBy('school_choices.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.chosen_at,
    importId: row.import_id,
    fromImportId: row.from_import_id,
    chosenBin: row.chosen_bin,
    otherBin: row.other_bin,
    disagreement: JSON.parse(row.disagreement) as FileIssue,
    user: row.os_user,
    file: row.file_name,
  }));
}
