// Templates in the real world: a school fills the file and saves it in LibreOffice Calc (here: a headless
// round trip through `soffice --convert-to xlsx`), deletes the hidden sheet, or copies the table into a new
// workbook. Each file must still be recognised and read the same. Where `soffice` is absent the LibreOffice
// cases are skipped and say why; CI (.ci/run) installs Debian's libreoffice-calc, so there they run.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../main/services/campaigns.ts';
import { getPlanExecution } from '../../main/services/execution.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { getPlan } from '../../main/services/plans.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import { readIdentity } from '../../main/excel/intake/identity-reader.ts';
import { IDENTITY_SHEET } from '../../main/excel/layout/identity.ts';
import { PLAN_COLUMNS } from '../../main/excel/layout/plan-part-layout.ts';
import { CODE_COLUMN, VALUE_COLUMN } from '../../main/excel/layout/report-layout.ts';
import type { School } from '../../shared/domain.ts';
import { tempDatabase, tempDir } from '../helpers/db.ts';
import { editWorkbook } from '../helpers/edit.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillListSheet, fillPlanPart, fillTemplate, readableWorkbook, readWorkbook, validNik, validZabotaV2 } from '../helpers/workbooks.ts';
import { convertWithSoffice, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { listTables } from '../../shared/forms/types.ts';

const SOFFICE = SOFFICE_VERSION;
const SKIP_REASON = 'LibreOffice (soffice) not installed: LibreOffice round-trip tests skipped; .ci/run installs libreoffice-calc';
const LIBREOFFICE_TIMEOUT = 120_000;

let work: ReturnType<typeof tempDir>;
let conversions = 0;

beforeAll(() => {
  work = tempDir('jinaq-libreoffice-');
  if (!SOFFICE) console.warn(SKIP_REASON);
});
afterAll(() => work.remove());

/** Saves the bytes through LibreOffice Calc, as a school does, with a private profile so parallel runs do not clash. */
function throughLibreOffice(bytes: Uint8Array, name: string): Buffer {
  const dir = path.join(work.dir, `run-${++conversions}`);
  const profile = path.join(work.dir, 'profile');
  return convertWithSoffice(bytes, { dir, name, format: 'xlsx', profile, timeout: LIBREOFFICE_TIMEOUT - 10_000 });
}

/** What a school does when it copies the table into a brand-new workbook: values only, header block included. */
async function copiedIntoNewWorkbook(bytes: Uint8Array): Promise<Buffer> {
  const source = (await readWorkbook(bytes)).worksheets.find((s) => s.state === 'visible')!;
  const copy = new ExcelJS.Workbook();
  const sheet = copy.addWorksheet('Лист1');
  source.eachRow((row, rowNumber) => {
    row.eachCell((cell, column) => {
      const value = cell.value;
      // Paste special → values: formulas leave their results, rich text its text.
      sheet.getCell(rowNumber, column).value = value !== null && typeof value === 'object' && 'result' in value ? (value.result as ExcelJS.CellValue) : value;
    });
  });
  return Buffer.from(await copy.xlsx.writeBuffer());
}

let database: Awaited<ReturnType<typeof tempDatabase>>;

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы', regionCode: '09' });
});
afterEach(() => database.remove());

type FormCase = { form: 'zabota' | 'nik'; year: number; values: () => Record<string, number> };
const FORMS: FormCase[] = [
  { form: 'zabota', year: 2027, values: () => validZabotaV2() },
  { form: 'nik', year: 2025, values: () => validNik() },
];

/** One school, the campaign, its template, and the template filled: every value and two plan rows. */
async function filledTemplate({ form, year, values }: FormCase) {
  const school: School = await createSchool(database.db, schoolFields(1));
  const campaign = await createCampaign(database.db, form, year);
  const { files } = await buildTemplates(database.db, campaign.id);
  const plan = await getPlan(database.db, campaign.id);
  const [first, second] = plan.items.filter((item) => item.forSchools);
  const bytes = await fillPlanPart(await fillTemplate(files[0].bytes, values()), {
    [first.number]: ['Да / Иә', 3, 40, 'Пресс-релиз на сайте школы'],
    [second.number]: ['Нет / Жоқ'],
  });
  return { school, campaign, bytes, first, second };
}

/** Imports the file and checks it is accepted with the same values and the same plan execution. */
async function expectReadAsFilled(setUp: Awaited<ReturnType<typeof filledTemplate>>, values: Record<string, number>, bytes: Uint8Array) {
  const { school, campaign, first, second } = setUp;
  const [outcome] = await importReports(database.db, campaign.id, [{ name: 'report.xlsx', bytes }]);
  expect(outcome.errors).toEqual([]);
  expect(outcome).toMatchObject({ status: 'accepted', schoolBin: school.bin });
  expect((await getSummary(database.db, campaign.id)).totals).toEqual(values);
  const execution = await getPlanExecution(database.db, campaign.id, `${campaign.id.slice(-4)}-06-20`);
  const entry = (itemId: number) => execution.entries.find((e) => e.itemId === itemId && e.schoolId === school.id);
  expect(entry(first.id)).toMatchObject({ source: 'report', status: 'done', events: 3, participants: 40, description: 'Пресс-релиз на сайте школы' });
  expect(entry(second.id)).toMatchObject({ source: 'report', status: 'not_done', events: null, participants: null });
}

