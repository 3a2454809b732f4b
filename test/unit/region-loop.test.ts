// The whole loop of issue 19 (point 4) on each of the eleven region layouts of test/helpers/region-forms.ts, on real
// parts, each in a district database of its own: the region's file → `jinaq forms from-xlsx --id zabota` → a «Забота»
// campaign on that version → the schools' templates filled with values made from the form's own rules → imported →
// `jinaq export --into` the same region file (layout (a) through the `jinaq` process at both ends, the others through
// the same commands in this process) → the result read by openpyxl and by LibreOffice recalculating: each cell the
// form names holds the sum of the schools' values (summed here, not taken from Jinaq's summary), the region's formulas
// come to the same totals, every other cell is as it was. And the region's next letter of (a), rearranged, filled.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_OK, runCli } from '../../main/cli.ts';
import { DatabaseSession } from '../../main/db/session.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { getForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { isNumericType, valueCells, type FormDefinition, type Indicator } from '../../shared/forms/types.ts';
import { tempDir } from '../helpers/db.ts';
import { SOFFICE_PATH, SOFFICE_VERSION, recalculatingProfile } from '../helpers/libreoffice.ts';
import { OPENPYXL_PYTHON } from '../helpers/openpyxl.ts';
import * as regionForms from '../helpers/region-forms.ts';
import { address, amountOf, column, placeOf, SCHOOLS, sumOf, valuesOf, type Values } from '../helpers/region-values.ts';
import { registryWorkbook, schoolFields } from '../helpers/schools.ts';
import { fillTemplate } from '../helpers/workbooks.ts';

const PYTHON = OPENPYXL_PYTHON;
const NO_PYTHON = 'python3 with openpyxl is not installed (apt-get install python3-openpyxl)';
const NO_SOFFICE = 'LibreOffice (soffice) is not installed';

/** Several workbooks read at once: each sheet's cells (formulas as text, or their cached values with data_only). */
const READ_SCRIPT = `
import json, sys, openpyxl
out = {}
for file in sys.argv[2:]:
    wb = openpyxl.load_workbook(file, data_only=sys.argv[1] == '1')
    out[file] = {ws.title: {c.coordinate: (c.value if isinstance(c.value, (int, float, str)) else str(c.value))
                            for row in ws.iter_rows() for c in row if c.value is not None} for ws in wb.worksheets}
print(json.dumps(out, ensure_ascii=False))
`;

type Cells = Record<string, string | number>;
type Sheets = Record<string, Cells>;

function openpyxlRead(files: string[], dataOnly: boolean): Record<string, Sheets> {
  return JSON.parse(execFileSync(PYTHON!, ['-c', READ_SCRIPT, dataOnly ? '1' : '0', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** The files as Calc computes them: each formula's cached result spoiled first, all saved in one soffice call recalculating on load. */
async function recalculatedByCalc(files: string[], dir: string): Promise<string[]> {
  const spoiledDir = path.join(dir, 'spoiled');
  const out = path.join(dir, 'out');
  mkdirSync(spoiledDir, { recursive: true });
  const inputs: string[] = [];
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        const value = cell.value;
        if (value && typeof value === 'object' && 'formula' in value) cell.value = { formula: (value as { formula: string }).formula, result: -1 };
      }));
    }
    const input = path.join(spoiledDir, path.basename(file));
    writeFileSync(input, Buffer.from(await workbook.xlsx.writeBuffer()));
    inputs.push(input);
  }
  const profile = recalculatingProfile(path.join(dir, 'profile'));
  execFileSync(SOFFICE_PATH!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', out, ...inputs], { timeout: 100_000, stdio: 'pipe' });
  return inputs.map((input) => path.join(out, path.basename(input)));
}

// ------------------------------------------------------------------------------------------------------- the loop

interface Layout {
  key: string;
  make: () => Promise<Buffer>;
  file: string;
}

const LAYOUTS: Layout[] = [
  { key: 'a', make: regionForms.oneLevelWithCodes, file: 'Летний отдых.xlsx' },
  { key: 'b', make: regionForms.twoLevelGrid, file: 'Контингент.xlsx' },
  { key: 'c', make: regionForms.numberedNoCodes, file: 'Психологи.xlsx' },
  { key: 'd', make: regionForms.totalsRowAndColumn, file: 'Свод категорий.xlsx' },
  { key: 'e', make: regionForms.twoLanguageColumns, file: 'Питание.xlsx' },
  { key: 'f', make: regionForms.unitsColumn, file: 'Дорога в школу.xlsx' },
  { key: 'g', make: regionForms.kazakhOnly, file: 'Жазғы демалыс.xlsx' },
  { key: 'h', make: regionForms.schoolsAsRows, file: 'По школам.xlsx' },
  { key: 'i', make: regionForms.threeLevelBilingual, file: 'Компьютеры.xlsx' },
  { key: 'j', make: regionForms.paymentsByFormat, file: 'Выплаты.xlsx' },
  { key: 'k', make: regionForms.statisticsLayout, file: '1-ДО.xlsx' },
];

