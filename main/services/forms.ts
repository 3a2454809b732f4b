// Forms: the built-in versions shipped in shared/forms/, and the district's own versions in the database.
// A version some campaign collects is frozen — a change is a copy under the next version.
import type { Kysely, Transaction } from 'kysely';
import { campaignTitle } from '../../shared/campaigns.ts';
import type { CampaignKind } from '../../shared/domain.ts';
import { nestedQuotes } from '../../shared/format.ts';
import { formProblems, type FormProblem } from '../../shared/forms/check.ts';
import { BUILT_IN_FORMS } from '../../shared/forms/index.ts';
import { sameDefinition, valueCells, type FormDefinition, type FormImportResult, type FormRecord, type FormSaveResult } from '../../shared/forms/types.ts';
import type { MessageKey } from '../../shared/messages.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { SaveRequest } from '../platform.ts';
import { safeFileName } from '../excel/writers/file-names.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Parsed definitions per database: a frozen version never changes, an editable one is dropped on save. */
const cache = new WeakMap<object, Map<string, FormDefinition>>();

function cacheOf(db: Db): Map<string, FormDefinition> {
  const key = db as object;
  let forms = cache.get(key);
  if (!forms) cache.set(key, (forms = new Map()));
  return forms;
}

const cacheKey = (id: string, version: number) => `${id}@${version}`;

function builtIn(id: string, version: number): FormDefinition | undefined {
  return BUILT_IN_FORMS.find((form) => form.id === id && form.version === version);
}

/** The definition of a form version; what the database holds wins over a built-in of the same id and version. */
export async function findForm(db: Db, id: string, version: number): Promise<FormDefinition | undefined> {
  const cached = cacheOf(db).get(cacheKey(id, version));
  if (cached) return cached;
  const row = await db.selectFrom('forms').select('definition').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  const form = row ? (JSON.parse(row.definition) as FormDefinition) : builtIn(id, version);
  if (form) cacheOf(db).set(cacheKey(id, version), form);
  return form;
}

export async function getForm(db: Db, id: string, version: number): Promise<FormDefinition> {
  const form = await findForm(db, id, version);
  if (!form) throw new AppError('not_found', 'forms.notFound', { form: `${id} v${version}` });
  return form;
}

async function versionsOf(db: Db, id: string): Promise<number[]> {
  const stored = await db.selectFrom('forms').select('version').where('id', '=', id).execute();
  const versions = [...stored.map((row) => row.version), ...BUILT_IN_FORMS.filter((form) => form.id === id).map((form) => form.version)];
  return [...new Set(versions)].sort((a, b) => a - b);
}

/** The newest version of a form that has no problems: what a new campaign collects. */
export async function latestUsableForm(db: Db, id: string): Promise<FormDefinition> {
  const versions = await versionsOf(db, id);
  for (const version of versions.reverse()) {
    const form = await getForm(db, id, version);
    if (formProblems(form).length === 0) return form;
  }
  throw new AppError('not_found', 'forms.notFound', { form: id });
}

/** Campaigns that collect this version now, or hold a report made with it: either way it can no longer change. */
async function usersOf(db: Db, id: string, version: number): Promise<string[]> {
  const collecting = db.selectFrom('campaigns').select('id').where('form_id', '=', id).where('form_version', '=', version);
  const reported = db.selectFrom('reports').select('campaign_id as id').where('form_id', '=', id).where('form_version', '=', version);
  const rows = await collecting.union(reported).orderBy('id').execute();
  return rows.map((row) => row.id);
}

/**
 * A row code keeps its type in every version of a form: the summary sums reports of different versions
 * code by code, and money is stored in tiyn while counts are not.
 */
async function typeChanges(db: Db, form: FormDefinition): Promise<FormProblem[]> {
  const problems: FormProblem[] = [];
  for (const version of await versionsOf(db, form.id)) {
    if (version === form.version) continue;
    const other = await getForm(db, form.id, version);
    for (const indicator of valueCells(form)) {
      const before = valueCells(other).find((i) => i.code === indicator.code);
      if (before && before.type !== indicator.type) {
        problems.push({ where: indicator.code, message: { key: 'form.typeChanged', params: { code: indicator.code, version, type: before.type } } });
      }
    }
  }
  return problems;
}

async function recordOf(db: Db, id: string, version: number): Promise<FormRecord> {
  const row = await db.selectFrom('forms').select(['definition', 'based_on']).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  const form = row ? (JSON.parse(row.definition) as FormDefinition) : builtIn(id, version);
  if (!form) throw new AppError('not_found', 'forms.notFound', { form: `${id} v${version}` });
  const usedBy = await usersOf(db, id, version);
  return { form, builtIn: !row, basedOn: row?.based_on ?? null, usedBy, editable: Boolean(row) && usedBy.length === 0 };
}

/** Every form version: the built-in ones and the database's own, each once. */
async function formKeys(db: Db): Promise<Array<{ id: string; version: number }>> {
  const stored = await db.selectFrom('forms').select(['id', 'version']).execute();
  const keys = new Map<string, { id: string; version: number }>();
  for (const { id, version } of [...BUILT_IN_FORMS, ...stored]) keys.set(cacheKey(id, version), { id, version });
  return [...keys.values()];
}

/** The definition of every form version this database knows (what an import reads files against). */
export async function allForms(db: Db): Promise<FormDefinition[]> {
  const forms = await Promise.all((await formKeys(db)).map(({ id, version }) => findForm(db, id, version)));
  return forms.filter((form) => form !== undefined);
}

