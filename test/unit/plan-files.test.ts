// A campaign's plan as files: the printable plan in Kazakh, Russian or both, a plan imported from our own export
// or from a district's hand-made workbook, the import's problems, and the execution report's counts.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/errors.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { setExecution } from '../../main/services/execution.ts';
import { buildExecutionReport, buildPlanWorkbook, importPlan } from '../../main/services/plan-files.ts';
import { getPlan, setOwnExecution, updatePlanHeader } from '../../main/services/plans.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import type { Plan } from '../../shared/plans/model.ts';
import type { PlanSectionSeed } from '../../shared/plans/types.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { readWorkbook } from '../helpers/workbooks.ts';

const CAMPAIGN = 'nik-2025';
let database: Awaited<ReturnType<typeof tempDatabase>>;

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, {
    districtRu: 'г. Шахтинск',
    districtKk: 'Шахтинск қаласы',
    departmentRu: 'ГУ «Отдел образования города Шахтинска»',
    departmentKk: '«Шахтинск қаласының білім бөлімі» ММ',
    headName: 'А. Б. Ахметова',
    regionCode: '09',
  });
  await createCampaign(database.db, 'nik', 2025);
});
afterEach(() => database.remove());

type Cells = string[][];

/** Every row of a sheet as the texts of its first `width` cells (merged cells read once, at their master). */
function cells(sheet: ExcelJS.Worksheet, width = 4): Cells {
  const rows: Cells = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      const value = cell.master === cell ? cell.value : null;
      if (value && typeof value === 'object' && 'richText' in value) row.push(value.richText.map((run) => run.text).join(''));
      else if (value && typeof value === 'object' && 'result' in value) row.push(String(value.result));
      else row.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(row);
  }
  return rows;
}

function rowIndex(rows: Cells, first: string): number {
  return rows.findIndex((row) => row[0] === first);
}

async function exported(lang: 'kk' | 'ru' | 'both') {
  const request = await buildPlanWorkbook(database.db, CAMPAIGN, lang);
  expect(request.files).toHaveLength(1);
  return { name: request.files[0].name, bytes: request.files[0].bytes, workbook: await readWorkbook(request.files[0].bytes) };
}

/** The plan's sections and items as an import gives them back. */
function seeds(plan: Plan, only?: 'kk' | 'ru'): PlanSectionSeed[] {
  const pick = (text: { kk: string; ru: string }) => (only ? { kk: only === 'kk' ? text.kk : '', ru: only === 'ru' ? text.ru : '' } : text);
  return plan.sections.map((section) => ({
    title: pick(section.title),
    items: plan.items
      .filter((item) => item.sectionId === section.id)
      .map((item) => ({ title: pick(item.title), deadline: pick(item.deadlineText), executors: pick(item.executorsText) })),
  }));
}

