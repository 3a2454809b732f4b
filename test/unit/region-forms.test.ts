// A form from the region's own workbook (issue 19, point 1): eight region forms laid out as управления lay them out,
// each read into the form written down here by hand — codes, labels in both languages, types, the grid's shape, the
// totals' rules, the closed cells, where each row and column came from — and the file that is no form refused.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_REJECTED, runCli } from '../../main/cli.ts';
import { loadWorkbook } from '../../main/excel/intake/open-workbook.ts';
import { readRegionForm, type RegionFormReading } from '../../main/excel/intake/region-form-reader.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { getForm } from '../../main/services/forms.ts';
import { formProblems } from '../../shared/forms/check.ts';
import { formFileSchema } from '../../shared/forms/schema.ts';
import type { FormDefinition, GridTable, RegionFormProposal } from '../../shared/forms/types.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { apiContextFor, callApi, tempDatabase, tempDir } from '../helpers/db.ts';
import * as regionForms from '../helpers/region-forms.ts';
import { registryWorkbook, schoolFields } from '../helpers/schools.ts';
import { fillTemplate } from '../helpers/workbooks.ts';

async function read(make: () => Promise<Buffer>, fileName: string, options: { sheet?: string; id?: string } = {}): Promise<RegionFormReading> {
  const workbook = await loadWorkbook(await make());
  return readRegionForm(workbook!, { fileName, ...options });
}

async function formOf(make: () => Promise<Buffer>, fileName = 'region.xlsx'): Promise<{ form: FormDefinition; notes: string[] }> {
  const reading = await read(make, fileName);
  if (!reading.ok) throw new Error(`refused: ${formatMessage(tFor('ru'), reading.problem)}`);
  expect(formProblems(reading.form)).toEqual([]);
  expect(formFileSchema.safeParse({ format: 'jinaq-form', formatVersion: 1, form: reading.form }).success).toBe(true);
  return { form: reading.form, notes: reading.notes.map((note) => formatMessage(tFor('ru'), note)) };
}

/** One-value rows as [code, ru, kk, type]. */
const rowsOf = (form: FormDefinition) => form.indicators.map((i) => [i.code, i.label.ru, i.label.kk, i.type]);
const gridOf = (form: FormDefinition) => form.tables![0] as GridTable;
const same = (text: string) => ({ ru: text, kk: text });

