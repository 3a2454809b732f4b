// Text from schools and users that starts like a formula (= + - @, a tab before =) through every workbook the app
// writes — the API's saves and the CLI's exports — read back with exceljs and as XML: never a formula, never a
// number, always a string cell holding exactly the text given (a phone number stays as it was typed).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, ImportOutcome, SaveOutcome, School } from '../../shared/domain.ts';
import type { FormRecord } from '../../shared/forms/types.ts';
import type { Plan } from '../../shared/plans/model.ts';
import type { ApiContext } from '../../main/api.ts';
import { runCli } from '../../main/cli.ts';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { listTables } from '../../shared/forms/types.ts';
import { apiContextFor, callApi, downloaded, tempDatabase, tempDir } from '../helpers/db.ts';
import { registryWorkbook, validBin } from '../helpers/schools.ts';
import { fillListSheet, fillPlanPart, fillTemplate, readWorkbook, validNik } from '../helpers/workbooks.ts';

/** What schools and users may type; a tab before = is trimmed away on the way in, like any outer space. */
const INJECTED = ['=1+1', '+7 701 000 00 00', '-5', '@SUM(A1)', '=HYPERLINK("http://evil","x")', '\t=1', "=cmd|' /C calc'!A0", '-2+3'];
const STORED = INJECTED.map((text) => text.trim());
/** The parts a formula would be made of: none may appear in a formula the app writes. */
const FORMULA_PARTS = [...new Set(STORED.flatMap((text) => [text, text.replace(/^[=+\-@]+/, '')]))].filter((part) => part.length >= 3);
const [EQ, PHONE, MINUS, AT, LINK, , DDE, SUM] = STORED;

let database: Awaited<ReturnType<typeof tempDatabase>>;
let ctx: ApiContext;
let out: { dir: string; remove(): void };

/** The .xlsx files of a download: the file itself, or the workbooks inside a .zip. */
function workbooksOf(file: { name: string; bytes: Uint8Array }): Array<{ name: string; bytes: Uint8Array }> {
  if (file.name.endsWith('.xlsx')) return [file];
  return Object.entries(unzipSync(file.bytes)).map(([name, bytes]) => ({ name, bytes }));
}

