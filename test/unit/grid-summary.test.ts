// Grids in the district summary, on real parts: «Забота» version 2 (its help grid H01–H06 × графы 1–8) with a closed
// cell, saved as the district's own form version 3, reports typed in by hand into a real SQLite file, the summary per cell, the export
// written with its grid as a grid (SUM formulas over the schools with their values), `jinaq summary --json`.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK, runCli } from '../../main/cli.ts';
import { backupTo } from '../../main/db/backup.ts';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildSummaryWorkbook } from '../../main/services/exports.ts';
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { copyForm, saveForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { enterReport, type TypedValues } from '../../main/services/manual-entry.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { CampaignSummary, School } from '../../shared/domain.ts';
import { gridTables, type FormDefinition, type GridTable } from '../../shared/forms/types.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import { tempDatabase, tempDir } from '../helpers/db.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { recalculatedByCalc, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { readableWorkbook, readWorkbook, validZabota } from '../helpers/workbooks.ts';

const TODAY = '2028-02-14';
const SCHOOLS_SHEET = 'По школам - Мектептер бойынша';

/** Zabota v2 as the district saved it, with the money графа of H06 closed (children with disabilities get no money help here). */
function districtZabotaV2(): FormDefinition {
  return {
    ...zabotaV2,
    version: 3,
    tables: zabotaV2.tables!.map((table) => (table.kind === 'grid' ? { ...table, closed: ['H06.8'] } : table)),
  };
}

/** A valid version 2 report, as typed by hand: the one-value rows of version 1 but Z10–Z24, and help grid cells H01–H03. */
function validZabotaV2(scale = 1): TypedValues {
  const rows: Record<string, number[]> = {
    H01: [20, 10, 6, 2, 1, 1, 3, 150000.5],
    H02: [8, 4, 2, 1, 0, 1, 2, 40000],
    H03: [5, 3, 1, 0, 1, 0, 1, 25000.25],
  };
  const oneValue = Object.fromEntries(Object.entries(validZabota(scale)).filter(([code]) => !/^Z[12]\d$/.test(code)));
  const cells = Object.entries(rows).flatMap(([row, values]) => values.map((value, i) => [`${row}.${i + 1}`, Math.round(value * scale * 100) / 100]));
  return { ...oneValue, ...Object.fromEntries(cells) };
}

type Database = Awaited<ReturnType<typeof tempDatabase>>;
let database: Database;
let work: ReturnType<typeof tempDir>;
let schools: School[];
/** What each reporting school of zabota-2028 typed, by short name. */
const typed = new Map<string, TypedValues>();
let summary: CampaignSummary;
let bytes: Buffer;
let exported: ExcelJS.Workbook;

async function enter(campaignId: string, school: School, values: TypedValues): Promise<void> {
  const outcome = await enterReport(database.db, campaignId, school.id, values);
  expect(outcome, `${campaignId} ${school.shortName}`).toMatchObject({ status: 'accepted', errors: [] });
}

beforeAll(async () => {
  work = tempDir('jinaq-grid-summary-');
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы', departmentBin: validBin(777) });
  schools = [];
  for (let n = 1; n <= 4; n++) schools.push(await createSchool(database.db, schoolFields(n)));
  // 2026: version 1, no grid. 2027 and 2028: the district's version 2.
  await zabotaV1Campaign(database.db, 2026);
  const copy = await copyForm(database.db, 'zabota', 1);
  expect(copy.form.version).toBe(3);
  expect(await saveForm(database.db, districtZabotaV2())).toMatchObject({ saved: true });
  for (const year of [2027, 2028]) await setCampaignForm(database.db, (await createCampaign(database.db, 'zabota', year)).id, 3);

  await enter('zabota-2026', schools[0], validZabota(1));
  await enter('zabota-2027', schools[0], validZabotaV2(1));
  await enter('zabota-2027', schools[1], { ...validZabotaV2(1), 'H02.2': 1 });
  // Five children of troubled families with no kind of help recorded: H-R6 warns, the report is accepted.
  await enter('zabota-2027', schools[2], { ...validZabotaV2(1), 'H04.1': 5, 'H04.2': 0, 'H04.3': 0, 'H04.4': 0, 'H04.5': 0, 'H04.6': 0, 'H04.7': 0 });
  typed.set('Школа №1', validZabotaV2(1));
  typed.set('Школа №2', { ...validZabotaV2(2), 'H02.2': 12 });
  typed.set('Школа №3', validZabotaV2(2));
  for (const [i, values] of [...typed.values()].entries()) await enter('zabota-2028', schools[i], values);

  summary = await getSummary(database.db, 'zabota-2028');
  bytes = Buffer.from((await buildSummaryWorkbook(database.db, 'zabota-2028', TODAY)).files[0].bytes);
  exported = await readWorkbook(bytes);
});

afterAll(async () => {
  await database.remove();
  work.remove();
});

/** The sum of what the schools typed, by hand: in tiyn, so that money adds up exactly. */
function independentTotal(code: string): number {
  return [...typed.values()].reduce((sum, values) => sum + Math.round(Number(values[code] ?? 0) * 100), 0) / 100;
}

const helpGrid = (): GridTable => gridTables(districtZabotaV2())[0];
const openCells = () => helpGrid().rows.flatMap((row) => helpGrid().columns.map((column) => `${row.code}.${column.code}`)).filter((code) => code !== 'H06.8');

function rowOf(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).value === text) return r;
  throw new Error(`no «${text}» in column ${column} of «${sheet.name}»`);
}

