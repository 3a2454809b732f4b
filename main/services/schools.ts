// The school registry: list, add, edit, close, import from a workbook.
import type { Kysely, Selectable } from 'kysely';
import { checkBin, normalizeBin } from '../../shared/bin.ts';
import { INSTRUCTION_LANGUAGES, SCHOOL_TYPES, type InstructionLanguage, type RegistryImportResult, type RowProblem, type School, type SchoolFields, type SchoolType } from '../../shared/domain.ts';
import { resources } from '../../shared/i18n.ts';
import type { Message } from '../../shared/messages.ts';
import { byName } from '../../shared/school-names.ts';
import type { Database, SchoolsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { captionKey } from '../excel/intake/captions.ts';
import { loadWorkbook } from '../excel/intake/open-workbook.ts';
import { readRegistry, type RegistryRow } from '../excel/intake/registry-reader.ts';

type SchoolRow = Selectable<SchoolsTable>;

export function schoolFromRow(row: SchoolRow): School {
  return {
    id: row.id,
    bin: row.bin,
    nameRu: row.name_ru,
    nameKk: row.name_kk,
    shortName: row.short_name,
    type: row.type as SchoolType,
    locality: row.locality,
    director: row.director,
    phone: row.phone,
    email: row.email,
    language: row.language as InstructionLanguage,
    active: row.active === 1,
  };
}

function columnsOf(fields: SchoolFields) {
  return {
    bin: fields.bin,
    name_ru: fields.nameRu,
    name_kk: fields.nameKk,
    short_name: fields.shortName,
    type: fields.type,
    locality: fields.locality,
    director: fields.director,
    phone: fields.phone,
    email: fields.email,
    language: fields.language,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first thing wrong with a school's fields, or null. */
export function schoolProblem(fields: SchoolFields): Message | null {
  const binProblem = checkBin(fields.bin);
  if (binProblem) return { key: `bin.${binProblem}` };
  if (!fields.nameRu && !fields.nameKk) return { key: 'schools.nameRequired' };
  if (!fields.shortName) return { key: 'schools.shortNameRequired' };
  if (fields.email && !EMAIL.test(fields.email)) return { key: 'schools.badEmail', params: { email: fields.email } };
  return null;
}

function assertValid(fields: SchoolFields): SchoolFields {
  const normalized = { ...fields, bin: normalizeBin(fields.bin) };
  const problem = schoolProblem(normalized);
  if (problem) throw new AppError('invalid_input', problem.key, problem.params);
  return normalized;
}

export async function listSchools(db: Kysely<Database>, includeClosed = true): Promise<School[]> {
  let query = db.selectFrom('schools').selectAll();
  if (!includeClosed) query = query.where('active', '=', 1);
  return byName((await query.execute()).map(schoolFromRow));
}

export async function getSchool(db: Kysely<Database>, id: number): Promise<School> {
  const row = await db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'schools.notFound');
  return schoolFromRow(row);
}

async function refuseDuplicateBin(db: Kysely<Database>, bin: string, exceptId?: number): Promise<void> {
  let query = db.selectFrom('schools').select(['short_name']).where('bin', '=', bin);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const other = await query.executeTakeFirst();
  if (other) throw new AppError('conflict', 'schools.duplicateBin', { bin, name: other.short_name });
}

export async function createSchool(db: Kysely<Database>, input: SchoolFields): Promise<School> {
  const fields = assertValid(input);
  await refuseDuplicateBin(db, fields.bin);
  const { id } = await db.insertInto('schools').values(columnsOf(fields)).returning('id').executeTakeFirstOrThrow();
  return getSchool(db, id);
}

export async function updateSchool(db: Kysely<Database>, id: number, input: SchoolFields): Promise<School> {
  const fields = assertValid(input);
  await getSchool(db, id);
  await refuseDuplicateBin(db, fields.bin, id);
  await db
    .updateTable('schools')
    .set({ ...columnsOf(fields), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
  return getSchool(db, id);
}

export async function setSchoolActive(db: Kysely<Database>, id: number, active: boolean): Promise<School> {
  await getSchool(db, id);
  await db.updateTable('schools').set({ active: active ? 1 : 0, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  return getSchool(db, id);
}

/** A value of a closed list (type, language) as people write it in any of the three languages, or by its key. */
function choiceByCaption<T extends string>(choices: readonly T[], group: 'schoolType' | 'language', text: string): T | undefined {
  const key = captionKey(text);
  return choices.find(
    (choice) =>
      captionKey(choice) === key ||
      Object.values(resources).some((r) => captionKey((r.translation.messages[group] as Record<string, string>)[choice]) === key),
  );
}

const SCHOOL_TYPE_ABBREVIATIONS: Record<string, SchoolType> = { мкш: 'small', сош: 'general', ош: 'general', жббм: 'general', шжм: 'small' };

function schoolTypeByName(text: string): SchoolType | undefined {
  return SCHOOL_TYPE_ABBREVIATIONS[captionKey(text)] ?? choiceByCaption(SCHOOL_TYPES, 'schoolType', text);
}

/** A type by its name, its abbreviation, or both as the README writes them: «малокомплектная школа (МКШ)» (both must agree). */
function schoolTypeOf(text: string): SchoolType | undefined {
  const both = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(text);
  if (!both) return schoolTypeByName(text);
  const [named, abbreviated] = [schoolTypeByName(both[1]), schoolTypeByName(both[2])];
  return named === abbreviated ? named : undefined;
}

/** How registries write the language of instruction besides the captions of the locale files. */
const LANGUAGE_SPELLINGS: Record<string, InstructionLanguage> = {
  қазақ: 'kk', каз: 'kk', казахский: 'kk', kazakh: 'kk',
  орыс: 'ru', рус: 'ru', русский: 'ru', russian: 'ru',
  қазақжәнеорыс: 'kk_ru', 'каз/рус': 'kk_ru', казрус: 'kk_ru', смешанный: 'kk_ru', аралас: 'kk_ru', казахскийирусский: 'kk_ru',
};

function languageOf(text: string): InstructionLanguage | undefined {
  return LANGUAGE_SPELLINGS[captionKey(text)] ?? choiceByCaption(INSTRUCTION_LANGUAGES, 'language', text);
}

type RowVerdict = { fields: SchoolFields } | { problem: Message };

function registryRowFields(row: RegistryRow, existing: School | undefined): RowVerdict {
  const cells = row.cells;
  const at = { row: row.row };
  const bin = normalizeBin(cells.bin ?? '');
  if (!bin) return { problem: { key: 'registry.rowMissingBin', params: at } };
  const binProblem = checkBin(bin);
  if (binProblem) return { problem: { key: 'registry.rowBin', params: { ...at, value: bin, problem: binProblem } } };
  const type = cells.type ? schoolTypeOf(cells.type) : existing?.type ?? 'general';
  if (!type) return { problem: { key: 'registry.rowUnknownType', params: { ...at, value: cells.type ?? '' } } };
  const language = cells.language ? languageOf(cells.language) : existing?.language ?? 'kk';
  if (!language) return { problem: { key: 'registry.rowUnknownLanguage', params: { ...at, value: cells.language ?? '' } } };
  if (cells.email && !EMAIL.test(cells.email)) return { problem: { key: 'registry.rowBadEmail', params: { ...at, value: cells.email } } };
  const nameRu = cells.nameRu ?? existing?.nameRu ?? '';
  const nameKk = cells.nameKk ?? existing?.nameKk ?? '';
  const shortName = cells.shortName ?? existing?.shortName ?? (nameRu || nameKk);
  if (!shortName) return { problem: { key: 'registry.rowMissingName', params: at } };
  return {
    fields: {
      bin, nameRu, nameKk, shortName, type, language,
      locality: cells.locality ?? existing?.locality ?? '',
      director: cells.director ?? existing?.director ?? '',
      phone: cells.phone ?? existing?.phone ?? '',
      email: cells.email ?? existing?.email ?? '',
    },
  };
}

/**
 * Imports a registry workbook: new БИН are added, known ones updated with the cells the file fills in.
 * Every bad row is reported with its number and reason; the good rows still go in, all in one transaction.
 */
export async function importRegistry(db: Kysely<Database>, bytes: Uint8Array, fileName: string): Promise<RegistryImportResult> {
  const workbook = await loadWorkbook(bytes);
  if (!workbook) return { added: 0, updated: 0, problems: [], fileProblem: { key: 'registry.notWorkbook', params: { file: fileName } } };
  const read = readRegistry(workbook);
  if (!read.ok) return { added: 0, updated: 0, problems: [], fileProblem: { key: read.key, params: { file: fileName, ...read.params } } };

  return db.transaction().execute(async (trx) => {
    const known = new Map((await listSchools(trx)).map((school) => [school.bin, school]));
    const firstRowOf = new Map<string, number>();
    const problems: RowProblem[] = [];
    let added = 0;
    let updated = 0;
    for (const row of read.rows) {
      const bin = normalizeBin(row.cells.bin ?? '');
      const verdict = registryRowFields(row, known.get(bin));
      if ('problem' in verdict) {
        problems.push({ row: row.row, message: verdict.problem });
        continue;
      }
      const first = firstRowOf.get(bin);
      if (first !== undefined) {
        problems.push({ row: row.row, message: { key: 'registry.rowRepeated', params: { row: row.row, bin, first } } });
        continue;
      }
      firstRowOf.set(bin, row.row);
      const existing = known.get(bin);
      if (existing) {
        await trx.updateTable('schools').set({ ...columnsOf(verdict.fields), updated_at: new Date().toISOString() }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await trx.insertInto('schools').values(columnsOf(verdict.fields)).execute();
        added++;
      }
    }
    return { added, updated, problems };
  });
}