async function jinaq(...args: string[]): Promise<void> {
  const lines: string[] = [];
  const code = await runCli([...args, '--db', database.file, '--lang', 'ru'], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  if (code !== 0) throw new Error(`jinaq ${args.join(' ')}: ${lines.join('\n')}`);
}

/** Every export, by the name the test shows for it. */
const exports = new Map<string, Array<{ name: string; bytes: Uint8Array }>>();
let formJson = '';
let closed = false;
let schools: School[] = [];
let storedItem: Plan['items'][number] | undefined;

beforeAll(async () => {
  database = await tempDatabase();
  ctx = apiContextFor(database);
  out = tempDir('jinaq-exports-');

  // The district's own words.
  await callApi(ctx, 'settings.update', { districtRu: EQ, districtKk: AT, regionRu: MINUS, regionKk: PHONE, departmentRu: LINK, departmentKk: DDE, headName: SUM });

  // A registry from a file: names, a locality, a director and a phone that start like formulas.
  const rows = INJECTED.map((text, i) => [
    validBin(i + 1), text, INJECTED[(i + 1) % INJECTED.length], text, 'general', MINUS, AT, PHONE, `school${i + 1}@example.kz`,
  ]);
  const registry = await callApi<{ added: number }>(ctx, 'schools.importRegistry', { file: { name: `${EQ}.xlsx`, base64: (await registryWorkbook(rows)).toString('base64') } });
  expect(registry.added).toBe(INJECTED.length);
  // By the short names' code points, as the expectations below were written (the list is in the names' natural order).
  schools = (await callApi<School[]>(ctx, 'schools.list', {})).sort((a, b) => (a.shortName < b.shortName ? -1 : 1));

  // A НИК campaign with its own form version: a text row and labels that start like formulas.
  const campaign = await callApi<Campaign>(ctx, 'campaigns.create', { kind: 'nik', year: 2026 });
  await callApi(ctx, 'campaigns.update', { id: campaign.id, hashtag: LINK, startsOn: campaign.startsOn, endsOn: campaign.endsOn, schoolDueOn: campaign.schoolDueOn, regionDueOn: campaign.regionDueOn });
  const copy = await callApi<FormRecord>(ctx, 'forms.copy', { id: campaign.formId, version: campaign.formVersion });
  const form = structuredClone(copy.form);
  form.title = { ru: EQ, kk: AT };
  form.indicators.push({ code: 'N99', label: { ru: LINK, kk: MINUS }, type: 'text', required: false, unit: { ru: SUM, kk: PHONE } });
  const saved = await callApi<{ saved: boolean; problems: unknown[] }>(ctx, 'forms.save', { form });
  expect(saved.problems).toEqual([]);
  await callApi(ctx, 'campaigns.setForm', { id: campaign.id, formVersion: form.version });

  // The plan: a section, an item, the header and the department's own note, all in such words.
  let plan = await callApi<Plan>(ctx, 'plans.get', { campaignId: campaign.id });
  plan = await callApi<Plan>(ctx, 'plans.saveSection', { campaignId: campaign.id, title: { ru: MINUS, kk: PHONE } });
  const sectionId = plan.sections[plan.sections.length - 1].id;
  plan = await callApi<Plan>(ctx, 'plans.saveItem', {
    campaignId: campaign.id, sectionId, title: { ru: EQ, kk: AT }, deadlineText: { ru: LINK, kk: DDE }, executorsText: { ru: `${SUM}, школы`, kk: `${INJECTED[5]}, мектептер` },
  });
  const item = plan.items.find((i) => i.title.ru === EQ)!;
  storedItem = item;
  await callApi(ctx, 'plans.setOwnExecution', { campaignId: campaign.id, id: item.id, status: 'done', note: DDE });
  await callApi(ctx, 'plans.updateHeader', {
    campaignId: campaign.id, title: { ru: LINK, kk: EQ }, preamble: [{ label: { ru: MINUS, kk: AT }, text: { ru: PHONE, kk: SUM } }], approvedOn: null,
  });

  // School 1 fills its template: the text row, two publications, the plan item's execution; sent as «=1+1.xlsx».
  const templates = workbooksOf(downloaded(await callApi<SaveOutcome>(ctx, 'exports.templates', { campaignId: campaign.id })));
  const binOf = async (bytes: Uint8Array) => String((await readWorkbook(bytes)).worksheets[0].getCell(4, 2).value);
  const bins = await Promise.all(templates.map((t) => binOf(t.bytes)));
  const templateOf = (school: School) => templates[bins.indexOf(school.bin)];
  const publications = listSheetName(listTables(form)[0]);
  const june = (day: number) => new Date(Date.UTC(2026, 5, day));
  let filled: Uint8Array = await fillTemplate(templateOf(schools[0]).bytes, { ...validNik(), N01: 2, N99: LINK });
  filled = await fillListSheet(filled, publications, [
    [june(2), EQ, AT, 'https://example.kz/news?id=-5'],
    [june(3), MINUS, PHONE, 'https://example.kz/news?id=7'],
  ]);
  filled = await fillPlanPart(filled, { [item.number]: ['Да', 2, 40, SUM] });
  // School 2's file is refused: a link that is not one, named «@SUM(A1).xlsx»; a third file is not a workbook.
  const refused = await fillListSheet(await fillTemplate(templateOf(schools[1]).bytes, { ...validNik(), N01: 1 }), publications, [[june(2), DDE, EQ, LINK]]);
  const outcomes = await callApi<ImportOutcome[]>(ctx, 'reports.import', {
    campaignId: campaign.id,
    files: [
      { name: `${EQ}.xlsx`, base64: Buffer.from(filled).toString('base64') },
      { name: `${AT}.xlsx`, base64: Buffer.from(refused).toString('base64') },
      { name: `${MINUS}.xlsx`, base64: Buffer.from(LINK).toString('base64') },
    ],
  });
  expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'rejected', 'rejected']);
  // School 3 dictates its report by phone; its plan execution is typed in too.
  expect((await callApi<ImportOutcome>(ctx, 'reports.enter', { campaignId: campaign.id, schoolId: schools[2].id, values: { ...validNik(), N99: PHONE } })).status).toBe('accepted');
  await callApi(ctx, 'plans.setExecution', { campaignId: campaign.id, itemId: item.id, schoolId: schools[2].id, status: 'done', events: 1, participants: 5, description: MINUS });

  // Every workbook the API writes…
  const save = async (label: string, name: string, input: unknown) => exports.set(label, workbooksOf(downloaded(await callApi<SaveOutcome>(ctx, name, input))));
  await save('registry template', 'exports.registryTemplate', {});
  exports.set('templates', templates);
  await save('blank template', 'exports.blankTemplate', { campaignId: campaign.id });
  for (const lang of ['both', 'ru', 'kk']) {
    await save(`summary ${lang}`, 'exports.summary', { campaignId: campaign.id, lang });
    await save(`plan ${lang}`, 'exports.plan', { campaignId: campaign.id, lang });
    await save(`execution ${lang}`, 'exports.executionReport', { campaignId: campaign.id, lang });
  }
  for (const lang of ['ru', 'kk', 'en']) await save(`results ${lang}`, 'exports.importResults', { campaignId: campaign.id, lang, outcomes });
  formJson = Buffer.from(downloaded(await callApi<SaveOutcome>(ctx, 'exports.form', { id: form.id, version: form.version })).bytes).toString('utf8');

  // …and every one the command line writes (on the same file, once the app has let go of it).
  await database.close();
  closed = true;
  const at = (name: string) => path.join(out.dir, name);
  await jinaq('schools', 'template', '--out', at('registry.xlsx'));
  await jinaq('plan', 'export', '--campaign', campaign.id, '--out', at('plan.xlsx'));
  await jinaq('templates', '--campaign', campaign.id, '--out', at('templates'));
  await jinaq('templates', '--campaign', campaign.id, '--blank', '--out', at('blank'));
  await jinaq('export', '--campaign', campaign.id, '--out', at('summary.xlsx'));
  await jinaq('forms', 'export', '--form', form.id, '--version', String(form.version), '--out', at('form.json'));
  const files = (folder: string) => readdirSync(at(folder)).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(at(folder), name))) }));
  exports.set('cli registry template', [{ name: 'registry.xlsx', bytes: new Uint8Array(readFileSync(at('registry.xlsx'))) }]);
  exports.set('cli plan', [{ name: 'plan.xlsx', bytes: new Uint8Array(readFileSync(at('plan.xlsx'))) }]);
  exports.set('cli templates', files('templates'));
  exports.set('cli blank template', files('blank'));
  exports.set('cli summary', [{ name: 'summary.xlsx', bytes: new Uint8Array(readFileSync(at('summary.xlsx'))) }]);
  expect(readFileSync(at('form.json'), 'utf8')).toBe(formJson);
}, 60_000);

