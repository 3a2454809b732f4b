// Which school a file is from, and which table in it is the report: a template passed to another school, an
// identification that contradicts itself, a form sheet duplicated or pasted in. Nothing is ever filed under a school
// silently when the file names two; the specialist's choice stores it under the chosen one, written to the audit.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome, School } from '../../shared/domain.ts';
import { schoolChoicesOf } from '../../shared/imports.ts';
import { IDENTITY_SHEET } from '../../main/excel/layout/identity.ts';
import { osUser } from '../../main/os-user.ts';
import { listSchoolChoices } from '../../main/services/audit.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { acceptAsSchool, importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import { tempDatabase } from '../helpers/db.ts';
import { copySheet, editWorkbook, schoolHeaderCells, valueCellOf, visibleSheet } from '../helpers/edit.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
const SHEET = 'Форма - Нысан';

let database: Awaited<ReturnType<typeof tempDatabase>>;
let first: School;
let second: School;
/** Each school's own template, by school id. */
const templates = new Map<number, Uint8Array>();

beforeEach(async () => {
  database = await tempDatabase();
  first = await createSchool(database.db, schoolFields(1));
  second = await createSchool(database.db, schoolFields(2));
  await zabotaV1Campaign(database.db, 2027);
  const { files } = await buildTemplates(database.db, CAMPAIGN);
  for (const school of [first, second]) templates.set(school.id, files.find((f) => f.name.startsWith(school.shortName))!.bytes);
});
afterEach(() => database.remove());

async function importOne(bytes: Uint8Array, name = 'report.xlsx'): Promise<ImportOutcome> {
  const [outcome] = await importReports(database.db, CAMPAIGN, [{ name, bytes }]);
  return outcome;
}

/** The school's template, filled with a valid report (values scaled, to tell reports apart). */
function filledTemplateOf(school: School, scale = 1): Promise<Buffer> {
  return fillTemplate(templates.get(school.id)!, validZabota(scale));
}

/** The schools whose current report counts, by БИН → the report's Z01. */
async function currentZ01ByBin(): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom('reports')
    .innerJoin('schools', 'schools.id', 'reports.school_id')
    .innerJoin('report_values', 'report_values.report_id', 'reports.id')
    .select(['schools.bin', 'report_values.amount'])
    .where('reports.is_current', '=', 1)
    .where('report_values.code', '=', 'Z01')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.bin, row.amount]));
}

/** Writes a name and a БИН into the header block, as a school typing over another's template does. */
function retypeHeader(workbook: ExcelJS.Workbook, name: string | null, bin: string | null): void {
  const cells = schoolHeaderCells(visibleSheet(workbook));
  if (name !== null) cells.name.value = name;
  if (bin !== null) cells.bin.value = bin;
}