describe('a form from the region workbook', () => {
  it('(a) one header row, codes «01…» in a column, one value column: one-value rows R01…, the file codes kept, title and letter lines and signature left out', async () => {
    const { form, notes } = await formOf(regionForms.oneLevelWithCodes, 'Летний отдых 2027.xlsx');
    expect(form).toMatchObject({ id: 'letnii-otdykh-2027', version: 1, title: same('Сведения об охвате детей летним отдыхом по состоянию на 1 июня 2027 года') });
    expect(rowsOf(form)).toEqual([
      ['R01', 'Всего детей школьного возраста в районе', 'Всего детей школьного возраста в районе', 'count'],
      ['R02', 'из них охвачено летним отдыхом', 'из них охвачено летним отдыхом', 'count'],
      ['R03', 'в том числе в пришкольных лагерях', 'в том числе в пришкольных лагерях', 'count'],
      ['R04', 'в загородных лагерях', 'в загородных лагерях', 'count'],
      ['R05', 'Количество пришкольных лагерей', 'Количество пришкольных лагерей', 'count'],
    ]);
    expect(form.rules).toEqual([]);
    expect(form.tables).toBeUndefined();
    expect(form.regionSource).toEqual({
      fileName: 'Летний отдых 2027.xlsx',
      sheet: 'Отчет',
      rows: {
        R01: { index: 6, text: 'Всего детей школьного возраста в районе', code: '01' },
        R02: { index: 7, text: 'из них охвачено летним отдыхом', code: '02' },
        R03: { index: 8, text: 'в том числе в пришкольных лагерях', code: '03' },
        R04: { index: 9, text: 'в загородных лагерях', code: '04' },
        R05: { index: 10, text: 'Количество пришкольных лагерей', code: '05' },
      },
      columns: { 'main:value': { index: 3, text: 'Количество' } },
    });
    expect(notes).toContain('Шапка таблицы: строки 5, столбцы A–C');
    expect(notes).toContain('Наименования только на русском: они поставлены и в казахский текст формы — переведите их в редакторе форм');
    expect(notes).toContain('Ни одна строка не отмечена обязательной: отметьте обязательные в редакторе форм');
    expect(notes).toContain('Строки вне таблицы (название, реквизиты письма, подпись) в форму не вошли: 1, 2, 3, 12, 13');
  });

  it('(b) two header rows with merged captions, графа numbers «А Б 1…5», a grid; shaded and «X» cells closed', async () => {
    const { form, notes } = await formOf(regionForms.twoLevelGrid);
    expect(form.indicators).toEqual([]);
    expect(form.rules).toEqual([]);
    const grid = gridOf(form);
    expect(grid).toMatchObject({ kind: 'grid', id: 't1', title: same('Сведения о контингенте обучающихся общеобразовательных школ') });
    expect(grid.rows.map((row) => [row.code, row.label.ru])).toEqual([['R01', '1–4 классы'], ['R02', '5–9 классы'], ['R03', '10–11 классы'], ['R04', 'в том числе в вечерних школах']]);
    expect(grid.columns.map((column) => [column.code, column.label.ru, column.type])).toEqual([
      ['1', 'Численность обучающихся / всего', 'count'],
      ['2', 'Численность обучающихся / из них девочек', 'count'],
      ['3', 'Численность обучающихся / из них с особыми образовательными потребностями', 'count'],
      ['4', 'Количество классов-комплектов / всего', 'count'],
      ['5', 'Количество классов-комплектов / малокомплектные', 'count'],
    ]);
    expect(grid.closed).toEqual(['R04.3', 'R04.4', 'R04.5']);
    expect(form.regionSource!.rows.R04).toEqual({ index: 10, text: 'в том числе в вечерних школах', code: '04' });
    expect(form.regionSource!.columns).toEqual({
      't1:1': { index: 3, text: 'Численность обучающихся / всего', code: '1' },
      't1:2': { index: 4, text: 'Численность обучающихся / из них девочек', code: '2' },
      't1:3': { index: 5, text: 'Численность обучающихся / из них с особыми образовательными потребностями', code: '3' },
      't1:4': { index: 6, text: 'Количество классов-комплектов / всего', code: '4' },
      't1:5': { index: 7, text: 'Количество классов-комплектов / малокомплектные', code: '5' },
    });
    expect(notes).toContain('Шапка таблицы: строки 4–5, столбцы A–G');
    expect(notes).toContain('Строка 6 — номера граф');
    expect(notes).toContain('Закрытые ячейки (закрашены или «X»): 3 — R04.3, R04.4, R04.5');
  });

  it('(c) «№ п/п» numbering 1., 2., 2.1 made into codes, 2 at least 2.1 + 2.2; yes/no and money told by the labels\' words', async () => {
    const { form, notes } = await formOf(regionForms.numberedNoCodes);
    expect(rowsOf(form).map(([code, ru, , type]) => [code, ru, type])).toEqual([
      ['R01', 'Количество педагогов-психологов', 'count'],
      ['R02', 'Количество социальных педагогов', 'count'],
      ['R02_1', 'из них со стажем до 3 лет', 'count'],
      ['R02_2', 'из них со стажем более 10 лет', 'count'],
      ['R03', 'Наличие программы профилактики суицида (да/нет)', 'yesno'],
      ['R04', 'Сумма средств на повышение квалификации, тенге', 'money'],
    ]);
    expect(Object.values(form.regionSource!.rows).map((place) => place.code)).toEqual(['1.', '2.', '2.1', '2.2', '3.', '4.']);
    expect(form.rules).toEqual([{ id: 'T1', text: 'R02 >= R02_1 + R02_2', severity: 'error', missing: 'skipIfAnyBlank' }]);
    expect(notes).toContain('Строка 7 включает строки, пронумерованные под ней: правило R02 >= R02_1 + R02_2');
    expect(form.title).toEqual(same('Информация о кадровом обеспечении психологической службы'));
    expect(notes).toContain('«Наличие программы профилактики суицида (да/нет)» — да / нет (по «да/нет»)');
  });

  it('(d) an «Итого» row and a «Всего» column become rules: the row sums the rows above it, the column the графы left of it', async () => {
    const { form, notes } = await formOf(regionForms.totalsRowAndColumn);
    const grid = gridOf(form);
    expect(grid.rows.map((row) => [row.code, row.label.ru])).toEqual([
      ['R01', 'Дети из многодетных семей'],
      ['R02', 'Дети-сироты и дети, оставшиеся без попечения родителей'],
      ['R03', 'Дети из семей, получающих адресную социальную помощь'],
      ['R04', 'Итого'],
    ]);
    expect(grid.columns.map((column) => [column.code, column.label.ru])).toEqual([['1', 'Городская местность'], ['2', 'Сельская местность'], ['3', 'Всего']]);
    expect(grid.closed).toBeUndefined();
    expect(form.rules.map((rule) => [rule.text, rule.severity])).toEqual([
      ['R04.* = R01.* + R02.* + R03.*', 'error'],
      ['*.3 = *.1 + *.2', 'error'],
    ]);
    expect(form.regionSource!.rows.R04).toEqual({ index: 8, text: 'Итого' });
    expect(notes).toContain('Строка 8 — итоговая: правило R04.* = R01.* + R02.* + R03.*');
    expect(notes).toContain('Столбец E — итоговый: правило *.3 = *.1 + *.2');
  });

  it('(e) labels in a Russian and a Kazakh column: each language from its column, the value caption «рус / каз» split', async () => {
    const { form, notes } = await formOf(regionForms.twoLanguageColumns);
    expect(form.title).toEqual({ ru: 'Сведения об организации питания в школах', kk: 'Мектептерде тамақтандыруды ұйымдастыру туралы мәлімет' });
    expect(rowsOf(form)).toEqual([
      ['R01', 'Количество школ со столовой', 'Асханасы бар мектептер саны', 'count'],
      ['R02', 'Охвачено горячим питанием учащихся', 'Ыстық тамақпен қамтылған оқушылар', 'count'],
      ['R03', 'из них бесплатным питанием', 'оның ішінде тегін тамақпен', 'count'],
    ]);
    expect(form.regionSource!.columns).toEqual({ 'main:value': { index: 4, text: 'Значение / Мәні' } });
    expect(notes).toContain('Наименования строк — из столбцов B, C');
    expect(notes.some((note) => note.startsWith('Наименования только'))).toBe(false);
  });

  it('(f) a units column: units in both languages, money by «тенге», a date by the cell\'s number format; «рус / каз» labels split', async () => {
    const { form, notes } = await formOf(regionForms.unitsColumn);
    expect(form.indicators).toEqual([
      { code: 'R01', label: { ru: 'Охвачено детей', kk: 'Қамтылған балалар' }, type: 'count', required: false, unit: { ru: 'чел.', kk: 'адам' } },
      { code: 'R02', label: { ru: 'Выделено средств', kk: 'Бөлінген қаражат' }, type: 'money', required: false, unit: { ru: 'тенге', kk: 'теңге' } },
      { code: 'R03', label: { ru: 'Проведено рейдов', kk: 'Өткізілген рейдтер' }, type: 'count', required: false, unit: { ru: 'ед.', kk: 'бірл.' } },
      { code: 'R04', label: { ru: 'Завершение акции', kk: 'Акцияның аяқталуы' }, type: 'date', required: false },
    ]);
    expect(notes).toContain('Единицы измерения — из столбца C («Ед. изм. / Өлш. бірл.»)');
    expect(notes).toContain('«Завершение акции» — дата (по «dd.mm.yyyy»)');
  });

  it('(g) a sheet in Kazakh only: «Р/с» codes, the «Барлығы» row summing the rows above it', async () => {
    const { form, notes } = await formOf(regionForms.kazakhOnly, 'Жазғы демалыс.xlsx');
    expect(form.id).toBe('zhazgy-demalys');
    expect(form.title).toEqual(same('Балалардың жазғы демалысы туралы мәліметтер'));
    expect(rowsOf(form)).toEqual([
      ['R01', 'Қала сыртындағы лагерьлерде демалған балалар', 'Қала сыртындағы лагерьлерде демалған балалар', 'count'],
      ['R02', 'Мектеп жанындағы лагерьлерде демалған балалар', 'Мектеп жанындағы лагерьлерде демалған балалар', 'count'],
      ['R03', 'Шипажайларда демалған балалар', 'Шипажайларда демалған балалар', 'count'],
      ['R04', 'Барлығы', 'Барлығы', 'count'],
    ]);
    expect(form.rules).toEqual([{ id: 'T1', text: 'R04 = R01 + R02 + R03', severity: 'error' }]);
    expect(form.regionSource!.rows.R04).toEqual({ index: 8, text: 'Барлығы' });
    expect(notes).toContain('Наименования только на казахском: они поставлены и в русский текст формы — переведите их в редакторе форм');
    const kk = (await read(regionForms.kazakhOnly, 'Жазғы демалыс.xlsx')) as Extract<RegionFormReading, { ok: true }>;
    expect(kk.notes.map((note) => formatMessage(tFor('kk'), note))).toContain('Атаулар тек қазақ тілінде: олар нысанның орысша мәтініне де қойылды — нысандар редакторында аударыңыз');
  });

  it('(h) one row per organisation: each indicator column a row of the form, the school rows remembered', async () => {
    const { form, notes } = await formOf(regionForms.schoolsAsRows);
    expect(rowsOf(form)).toEqual([
      ['R01', 'Количество педагогов', 'Количество педагогов', 'count'],
      ['R02', 'из них с высшей категорией', 'из них с высшей категорией', 'count'],
      ['R03', 'Потребность в педагогах (вакансии)', 'Потребность в педагогах (вакансии)', 'count'],
    ]);
    expect(form.regionSource).toEqual({
      fileName: 'region.xlsx',
      sheet: 'По школам',
      rows: {},
      columns: {
        'main:R01': { index: 3, text: 'Количество педагогов' },
        'main:R02': { index: 4, text: 'из них с высшей категорией' },
        'main:R03': { index: 5, text: 'Потребность в педагогах (вакансии)' },
      },
      schoolRows: { firstRow: 5, numberColumn: 1, nameColumn: 2 },
    });
    expect(notes).toContain('Таблица по одной строке на организацию (со строки 5, наименования в столбце B): показатели её столбцов (их 3) стали строками формы — каждая школа заполняет их, район — свою строку таблицы');
  });

  it('(i) three header rows «каз / рус», графы numbered over the code and name columns too, a «Всего» broken down «в том числе», «Барлығы / Итого» over the top-level rows', async () => {
    const { form, notes } = await formOf(regionForms.threeLevelBilingual);
    expect(form.title).toEqual({ ru: 'Сведения о компьютерах в организациях образования', kk: 'Білім беру ұйымдарындағы компьютерлер туралы мәлімет' });
    const grid = gridOf(form);
    expect(grid.rows.map((row) => [row.code, row.label.ru, row.label.kk])).toEqual([
      ['R01', 'Городские школы', 'Қалалық мектептер'],
      ['R01_1', 'в том числе гимназии', 'оның ішінде гимназиялар'],
      ['R01_2', 'в том числе лицеи', 'оның ішінде лицейлер'],
      ['R02', 'Сельские школы', 'Ауылдық мектептер'],
      ['R05', 'Итого', 'Барлығы'],
    ]);
    expect(grid.columns.map((column) => [column.code, column.label.ru, column.label.kk])).toEqual([
      ['3', 'Количество компьютеров / Всего', 'Компьютерлер саны / Барлығы'],
      ['4', 'Количество компьютеров / в том числе / стационарные', 'Компьютерлер саны / оның ішінде / стационарлық'],
      ['5', 'Количество компьютеров / в том числе / ноутбуки', 'Компьютерлер саны / оның ішінде / ноутбуктер'],
      ['6', 'Количество компьютеров / Подключено к интернету / 2026', 'Компьютерлер саны / Интернетке қосылған / 2026'],
      ['7', 'Количество компьютеров / Подключено к интернету / 2027', 'Компьютерлер саны / Интернетке қосылған / 2027'],
    ]);
    expect(form.rules).toEqual([
      { id: 'T1', text: 'R05.* = R01.* + R02.*', severity: 'error' },
      { id: 'T2', text: 'R01.* >= R01_1.* + R01_2.*', severity: 'error', missing: 'skipIfAnyBlank' },
      { id: 'T3', text: '*.3 >= *.4 + *.5', severity: 'error', missing: 'skipIfAnyBlank' },
    ]);
    expect(notes).toContain('Столбец C включает графы «в том числе» справа от него: правило *.3 >= *.4 + *.5');
    expect(form.regionSource!.rows.R01_2).toEqual({ index: 11, text: 'оның ішінде лицейлер / в том числе лицеи', code: '1.2' });
    expect(form.regionSource!.columns['t1:6']).toEqual({ index: 6, text: 'Компьютерлер саны / Количество компьютеров / Интернетке қосылған / Подключено к интернету / 2026', code: '6' });
    expect(notes).toContain('Шапка таблицы: строки 5–7, столбцы A–G');
    expect(notes).toContain('Строки вне таблицы (название, реквизиты письма, подпись) в форму не вошли: 1, 2, 3, 16');
    expect(notes.some((note) => note.startsWith('Наименования только'))).toBe(false);
  });

  it('(j) Latin codes kept (a Cyrillic «З» read as Z), rows that start like a signature read on, money by the number format, date and notes by their words', async () => {
    const { form, notes } = await formOf(regionForms.paymentsByFormat);
    const grid = gridOf(form);
    expect(grid.rows.map((row) => [row.code, row.label.ru])).toEqual([
      ['Z01', 'Директорам школ'],
      ['Z02', 'Заместителям директоров по воспитательной работе'],
      ['Z03', 'Классным руководителям'],
    ]);
    expect(grid.columns.map((column) => [column.code, column.label.ru, column.type])).toEqual([
      ['1', 'Значение показателя', 'money'],
      ['2', 'Дата выплаты', 'date'],
      ['3', 'Количество получателей', 'count'],
      ['4', 'Примечание', 'text'],
    ]);
    expect(form.regionSource!.rows.Z02).toEqual({ index: 5, text: 'Заместителям директоров по воспитательной работе', code: 'З02' });
    expect(notes).toContain('«Значение показателя» — сумма в тенге (по «#,##0.00»)');
    expect(notes).toContain('Наименования строк — из столбцов B');
  });

  it('(k) a statistics form\'s layout: the «Код строки» column\'s codes, not the «№ п/п» beside them; «Всего» at least its «в том числе» графы', async () => {
    const { form } = await formOf(regionForms.statisticsLayout);
    const grid = gridOf(form);
    expect(grid.rows.map((row) => [row.code, row.label.ru])).toEqual([
      ['R0100', 'Количество организаций'],
      ['R0200', 'Количество мест'],
      ['R0300', 'Контингент воспитанников'],
      ['R0310', 'из них дети до 3 лет'],
    ]);
    expect(grid.columns.map((column) => [column.code, column.label.ru])).toEqual([['1', 'Всего'], ['2', 'в том числе / государственные'], ['3', 'в том числе / частные']]);
    expect(form.rules.map((rule) => rule.text)).toEqual(['*.1 >= *.2 + *.3']);
    expect(form.regionSource!.rows.R0310).toEqual({ index: 10, text: 'из них дети до 3 лет', code: '0310' });
    expect(form.regionSource!.columns['t1:1']).toEqual({ index: 4, text: 'Всего', code: '1' });
  });

  it('refuses a sheet that is no form, saying what was missing; names the sheets when the one asked for is not there', async () => {
    const letter = await read(regionForms.letterOnly, 'Письмо.xlsx');
    expect(letter.ok).toBe(false);
    expect(!letter.ok && formatMessage(tFor('ru'), letter.problem)).toBe(
      'В файле «Письмо.xlsx» на листе «Письмо» не найдена шапка таблицы — строка с заголовками столбцов («Код», «Наименование показателя», …). Укажите лист с формой (--sheet)',
    );
    const refusal = async (make: () => Promise<Buffer>) => {
      const reading = await read(make, 'a.xlsx');
      return !reading.ok && formatMessage(tFor('ru'), reading.problem);
    };
    expect(await refusal(regionForms.namesOnly)).toBe('В файле «a.xlsx» на листе «Список» в шапке (строки 1) нет ни одного столбца для значений');
    expect(await refusal(regionForms.headerOnly)).toBe('В файле «a.xlsx» на листе «Форма» под шапкой (со строки 3) нет ни одной строки показателей');
    const missing = await read(regionForms.oneLevelWithCodes, 'a.xlsx', { sheet: 'Свод' });
    expect(!missing.ok && formatMessage(tFor('ru'), missing.problem)).toBe('В файле «a.xlsx» нет листа «Свод». Листы файла: Отчет');
    const badId = await read(regionForms.oneLevelWithCodes, 'a.xlsx', { id: 'Плохая' });
    expect(!badId.ok && formatMessage(tFor('ru'), badId.problem)).toBe(
      'Из листа «Отчет» файла «a.xlsx» не получилась годная форма (Идентификатор формы «Плохая»: только латинские строчные буквы, цифры, - и _, начиная с буквы). Создайте форму в редакторе форм',
    );
  });
});

