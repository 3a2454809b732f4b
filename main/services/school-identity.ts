// Which school a file is from when it names its school more than once: the template's identification (the hidden
// sheet and the «Comments» property) and the header block (name and БИН). When they name different schools the file is
// refused naming both, and the specialist may accept it as either ('reports.acceptAs'); the choice goes to the audit.
import type { Kysely } from 'kysely';
import { checkBin, normalizeBin } from '../../shared/bin.ts';
import type { School } from '../../shared/domain.ts';
import { nameKey, sameName } from '../../shared/school-names.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import type { FileRead } from '../excel/intake/file-reading.ts';
import type { ReadReport } from '../excel/intake/report-reader.ts';
import { IDENTITY_SHEET } from '../excel/layout/identity.ts';
import type { Verdict } from './report-store.ts';
import { schoolFromRow } from './schools.ts';

export async function findSchool(db: Kysely<Database>, bin: string): Promise<School | null> {
  const row = await db.selectFrom('schools').selectAll().where('bin', '=', bin).executeTakeFirst();
  return row ? schoolFromRow(row) : null;
}

/** Two mentions of the school in one file that name different schools: the refusal, and the БИН either could be. */
export interface Disagreement {
  refusal: FileIssue;
  bins: string[];
}

const namesOf = (school: School) => [school.shortName, school.nameRu, school.nameKk, `${school.nameRu} / ${school.nameKk}`].filter(Boolean);

/** The registry's schools by БИН and by each of their names (as sameName compares them), read once per batch of files. */
export interface Registry {
  byBin: Map<string, School>;
  byName: Map<string, School>;
}

export async function readRegistry(db: Kysely<Database>): Promise<Registry> {
  const registry: Registry = { byBin: new Map(), byName: new Map() };
  for (const school of (await db.selectFrom('schools').selectAll().orderBy('id').execute()).map(schoolFromRow)) {
    registry.byBin.set(school.bin, school);
    for (const name of namesOf(school)) if (!registry.byName.has(nameKey(name))) registry.byName.set(nameKey(name), school);
  }
  return registry;
}

/** The registry school the header's name is, when that name is exactly another school's and not the identified one's. */
function schoolNamedInHeader(report: ReadReport, identified: School | null, registry: Registry): School | null {
  const written = report.headerSchoolName;
  if (!written || (identified && namesOf(identified).some((name) => sameName(name, written)))) return null;
  return registry.byName.get(nameKey(written)) ?? null;
}

/**
 * The file names its school twice — in the template's identification and in the header block — and the hidden sheet
 * and the «Comments» property each hold the identification. When any two name different schools, which school sent the
 * file cannot be known from the file: it is never filed silently under either.
 */
export function disagreementOf(report: ReadReport, conflict: FileRead['identityConflict'], registry: Registry): Disagreement | null {
  const label = (bin: string, written = '') => registry.byBin.get(bin)?.shortName || written || bin;
  if (conflict) {
    const { sheetBin, propertyBin } = conflict;
    const params = { fileBin: sheetBin, fileSchool: label(sheetBin), otherBin: propertyBin, otherSchool: label(propertyBin) };
    return { refusal: issue('error', 'import.identificationDisagrees', params, { sheet: IDENTITY_SHEET }), bins: [sheetBin, propertyBin] };
  }
  const fileBin = normalizeBin(report.identity?.schoolBin ?? '');
  // A blank template (or a file whose identification is lost) has only the header to go by.
  if (!fileBin) return null;
  const file = { fileBin, fileSchool: label(fileBin) };
  const headerBin = report.headerBin;
  if (headerBin && headerBin !== fileBin && !checkBin(headerBin)) {
    const params = { ...file, otherBin: headerBin, otherSchool: label(headerBin, report.headerSchoolName), sheet: report.sheet, cell: report.headerBinCell ?? '' };
    return { refusal: issue('error', 'import.headerBinDisagrees', params, { sheet: report.sheet, cell: report.headerBinCell ?? undefined }), bins: [fileBin, headerBin] };
  }
  const named = schoolNamedInHeader(report, registry.byBin.get(fileBin) ?? null, registry);
  if (!named || named.bin === fileBin) return null;
  const params = { ...file, otherBin: named.bin, otherSchool: named.shortName, written: report.headerSchoolName, sheet: report.sheet, cell: report.headerSchoolCell ?? '' };
  return { refusal: issue('error', 'import.headerNameDisagrees', params, { sheet: report.sheet, cell: report.headerSchoolCell ?? undefined }), bins: [fileBin, named.bin] };
}

/** The school the specialist chose for a file whose mentions of its school disagree ('reports.acceptAs'). */
export interface SchoolChoice {
  /** The refused import whose kept file is accepted. */
  importId: number;
  bin: string;
}

/** A header БИН that is no school of the registry: offered to be added, so that the file can then be accepted as it. */
export async function unknownHeaderSchool(db: Kysely<Database>, report: ReadReport, disagreement: Disagreement): Promise<Verdict['newSchool']> {
  const headerBin = report.headerBin;
  if (!headerBin || !disagreement.bins.includes(headerBin) || (await findSchool(db, headerBin))) return undefined;
  return { bin: headerBin, name: report.headerSchoolName };
}

/** The БИН the specialist chose, checked to be one of the two the file names. */
export function chosenBinOf(disagreement: Disagreement | null, choice: SchoolChoice): string {
  if (!disagreement?.bins.includes(choice.bin)) throw new AppError('conflict', 'import.nothingToChoose', { bin: choice.bin });
  return choice.bin;
}

/** The warning an accepted file carries, and the audit's record of the choice. */
export async function choiceMade(db: Kysely<Database>, school: School, disagreement: Disagreement, choice: SchoolChoice): Promise<{ chosen: FileIssue; choice: Verdict['choice'] }> {
  const otherBin = disagreement.bins.find((other) => other !== school.bin) ?? '';
  const otherSchool = (await findSchool(db, otherBin))?.shortName || otherBin;
  return {
    chosen: issue('warning', 'import.schoolChosen', { school: school.shortName, bin: school.bin, otherSchool, otherBin }),
    choice: { fromImportId: choice.importId, chosenBin: school.bin, otherBin, disagreement: disagreement.refusal },
  };
}