afterAll(async () => {
  out?.remove();
  if (closed) rmSync(database.dir, { recursive: true, force: true });
  else await database?.remove();
});

// ——— Reading a workbook back at the XML level ———

interface XmlCell {
  sheet: string;
  ref: string;
  /** The t attribute: s (shared string), inlineStr, str (a formula's text), n or none (number), b, e. */
  type: string;
  formula: string | null;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  }).replace(/_x([0-9a-f]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const textsIn = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

function xmlCells(bytes: Uint8Array): XmlCell[] {
  const zip = unzipSync(bytes);
  const shared = zip['xl/sharedStrings.xml'] ? [...strFromU8(zip['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textsIn(m[1])) : [];
  const cells: XmlCell[] = [];
  for (const [file, content] of Object.entries(zip)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(file)) continue;
    const xml = strFromU8(content);
    for (const match of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = match[1];
      const body = match[2] ?? '';
      const ref = /\br="([^"]+)"/.exec(attributes)?.[1] ?? '?';
      const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? 'n';
      const formula = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = value === undefined ? '' : unescapeXml(value);
      if (type === 's') text = shared[Number(value)] ?? '';
      if (type === 'inlineStr') text = textsIn(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      cells.push({ sheet: file, ref, type, formula: formula === undefined ? null : unescapeXml(formula), text });
    }
  }
  return cells;
}

// ——— Reading it back with exceljs ———

interface ExcelCell {
  where: string;
  type: ExcelJS.ValueType;
  formula: string | null;
  text: string;
}

function excelText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return String(value.result ?? '');
  return '';
}

async function excelCells(bytes: Uint8Array): Promise<ExcelCell[]> {
  const workbook = await readWorkbook(bytes);
  const cells: ExcelCell[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const formula = value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)
          ? String((value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula) : null;
        cells.push({ where: `${sheet.name}!${cell.address}`, type: cell.type, formula, text: excelText(value) });
      });
    });
  }
  return cells;
}

const STRING_TYPES = new Set([ExcelJS.ValueType.String, ExcelJS.ValueType.RichText]);
const contains = (text: string) => STORED.filter((stored) => text.includes(stored));