describe('jinaq forms from-xlsx', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  async function jinaq(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([...args, '--db', path.join(dir, 'jinaq.sqlite'), '--lang', 'ru'], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function fileOf(make: () => Promise<Buffer>, name: string): Promise<string> {
    const file = path.join(dir, name);
    writeFileSync(file, await make());
    return file;
  }

  it('prints what it guessed and why, and writes the form file with --out', async () => {
    const xlsx = await fileOf(regionForms.totalsRowAndColumn, 'Свод категорий.xlsx');
    const out = path.join(dir, 'svod.jinaq-form.json');
    const result = await jinaq('forms', 'from-xlsx', xlsx, '--out', out);
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain('Предложена форма svod-kategorii v1: «Численность детей из социально уязвимых категорий семей» — что найдено в файле:');
    expect(result.out).toContain('    Столбец E — итоговый: правило *.3 = *.1 + *.2');
    expect(result.out).toContain(`Записано: ${out}`);
    const file = formFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.form.regionSource).toMatchObject({ fileName: 'Свод категорий.xlsx', sheet: 'Свод' });
    expect((file.form.tables![0] as GridTable).rows).toHaveLength(4);
  });

  it('saves nothing from a file that is no form or a sheet that is not there (exit 1 and the message); finds the form\'s sheet; --dry-run only tells', async () => {
    const xlsx = await fileOf(regionForms.letterOnly, 'Письмо.xlsx');
    const out = path.join(dir, 'letter.jinaq-form.json');
    const result = await jinaq('forms', 'from-xlsx', xlsx, '--out', out);
    expect(result.code).toBe(EXIT_REJECTED);
    expect(result.err).toContain('не найдена шапка таблицы');
    expect(result.err).toContain('Форма не создана, ничего не сохранено.');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse((await jinaq('forms', 'list', '--json')).out)).toHaveLength(3);
    const workbook = await fileOf(regionForms.letterThenForm, 'Письмо и форма.xlsx');
    expect(await jinaq('forms', 'from-xlsx', workbook, '--sheet', 'Свод', '--dry-run')).toMatchObject({
      code: EXIT_REJECTED,
      err: 'В файле «Письмо и форма.xlsx» нет листа «Свод». Листы файла: Письмо, Отчет\nФорма не создана, ничего не сохранено.',
    });
    const found = await jinaq('forms', 'from-xlsx', workbook, '--dry-run');
    expect(found.code).toBe(EXIT_OK);
    expect(found.out.split('\n').slice(0, 2)).toEqual([
      'Предложена форма pismo-i-forma v1: «Сведения об охвате детей летним отдыхом по состоянию на 1 июня 2027 года» — что найдено в файле:',
      '    Лист «Отчет»',
    ]);
    const checked = await jinaq('forms', 'from-xlsx', await fileOf(regionForms.kazakhOnly, 'Есеп.xlsx'), '--dry-run');
    expect(checked.code).toBe(EXIT_OK);
    expect(checked.out).toContain('    Строка 8 — итоговая: правило R04 = R01 + R02 + R03');
    expect(checked.out).toContain('Только проверка (--dry-run): ничего не сохранено.');
    expect(JSON.parse((await jinaq('forms', 'list', '--json')).out)).toHaveLength(3);
  });

  it('without --out adds the form to the database; --id zabota makes it the next «Забота» version, which a new campaign collects', async () => {
    const xlsx = await fileOf(regionForms.oneLevelWithCodes, 'Летний отдых.xlsx');
    const result = await jinaq('forms', 'from-xlsx', xlsx, '--id', 'zabota');
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toContain('Форма добавлена как zabota v3: такой номер версии уже занят другой формой');
    expect(result.out).not.toContain('Кампании собирают формы zabota и nik');
    const own = await jinaq('forms', 'from-xlsx', await fileOf(regionForms.kazakhOnly, 'Жазғы демалыс.xlsx'));
    expect(own.code).toBe(EXIT_OK);
    expect(own.out.split('\n').slice(-2)).toEqual([
      'Форма zhazgy-demalys v1 добавлена',
      'Кампании собирают формы zabota и nik: чтобы кампания собирала эту форму, добавьте её с --id zabota или --id nik — она станет следующей версией',
    ]);
    const { DatabaseSession } = await import('../../main/db/session.ts');
    const session = await DatabaseSession.open(path.join(dir, 'jinaq.sqlite'));
    try {
      const campaign = await createCampaign(session.db, 'zabota', 2027);
      expect([campaign.formId, campaign.formVersion]).toEqual(['zabota', 3]);
      const form = await getForm(session.db, 'zabota', 3);
      expect(form.indicators.map((i) => i.code)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05']);
      expect(form.regionSource?.rows.R01).toEqual({ index: 6, text: 'Всего детей школьного возраста в районе', code: '01' });
    } finally {
      await session.close();
    }
  });

  it('runs a campaign on the region\'s grid form: templates, schools\' files read, a wrong «Итого» refused by its rule, totals summed', async () => {
    const registry = path.join(dir, 'registry.xlsx');
    writeFileSync(registry, await registryWorkbook([1, 2, 3].map((n) => {
      const s = schoolFields(n);
      return [s.bin, s.nameRu, s.nameKk, s.shortName, 'Гимназия', s.locality, s.director, s.phone, s.email];
    })));
    expect((await jinaq('schools', 'import', registry)).code).toBe(EXIT_OK);
    expect((await jinaq('forms', 'from-xlsx', await fileOf(regionForms.totalsRowAndColumn, 'Свод.xlsx'), '--id', 'zabota')).code).toBe(EXIT_OK);
    expect((await jinaq('campaign', 'create', '--kind', 'zabota', '--year', '2027')).out).toBe('zabota-2027');
    const templates = path.join(dir, 'templates');
    expect((await jinaq('templates', '--campaign', 'zabota-2027', '--out', templates)).code).toBe(EXIT_OK);
    // Each school's grid: rows R01–R03 × графы 1, 2 and their «Всего» (графа 3), the «Итого» row R04 their sums.
    const filled = (a: number[], b: number[], c: number[], wrongTotal = 0) => {
      const values: Record<string, number> = {};
      [a, b, c].forEach(([urban, rural], i) => Object.assign(values, { [`R0${i + 1}.1`]: urban, [`R0${i + 1}.2`]: rural, [`R0${i + 1}.3`]: urban + rural }));
      const urban = a[0] + b[0] + c[0];
      const rural = a[1] + b[1] + c[1];
      return { ...values, 'R04.1': urban + wrongTotal, 'R04.2': rural, 'R04.3': urban + rural + wrongTotal };
    };
    const names = readdirSync(templates).sort();
    const inbox = path.join(dir, 'inbox');
    mkdirSync(inbox);
    const schools = [filled([3, 1], [0, 2], [5, 4]), filled([7, 0], [1, 1], [2, 6]), filled([1, 1], [1, 1], [1, 1], 5)];
    for (const [i, name] of names.entries()) writeFileSync(path.join(inbox, `${i + 1}.xlsx`), await fillTemplate(readFileSync(path.join(templates, name)), schools[i]));
    const imported = await jinaq('import', '--campaign', 'zabota-2027', inbox);
    expect(imported.code).toBe(EXIT_REJECTED);
    expect(imported.out).toContain('Принято: 2, отклонено: 1, повторов: 0');
    expect(imported.out).toContain('Правило T1 не выполнено');
    const { totals } = JSON.parse((await jinaq('summary', '--campaign', 'zabota-2027', '--json')).out);
    expect(totals).toMatchObject({ 'R01.1': 10, 'R01.2': 1, 'R01.3': 11, 'R02.2': 3, 'R03.3': 17, 'R04.1': 18, 'R04.2': 14, 'R04.3': 32 });
  });
});