interface Loop {
  layout: Layout;
  db: string;
  region: string;
  filled: string;
  form: FormDefinition;
  campaign: string;
  entered: Values[];
  exportOut: string[];
  exitCode: number;
}

let work: ReturnType<typeof tempDir>;
let dbFile: string;
const loops = new Map<string, Loop>();

async function jinaq(...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli([...args, '--db', dbFile, '--lang', 'ru'], { out: (line) => out.push(line), err: (line) => out.push(line) });
  return { code, out };
}

/** `jinaq …` as a specialist runs it: its own Node process. */
function jinaqProcess(...args: string[]): string {
  return execFileSync(process.execPath, [path.resolve('bin/jinaq.js'), ...args, '--db', dbFile, '--lang', 'ru'], { encoding: 'utf8', timeout: 60_000 });
}

async function withDatabase<T>(work: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const session = await DatabaseSession.open(dbFile);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/** The campaign, the schools' filled templates imported (every one accepted), and the form it collects. */
async function runCampaign(year: number): Promise<{ campaign: string; form: FormDefinition; entered: Values[] }> {
  return withDatabase(async ({ db }) => {
    const campaign = await createCampaign(db, 'zabota', year);
    const form = await getForm(db, 'zabota', campaign.formVersion);
    const templates = (await buildTemplates(db, campaign.id)).files;
    expect(templates).toHaveLength(SCHOOLS.length);
    const entered = SCHOOLS.map((n) => valuesOf(form, n));
    const files = await Promise.all(templates.map(async (template, i) => ({ name: template.name, bytes: await fillTemplate(template.bytes, entered[i]) })));
    const outcomes = await importReports(db, campaign.id, files);
    expect(outcomes.map((o) => [o.status, o.errors.map((e) => JSON.stringify(e.message))]), `${year}`).toEqual(files.map(() => ['accepted', []]));
    return { campaign: campaign.id, form, entered };
  });
}

async function exportInto(campaign: string, region: string, filled: string): Promise<{ code: number; out: string[] }> {
  return jinaq('export', '--campaign', campaign, '--into', region, '--out', filled);
}

beforeAll(async () => {
  work = tempDir('jinaq-region-loop-');
  const registry = path.join(work.dir, 'registry.xlsx');
  writeFileSync(registry, await registryWorkbook(SCHOOLS.map((n) => {
    const s = schoolFields(n);
    return [s.bin, s.nameRu, s.nameKk, s.shortName, 'Гимназия', s.locality, s.director, s.phone, s.email];
  })));
  // Each region form in a district database of its own, its codes as the file gives them (in one database a second
  // region's form whose R03 is money where the first one's was a count gets another code: region-more.test.ts).
  for (const layout of LAYOUTS) {
    dbFile = path.join(work.dir, `jinaq-${layout.key}.sqlite`);
    expect((await jinaq('schools', 'import', registry)).code).toBe(EXIT_OK);
    const region = path.join(work.dir, layout.file);
    writeFileSync(region, await layout.make());
    const made = layout.key === 'a' ? jinaqProcess('forms', 'from-xlsx', region, '--id', 'zabota') : (await jinaq('forms', 'from-xlsx', region, '--id', 'zabota')).out.join('\n');
    expect(made, layout.key).toMatch(/zabota v\d+/);
    const { campaign, form, entered } = await runCampaign(2030);
    expect(made, layout.key).toContain(`zabota v${form.version}`);
    expect(form.regionSource?.fileName).toBe(layout.file);
    const filled = path.join(work.dir, `filled-${layout.key}.xlsx`);
    // Layout (a) through the `jinaq` process at both ends (it exits 0: nothing is left unplaced).
    const exported = layout.key === 'a'
      ? { code: EXIT_OK, out: jinaqProcess('export', '--campaign', campaign, '--into', region, '--out', filled).split('\n') }
      : await exportInto(campaign, region, filled);
    loops.set(layout.key, { layout, db: dbFile, region, filled, form, campaign, entered, exportOut: exported.out, exitCode: exported.code });
  }
}, 100_000);

afterAll(() => work?.remove());

/** The unplaced lines `export --into` printed (its first line the count, its last the file written). */
const unplacedOf = (loop: Loop) => loop.exportOut.filter((line) => line.startsWith('    ')).map((line) => line.trim());

/** The cells of the region's sheet each value cell of the form names, with the independent sum due there. */
function expectedOf(loop: Loop): Array<{ indicator: Indicator; cell: string; sum: number | undefined }> {
  if (loop.form.regionSource!.schoolRows) return [];
  return valueCells(loop.form).filter((indicator) => isNumericType(indicator.type)).map((indicator) => ({ indicator, cell: placeOf(loop.form, indicator), sum: sumOf(indicator, loop.entered) }));
}

/** The schools-as-rows table (h): each school's row, number, name and values, in registry order. */
function schoolRowsOf(loop: Loop): Record<string, string | number> {
  const source = loop.form.regionSource!;
  const rows = source.schoolRows;
  if (!rows) return {};
  const cells: Record<string, string | number> = {};
  SCHOOLS.forEach((n, i) => {
    const row = rows.firstRow + i;
    if (rows.numberColumn !== undefined) cells[address(row, rows.numberColumn)] = i + 1;
    cells[address(row, rows.nameColumn)] = schoolFields(n).nameRu;
    for (const indicator of loop.form.indicators) cells[address(row, source.columns[`main:${indicator.code}`].index)] = amountOf(loop.entered[i][indicator.code])!;
  });
  return cells;
}

describe.skipIf(!PYTHON)('the loop on each region layout, read back by openpyxl', () => {
  let before: Record<string, Sheets>;
  let after: Record<string, Sheets>;
  beforeAll(() => {
    const all = [...loops.values()];
    before = openpyxlRead(all.map((loop) => loop.region), false);
    after = openpyxlRead(all.map((loop) => loop.filled), false);
  });

  it.each(LAYOUTS.map((layout) => layout.key))('(%s) each total in the cell the form names, the rest of the file as it was', (key) => {
    const loop = loops.get(key)!;
    const sheet = loop.form.regionSource!.sheet;
    const was = before[loop.region];
    const now = after[loop.filled];
    const touched = new Set<string>();
    for (const { indicator, cell, sum } of expectedOf(loop)) {
      touched.add(cell);
      expect(sum, `${indicator.code}: every school entered it`).toBeGreaterThan(0);
      const original = was[sheet][cell];
      if (typeof original === 'string' && original.startsWith('=')) expect(now[sheet][cell], `${cell} ${indicator.code}: the region's formula`).toBe(original);
      else expect(now[sheet][cell], `${cell} ${indicator.code}`).toBe(sum);
    }
    for (const [cell, value] of Object.entries(schoolRowsOf(loop))) {
      touched.add(cell);
      expect(now[sheet][cell], cell).toBe(value);
    }
    const untouched = (cells: Cells) => Object.fromEntries(Object.entries(cells).filter(([cell]) => !touched.has(cell)));
    expect(untouched(now[sheet])).toEqual(untouched(was[sheet]));
    expect(Object.keys(now)).toEqual(Object.keys(was));
    for (const other of Object.keys(was).filter((name) => name !== sheet)) expect(now[other], other).toEqual(was[other]);
  });
});

describe('what `export --into` could not place', () => {
  it.each(LAYOUTS.map((layout) => layout.key))('(%s) nothing, or only what the layout cannot take', (key) => {
    const loop = loops.get(key)!;
    const expected: RegExp[] = [];
    // Cells that hold the region's own formulas keep them (they recalculate: checked with LibreOffice below).
    for (const { indicator, cell } of expectedOf(loop)) {
      if (formulaCells(loop).has(cell)) expected.push(new RegExp(`^${loop.form.regionSource!.sheet}!${cell} · ${indicator.code.replace('.', '\\.')}: `));
    }
    // Dates and notes are not summed: the district has no total for them.
    for (const indicator of valueCells(loop.form).filter((i) => !isNumericType(i.type))) {
      expected.push(new RegExp(`^${loop.form.regionSource!.sheet}!${placeOf(loop.form, indicator)} · ${indicator.code.replace('.', '\\.')}: Ячейка «.*» осталась пустой`));
    }
    const lines = unplacedOf(loop);
    expect(lines, lines.join('\n')).toHaveLength(expected.length);
    for (const pattern of expected) expect(lines, pattern.source).toContainEqual(expect.stringMatching(pattern));
    // Warnings only (no total left without a cell): the command succeeds.
    expect(loop.exitCode).toBe(EXIT_OK);
  });
});

/** The cells of the region's sheet that hold a formula, as the region made it (read from the file's XML by exceljs). */
const formulaCellsOf = new Map<string, Set<string>>();
function formulaCells(loop: Loop): Set<string> {
  return formulaCellsOf.get(loop.layout.key) ?? new Set();
}

beforeAll(async () => {
  for (const loop of loops.values()) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(loop.region) as unknown as ArrayBuffer);
    const cells = new Set<string>();
    workbook.getWorksheet(loop.form.regionSource!.sheet)!.eachRow((row) => row.eachCell((cell) => {
      if (cell.value && typeof cell.value === 'object' && 'formula' in cell.value) cells.add(cell.address);
    }));
    formulaCellsOf.set(loop.layout.key, cells);
  }
});