describe('the summary of a grid form', () => {
  it('totals each cell of the grid over the schools, under its code "H03.2", and each one-value row as before', () => {
    expect(summary.reported).toBe(3);
    expect(summary.grids.map((grid) => grid.id)).toEqual(['help']);
    for (const code of [...openCells(), 'Z01', 'Z30']) {
      const typedByAny = [...typed.values()].some((values) => values[code] !== undefined);
      expect(summary.totals[code], code).toBe(typedByAny ? independentTotal(code) : undefined);
    }
    expect(summary.totals['H03.4']).toBe(0);
    expect(summary.totals['H01.8']).toBe(750002.5);
    expect(summary.schools.find((school) => school.shortName === 'Школа №2')?.values['H02.2']).toBe(12);
  });

  it('checks the grid’s rules on the district’s totals, each rule made concrete per cell', async () => {
    expect(summary.ruleIssues).toEqual([]);
    // 2027: a school's warning (H04: 5 children, no kind of help) holds on the district's totals too, in row H04 only.
    const issues = (await getSummary(database.db, 'zabota-2027')).ruleIssues;
    expect(issues.map((issue) => [issue.severity, issue.message.params?.rule, issue.message.params?.text])).toEqual([
      ['warning', 'H-R6', 'H04.2 + H04.3 + H04.4 + H04.5 + H04.6 + H04.7 ≥ H04.1'],
    ]);
    expect(issues[0].message.params).toMatchObject({ left: 0, right: 5 });
  });

  it('compares each cell with the year before; a year of version 1 has no grid, its cells are simply absent', async () => {
    expect(summary.previous).toMatchObject({ campaignId: 'zabota-2027', year: 2027 });
    expect(summary.previous?.totals['H01.1']).toBe(20 * 3);
    expect(summary.previous?.totals['H02.2']).toBe(4 + 1 + 4);
    const older = await getSummary(database.db, 'zabota-2027');
    expect(older.previous).toMatchObject({ campaignId: 'zabota-2026', year: 2026, reported: 1 });
    expect(older.previous?.totals.Z01).toBe(500);
    expect(Object.keys(older.previous!.totals).filter((code) => code.startsWith('H'))).toEqual([]);
    expect(older.outliers.filter((outlier) => outlier.kind === 'lastYear')).toEqual([]);
  });

  it('flags a cell far from the school’s own value a year before', () => {
    // Школа №2: H02.2 was 1 in 2027, is 12 now (and 2 × every other cell: all below the floor or within 3 times).
    const lastYear = summary.outliers.filter((outlier) => outlier.kind === 'lastYear');
    expect(lastYear.map((o) => [o.shortName, o.code, o.value, o.previous])).toEqual([['Школа №2', 'H02.2', 12, 1]]);
  });
});