/** A copy of a sheet's cell values under another name, as «Move or copy… → Create a copy» leaves it. */
describe('a template passed from one school to another', () => {
  it('is refused when the header’s БИН is another school’s, naming the cell and both schools; nothing is stored under either', async () => {
    await importOne(await filledTemplateOf(first), 'first-own.xlsx');
    const passedOn = await editWorkbook(await filledTemplateOf(first, 3), (workbook) => retypeHeader(workbook, second.nameRu, second.bin));

    const outcome = await importOne(passedOn, 'from-second.xlsx');

    expect(outcome.status).toBe('rejected');
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({
      sheet: SHEET, cell: 'B4',
      message: { key: 'import.headerBinDisagrees', params: { fileBin: first.bin, fileSchool: first.shortName, otherBin: second.bin, otherSchool: second.shortName, sheet: SHEET, cell: 'B4' } },
    });
    expect(schoolChoicesOf(outcome.errors)).toEqual([{ bin: first.bin, name: first.shortName }, { bin: second.bin, name: second.shortName }]);
    expect(await currentZ01ByBin()).toEqual({ [first.bin]: validZabota().Z01 });
    expect((await database.db.selectFrom('reports').select('id').execute())).toHaveLength(1);
  });

  it('is refused when the header names another school of the registry under the same БИН; a name the registry does not know is no alarm', async () => {
    const renamed = await editWorkbook(await filledTemplateOf(first), (workbook) => retypeHeader(workbook, `  ${second.nameRu.toUpperCase()} `, null));
    const outcome = await importOne(renamed);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors[0]).toMatchObject({ sheet: SHEET, cell: 'B3', message: { key: 'import.headerNameDisagrees', params: { fileBin: first.bin, otherBin: second.bin } } });

    const ownWords = await editWorkbook(await filledTemplateOf(first), (workbook) => retypeHeader(workbook, 'ОШ №1 г. Шахтинск', null));
    expect(await importOne(ownWords, 'own-words.xlsx')).toMatchObject({ status: 'accepted', schoolBin: first.bin });
  });

  it('is refused when the hidden sheet and the «Comments» property name different schools', async () => {
    const stitched = await editWorkbook(await filledTemplateOf(first), (workbook) => {
      workbook.description = workbook.description!.replace(`school_bin=${first.bin}`, `school_bin=${second.bin}`);
    });
    const outcome = await importOne(stitched);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors[0]).toMatchObject({ sheet: IDENTITY_SHEET, message: { key: 'import.identificationDisagrees', params: { fileBin: first.bin, otherBin: second.bin } } });
    expect(await currentZ01ByBin()).toEqual({});
  });

  it('is stored under the school the specialist chooses, the other’s report untouched, and the choice is in the audit', async () => {
    await importOne(await filledTemplateOf(first), 'first-own.xlsx');
    const passedOn = await editWorkbook(await filledTemplateOf(first, 3), (workbook) => retypeHeader(workbook, second.nameRu, second.bin));
    const refused = await importOne(passedOn, 'from-second.xlsx');

    const accepted = await acceptAsSchool(database.db, CAMPAIGN, { importId: refused.importId!, bin: second.bin });

    expect(accepted).toMatchObject({ status: 'accepted', file: 'from-second.xlsx', schoolBin: second.bin, schoolName: second.shortName, errors: [] });
    expect(accepted.warnings[0].message).toMatchObject({ key: 'import.schoolChosen', params: { bin: second.bin, otherBin: first.bin } });
    expect(await currentZ01ByBin()).toEqual({ [first.bin]: validZabota().Z01, [second.bin]: validZabota(3).Z01 });
    expect((await getSummary(database.db, CAMPAIGN)).totals.Z01).toBe(validZabota().Z01 + validZabota(3).Z01);
    const [choice] = await listSchoolChoices(database.db, CAMPAIGN);
    expect(choice).toMatchObject({
      importId: accepted.importId, fromImportId: refused.importId, chosenBin: second.bin, otherBin: first.bin, user: osUser(), file: 'from-second.xlsx',
      disagreement: { cell: 'B4', message: { key: 'import.headerBinDisagrees' } },
    });
  });

  it('can be accepted only as one of the two schools it names', async () => {
    const passedOn = await editWorkbook(await filledTemplateOf(first), (workbook) => retypeHeader(workbook, second.nameRu, second.bin));
    const refused = await importOne(passedOn);
    const third = await createSchool(database.db, schoolFields(3));
    await expect(acceptAsSchool(database.db, CAMPAIGN, { importId: refused.importId!, bin: third.bin })).rejects.toMatchObject({ key: 'import.nothingToChoose' });
    const own = await importOne(await fillTemplate(templates.get(first.id)!, { ...validZabota(), Z01: 'пятьсот' }), 'own.xlsx');
    expect(own.status).toBe('rejected');
    await expect(acceptAsSchool(database.db, CAMPAIGN, { importId: own.importId!, bin: first.bin })).rejects.toMatchObject({ key: 'import.nothingToChoose' });
    expect(await listSchoolChoices(database.db, CAMPAIGN)).toEqual([]);
  });

  it('offers to add a school whose БИН the header gives but the registry lacks', async () => {
    const newcomer = validBin(9);
    const passedOn = await editWorkbook(await filledTemplateOf(first), (workbook) => retypeHeader(workbook, 'КГУ «Школа №9»', newcomer));
    const outcome = await importOne(passedOn);
    expect(outcome).toMatchObject({ status: 'rejected', newSchool: { bin: newcomer, name: 'КГУ «Школа №9»' } });
    expect(outcome.errors[0].message).toMatchObject({ key: 'import.headerBinDisagrees', params: { otherBin: newcomer, otherSchool: 'КГУ «Школа №9»' } });
  });
});

