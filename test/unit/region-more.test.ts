// The region's workbook beyond the first .xlsx (issue 19), on real parts — layouts of test/helpers/region-forms.ts, real
// SQLite districts, the schools' templates filled and imported, each filled file read back by exceljs and each total
// compared with the sum of what was entered: a region's file kept as Excel 97–2003 .xls (saved so by LibreOffice), read
// by `jinaq forms from-xlsx` and filled by `jinaq export --into` as .xlsx; a second year's region file for «Забота»
// whose row codes clash in type with last year's, added beside it; a region filling the ministry's workbook from two
// districts' exported summaries (region mode).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REJECTED, runCli } from '../../main/cli.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../../main/services/exports.ts';
import { getForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { isNumericType, valueCells, type FormDefinition } from '../../shared/forms/types.ts';
import { tempDir } from '../helpers/db.ts';
import { convertWithSoffice, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import * as regionForms from '../helpers/region-forms.ts';
import { placeOf, SCHOOLS, sumOf, valuesOf, type Values } from '../helpers/region-values.ts';
import { registryWorkbook, schoolFields, validBin } from '../helpers/schools.ts';
import { fillTemplate } from '../helpers/workbooks.ts';

const NO_SOFFICE = 'LibreOffice (soffice) is not installed';

let work: ReturnType<typeof tempDir>;
let registry: string;

beforeAll(async () => {
  work = tempDir('jinaq-region-more-');
  registry = path.join(work.dir, 'registry.xlsx');
  writeFileSync(registry, await registryWorkbook(SCHOOLS.map((n) => {
    const s = schoolFields(n);
    return [s.bin, s.nameRu, s.nameKk, s.shortName, 'Гимназия', s.locality, s.director, s.phone, s.email];
  })));
});

afterAll(() => work?.remove());

/** A district database of its own with the three schools registered; `jinaq …` run on it in this process. */
async function district(name: string, withSchools = true) {
  const dbFile = path.join(work.dir, `${name}.sqlite`);
  const jinaq = async (...args: string[]) => {
    const out: string[] = [];
    const code = await runCli([...args, '--db', dbFile, '--lang', 'ru'], { out: (line) => out.push(line), err: (line) => out.push(line) });
    return { code, out: out.join('\n') };
  };
  expect((await jinaq('schools', 'import', registry)).code).toBe(EXIT_OK);
  const withDb = async <T>(work: (db: DatabaseSession['db']) => Promise<T>): Promise<T> => {
    const session = await DatabaseSession.open(dbFile);
    try {
      return await work(session.db);
    } finally {
      await session.close();
    }
  };
  /** A «Забота» campaign on the newest version, the schools' filled templates imported (every one accepted). */
  const runCampaign = async (year: number, offset = 0): Promise<{ campaign: string; form: FormDefinition; entered: Values[] }> => {
    const session = await DatabaseSession.open(dbFile);
    try {
      const { db } = session;
      const campaign = await createCampaign(db, 'zabota', year);
      const form = await getForm(db, 'zabota', campaign.formVersion);
      const templates = (await buildTemplates(db, campaign.id)).files;
      const entered = SCHOOLS.map((n) => valuesOf(form, n + offset));
      const files = await Promise.all(templates.map(async (template, i) => ({ name: template.name, bytes: await fillTemplate(template.bytes, entered[i]) })));
      const outcomes = await importReports(db, campaign.id, files);
      expect(outcomes.map((o) => [o.status, o.errors.map((e) => JSON.stringify(e.message))])).toEqual(files.map(() => ['accepted', []]));
      return { campaign: campaign.id, form, entered };
    } finally {
      await session.close();
    }
  };
  return { jinaq, runCampaign, withDb };
}

/** Each numeric value cell of the form whose place in the region's sheet holds no formula, with the schools' sum due there. */
async function checkTotals(filled: string, form: FormDefinition, entered: Values[]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(filled) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(form.regionSource!.sheet)!;
  let checked = 0;
  for (const indicator of valueCells(form).filter((cell) => isNumericType(cell.type))) {
    const value = sheet.getCell(placeOf(form, indicator)).value;
    if (value && typeof value === 'object' && 'formula' in value) continue;
    expect(value, `${placeOf(form, indicator)} ${indicator.code}`).toBe(sumOf(indicator, entered));
    checked++;
  }
  expect(checked).toBeGreaterThan(2);
}

describe.skipIf(!SOFFICE_VERSION)(`the region's file as Excel 97–2003 .xls (${SOFFICE_VERSION ?? NO_SOFFICE})`, () => {
  it('`forms from-xlsx` reads it through LibreOffice, `export --into` fills it and writes .xlsx: each total the schools\' sum', async () => {
    const { jinaq, runCampaign } = await district('xls');
    const region = path.join(work.dir, 'Летний отдых.xls');
    writeFileSync(region, convertWithSoffice(await regionForms.oneLevelWithCodes(), { dir: path.join(work.dir, 'to-xls'), name: 'Летний отдых.xlsx', format: 'xls', profile: path.join(work.dir, 'profile'), timeout: 60_000 }));
    const made = await jinaq('forms', 'from-xlsx', region, '--id', 'zabota');
    expect(made.out).toContain('формате Excel 97–2003 (.xls): LibreOffice преобразовал его в .xlsx');
    expect(made.code, made.out).toBe(EXIT_OK);
    const { campaign, form, entered } = await runCampaign(2030);
    expect(made.out).toContain(`zabota v${form.version}`);
    expect(form.regionSource?.fileName).toBe('Летний отдых.xls');
    const filled = path.join(work.dir, 'Летний отдых-filled.xlsx');
    const exported = await jinaq('export', '--campaign', campaign, '--into', region, '--out', filled);
    expect(exported.out).toContain('Файл области «Летний отдых.xls» (.xls) преобразован LibreOffice в .xlsx: заполненный файл — .xlsx');
    expect(readFileSync(filled).subarray(0, 2).toString()).toBe('PK');
    await checkTotals(filled, form, entered);
  }, 100_000);

  it('an .ods is read the same way, and the note says it was converted', async () => {
    const { jinaq } = await district('ods');
    const region = path.join(work.dir, 'Контингент.ods');
    writeFileSync(region, convertWithSoffice(await regionForms.twoLevelGrid(), { dir: path.join(work.dir, 'to-ods'), name: 'Контингент.xlsx', format: 'ods', profile: path.join(work.dir, 'profile'), timeout: 60_000 }));
    const made = await jinaq('forms', 'from-xlsx', region, '--id', 'zabota', '--dry-run');
    expect(made.code, made.out).toBe(EXIT_OK);
    expect(made.out).toContain('Файл «Контингент.ods» был в формате LibreOffice (.ods): LibreOffice преобразовал его в .xlsx');
    expect(made.out).toMatch(/Таблица: строк — \d+, граф — \d+/);
  }, 100_000);
});

describe('the region\'s .xls without LibreOffice', () => {
  it('`forms from-xlsx` says LibreOffice is needed or the file saved as .xlsx, and saves nothing', async () => {
    const { jinaq } = await district('no-soffice');
    const region = path.join(work.dir, 'Старый.xls');
    // An Excel 97–2003 file's compound-file header and nothing readable after it: LibreOffice would be asked first.
    writeFileSync(region, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
    const previous = process.env.JINAQ_SOFFICE;
    process.env.JINAQ_SOFFICE = path.join(work.dir, 'no-such-soffice');
    try {
      const made = await jinaq('forms', 'from-xlsx', region, '--id', 'zabota');
      expect(made.out).toContain('Файл области «Старый.xls» сохранён в старом формате Excel 97–2003 (.xls). Такой файл читается, только если на этом компьютере установлен LibreOffice');
      expect(made.code).toBe(EXIT_REJECTED);
    } finally {
      if (previous === undefined) delete process.env.JINAQ_SOFFICE;
      else process.env.JINAQ_SOFFICE = previous;
    }
  });
});

describe('a second region file for «Забота» in the same database', () => {
  it('a row code the earlier version holds with another type gets the next free code: both forms added, a campaign on the second filled back', async () => {
    const { jinaq, runCampaign } = await district('two-years');
    const first = path.join(work.dir, 'Летний отдых 2030.xlsx');
    writeFileSync(first, await regionForms.oneLevelWithCodes());
    expect((await jinaq('forms', 'from-xlsx', first, '--id', 'zabota')).code).toBe(EXIT_OK);
    const before = await runCampaign(2030);
    // The psychologists' file numbers its rows 1., 2., …: its R03 and R04 are money where last year's were counts.
    const second = path.join(work.dir, 'Психологи.xlsx');
    writeFileSync(second, await regionForms.numberedNoCodes());
    const made = await jinaq('forms', 'from-xlsx', second, '--id', 'zabota');
    expect(made.code, made.out).toBe(EXIT_OK);
    expect(made.out).toContain(`Код R03 в версии ${before.form.version} этой формы — строка другого типа («count»), а отчёты разных версий суммируются по коду: строка R03 из файла получила код R06`);
    expect(made.out).toContain('строка R04 из файла получила код R07');
    const { campaign, form, entered } = await runCampaign(2031);
    expect(form.version).toBe(before.form.version + 1);
    expect(form.regionSource?.fileName).toBe('Психологи.xlsx');
    const codes = valueCells(form).map((cell) => cell.code);
    expect(codes).toContain('R06');
    expect(codes).not.toContain('R03');
    // The region's own numbers stay what the form remembers of the file: «3.» (yes/no) and «4.» (money) are R06 and R07.
    expect(form.regionSource!.rows.R06).toMatchObject({ code: '3.', index: 10 });
    expect(form.regionSource!.rows.R07).toMatchObject({ code: '4.', index: 11 });
    expect(form.indicators.find((indicator) => indicator.code === 'R07')?.type).toBe('money');
    const filled = path.join(work.dir, 'Психологи-filled.xlsx');
    const exported = await jinaq('export', '--campaign', campaign, '--into', second, '--out', filled);
    expect(exported.code, exported.out).toBe(EXIT_OK);
    await checkTotals(filled, form, entered);
  }, 60_000);
});

describe('region mode: the ministry\'s workbook filled from two districts\' exports', () => {
  it.each([
    ['one value per row', regionForms.oneLevelWithCodes, 'Летний отдых.xlsx'],
    ['a grid under a two-level header', regionForms.twoLevelGrid, 'Контингент.xlsx'],
  ])('(%s) each district on the form made from the ministry\'s file, the region imports their exports and fills that file: totals the districts\' sums', async (_layout, make, name) => {
    const ministry = path.join(work.dir, `ministry-${name}`);
    writeFileSync(ministry, await make());
    const districts = [
      { name: 'г. Шахтинск', bin: validBin(900), offset: 0 },
      { name: 'г. Сарань', bin: validBin(901), offset: 5 },
    ];
    const exports: Array<{ name: string; bytes: Uint8Array }> = [];
    const entered: Values[] = [];
    for (const unit of districts) {
      const { jinaq, runCampaign, withDb } = await district(`district-${unit.offset}-${name}`);
      await withDb((db) => updateSettings(db, { districtRu: unit.name, departmentBin: unit.bin }));
      expect((await jinaq('forms', 'from-xlsx', ministry, '--id', 'zabota')).code).toBe(EXIT_OK);
      const ran = await runCampaign(2030, unit.offset);
      entered.push(...ran.entered);
      exports.push({ name: `${unit.name}.xlsx`, bytes: (await withDb((db) => buildSummaryWorkbook(db, ran.campaign))).files[0].bytes });
    }
    // The region: the districts' departments are its reporting units, its campaign on the same form from the same file.
    const region = await district(`region-${name}`, false);
    await region.withDb(async (db) => {
      await updateSettings(db, { districtRu: 'Карагандинская область' });
      for (const [i, unit] of districts.entries()) await createSchool(db, { ...schoolFields(900 + i), bin: unit.bin, shortName: unit.name });
    });
    expect((await region.jinaq('forms', 'from-xlsx', ministry, '--id', 'zabota')).code).toBe(EXIT_OK);
    const { campaign, form } = await region.withDb(async (db) => {
      const created = await createCampaign(db, 'zabota', 2030);
      return { campaign: created.id, form: await getForm(db, 'zabota', created.formVersion) };
    });
    const outcomes = await region.withDb((db) => importReports(db, campaign, exports));
    expect(outcomes.map((o) => [o.status, o.schoolName, o.errors.map((e) => JSON.stringify(e.message))])).toEqual(districts.map((unit) => ['accepted', unit.name, []]));
    const filled = path.join(work.dir, `ministry-filled-${name}`);
    const exported = await region.jinaq('export', '--campaign', campaign, '--into', ministry, '--out', filled);
    expect(exported.code, exported.out).toBe(EXIT_OK);
    await checkTotals(filled, form, entered);
  }, 60_000);
});

if (!SOFFICE_VERSION) describe('LibreOffice', () => it.skip(NO_SOFFICE, () => {}));
