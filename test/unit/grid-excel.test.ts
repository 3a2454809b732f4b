// Grids (строки × графы) in the school's template and the import, on real files: the template prints the grid with
// its captions, графа numbers, open and closed cells; a filled file — as written, saved by LibreOffice Calc, with
// rows and columns inserted, moved or deleted by a school, or typed into a school's own workbook — is read cell by
// cell under the cell codes ("H03.2"), and every problem names the cell, its code, its row and its графа.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign, ImportOutcome, School } from '../../shared/domain.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import type { FormDefinition, GridTable } from '../../shared/forms/types.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { copyForm, saveForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { currentStoredValues, tempDatabase, tempDir } from '../helpers/db.ts';
import { copySheet, editWorkbook, gridCellOf, visibleSheet } from '../helpers/edit.ts';
import { convertWithSoffice, SOFFICE_VERSION } from '../helpers/libreoffice.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, readWorkbook, validZabotaV2, type CellInput } from '../helpers/workbooks.ts';

const SHEET = 'Форма - Нысан';
const LIBREOFFICE_TIMEOUT = 120_000;

/** Version 2 of «Забота» with one closed cell: no money is asked of children with disabilities (H06, графа 8). */
const gridForm: FormDefinition = {
  ...zabotaV2,
  version: 3,
  tables: (zabotaV2.tables ?? []).map((table) => (table.kind === 'grid' ? { ...table, closed: ['H06.8'] } : table)),
};
const helpGrid = gridForm.tables!.find((table): table is GridTable => table.kind === 'grid')!;

let database: Awaited<ReturnType<typeof tempDatabase>>;
let school: School;
let campaign: Campaign;
let template: Uint8Array;

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы' });
  school = await createSchool(database.db, schoolFields(1));
  campaign = await createCampaign(database.db, 'zabota', 2027);
  // a district's own version, as the form editor makes it: a copy of version 1, saved as version 3 with the grid
  expect((await copyForm(database.db, 'zabota', 1)).form.version).toBe(gridForm.version);
  const saved = await saveForm(database.db, gridForm);
  expect(saved.problems).toEqual([]);
  campaign = await setCampaignForm(database.db, campaign.id, gridForm.version);
  template = (await buildTemplates(database.db, campaign.id)).files[0].bytes;
});
afterEach(() => database.remove());

async function importOne(bytes: Uint8Array): Promise<ImportOutcome> {
  const [outcome] = await importReports(database.db, campaign.id, [{ name: 'report.xlsx', bytes }]);
  return outcome;
}


/** The values as stored: money (Z30–Z33 and графа 8) in tiyn. */
function inTiyn(values: Record<string, number>): Record<string, number> {
  const money = (code: string) => /^Z3[0-3]$/.test(code) || code.endsWith('.8');
  return Object.fromEntries(Object.entries(values).map(([code, value]) => [code, money(code) ? Math.round(value * 100) : value]));
}

async function filled(changes: Record<string, CellInput> = {}): Promise<Buffer> {
  return fillTemplate(template, { ...validZabotaV2(), ...changes });
}

async function expectAcceptedAsFilled(bytes: Uint8Array): Promise<ImportOutcome> {
  const outcome = await importOne(bytes);
  expect(outcome.errors).toEqual([]);
  expect(outcome).toMatchObject({ status: 'accepted', schoolBin: school.bin });
  expect(await currentStoredValues(database.db)).toEqual(inTiyn(validZabotaV2()));
  return outcome;
}

function words(found: FileIssue, lang: 'ru' | 'kk' = 'ru'): string {
  return formatMessage(tFor(lang), found.message);
}

/** The row whose code column holds the text, and the column of the графа-number row holding each графа code. */
function rowOf(sheet: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === code) found = row;
  });
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