export async function listForms(db: Kysely<Database>): Promise<FormRecord[]> {
  const records = await Promise.all((await formKeys(db)).map(({ id, version }) => recordOf(db, id, version)));
  return records.sort((a, b) => a.form.id.localeCompare(b.form.id) || b.form.version - a.form.version);
}

export function getFormRecord(db: Kysely<Database>, id: string, version: number): Promise<FormRecord> {
  return recordOf(db, id, version);
}

async function insertForm(db: Db, form: FormDefinition, basedOn: number | null): Promise<void> {
  await db.insertInto('forms').values({ id: form.id, version: form.version, definition: JSON.stringify(form), based_on: basedOn }).execute();
  cacheOf(db).delete(cacheKey(form.id, form.version));
}

/** A copy of a version under the next free version number, to be edited. */
export async function copyForm(db: Kysely<Database>, id: string, version: number): Promise<FormRecord> {
  const source = await getForm(db, id, version);
  const next = Math.max(...(await versionsOf(db, id))) + 1;
  await insertForm(db, { ...structuredClone(source), version: next }, version);
  return recordOf(db, id, next);
}

/** A form and the campaigns collecting it by their titles in each language (`form`, `formKk`, …), not their ids. */
async function inUseParams(db: Kysely<Database>, record: FormRecord): Promise<Record<string, string>> {
  const rows = await db.selectFrom('campaigns').select(['kind', 'year']).where('id', 'in', record.usedBy).orderBy('year').orderBy('kind').execute();
  const campaigns = rows.map((row) => campaignTitle(row.kind as CampaignKind, row.year));
  const { title, version } = record.form;
  const titles = (lang: 'ru' | 'kk') => campaigns.map((campaign) => `«${nestedQuotes(campaign[lang])}»`).join(', ');
  return {
    form: `«${nestedQuotes(title.ru)}» v${version}`,
    formKk: `«${nestedQuotes(title.kk)}» v${version}`,
    campaigns: titles('ru'),
    campaignsKk: titles('kk'),
  };
}

/** Stores an edited version; a built-in or collected version, or a form with problems, is not stored. */
export async function saveForm(db: Kysely<Database>, form: FormDefinition): Promise<FormSaveResult> {
  const current = await recordOf(db, form.id, form.version);
  if (current.builtIn) throw new AppError('conflict', 'forms.builtInReadOnly', { form: `${form.id} v${form.version}` });
  if (!current.editable) throw new AppError('conflict', 'forms.inUse', await inUseParams(db, current));
  const problems = [...formProblems(form), ...(await typeChanges(db, form))];
  if (problems.length > 0) return { saved: false, problems, record: null };
  await db
    .updateTable('forms')
    .set({ definition: JSON.stringify(form), updated_at: new Date().toISOString() })
    .where('id', '=', form.id)
    .where('version', '=', form.version)
    .execute();
  cacheOf(db).delete(cacheKey(form.id, form.version));
  return { saved: true, problems: [], record: await recordOf(db, form.id, form.version) };
}

export async function deleteForm(db: Kysely<Database>, id: string, version: number): Promise<void> {
  const current = await recordOf(db, id, version);
  if (current.builtIn) throw new AppError('conflict', 'forms.builtInReadOnly', { form: `${id} v${version}` });
  if (current.usedBy.length > 0) throw new AppError('conflict', 'forms.inUse', await inUseParams(db, current));
  await db.deleteFrom('forms').where('id', '=', id).where('version', '=', version).execute();
  cacheOf(db).delete(cacheKey(id, version));
}

/** The form as a JSON file another district can import. */
export async function buildFormFile(db: Kysely<Database>, id: string, version: number): Promise<SaveRequest> {
  return formFile(await getForm(db, id, version));
}

/** A form definition as a shared form file. */
export async function formFile(form: FormDefinition): Promise<SaveRequest> {
  const { id, version } = form;
  // The file's schema (zod) is loaded by the commands that write or read form files only.
  const { FORM_FILE_FORMAT } = await import('../../shared/forms/schema.ts');
  const json = JSON.stringify({ format: FORM_FILE_FORMAT, formatVersion: 1, form }, null, 2);
  const name = safeFileName(`${id}-v${version}`, '.jinaq-form.json');
  return { files: [{ name, bytes: new TextEncoder().encode(`${json}\n`) }], bundleName: `${id}-v${version}-form.zip` };
}


/** Reads a shared form file: added as it is, found already here, or added under the next free version. */
export async function importFormFile(db: Kysely<Database>, bytes: Uint8Array): Promise<FormImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refused('forms.fileNotJson');
  }
  const { formFileSchema } = await import('../../shared/forms/schema.ts');
  const parsed = formFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return refused('forms.fileBadShape', { path: first.path.join('.') || '(file)', details: first.message });
  }
  const form = parsed.data.form as FormDefinition;
  const problems = [...formProblems(form), ...(await typeChanges(db, form))];
  if (problems.length > 0) return { outcome: 'refused', problems, record: null };
  for (const version of await versionsOf(db, form.id)) {
    if (sameDefinition(await getForm(db, form.id, version), form)) return { outcome: 'same', problems: [], record: await recordOf(db, form.id, version) };
  }
  if (!(await findForm(db, form.id, form.version))) {
    await insertForm(db, form, null);
    return { outcome: 'added', problems: [], record: await recordOf(db, form.id, form.version) };
  }
  const next = Math.max(...(await versionsOf(db, form.id))) + 1;
  await insertForm(db, { ...form, version: next }, null);
  return { outcome: 'renumbered', problems: [], record: await recordOf(db, form.id, next) };
}

function refused(key: MessageKey, params?: Record<string, string>): FormImportResult {
  return { outcome: 'refused', problems: [{ where: '', message: { key, params } }], record: null };
}