async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('the plan as the district approves and prints it', () => {
  it('writes the Russian plan: approval block with the head, title, preamble, sections in Roman numerals, 19 numbered items', async () => {
    const plan = await getPlan(database.db, CAMPAIGN);
    const { name, workbook } = await exported('ru');
    expect(name).toBe('nik-2025-plan-ru.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['План']);
    const sheet = workbook.worksheets[0];
    const rows = cells(sheet);
    expect(rows.slice(0, 4).map((row) => row[2])).toEqual([
      'УТВЕРЖДАЮ',
      'Руководитель\nГУ «Отдел образования города Шахтинска»',
      '__________ А. Б. Ахметова',
      '«___» __________ 20___ г.',
    ]);
    expect(sheet.getCell('C1').font.bold).toBe(true);
    expect(sheet.getCell('C1').isMerged).toBe(true);
    const title = rows.findIndex((row) => row[0] === plan.title.ru);
    expect(title).toBeGreaterThan(3);
    expect(sheet.getCell(title + 1, 1).font.bold).toBe(true);
    expect(sheet.getCell(title + 1, 1).alignment.horizontal).toBe('center');
    expect(rows[title + 1][0]).toBe('г. Шахтинск');
    const motto = sheet.getCell(title + 4, 1).value as ExcelJS.CellRichTextValue;
    expect(motto.richText.map((run) => run.text).join('')).toBe('Девиз кампании: «Защитим детство – построим будущее!»');
    expect(motto.richText[0].font?.bold).toBe(true);
    expect(motto.richText[1].font?.bold).toBeFalsy();

    const header = rowIndex(rows, '№ п/п');
    expect(rows[header]).toEqual(['№ п/п', 'Наименование мероприятия', 'Сроки исполнения', 'Ответственные исполнители']);
    expect(rows[header + 1]).toEqual(['1', '2', '3', '4']);
    expect(rows[header + 2][0]).toBe('I. Организационные мероприятия');
    expect(sheet.getCell(header + 3, 1).isMerged).toBe(true);
    expect(rows.filter((row) => /^[IVX]+\. /.test(row[0])).map((row) => row[0])).toEqual([
      'I. Организационные мероприятия',
      'II. Основной этап',
      'III. Заключительный этап',
    ]);
    const items = rows.filter((row) => /^\d+\.$/.test(row[0]));
    expect(items.map((row) => row[0])).toEqual(Array.from({ length: 19 }, (_, i) => `${i + 1}.`));
    expect(items[0]).toEqual(['1.', plan.items[0].title.ru, 'до 30 мая', 'Отдел образования']);
    expect(items[17][1]).toContain('#НИК2025_09');
    expect(sheet.getCell(header + 3, 2).border.left?.style).toBe('thin');
    expect(sheet.getCell(header + 3, 2).alignment.wrapText).toBe(true);

    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header + 1}:${header + 2}`);
  });

  it('writes the Kazakh plan with its approval date, and the Russian texts where a Kazakh one is empty', async () => {
    const plan = await getPlan(database.db, CAMPAIGN);
    await updatePlanHeader(database.db, CAMPAIGN, { title: plan.title, preamble: plan.preamble, approvedOn: '2025-05-29' });
    await database.db.updateTable('plan_items').set({ executors_kk: '' }).where('id', '=', plan.items[1].id).execute();
    const { name, workbook } = await exported('kk');
    expect(name).toBe('nik-2025-plan-kk.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Жоспар']);
    const rows = cells(workbook.worksheets[0]);
    expect(rows.slice(0, 4).map((row) => row[2])).toEqual([
      'БЕКІТЕМІН',
      '«Шахтинск қаласының білім бөлімі» ММ\nбасшысы',
      '__________ А. Б. Ахметова',
      '2025 ж. «29» мамыр',
    ]);
    expect(rows.some((row) => row[0] === 'Шахтинск қаласы')).toBe(true);
    const header = rowIndex(rows, '№ р/с');
    expect(rows[header]).toEqual(['№ р/с', 'Іс-шараның атауы', 'Орындалу мерзімі', 'Жауапты орындаушылар']);
    expect(rows[header + 2][0]).toBe('I. Ұйымдастыру шаралары');
    const items = rows.filter((row) => /^\d+\.$/.test(row[0]));
    expect(items).toHaveLength(19);
    expect(items[0]).toEqual(['1.', plan.items[0].title.kk, '30 мамырға дейін', 'Білім бөлімі']);
    expect(items[1][3]).toBe('Отдел образования, общеобразовательные школы');
  });

  it('writes both languages as two sheets, Kazakh first', async () => {
    const { name, workbook } = await exported('both');
    expect(name).toBe('nik-2025-plan-kk-ru.xlsx');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Жоспар', 'План']);
    for (const sheet of workbook.worksheets) {
      expect(cells(sheet).filter((row) => /^\d+\.$/.test(row[0]))).toHaveLength(19);
      expect(sheet.pageSetup.fitToWidth).toBe(1);
    }
  });
});

describe('a plan imported from a workbook', () => {
  it.each([['both'], ['ru'], ['kk']] as const)('reads back our own export (%s) as the same sections and texts', async (lang) => {
    const before = await getPlan(database.db, CAMPAIGN);
    const { name, bytes } = await exported(lang);
    const result = await importPlan(database.db, CAMPAIGN, { name, bytes });
    expect(result.problems).toEqual([]);
    expect(result.replaced).toBe(true);
    expect(result.items).toBe(19);
    expect(seeds(result.plan)).toEqual(seeds(before, lang === 'both' ? undefined : lang));
    expect(await getPlan(database.db, CAMPAIGN)).toEqual(result.plan);
  });

  it('reads a deadline cell holding a date Excel cannot show as «########», kept as text, instead of throwing', async () => {
    const { workbook } = await exported('ru');
    const sheet = workbook.worksheets[0];
    const first = cells(sheet).findIndex((row) => row[0] === '1.') + 1;
    const deadline = sheet.getCell(first, 3);
    deadline.value = 99999999999; // a date-formatted number beyond any date: exceljs reads it as an Invalid Date
    deadline.numFmt = 'dd.mm.yyyy';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importPlan(database.db, CAMPAIGN, { name: 'план.xlsx', bytes });
    expect(result.plan.items[0].deadlineText.ru).toBe('########');
    expect(result.plan.items[0].deadline.kind).toBe('unparsed');
  });

  it('reads a hand-made Kazakh plan: header lower down, items before any section, section rows, page headers repeated', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Жоспар 2025');
      sheet.getCell('C1').value = 'БЕКІТЕМІН';
      sheet.getCell('A3').value = 'Іс-шаралар жоспары';
      sheet.getCell('A4').value = 'Науқан ұраны: «Балалықты қорғайық!»';
      sheet.getRow(6).values = ['№', 'Іс-шара атауы', 'Мерзімі', 'Жауапты орындаушылар'];
      sheet.getRow(7).values = [1, 2, 3, 4];
      sheet.getRow(8).values = ['1)', 'Ақпараттық хаттар жолдау', '30 мамырға дейін', 'Білім бөлімі'];
      sheet.getRow(9).values = ['II. Негізгі кезең'];
      sheet.getRow(10).values = [2, 'Рейдтік шаралар өткізу', '1-12 маусым', 'Білім бөлімі, мектептер'];
      sheet.getRow(12).values = ['№ р/с', 'Іс-шараның атауы', 'Орындалу мерзімі', 'Жауапты орындаушылар'];
      sheet.getRow(13).values = [1, 2, 3, 4];
      sheet.getRow(14).values = ['III. Қорытынды кезең'];
      sheet.mergeCells('A14:D14');
      sheet.getRow(15).values = ['3.', 'Қорытынды ақпарат дайындау', '13 маусым', 'Білім бөлімі'];
    });
    const result = await importPlan(database.db, CAMPAIGN, { name: 'жоспар.xlsx', bytes });
    expect(result.problems).toEqual([]);
    const empty = { ru: '' };
    expect(seeds(result.plan)).toEqual([
      {
        title: { kk: 'Іс-шаралар', ru: 'Мероприятия' },
        items: [{ title: { kk: 'Ақпараттық хаттар жолдау', ...empty }, deadline: { kk: '30 мамырға дейін', ...empty }, executors: { kk: 'Білім бөлімі', ...empty } }],
      },
      {
        title: { kk: 'Негізгі кезең', ...empty },
        items: [{ title: { kk: 'Рейдтік шаралар өткізу', ...empty }, deadline: { kk: '1-12 маусым', ...empty }, executors: { kk: 'Білім бөлімі, мектептер', ...empty } }],
      },
      {
        title: { kk: 'Қорытынды кезең', ...empty },
        items: [{ title: { kk: 'Қорытынды ақпарат дайындау', ...empty }, deadline: { kk: '13 маусым', ...empty }, executors: { kk: 'Білім бөлімі', ...empty } }],
      },
    ]);
    // The structured deadline is parsed from the Kazakh text when there is no Russian one.
    expect(result.plan.items[1].deadline).toEqual({ kind: 'range', from: '2025-06-01', to: '2025-06-12' });
  });

  it('reads a Russian plan as districts type it: number inside the name, executors merged down, a signature under the table', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.getCell('D1').value = 'УТВЕРЖДАЮ';
      sheet.getRow(3).values = ['№ п/п', 'Наименование мероприятия', 'Сроки исполнения', 'Ответственные исполнители'];
      sheet.getRow(4).values = [1, 2, 3, 4];
      sheet.getRow(5).values = ['', '1. Подготовка информационных писем', 'до 30 мая', 'Отдел образования'];
      sheet.getRow(6).values = ['2', 'Пресс-релиз', 'май', 'Отдел образования, общеобразовательные школы'];
      sheet.getRow(7).values = ['3.', 'Публикации в СМИ', '1-12 июня'];
      sheet.mergeCells('D6:D7');
      sheet.getRow(9).values = ['', 'Руководитель отдела образования'];
    });
    const result = await importPlan(database.db, CAMPAIGN, { name: 'план.xlsx', bytes });
    expect(result.problems).toEqual([]);
    expect(result.plan.sections.map((section) => section.title)).toEqual([{ ru: 'Мероприятия', kk: 'Іс-шаралар' }]);
    expect(result.plan.items.map((item) => [item.title.ru, item.deadlineText.ru, item.executorsText.ru])).toEqual([
      ['Подготовка информационных писем', 'до 30 мая', 'Отдел образования'],
      ['Пресс-релиз', 'май', 'Отдел образования, общеобразовательные школы'],
      ['Публикации в СМИ', '1-12 июня', 'Отдел образования, общеобразовательные школы'],
    ]);
    expect(result.plan.items[2].forSchools).toBe(true);
  });

  it('reads one sheet with columns for both languages', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('План');
      sheet.getRow(2).values = ['№ п/п', 'Наименование (рус.)', 'Атауы (қаз.)', 'Срок', 'Мерзімі', 'Ответственные', 'Жауаптылар'];
      sheet.getRow(3).values = ['', 'Организационные мероприятия', 'Ұйымдастыру шаралары'];
      sheet.getRow(4).values = ['1.', 'Пресс-релиз', 'Баспасөз релизі', 'май', 'мамыр', 'Отдел образования', 'Білім бөлімі'];
      sheet.getRow(5).values = ['2.', 'Рейды', 'Рейдтер', '1-12 июня', '1-12 маусым', 'Школы', 'Мектептер'];
    });
    const result = await importPlan(database.db, CAMPAIGN, { name: 'plan.xlsx', bytes });
    expect(result.problems).toEqual([]);
    expect(seeds(result.plan)).toEqual([
      {
        title: { ru: 'Организационные мероприятия', kk: 'Ұйымдастыру шаралары' },
        items: [
          { title: { ru: 'Пресс-релиз', kk: 'Баспасөз релизі' }, deadline: { ru: 'май', kk: 'мамыр' }, executors: { ru: 'Отдел образования', kk: 'Білім бөлімі' } },
          { title: { ru: 'Рейды', kk: 'Рейдтер' }, deadline: { ru: '1-12 июня', kk: '1-12 маусым' }, executors: { ru: 'Школы', kk: 'Мектептер' } },
        ],
      },
    ]);
  });

  describe('refuses a file with a problem, naming the sheet and cell, and keeps the plan', () => {
    async function refused(bytes: Uint8Array, name = 'plan.xlsx') {
      const before = await getPlan(database.db, CAMPAIGN);
      const result = await importPlan(database.db, CAMPAIGN, { name, bytes });
      expect(result.replaced).toBe(false);
      expect(result.items).toBe(0);
      expect(result.plan).toEqual(before);
      expect(await getPlan(database.db, CAMPAIGN)).toEqual(before);
      return result.problems;
    }

    it('not a workbook', async () => {
      expect(await refused(new TextEncoder().encode('not a zip'), 'plan.docx')).toEqual([
        { severity: 'error', message: { key: 'planImport.notWorkbook', params: { file: 'plan.docx' } } },
      ]);
    });

    it('no sheet with the plan’s header', async () => {
      const bytes = await xlsx((workbook) => {
        workbook.addWorksheet('Лист1').getRow(1).values = ['Школа', 'БИН', 'Директор'];
        workbook.addWorksheet('Лист2').getCell('A1').value = 'Наименование мероприятия';
      });
      expect(await refused(bytes)).toEqual([{ severity: 'error', sheet: 'Лист1', cell: 'A1:C1', message: { key: 'planImport.noHeader', params: {} } }]);
    });

    it('an item without a name', async () => {
      const bytes = await xlsx((workbook) => {
        const sheet = workbook.addWorksheet('План');
        sheet.getRow(3).values = ['№ п/п', 'Наименование мероприятия', 'Сроки исполнения', 'Ответственные исполнители'];
        sheet.getRow(4).values = ['1.', 'Пресс-релиз', 'май', 'Отдел образования'];
        sheet.getRow(5).values = ['2.', '', '1-12 июня', 'Школы'];
      });
      expect(await refused(bytes)).toEqual([
        { severity: 'error', sheet: 'План', cell: 'B5', message: { key: 'planImport.noTitle', params: { row: 5 } } },
      ]);
    });

    it('a Kazakh and a Russian sheet that do not pair up', async () => {
      const bytes = await xlsx((workbook) => {
        const kk = workbook.addWorksheet('Жоспар');
        kk.getRow(1).values = ['№ р/с', 'Іс-шараның атауы', 'Орындалу мерзімі', 'Жауапты орындаушылар'];
        kk.getRow(2).values = ['I. Ұйымдастыру шаралары'];
        kk.getRow(3).values = ['1.', 'Баспасөз релизі', 'мамыр', 'Білім бөлімі'];
        kk.getRow(4).values = ['2.', 'Рейдтер', '1-12 маусым', 'Мектептер'];
        const ru = workbook.addWorksheet('План');
        ru.getRow(1).values = ['№ п/п', 'Наименование мероприятия', 'Сроки исполнения', 'Ответственные исполнители'];
        ru.getRow(2).values = ['I. Организационные мероприятия'];
        ru.getRow(3).values = ['1.', 'Пресс-релиз', 'май', 'Отдел образования'];
        ru.getRow(4).values = ['II. Основной этап'];
        ru.getRow(5).values = ['2.', 'Рейды', '1-12 июня', 'Школы'];
      });
      expect(await refused(bytes)).toEqual([
        {
          severity: 'error',
          sheet: 'План',
          cell: 'B4',
          message: {
            key: 'planImport.sheetsDiffer',
            params: { kkSheet: 'Жоспар', ruSheet: 'План', kkSections: 1, ruSections: 2, kkItems: 2, ruItems: 2, kkRow: 4, ruRow: 4 },
          },
        },
      ]);
    });

    it('no items at all', async () => {
      const bytes = await xlsx((workbook) => {
        const sheet = workbook.addWorksheet('План');
        sheet.getRow(10).values = ['№', 'Мероприятие', 'Срок', 'Ответственные'];
        sheet.getRow(11).values = [1, 2, 3, 4];
        sheet.getRow(12).values = ['I. Организационные мероприятия'];
      });
      expect(await refused(bytes)).toEqual([
        { severity: 'error', sheet: 'План', cell: 'B11', message: { key: 'planImport.noItems', params: { sheet: 'План' } } },
      ]);
    });
  });

  it('is refused once a school has reported on the plan, and the plan stays as it was', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    const before = await getPlan(database.db, CAMPAIGN);
    const item = before.items.find((i) => i.forSchools)!;
    await setExecution(database.db, CAMPAIGN, item.id, school.id, { status: 'done', events: 1, participants: 30, description: '' });
    const { name, bytes } = await exported('ru');
    const error = await importPlan(database.db, CAMPAIGN, { name, bytes }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', key: 'plans.replaceHasExecution' });
    expect(await getPlan(database.db, CAMPAIGN)).toEqual(before);
  });
});

describe('the execution report', () => {
  it('counts two schools’ work per item, shows the department’s own status, sums a totals row and marks overdue items', async () => {
    const first = await createSchool(database.db, schoolFields(1));
    const second = await createSchool(database.db, schoolFields(2));
    const plan = await getPlan(database.db, CAMPAIGN);
    const raids = plan.items[5]; // 1–12 June, handed to the schools
    const letters = plan.items[0]; // until 30 May, the department's alone
    await setExecution(database.db, CAMPAIGN, raids.id, first.id, { status: 'done', events: 3, participants: 120, description: 'Классные часы' });
    await setExecution(database.db, CAMPAIGN, raids.id, second.id, { status: 'not_done', events: null, participants: null, description: '' });
    await setOwnExecution(database.db, CAMPAIGN, letters.id, 'done', 'Письма направлены 28 мая');

    const request = await buildExecutionReport(database.db, CAMPAIGN, 'ru', '2025-06-20');
    expect(request.files.map((f) => f.name)).toEqual(['nik-2025-execution-ru-2025-06-20.xlsx']);
    const workbook = await readWorkbook(request.files[0].bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Исполнение']);
    const sheet = workbook.worksheets[0];
    const rows = cells(sheet, 11);
    expect(rows[0][0]).toBe('Итоговая информация о проведении Национальной информационной кампании «12 дней борьбы против эксплуатации детского труда» в 2025 году');
    expect(rows[1][0]).toBe('г. Шахтинск');
    expect(rows.some((row) => row[0] === 'По состоянию на 20.06.2025')).toBe(true);
    const header = rowIndex(rows, '№ п/п');
    expect(rows[header].slice(4)).toEqual(['Назначено школ', 'Выполнили', 'Не выполнили', 'Не приступили', 'Проведено мероприятий', 'Участников', 'Что сделано']);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header + 1}:${header + 2}`);

    const raidsRow = rowIndex(rows, '6.');
    expect(rows[raidsRow].slice(4)).toEqual(['2', '1', '1', '0', '3', '120', 'Школа №1: Классные часы']);
    expect(sheet.getCell(raidsRow + 1, 1).fill).toMatchObject({ fgColor: { argb: 'FFFDE2E2' } });
    const lettersRow = rowIndex(rows, '1.');
    expect(rows[lettersRow].slice(4)).toEqual(['Выполнено', '', '', '', '', '', 'Письма направлены 28 мая']);
    expect(sheet.getCell(lettersRow + 1, 5).isMerged).toBe(true);
    expect(sheet.getCell(lettersRow + 1, 1).fill).not.toMatchObject({ fgColor: { argb: 'FFFDE2E2' } });

    const forSchools = plan.items.filter((item) => item.forSchools).length;
    const totals = rowIndex(rows, 'Итого');
    expect(rows[totals].slice(4, 10)).toEqual([2 * forSchools, 1, 1, 2 * forSchools - 2, 3, 120].map(String));
    const assignedTotal = sheet.getCell(totals + 1, 5).value as ExcelJS.CellFormulaValue;
    expect(assignedTotal.formula).toBe(`SUM(E${header + 3}:E${totals})`);
  });

  it('writes both languages as two sheets, Kazakh first', async () => {
    const request = await buildExecutionReport(database.db, CAMPAIGN, 'both', '2025-06-20');
    expect(request.files[0].name).toBe('nik-2025-execution-kk-ru-2025-06-20.xlsx');
    const workbook = await readWorkbook(request.files[0].bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Орындалуы', 'Исполнение']);
    const rows = cells(workbook.worksheets[0], 11);
    expect(rows[0][0]).toBe('2025 жылғы «Бала еңбегін қанауға қарсы 12 күн» Ұлттық ақпараттық науқанын өткізу туралы қорытынды ақпарат');
    expect(rows.some((row) => row[0] === 'Барлығы')).toBe(true);
    expect(rows.filter((row) => /^\d+\.$/.test(row[0]))).toHaveLength(19);
  });
});