describe.skipIf(!PYTHON || !SOFFICE_VERSION)(`the loop's files recalculated by LibreOffice (${SOFFICE_VERSION ?? NO_SOFFICE})`, () => {
  let calc: Record<string, Sheets>;
  beforeAll(async () => {
    const all = [...loops.values()];
    const dir = path.join(work.dir, 'calc');
    const saved = await recalculatedByCalc(all.map((loop) => loop.filled), dir);
    const read = openpyxlRead(saved, true);
    calc = Object.fromEntries(all.map((loop, i) => [loop.layout.key, read[saved[i]]]));
  }, 110_000);

  it.each(LAYOUTS.map((layout) => layout.key))('(%s) every cell the form names, the region\'s formulas among them, comes to the independent sum', (key) => {
    const loop = loops.get(key)!;
    const sheet = calc[key][loop.form.regionSource!.sheet];
    for (const { indicator, cell, sum } of expectedOf(loop)) expect(sheet[cell], `${cell} ${indicator.code}`).toBe(sum);
    for (const [cell, value] of Object.entries(schoolRowsOf(loop))) expect(sheet[cell], cell).toBe(value);
    // Every formula of the region's sheet is one of the cells above, or a total of the schools table's column.
    const named = new Set(expectedOf(loop).map(({ cell }) => cell));
    for (const cell of formulaCells(loop)) {
      if (named.has(cell)) continue;
      const indicator = schoolsColumnOf(loop, cell);
      expect(indicator, `${cell}: a formula this test does not check`).toBeDefined();
      expect(sheet[cell], cell).toBe(sumOf(indicator!, loop.entered));
    }
  });
});