describe('one file, one school, one form table', () => {
  it('reads an identical copy of the form sheet once', async () => {
    const twice = await editWorkbook(await filledTemplateOf(first), (workbook) => copySheet(workbook, visibleSheet(workbook), 'Копия'));
    expect(await importOne(twice)).toMatchObject({ status: 'accepted', warnings: [] });
    expect(await currentZ01ByBin()).toEqual({ [first.bin]: validZabota().Z01 });
  });

  it('refuses a copy corrected on the copy, naming both sheets and the cells that differ', async () => {
    const corrected = await editWorkbook(await filledTemplateOf(first), (workbook) => {
      const copy = copySheet(workbook, visibleSheet(workbook), 'Копия');
      valueCellOf(copy, 'Z01').value = 501;
    });
    const outcome = await importOne(corrected);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0].message).toEqual({ key: 'import.tablesDiffer', params: { first: SHEET, second: 'Копия', cells: 'D10 (Z01): «500» ≠ «501»' } });
    expect(await currentZ01ByBin()).toEqual({});
  });

  it('names a few differing cells and counts the rest', async () => {
    const many = await editWorkbook(await filledTemplateOf(first), (workbook) => {
      const copy = copySheet(workbook, visibleSheet(workbook), 'Лист2');
      for (const code of ['Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07', 'Z10']) valueCellOf(copy, code).value = 1;
    });
    const { errors } = await importOne(many);
    expect(errors[0].message).toMatchObject({ key: 'import.tablesDifferMore', params: { first: SHEET, second: 'Лист2', more: 3 } });
    expect(String(errors[0].message.params?.cells).split('; ')).toHaveLength(5);
  });

  it('refuses another school’s form pasted in as a sheet, and two schools’ tables in a new workbook', async () => {
    const secondsFilled = await filledTemplateOf(second, 2);
    let secondsSheet: ExcelJS.Worksheet | undefined;
    await editWorkbook(secondsFilled, (workbook) => {
      secondsSheet = visibleSheet(workbook);
    });
    const pasted = await editWorkbook(await filledTemplateOf(first), (workbook) => copySheet(workbook, secondsSheet!, 'Школа 2'));
    const outcome = await importOne(pasted, 'pasted.xlsx');
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors[0].message).toEqual({ key: 'import.tablesOfTwoSchools', params: { first: SHEET, firstBin: first.bin, second: 'Школа 2', secondBin: second.bin } });

    let firstsSheet: ExcelJS.Worksheet | undefined;
    await editWorkbook(await filledTemplateOf(first), (workbook) => {
      firstsSheet = visibleSheet(workbook);
    });
    const together = await editWorkbook(await filledTemplateOf(first), (workbook) => {
      for (const sheet of [...workbook.worksheets]) workbook.removeWorksheet(sheet.id);
      workbook.description = '';
      copySheet(workbook, firstsSheet!, 'Школа 1');
      copySheet(workbook, secondsSheet!, 'Школа 2');
    });
    const both = await importOne(together, 'together.xlsx');
    expect(both.errors[0].message).toMatchObject({ key: 'import.tablesOfTwoSchools', params: { firstBin: first.bin, secondBin: second.bin } });
    expect(await currentZ01ByBin()).toEqual({});
  });

  it('reads a filled copy beside the empty issued sheet, with a warning naming the sheet', async () => {
    const elsewhere = await editWorkbook(await filledTemplateOf(first), (workbook) => {
      const issued = visibleSheet(workbook);
      copySheet(workbook, issued, 'Копия');
      for (const code of Object.keys(validZabota())) valueCellOf(issued, code).value = null;
    });
    const outcome = await importOne(elsewhere);
    expect(outcome).toMatchObject({ status: 'accepted', schoolBin: first.bin });
    expect(outcome.warnings.map((w) => w.message)).toEqual([{ key: 'import.filledCopySheet', params: { sheet: 'Копия', issued: SHEET } }]);
    expect(await currentZ01ByBin()).toEqual({ [first.bin]: validZabota().Z01 });
  });
});