describe.each(FORMS)('a $form $year template', (formCase) => {
  describe.skipIf(!SOFFICE)(`saved in LibreOffice Calc${SOFFICE ? ` (${SOFFICE})` : ` — ${SKIP_REASON}`}`, () => {
    it('is recognised and read the same after the round trip, its checks and lists intact', async () => {
      const setUp = await filledTemplate(formCase);
      const saved = throughLibreOffice(setUp.bytes, 'report.xlsx');
      expect(saved.equals(setUp.bytes)).toBe(false);

      const workbook = await readWorkbook(saved);
      // LibreOffice keeps the identification sheet (veryHidden comes back as hidden) and the document property.
      expect(workbook.getWorksheet(IDENTITY_SHEET)?.state).not.toBe('visible');
      expect(workbook.description).toMatch(/^jinaq-id: /);
      const sheet = workbook.worksheets[0];
      let valueRow = 0;
      let planRow = 0;
      sheet.eachRow((row, rowNumber) => {
        if (!valueRow && row.getCell(CODE_COLUMN).value === Object.keys(formCase.values())[0]) valueRow = rowNumber;
        if (row.getCell(PLAN_COLUMNS.number).value === setUp.first.number) planRow = rowNumber;
      });
      const value = sheet.getRow(valueRow).getCell(VALUE_COLUMN);
      expect(typeof value.value).toBe('number');
      expect(value.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
      const status = sheet.getRow(planRow).getCell(PLAN_COLUMNS.status);
      expect(status.value).toBe('Да / Иә');
      // LibreOffice adds an unused second formula to the list; the choices stay as written.
      expect(status.dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining(['"Да / Иә,Нет / Жоқ"']) });
      expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A7:D7']));

      await expectReadAsFilled(setUp, formCase.values(), saved);
    }, LIBREOFFICE_TIMEOUT);

    it('is still recognised by the document property when the hidden sheet was deleted before saving', async () => {
      const setUp = await filledTemplate(formCase);
      const withoutSheet = await editWorkbook(setUp.bytes, (workbook) => workbook.removeWorksheet(workbook.getWorksheet(IDENTITY_SHEET)!.id));
      const saved = throughLibreOffice(withoutSheet, 'report.xlsx');
      const workbook = await readWorkbook(saved);
      expect(workbook.getWorksheet(IDENTITY_SHEET)).toBeUndefined();
      expect(readIdentity(await readableWorkbook(saved))).toMatchObject({ formId: formCase.form, campaignId: setUp.campaign.id, schoolBin: setUp.school.bin });
      await expectReadAsFilled(setUp, formCase.values(), saved);
    }, LIBREOFFICE_TIMEOUT);
  });

  it('is recognised by the БИН in the header and the row codes when copied into a brand-new workbook', async () => {
    const setUp = await filledTemplate(formCase);
    const copied = await copiedIntoNewWorkbook(setUp.bytes);
    const workbook = await readWorkbook(copied);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Лист1']);
    expect(readIdentity(await readableWorkbook(copied))).toBeNull();
    await expectReadAsFilled(setUp, formCase.values(), copied);
  });
});

describe.skipIf(!SOFFICE)(`the НИК publications list saved in LibreOffice Calc${SOFFICE ? ` (${SOFFICE})` : ` — ${SKIP_REASON}`}`, () => {
  it('keeps its rows, dates and links: the same list after the round trip, N01 matching', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    const campaign = await createCampaign(database.db, 'nik', 2025);
    const { files } = await buildTemplates(database.db, campaign.id);
    const filled = await fillListSheet(await fillTemplate(files[0].bytes, { ...validNik(), N01: 2 }), listSheetName(listTables(nikV1)[0]), [
      [new Date(Date.UTC(2025, 5, 2)), 'Instagram', 'Бала еңбегіне жол жоқ', 'https://instagram.com/p/abc'],
      ['04.06.2025', 'Сайт школы', 'Классный час', 'school1.edu.kz/news/4'],
    ]);
    const saved = throughLibreOffice(filled, 'report.xlsx');
    const [outcome] = await importReports(database.db, campaign.id, [{ name: 'report.xlsx', bytes: saved }]);
    expect(outcome).toMatchObject({ status: 'accepted', schoolBin: school.bin, errors: [], warnings: [] });
    expect((await getSummary(database.db, campaign.id)).lists[0].rows.map((row) => row.cells)).toEqual([
      { date: '2025-06-02', outlet: 'Instagram', title: 'Бала еңбегіне жол жоқ', url: 'https://instagram.com/p/abc' },
      { date: '2025-06-04', outlet: 'Сайт школы', title: 'Классный час', url: 'https://school1.edu.kz/news/4' },
    ]);
  }, LIBREOFFICE_TIMEOUT);
});