const ALL = STORED;
const except = (...left: string[]) => ALL.filter((text) => !left.includes(text));
/** Where each text must be found by design: as a whole cell (a name, a title, an outlet) and inside a cell at least. */
const EXPECTED: Record<string, { whole: string[]; within: string[] }> = {
  'registry template': { whole: [], within: [] },
  'cli registry template': { whole: [], within: [] },
  // The district's name in the identification sheet; names, labels, the item, the hashtag inside longer lines.
  templates: { whole: [EQ], within: ALL },
  'cli templates': { whole: [EQ], within: ALL },
  'blank template': { whole: [EQ], within: except(DDE) },
  'cli blank template': { whole: [EQ], within: except(DDE) },
  // One language: every school's name on a line of its own; both: the names of the two languages on one line.
  'summary ru': { whole: ALL, within: ALL },
  'summary kk': { whole: ALL, within: ALL },
  'cli summary': { whole: ALL, within: ALL },
  'summary both': { whole: [EQ, PHONE, MINUS, AT, LINK, DDE], within: ALL },
  'plan both': { whole: [EQ, AT, LINK, DDE], within: ALL },
  'plan ru': { whole: [EQ, LINK], within: except(AT, DDE) },
  'cli plan': { whole: [EQ, LINK], within: except(AT, DDE) },
  'plan kk': { whole: [EQ, AT, DDE], within: except(MINUS) },
  'execution both': { whole: [EQ, AT, LINK, DDE], within: ALL },
  'execution ru': { whole: [EQ, LINK], within: except(AT) },
  'execution kk': { whole: [AT, DDE], within: except(EQ) },
  // File names, school names and the messages' params.
  'results ru': { whole: [PHONE, SUM], within: except(DDE) },
  'results kk': { whole: [PHONE, SUM], within: except(DDE) },
  'results en': { whole: [PHONE, SUM], within: except(DDE) },
};

const isStringType = (type: string) => type === 's' || type === 'inlineStr';

describe('workbooks with text that starts like a formula', () => {
  it('every export was made, the API\'s and the command line\'s', () => {
    expect([...exports.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [label, files] of exports) expect(files.length, label).toBeGreaterThan(0);
    expect(exports.get('templates')).toHaveLength(INJECTED.length);
  });

  describe.each(Object.keys(EXPECTED))('%s', (label) => {
    it('as XML: no formula made of the text, every cell holding it a string cell, each text exactly as given', () => {
      const whole = new Set<string>();
      const within = new Set<string>();
      for (const file of exports.get(label)!) {
        for (const cell of xmlCells(file.bytes)) {
          const where = `${file.name} ${cell.sheet} ${cell.ref}: ${JSON.stringify(cell.text)}`;
          if (cell.formula !== null) for (const part of FORMULA_PARTS) expect(cell.formula, where).not.toContain(part);
          const found = contains(cell.text);
          if (!isStringType(cell.type)) {
            expect(STORED, `${where} is of type ${cell.type}`).not.toContain(cell.text);
            expect(found.filter((text) => text.length >= 4), `${where} is of type ${cell.type}`).toEqual([]);
            continue;
          }
          for (const text of found) {
            within.add(text);
            if (cell.text === text) whole.add(text);
            expect(cell.text, `${where}: an apostrophe was added`).not.toContain(`'${text}`);
          }
        }
      }
      expect([...whole].sort()).toEqual(expect.arrayContaining(EXPECTED[label].whole));
      expect([...within].sort()).toEqual(expect.arrayContaining(EXPECTED[label].within));
    });

    it('with exceljs: no formula made of the text, every cell holding it a string or rich text', async () => {
      let seen = 0;
      for (const file of exports.get(label)!) {
        for (const cell of await excelCells(file.bytes)) {
          if (cell.formula !== null) for (const part of FORMULA_PARTS) expect(cell.formula, cell.where).not.toContain(part);
          const found = contains(cell.text);
          if (found.length === 0) continue;
          seen++;
          if (!STRING_TYPES.has(cell.type)) {
            expect(STORED, `${cell.where} is of type ${cell.type}`).not.toContain(cell.text);
            expect(found.filter((text) => text.length >= 4), `${cell.where} is of type ${cell.type}`).toEqual([]);
          }
          if (EXPECTED[label].whole.includes(cell.text)) expect(STRING_TYPES.has(cell.type), cell.where).toBe(true);
        }
      }
      expect(seen > 0).toBe(EXPECTED[label].within.length > 0);
    });
  });

  it('exports.form and jinaq forms export write the form as JSON, its texts as they were typed', () => {
    const file = JSON.parse(formJson) as { format: string; form: { title: unknown; indicators: Array<{ code: string; label: unknown; unit?: unknown }> } };
    expect(file.format).toBe('jinaq-form');
    expect(file.form.title).toEqual({ ru: EQ, kk: AT });
    expect(file.form.indicators.find((indicator) => indicator.code === 'N99')).toMatchObject({ label: { ru: LINK, kk: MINUS }, unit: { ru: SUM, kk: PHONE } });
  });

  it('the texts were stored as given, only the outer tab trimmed', () => {
    expect(schools.map((school) => school.shortName).sort()).toEqual([...STORED].sort());
    expect(new Set(schools.map((school) => school.phone))).toEqual(new Set([PHONE]));
    expect(storedItem?.title).toEqual({ ru: EQ, kk: AT });
    expect(storedItem?.executorsText.kk).toBe('=1, мектептер');
  });
});