/** Columns of the Свод in both languages: the code, the Russian and the Kazakh label, then the графы from D on. */
const FIRST_GRAPH_COLUMN = 4;

describe('the district export of a grid form', () => {
  it('writes the one-value rows as before and the grid as the grid it is: title, captions, графа numbers, rows', () => {
    const sheet = exported.worksheets[0];
    expect(sheet.getCell(rowOf(sheet, 1, 'Z01'), 5).value).toBe(independentTotal('Z01'));
    // No cell of the grid is a row of its own.
    for (let r = 1; r <= sheet.rowCount; r++) expect(String(sheet.getCell(r, 1).value ?? '')).not.toMatch(/^H0\d\./);
    const h01 = rowOf(sheet, 1, 'H01');
    const numbers = h01 - 1;
    const captions = h01 - 2;
    expect(sheet.getCell(h01 - 3, 1).value).toBe('Оказанная помощь по категориям детей / Балалар санаттары бойынша көрсетілген көмек');
    const graphs = Array.from({ length: 8 }, (_, i) => sheet.getCell(numbers, FIRST_GRAPH_COLUMN + i).value);
    expect(graphs).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect([1, 2, 3].map((column) => sheet.getCell(captions, column).value)).toEqual(['Код строки / Жол коды', 'Показатель', 'Көрсеткіш']);
    expect(sheet.getCell(captions, FIRST_GRAPH_COLUMN).value).toBe('Всего детей, получивших помощь / Көмек алған балалар, барлығы');
    expect(sheet.getCell(captions, FIRST_GRAPH_COLUMN + 7).value).toBe('Сумма помощи, тенге / Көмек сомасы, теңге');
    expect(helpGrid().rows.map((row, i) => [sheet.getCell(h01 + i, 1).value, sheet.getCell(h01 + i, 2).value, sheet.getCell(h01 + i, 3).value])).toEqual(
      helpGrid().rows.map((row) => [row.code, row.label.ru, row.label.kk]),
    );
    // The rules on the totals come under the grid.
    expect(rowOf(sheet, 1, 'Контрольные соотношения на итоговых данных / Қорытынды деректер бойынша бақылау арақатынастары')).toBeGreaterThan(h01 + 5);
  });

  it('gives each open cell the district’s total as a SUM over the schools’ values, its value cached; a closed cell «X»', () => {
    const sheet = exported.worksheets[0];
    const perSchool = exported.getWorksheet(SCHOOLS_SHEET)!;
    const codes = perSchool.getRow(2).values as unknown[];
    const h01 = rowOf(sheet, 1, 'H01');
    helpGrid().rows.forEach((row, r) => {
      helpGrid().columns.forEach((column, c) => {
        const code = `${row.code}.${column.code}`;
        const cell = sheet.getCell(h01 + r, FIRST_GRAPH_COLUMN + c);
        if (code === 'H06.8') {
          expect(cell.value).toBe('X');
          expect(cell.fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
          return;
        }
        const letter = perSchool.getColumn(codes.indexOf(code)).letter;
        const value = cell.value as ExcelJS.CellFormulaValue;
        expect(value.formula, code).toBe(`SUM('${SCHOOLS_SHEET}'!${letter}4:${letter}6)`);
        // exceljs reads a cached 0 back as no result at all.
        expect(value.result ?? 0, code).toBe(independentTotal(code));
        expect(cell.numFmt, code).toBe(column.type === 'money' ? '#,##0.00' : '#,##0');
      });
    });
  });

  it('lists each school’s grid cells as columns "H03.2", the row label and the графа caption over them', () => {
    const sheet = exported.getWorksheet(SCHOOLS_SHEET)!;
    const codes = sheet.getRow(2).values as unknown[];
    const column = codes.indexOf('H03.2');
    expect(column).toBeGreaterThan(codes.indexOf('Z34'));
    expect(sheet.getCell(3, column).value).toBe('из многодетных семей — одеждой / көп балалы отбасылардан — киіммен');
    for (let row = 4; row <= 6; row++) expect(sheet.getCell(row, column).value).toBe(typed.get(String(sheet.getCell(row, 2).value))!['H03.2']);
    expect(codes.filter((code) => /^H0\d\.\d$/.test(String(code)))).toEqual(openCells());
  });

  it('is print-ready: landscape for the графы, fitted to the width, the header repeated, in one language as in two', async () => {
    const sheet = exported.worksheets[0];
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${rowOf(sheet, 1, 'Код строки / Жол коды')}:${rowOf(sheet, 1, 'Код строки / Жол коды')}`);
    const kk = (await readWorkbook((await buildSummaryWorkbook(database.db, 'zabota-2028', TODAY, 'kk')).files[0].bytes)).worksheets[0];
    expect(kk.pageSetup.orientation).toBe('landscape');
    const h01 = rowOf(kk, 1, 'H01');
    expect([1, 2, 3].map((column) => kk.getCell(h01 - 2, column).value)).toEqual(['Жол коды', 'Көрсеткіш', 'Көмек алған балалар, барлығы']);
    expect(kk.getCell(h01 - 1, 3).value).toBe('1');
    expect(kk.getCell(h01, 2).value).toBe('Көмек алған балалар, барлығы');
    expect((kk.getCell(h01, 10).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\('Мектептер бойынша'!/);
  });
});

describe('jinaq summary --json', () => {
  it('gives a grid cell as "H03.2" and a one-value row as "Z01", in the form’s order', async () => {
    // The CLI is another Jinaq: it works on a copy, since the test holds the database itself open.
    const file = path.join(work.dir, 'cli.sqlite');
    await backupTo(database.raw, file);
    const out: string[] = [];
    const code = await runCli(['summary', '--campaign', 'zabota-2028', '--json', '--db', file, '--lang', 'ru'], { out: (line) => out.push(line), err: (line) => out.push(line) });
    expect(code).toBe(EXIT_OK);
    const { totals } = JSON.parse(out.join('\n'));
    expect(totals).toMatchObject({ Z01: independentTotal('Z01'), Z30: independentTotal('Z30'), 'H03.2': independentTotal('H03.2'), 'H01.8': independentTotal('H01.8'), 'H03.4': 0 });
    const reported = openCells().filter((cell) => [...typed.values()].some((values) => values[cell] !== undefined));
    expect(Object.keys(totals)).toEqual(['Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07', 'Z30', 'Z31', 'Z32', 'Z33', 'Z34', ...reported]);
  });
});

/** A database with the district's version 2 of «Забота» and a campaign of 2028 collecting it. */
async function withZabotaV2(db: Database['db']): Promise<void> {
  await copyForm(db, 'zabota', 1);
  expect(await saveForm(db, districtZabotaV2())).toMatchObject({ saved: true });
  await setCampaignForm(db, (await createCampaign(db, 'zabota', 2028)).id, 3);
}

describe('region mode', () => {
  it('reads a district’s export of a grid form back into the same cell codes: the region’s totals are the districts’ summed', async () => {
    const saran = await tempDatabase();
    const region = await tempDatabase();
    try {
      // A second district, its schools typed in by hand too.
      await updateSettings(saran.db, { districtRu: 'г. Сарань', departmentBin: validBin(778) });
      await withZabotaV2(saran.db);
      for (const [n, scale] of [[5, 1], [6, 3]]) {
        const school = await createSchool(saran.db, schoolFields(n));
        expect(await enterReport(saran.db, 'zabota-2028', school.id, { ...validZabotaV2(scale), 'H05.1': n, 'H05.3': 1 })).toMatchObject({ status: 'accepted' });
      }
      const saranSummary = await getSummary(saran.db, 'zabota-2028');
      const saranFile = (await buildSummaryWorkbook(saran.db, 'zabota-2028', TODAY)).files[0].bytes;

      // The region: the districts' departments are its reporting units.
      await updateSettings(region.db, { districtRu: 'Карагандинская область' });
      await createSchool(region.db, { ...schoolFields(900), bin: validBin(777), shortName: 'г. Шахтинск' });
      await createSchool(region.db, { ...schoolFields(901), bin: validBin(778), shortName: 'г. Сарань' });
      await withZabotaV2(region.db);
      const outcomes = await importReports(region.db, 'zabota-2028', [{ name: 'Шахтинск.xlsx', bytes }, { name: 'Сарань.xlsx', bytes: saranFile }]);
      expect(outcomes.map((o) => [o.status, o.schoolName, o.errors])).toEqual([['accepted', 'г. Шахтинск', []], ['accepted', 'г. Сарань', []]]);

      const regional = await getSummary(region.db, 'zabota-2028');
      expect(regional.reported).toBe(2);
      for (const code of [...openCells(), 'Z01', 'Z30', 'Z34']) {
        const districts = Math.round(((summary.totals[code] ?? 0) + (saranSummary.totals[code] ?? 0)) * 100) / 100;
        expect(regional.totals[code], code).toBe(districts);
      }
      expect(regional.totals['H05.1']).toBe(5 + 6);
      expect(regional.totals['H03.4']).toBe(0);
      expect(regional.totals['H06.8']).toBeUndefined();
      expect(regional.schools.find((unit) => unit.shortName === 'г. Шахтинск')?.values['H02.2']).toBe(independentTotal('H02.2'));
    } finally {
      await saran.remove();
      await region.remove();
    }
  });
});

// LibreOffice: the region may open the district's file in Calc. With recalculation on load forced, every SUM of the
// grid is Calc's own arithmetic, and must give the district's totals — read back as a region's Jinaq reads a file.
describe.skipIf(!SOFFICE_VERSION)(`the grid in LibreOffice Calc${SOFFICE_VERSION ? '' : ' — soffice not installed, skipped'}`, () => {
  it('gives, recalculated by Calc, the district’s total in every cell of the grid and under every school column', { timeout: 120_000 }, async () => {
    const recalculated = await recalculatedByCalc(bytes, path.join(work.dir, 'soffice'));
    expect(recalculated.formulas).toBeGreaterThan(2 * openCells().length);
    const converted = recalculated.bytes;
    const calc = await readableWorkbook(converted);
    const totals = calc.sheets[0];
    const h01 = [...totals.rows()].find((row) => row.value(1) === 'H01')!.number;
    const grid = helpGrid();
    grid.rows.forEach((row, r) => {
      grid.columns.forEach((column, c) => {
        const code = `${row.code}.${column.code}`;
        const value = totals.value(h01 + r, FIRST_GRAPH_COLUMN + c);
        if (code === 'H06.8') return expect(value).toBe('X');
        expect(value, code).toMatchObject({ formula: expect.stringMatching(/^SUM\(/) });
        expect((value as { result: number }).result, code).toBeCloseTo(summary.totals[code] ?? 0, 6);
      });
    });
    const perSchool = calc.sheet(SCHOOLS_SHEET)!;
    const codes = [...perSchool.row(2).cells()];
    for (const { column, value: code } of codes.filter(({ value }) => /^H0\d\.\d$/.test(String(value)))) {
      const cell = perSchool.value(7, column) as { formula: string; result: number };
      expect(cell.formula, String(code)).toMatch(/^SUM\(/);
      expect(cell.result, String(code)).toBeCloseTo(summary.totals[String(code)] ?? 0, 6);
    }
  });
});