/** The indicator whose column of the schools table holds the cell (h), if any. */
function schoolsColumnOf(loop: Loop, cell: string): Indicator | undefined {
  const source = loop.form.regionSource!;
  if (!source.schoolRows) return undefined;
  return loop.form.indicators.find((indicator) => cell.replace(/\d+$/, '') === column(source.columns[`main:${indicator.code}`].index));
}

describe.skipIf(!PYTHON)('the region\'s next letter', () => {
  it('(k) with a графа inserted (the графы after it renumbered) and a row moved: each total under its caption, the new графа left empty', async () => {
    const loop = loops.get('k')!;
    const region = path.join(work.dir, '1-ДО, письмо 2.xlsx');
    writeFileSync(region, await regionForms.statisticsLayoutNextLetter());
    const filled = path.join(work.dir, 'filled-k-next.xlsx');
    dbFile = loop.db;
    const { code, out } = await exportInto(loop.campaign, region, filled);
    const read = openpyxlRead([region, filled], false);
    const [was, now] = [read[region]['1-ДО'], read[filled]['1-ДО']];
    const rowOf: Record<string, number> = { R0100: 7, R0300: 8, R0310: 9, R0200: 10 };
    const columnOf: Record<string, string> = { 1: 'D', 2: 'F', 3: 'G' };
    const expected = Object.fromEntries(valueCells(loop.form).map((indicator) => [`${columnOf[indicator.cell!.column]}${rowOf[indicator.cell!.row]}`, sumOf(indicator, loop.entered)]));
    expect(now).toEqual({ ...was, ...expected });
    expect(out.filter((line) => line.startsWith('    '))).toEqual([]);
    expect(code).toBe(EXIT_OK);
  });

  it('(a) with a column inserted and a row moved: each total still in its row\'s value cell, nothing else touched, nothing unplaced', async () => {
    const loop = loops.get('a')!;
    const region = path.join(work.dir, 'Летний отдых, письмо 2.xlsx');
    writeFileSync(region, await regionForms.oneLevelWithCodesNextLetter());
    const filled = path.join(work.dir, 'filled-a-next.xlsx');
    dbFile = loop.db;
    const { code, out } = await exportInto(loop.campaign, region, filled);
    expect(out.filter((line) => line.startsWith('    '))).toEqual([]);
    expect(code).toBe(EXIT_OK);
    const read = openpyxlRead([region, filled], false);
    const [was, now] = [read[region]['Отчет'], read[filled]['Отчет']];
    const rowOf = { R05: 6, R01: 7, R02: 8, R03: 9, R04: 10 };
    const expected = Object.fromEntries(Object.entries(rowOf).map(([code, row]) => [`D${row}`, sumOf(loop.form.indicators.find((i) => i.code === code)!, loop.entered)]));
    expect(Object.values(expected).every((sum) => typeof sum === 'number' && sum > 0)).toBe(true);
    expect(now).toEqual({ ...was, ...expected });
  });
});

if (!PYTHON) describe('openpyxl', () => it.skip(NO_PYTHON, () => {}));
if (!SOFFICE_VERSION) describe('LibreOffice', () => it.skip(NO_SOFFICE, () => {}));
