// A report typed into the app while a school dictates it by phone: the same form, the same checks as a file,
// stored the same way and marked as entered by hand. The values typed are kept as the report's "file" (JSON),
// so what was entered stays as traceable as what was sent.
import type { Kysely } from 'kysely';
import type { ImportOutcome } from '../../shared/domain.ts';
import { valueCells, type ListRow } from '../../shared/forms/types.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { checkRules, unreadableCodes } from '../../shared/validate.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { readTypedValue } from '../excel/intake/value-cells.ts';
import { osUser } from '../os-user.ts';
import { importTarget } from './imports.ts';
import { currentReportOf, outcomeOf, storeVerdict, type PlanRow, type Verdict } from './report-store.ts';
import { getSchool } from './schools.ts';

export type TypedValues = Record<string, string | number | boolean | null>;

/** What the previous report held beyond the form's rows (the plan's execution, the lists): kept, since only rows are typed. */
async function carriedOver(db: Kysely<Database>, campaignId: string, schoolId: number) {
  const previous = await currentReportOf(db, campaignId, schoolId);
  if (!previous) return { planRows: [] as PlanRow[], lists: new Map<string, ListRow[]>() };
  const planRows = await db
    .selectFrom('report_plan_rows')
    .select(['item_id', 'status', 'events', 'participants', 'description'])
    .where('report_id', '=', previous.id)
    .execute();
  const listRows = await db.selectFrom('report_list_rows').select(['table_id', 'cells']).where('report_id', '=', previous.id).orderBy('row_number').execute();
  const lists = new Map<string, ListRow[]>();
  for (const row of listRows) lists.set(row.table_id, [...(lists.get(row.table_id) ?? []), JSON.parse(row.cells) as ListRow]);
  return { planRows: planRows.map(({ item_id, ...fields }) => ({ itemId: item_id, ...fields })), lists };
}

export async function enterReport(
  db: Kysely<Database>,
  campaignId: string,
  schoolId: number,
  typed: TypedValues,
  options: { dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  const target = await importTarget(db, campaignId);
  const { campaign, form } = target;
  const school = await getSchool(db, schoolId);
  if (!school.active) throw new AppError('conflict', 'import.closedSchool', { bin: school.bin });
  const values = new Map<string, number>();
  const texts = new Map<string, string>();
  const errors: FileIssue[] = [];
  const notes: FileIssue[] = [];
  for (const indicator of valueCells(form)) {
    const reading = readTypedValue(typed[indicator.code] ?? null, indicator.type);
    const where = { code: indicator.code };
    if ('problem' in reading) errors.push(issue('error', reading.problem, reading.params, where));
    else if ('number' in reading && reading.number !== undefined) values.set(indicator.code, reading.number);
    else if ('text' in reading && reading.text !== undefined) texts.set(indicator.code, reading.text);
    else if (indicator.required) errors.push(issue('error', 'import.required', {}, where));
    if ('note' in reading && reading.note) notes.push(issue('warning', reading.note.key, reading.note.params, where));
  }
  const known = new Set(valueCells(form).map((indicator) => indicator.code));
  for (const code of Object.keys(typed).filter((c) => !known.has(c))) errors.push(issue('error', 'import.manualUnknownCode', { code }, { code }));
  const ruleIssues = checkRules(form, values, undefined, unreadableCodes(errors));
  const verdict: Verdict = {
    school,
    schoolBin: school.bin,
    errors: [...errors, ...ruleIssues.filter((i) => i.severity === 'error')],
    warnings: [...notes, ...ruleIssues.filter((i) => i.severity === 'warning')],
    form,
    values,
    texts,
    ...(await carriedOver(db, campaignId, schoolId)),
  };
  const status = verdict.errors.length === 0 ? 'accepted' : 'rejected';
  if (options.dryRun || status === 'rejected') return outcomeOf('', status, { ...verdict, importId: null, checkedOnly: true });
  const at = new Date().toISOString();
  const record = { campaign: campaign.id, formVersion: form.version, school: school.bin, values: typed, enteredBy: osUser(), at };
  const file = { name: `manual-${school.bin}-${at.slice(0, 19).replace(/[:T]/g, '-')}.json`, bytes: new TextEncoder().encode(JSON.stringify(record, null, 2)) };
  const stored = await storeVerdict(db, file, campaign, verdict, 'manual');
  return outcomeOf(file.name, stored.duplicateOf ? 'duplicate' : status, { ...verdict, ...stored });
}