describe('the template of a form with a grid', () => {
  it('prints the grid after the one-value rows: captions in both languages, графа numbers above the first row, open and closed cells', async () => {
    const workbook = await readWorkbook(template);
    const sheet = visibleSheet(workbook);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    const first = rowOf(sheet, 'H01');
    const numbers = sheet.getRow(first.number - 1);
    const captions = sheet.getRow(first.number - 2);
    const title = sheet.getRow(first.number - 3);
    expect(title.getCell(1).value).toBe('Оказанная помощь по категориям детей / Балалар санаттары бойынша көрсетілген көмек');
    expect(sheet.model.merges).toContain(`A${title.number}:K${title.number}`);
    expect([1, 2, 3].map((c) => captions.getCell(c).value)).toEqual(['Код строки / Жол коды', 'Показатель', 'Көрсеткіш']);
    expect(captions.getCell(4).value).toBe('Всего детей, получивших помощь / Көмек алған балалар, барлығы');
    expect(captions.getCell(11).value).toBe('Сумма помощи, тенге / Көмек сомасы, теңге');
    expect(Array.from({ length: 11 }, (_, i) => numbers.getCell(i + 1).value)).toEqual([null, null, null, 1, 2, 3, 4, 5, 6, 7, 8]);
    // the grid comes after the last one-value row, a blank row between
    expect(title.number).toBe(rowOf(sheet, 'Z34').number + 2);

    expect([1, 2, 3].map((c) => first.getCell(c).value)).toEqual(['H01', 'Детей, получивших помощь, всего *', 'Көмек алған балалар, барлығы *']);
    const count = first.getCell(4);
    expect(count.protection).toMatchObject({ locked: false });
    expect(count.numFmt).toBe('#,##0');
    expect(count.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
    const money = first.getCell(11);
    expect(money.protection).toMatchObject({ locked: false });
    expect(money.numFmt).toBe('#,##0.00');
    expect(money.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });

    const closed = rowOf(sheet, 'H06').getCell(11);
    expect(closed.value).toBe('X');
    expect(closed.protection?.locked).not.toBe(false);
    expect(closed.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9D9D9' } });
    expect(closed.dataValidation).toBeUndefined();
    // the captions and the графа numbers are locked as the rest of the protected sheet
    expect(numbers.getCell(4).protection?.locked).not.toBe(false);
    expect(captions.getCell(4).protection?.locked).not.toBe(false);
  });
});

describe('a filled grid', () => {
  it('is read cell by cell and stored under the cell codes', async () => {
    const outcome = await expectAcceptedAsFilled(await filled());
    expect(outcome.warnings).toEqual([]);
  });

  describe.skipIf(!SOFFICE_VERSION)(`saved in LibreOffice Calc${SOFFICE_VERSION ? ` (${SOFFICE_VERSION})` : ' — not installed, skipped'}`, () => {
    let work: ReturnType<typeof tempDir>;
    beforeAll(() => {
      work = tempDir('jinaq-grid-libreoffice-');
    });
    afterAll(() => work.remove());

    it('is read the same', async () => {
      const bytes = await filled();
      const saved = convertWithSoffice(bytes, { dir: path.join(work.dir, 'run'), name: 'report.xlsx', format: 'xlsx', profile: path.join(work.dir, 'profile'), timeout: LIBREOFFICE_TIMEOUT - 10_000 });
      expect(saved.equals(bytes)).toBe(false);
      const cell = gridCellOf(visibleSheet(await readWorkbook(saved)), 'H01.8');
      expect(cell.value).toBe(150000.5);
      await expectAcceptedAsFilled(saved);
    }, LIBREOFFICE_TIMEOUT);
  });

  it('is read right where the school inserted, moved and deleted rows and columns', async () => {
    const bytes = await editWorkbook(await filled(), (workbook) => {
      const sheet = visibleSheet(workbook);
      // графы 2 and 3 (columns E and F) swapped, numbers and values alike
      sheet.eachRow((row) => {
        const [e, f] = [row.getCell(5).value, row.getCell(6).value];
        row.getCell(5).value = f;
        row.getCell(6).value = e;
      });
      // a notes column inserted before графа 5, the Kazakh labels deleted, a row inserted inside the grid and above it
      sheet.spliceColumns(8, 0, []);
      sheet.spliceColumns(3, 1);
      const h02 = rowOf(sheet, 'H02').number;
      sheet.spliceRows(h02, 0, ['', 'в том числе:']);
      sheet.spliceRows(rowOf(sheet, 'Z01').number, 0, ['', 'Раздел, вставленный школой']);
    });
    const sheet = visibleSheet(await readWorkbook(bytes));
    expect(rowOf(sheet, 'H02').getCell(4).value).toBe(2);
    await expectAcceptedAsFilled(bytes);
  });

  it('typed into a school\'s own workbook, codes in a column and графа numbers in a row above, is read', async () => {
    const own = new ExcelJS.Workbook();
    const sheet = own.addWorksheet('Отчёт');
    sheet.addRow(['БИН', school.bin]);
    sheet.addRow([]);
    sheet.addRow(['Код', 'Наименование', 'Значение']);
    const values = validZabotaV2();
    for (const [code, value] of Object.entries(values).filter(([key]) => !key.includes('.'))) sheet.addRow([code, `показатель ${code}`, value]);
    sheet.addRow([]);
    sheet.addRow(['', 'Помощь', ...helpGrid.columns.map((column) => column.label.ru)]);
    sheet.addRow(['', '', ...helpGrid.columns.map((column) => Number(column.code))]);
    for (const row of helpGrid.rows) sheet.addRow([row.code, row.label.ru, ...helpGrid.columns.map((column) => values[`${row.code}.${column.code}`] ?? null)]);
    const bytes = Buffer.from(await own.xlsx.writeBuffer());
    await expectAcceptedAsFilled(bytes);
  });

  it('with a value in a closed cell is accepted with a warning naming the cell, the value not read', async () => {
    const bytes = await editWorkbook(await filled(), (workbook) => {
      const sheet = visibleSheet(workbook);
      rowOf(sheet, 'H06').getCell(11).value = 5000;
    });
    const outcome = await expectAcceptedAsFilled(bytes);
    expect(outcome.warnings).toEqual([expect.objectContaining({ severity: 'warning', sheet: SHEET, cell: `K${rowOf(visibleSheet(await readWorkbook(bytes)), 'H06').number}`, code: 'H06.8' })]);
    expect(words(outcome.warnings[0])).toBe(
      'Ячейка строки H06 «дети с инвалидностью», графы 8 «Сумма помощи, тенге» не заполняется (в шаблоне она закрыта знаком «X»), а в ней «5000»: значение не прочитано. Если оно нужно, уточните у школы, в какую ячейку его вписать',
    );
  });

  it('with a bad value is refused, the problem naming the cell, its code, its row and its графа in the reader\'s language', async () => {
    const bytes = await filled({ 'H03.2': 'много' });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    const address = gridCellOf(visibleSheet(await readWorkbook(bytes)), 'H03.2').address;
    expect(outcome.errors).toEqual([expect.objectContaining({ sheet: SHEET, cell: address, code: 'H03.2' })]);
    expect(words(outcome.errors[0])).toBe('Строка H03 «из многодетных семей», графа 2 «одеждой»: Ожидалось число, а в ячейке «много»');
    expect(words(outcome.errors[0], 'kk')).toMatch(/^H03 жолы «көп балалы отбасылардан», 2-баған «киіммен»: .*«много»/);
    expect(await currentStoredValues(database.db)).toEqual({});
  });

  it('with a cell merged across графы is refused, saying to unmerge it, not naming rows', async () => {
    const bytes = await editWorkbook(await filled(), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.mergeCells(`${gridCellOf(sheet, 'H03.2').address}:${gridCellOf(sheet, 'H03.3').address}`);
    });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    const merged = outcome.errors.filter((error) => error.code === 'H03.3');
    expect(merged).toHaveLength(1);
    expect(words(merged[0])).toMatch(/^Строка H03 «из многодетных семей», графа 3 «обувью»: Ячейка объединена с соседними \([A-Z]+\d+:[A-Z]+\d+\)/);
  });

  it('with a required cell blank is refused, naming it', async () => {
    const outcome = await importOne(await filled({ 'H01.8': null }));
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors[0]).toMatchObject({ code: 'H01.8', message: { params: { cellProblem: 'import.required' } } });
    expect(words(outcome.errors[0])).toBe('Строка H01 «Детей, получивших помощь, всего», графа 8 «Сумма помощи, тенге»: Обязательный показатель не заполнен (0 — тоже ответ)');
    // a blank is read as blank, as a one-value row's: the rules over it are checked
    expect(outcome.errors.slice(1).map((e) => e.message.params?.rule)).toEqual(['H-R2', 'H-R2', 'H-R4']);
  });

  it('breaking a rule over the grid names the cell', async () => {
    const bytes = await filled({ 'H03.1': 1 });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    const address = gridCellOf(visibleSheet(await readWorkbook(bytes)), 'H03.1').address;
    const broken = outcome.errors.filter((e) => e.message.params?.rule === 'H-R1');
    expect(broken.length).toBeGreaterThan(0);
    for (const found of broken) expect(found).toMatchObject({ sheet: SHEET, cell: address, code: 'H03.1' });
    expect(words(broken[0])).toContain('H03.1 «из многодетных семей — Всего детей, получивших помощь» (1)');
  });

  it('without its графа-number row or a row code is refused with a message that says what to put back', async () => {
    const noNumbers = await editWorkbook(await filled(), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.spliceRows(rowOf(sheet, 'H01').number - 1, 1);
    });
    const first = await importOne(noNumbers);
    expect(first.status).toBe('rejected');
    expect(first.errors.map((e) => e.message.key)).toEqual(['import.gridNumbersMissing']);
    // no rule is blamed for cells never read: each waits, with a note
    expect(new Set(first.warnings.map((w) => w.message.key))).toEqual(new Set(['import.ruleUnchecked']));
    expect(words(first.errors[0])).toMatch(/^Над таблицей «Оказанная помощь по категориям детей» \(её первая строка — в ячейке A\d+\) нет строки с номерами граф/);
    expect(words(first.errors[0], 'kk')).toMatch(/^«Балалар санаттары бойынша көрсетілген көмек» кестесінің үстінде/);

    const noCode = await editWorkbook(await filled(), (workbook) => {
      rowOf(visibleSheet(workbook), 'H04').getCell(1).value = null;
    });
    const second = await importOne(noCode);
    expect(second.status).toBe('rejected');
    expect(second.errors).toEqual([expect.objectContaining({ sheet: SHEET, code: 'H04', message: expect.objectContaining({ key: 'import.gridRowMissing' }) })]);
    expect(words(second.errors[0])).toBe(
      'В таблице «Оказанная помощь по категориям детей» нет строки с кодом H04 «из неблагополучных семей». Впишите код строки в столбец кодов, как в выданном шаблоне',
    );
  });


  it('with a графа deleted or its number written twice is refused, naming the графа', async () => {
    const deleted = await editWorkbook(await filled(), (workbook) => {
      visibleSheet(workbook).spliceColumns(10, 1);
    });
    const first = await importOne(deleted);
    expect(first.status).toBe('rejected');
    expect(first.errors.map((e) => e.message.key)).toEqual(['import.gridColumnMissing']);
    expect(words(first.errors[0])).toMatch(/^В строке номеров граф таблицы «Оказанная помощь по категориям детей» \(строка \d+\) нет графы 7 «иной помощью»: её значения не прочитаны/);
    expect(words(first.errors[0], 'kk')).toMatch(/7-баған «өзге көмекпен» жоқ/);

    const twice = await editWorkbook(await filled(), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.getRow(rowOf(sheet, 'H01').number - 1).getCell(6).value = 2;
    });
    const second = await importOne(twice);
    expect(second.status).toBe('rejected');
    expect(second.errors.map((e) => [e.message.key, e.message.params?.column])).toEqual([['import.gridColumnRepeated', '2'], ['import.gridColumnMissing', '3']]);
    expect(second.errors[0]).toMatchObject({ sheet: SHEET, cell: `E${rowOf(visibleSheet(await readWorkbook(twice)), 'H01').number - 1}` });
  });

  it('in two filled copies of the form sheet is read once when they agree, and refused when a grid cell differs', async () => {
    const same = await editWorkbook(await filled(), (workbook) => copySheet(workbook, visibleSheet(workbook), 'Копия'));
    expect(await importOne(same)).toMatchObject({ status: 'accepted', errors: [] });

    const corrected = await editWorkbook(await filled(), (workbook) => {
      gridCellOf(copySheet(workbook, visibleSheet(workbook), 'Копия'), 'H03.2').value = 7;
    });
    const outcome = await importOne(corrected);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors).toHaveLength(1);
    const cell = gridCellOf(visibleSheet(await readWorkbook(corrected)), 'H03.2').address;
    expect(outcome.errors[0].message).toEqual({
      key: 'import.tablesDiffer',
      params: { first: SHEET, second: 'Копия', cells: `${cell} (H03.2): «${validZabotaV2()['H03.2']}» ≠ «7»` },
    });
  });

  it('never takes the values of another grid for the графа numbers of the next one', async () => {
    // a second, smaller grid after the help grid
    const twoGrids: FormDefinition = {
      ...gridForm,
      version: 4,
      tables: [
        ...gridForm.tables!,
        {
          kind: 'grid', id: 'extra', title: { ru: 'Дополнительно', kk: 'Қосымша' },
          rows: [{ code: 'E01', label: { ru: 'Доп. строка', kk: 'Қосымша жол' }, required: false }],
          columns: [{ code: '9', label: { ru: 'девятая', kk: 'тоғызыншы' }, type: 'count' }, { code: '10', label: { ru: 'десятая', kk: 'оныншы' }, type: 'count' }],
        },
      ],
    };
    expect((await copyForm(database.db, 'zabota', 3)).form.version).toBe(4);
    expect((await saveForm(database.db, twoGrids)).problems).toEqual([]);
    campaign = await setCampaignForm(database.db, campaign.id, 4);
    template = (await buildTemplates(database.db, campaign.id)).files[0].bytes;
    // H06 holds 10 and 9 in графы 1 and 2: the row of values above «Дополнительно» once its графа numbers are gone
    const bytes = await editWorkbook(await filled({ 'H06.1': 10, 'H06.2': 9, 'E01.9': 7, 'E01.10': 3 }), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.spliceRows(rowOf(sheet, 'E01').number - 1, 1);
    });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.message.key, e.message.params?.table])).toEqual([['import.gridNumbersMissing', 'Дополнительно']]);
  });
});