describe('forms.fromXlsx', () => {
  it('answers the proposal, the notes and the sheets; a refusal with its problem', async () => {
    const database = await tempDatabase();
    try {
      const ctx = apiContextFor(database);
      const file = { name: 'Контингент.xlsx', base64: (await regionForms.twoLevelGrid()).toString('base64') };
      const answer = await callApi<RegionFormProposal>(ctx, 'forms.fromXlsx', { file, id: 'kontingent' });
      expect(answer.problem).toBeNull();
      expect(answer.sheets).toEqual(['Контингент']);
      expect(answer.proposal).toMatchObject({ id: 'kontingent', version: 1, regionSource: { fileName: 'Контингент.xlsx', sheet: 'Контингент' } });
      expect(answer.notes.map((note) => note.key)).toContain('regionForm.closedCells');
      const refused = await callApi<RegionFormProposal>(ctx, 'forms.fromXlsx', { file, sheet: 'Лист2' });
      expect(refused).toMatchObject({ proposal: null, notes: [], problem: { key: 'regionForm.noSheet', params: { file: 'Контингент.xlsx', sheet: 'Лист2', sheets: 'Контингент' } }, sheets: ['Контингент'] });
    } finally {
      await database.remove();
    }
  });

  it('answers a picture of the sheet: its cells, merges, shading, and the row code and графа each row and column became', async () => {
    const database = await tempDatabase();
    try {
      const file = { name: 'Контингент.xlsx', base64: (await regionForms.twoLevelGrid()).toString('base64') };
      const { picture } = await callApi<RegionFormProposal>(apiContextFor(database), 'forms.fromXlsx', { file });
      expect(picture).toMatchObject({ sheet: 'Контингент', rowCount: 13, columnCount: 7 });
      expect(picture!.cells).toHaveLength(13);
      expect(picture!.cells[3].slice(0, 3)).toEqual(['№ строки', 'Показатели', 'Численность обучающихся']);
      expect(picture!.cells[9].slice(0, 2)).toEqual(['04', 'в том числе в вечерних школах']);
      expect(picture!.merges).toContainEqual({ top: 4, left: 3, bottom: 4, right: 5 });
      expect(picture!.shaded).toEqual(expect.arrayContaining(['10:5', '10:6', '10:7']));
      expect(picture!.rowCodes).toEqual({ 7: 'R01', 8: 'R02', 9: 'R03', 10: 'R04' });
      expect(picture!.columnCodes).toEqual({ 3: '1', 4: '2', 5: '3', 6: '4', 7: '5' });
    } finally {
      await database.remove();
    }
  });
});
