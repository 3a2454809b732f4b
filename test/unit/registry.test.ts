// The school registry: importing real .xlsx files in Russian, Kazakh or the app's bilingual template,
// and adding, editing and closing schools one by one.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binCheckDigit } from '../../shared/bin.ts';
import { SCHOOL_TYPES, type School } from '../../shared/domain.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { AppError } from '../../main/errors.ts';
import { registryTemplate } from '../../main/excel/writers/registry-template.ts';
import { createSchool, importRegistry, listSchools, setSchoolActive, updateSchool } from '../../main/services/schools.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.remove());

async function sheetBytes(headers: string[], rows: ExcelJS.CellValue[][], sheetName = 'Лист1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function schoolsByBin(): Promise<Map<string, School>> {
  return new Map((await listSchools(database.db)).map((s) => [s.bin, s]));
}

/** What stored schools hold, without ids. */
function stored(school: School | undefined) {
  if (!school) return undefined;
  const { id: _id, ...rest } = school;
  return rest;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const BIN1 = validBin(1);
const BIN2 = validBin(2);
const BIN3 = validBin(3);
const BIN4 = validBin(4);

describe('importRegistry: headers', () => {
  it('reads Russian headers in any order and ignores a column it does not know', async () => {
    const bytes = await sheetBytes(
      ['Примечание', 'Тип', 'Краткое наименование', 'Email', 'БИН', 'Наименование (каз.)', 'Директор', 'Наименование (рус.)', 'Язык обучения', 'Телефон', 'Населённый пункт'],
      [
        ['новая', 'Гимназия', 'Гимназия №1', 'g1@edu.kz', BIN1, '№1 гимназия', 'Ахметова А.', 'КГУ «Гимназия №1»', 'Казахский', '+7 721 56 1 11 11', 'Шахтинск'],
        ['', 'Лицей', 'Лицей', '', BIN2, '', '', 'КГУ «Лицей»', 'Русский', '', 'Шахан'],
      ],
    );
    const result = await importRegistry(database.db, bytes, 'реестр.xlsx');
    expect(result).toEqual({ added: 2, updated: 0, problems: [] });
    const schools = await schoolsByBin();
    expect(stored(schools.get(BIN1))).toEqual({
      bin: BIN1, nameRu: 'КГУ «Гимназия №1»', nameKk: '№1 гимназия', shortName: 'Гимназия №1', type: 'gymnasium',
      locality: 'Шахтинск', director: 'Ахметова А.', phone: '+7 721 56 1 11 11', email: 'g1@edu.kz', language: 'kk', active: true,
    });
    expect(stored(schools.get(BIN2))).toMatchObject({ type: 'lyceum', language: 'ru', nameKk: '', email: '', locality: 'Шахан' });
  });

  it('reads Kazakh headers', async () => {
    const bytes = await sheetBytes(
      ['БСН', 'Атауы (орыс.)', 'Атауы (қаз.)', 'Қысқаша атауы', 'Түрі', 'Елді мекен', 'Оқыту тілі', 'Электрондық пошта'],
      [[BIN1, 'КГУ «ОШ №3»', '«№3 ЖББМ» КММ', '№3 мектеп', 'Шағын жинақты мектеп', 'Долинка', 'Қазақ және орыс', 'm3@edu.kz']],
    );
    expect(await importRegistry(database.db, bytes, 'тізілім.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect(stored((await schoolsByBin()).get(BIN1))).toEqual({
      bin: BIN1, nameRu: 'КГУ «ОШ №3»', nameKk: '«№3 ЖББМ» КММ', shortName: '№3 мектеп', type: 'small',
      locality: 'Долинка', director: '', phone: '', email: 'm3@edu.kz', language: 'kk_ru', active: true,
    });
  });

  it('matches headers whatever their case, spaces, dots and ё', async () => {
    const bytes = await sheetBytes(
      ['  бин ', 'НАИМЕНОВАНИЕ  (РУС)', 'краткое   наименование', ' тип ', 'Населенный пункт', 'E-mail', 'язык  обучения.'],
      [[BIN1, 'КГУ «СОШ №5»', 'СОШ №5', 'общеобразовательная школа', 'Шахтинск', 's5@edu.kz', 'русский']],
    );
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect(stored((await schoolsByBin()).get(BIN1))).toMatchObject({
      nameRu: 'КГУ «СОШ №5»', shortName: 'СОШ №5', type: 'general', locality: 'Шахтинск', email: 's5@edu.kz', language: 'ru',
    });
  });

  it('reads back its own bilingual template once a district has filled it in', async () => {
    const workbook = registryTemplate();
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'БИН / БСН', 'Наименование (рус.) / Атауы (орыс.)', 'Наименование (каз.) / Атауы (қаз.)', 'Краткое наименование / Қысқаша атауы',
      'Тип / Түрі', 'Населённый пункт / Елді мекен', 'Директор / Директор', 'Телефон / Телефон', 'Email / Email', 'Язык обучения / Оқыту тілі',
    ]);
    sheet.addRow({ bin: BIN1, nameRu: 'КГУ «Школа-гимназия №2»', nameKk: '«№2 мектеп-гимназия» КММ', shortName: 'ШГ №2', type: 'Школа-гимназия', locality: 'Шахтинск', director: 'Иванов И.', phone: '56-22-22', email: 'sg2@edu.kz', language: 'Қазақ' });
    sheet.addRow({ bin: BIN2, shortName: 'МКШ Новодолинка', type: 'МКШ', language: 'other' });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    expect(await importRegistry(database.db, bytes, 'jinaq-schools.xlsx')).toEqual({ added: 2, updated: 0, problems: [] });
    const schools = await schoolsByBin();
    expect(stored(schools.get(BIN1))).toEqual({
      bin: BIN1, nameRu: 'КГУ «Школа-гимназия №2»', nameKk: '«№2 мектеп-гимназия» КММ', shortName: 'ШГ №2', type: 'school_gymnasium',
      locality: 'Шахтинск', director: 'Иванов И.', phone: '56-22-22', email: 'sg2@edu.kz', language: 'kk', active: true,
    });
    expect(stored(schools.get(BIN2))).toMatchObject({ shortName: 'МКШ Новодолинка', nameRu: '', type: 'small', language: 'other' });
  });
});

describe('importRegistry: values', () => {
  it.each([
    ['гимназия', 'gymnasium'],
    ['Гимназия', 'gymnasium'],
    ['Малокомплектная школа', 'small'],
    ['МКШ', 'small'],
    ['мкш', 'small'],
    ['ШЖМ', 'small'],
    ['Шағын жинақты мектеп', 'small'],
    ['Small rural school', 'small'],
    ['СОШ', 'general'],
    ['Жалпы білім беретін мектеп', 'general'],
    ['Общеобразовательная школа', 'general'],
    ['Лицей', 'lyceum'],
    ['Мектеп-гимназия', 'school_gymnasium'],
    ['школа гимназия', 'school_gymnasium'],
    ['Другое', 'other'],
    ['Басқа', 'other'],
    ['school_gymnasium', 'school_gymnasium'],
  ])('type %j → %s', async (typed, type) => {
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Тип'], [[BIN1, 'Школа', typed]]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(BIN1)?.type).toBe(type);
  });

  it.each([
    ['Қазақ', 'kk'],
    ['Қазақ тілі', 'kk'],
    ['казахский', 'kk'],
    ['Орыс тілі', 'ru'],
    ['Русский', 'ru'],
    ['каз/рус', 'kk_ru'],
    ['Қазақ және орыс тілдері', 'kk_ru'],
    ['смешанный', 'kk_ru'],
  ])('language %j → %s', async (typed, language) => {
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Язык обучения'], [[BIN1, 'Школа', typed]]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(BIN1)?.language).toBe(language);
  });

  // The Kazakh abbreviation of «жалпы білім беретін мектеп» is ЖББМ (as in «№3 ЖББМ» КММ).
  it('type "ЖББМ" (жалпы білім беретін мектеп) → general', async () => {
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Тип'], [[BIN1, 'Школа', 'ЖББМ']]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(BIN1)?.type).toBe('general');
  });

  // The README lists the types as «малокомплектная школа (МКШ)»: a name with its abbreviation is one type.
  it.each([
    ['малокомплектная школа (МКШ)', 'small'],
    ['Малокомплектная школа(МКШ)', 'small'],
    ['шағын жинақты мектеп (ШЖМ)', 'small'],
    ['общеобразовательная школа (СОШ)', 'general'],
    ['жалпы білім беретін мектеп (ЖББМ)', 'general'],
  ])('type with its abbreviation %j → %s', async (typed, type) => {
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Тип'], [[BIN1, 'Школа', typed]]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(BIN1)?.type).toBe(type);
  });

  it('refuses a name and an abbreviation that disagree, and takes one that agrees', async () => {
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Тип'], [[BIN1, 'Школа', 'гимназия (МКШ)'], [BIN2, 'МКШ', 'Малокомплектная школа (МКШ)']]);
    const result = await importRegistry(database.db, bytes, 'r.xlsx');
    expect(result.problems).toEqual([{ row: 2, message: { key: 'registry.rowUnknownType', params: { row: 2, value: 'гимназия (МКШ)' } } }]);
    expect(result.added).toBe(1);
  });

  // The message refusing a type lists the allowed ones; each of them, as written there, is accepted.
  it.each(['ru', 'kk'] as const)('every type the %s refusal lists is accepted as written', async (lng) => {
    const text = formatMessage(tFor(lng), { key: 'registry.rowUnknownType', params: { row: 2, value: 'колледж' } });
    const listed = text.slice(text.lastIndexOf(':') + 1).split(',').map((type) => type.trim());
    expect(listed).toHaveLength(SCHOOL_TYPES.length);
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Тип'], listed.map((type, i) => [validBin(i + 1), `Школа ${i}`, type]));
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: listed.length, updated: 0, problems: [] });
    expect(new Set((await listSchools(database.db)).map((school) => school.type))).toEqual(new Set(SCHOOL_TYPES));
  });

  it('stores the good rows and reports each bad row with its number, key and parameters', async () => {
    const badCheck = `${BIN3.slice(0, 11)}${(Number(BIN3[11]) + 1) % 10}`;
    const bytes = await sheetBytes(
      ['БИН', 'Краткое наименование', 'Тип', 'Email', 'Язык обучения'],
      [
        [BIN1, 'Школа №1', 'СОШ', 'one@edu.kz', 'Казахский'], //          row 2: good
        ['', 'Без БИН', 'СОШ', '', ''], //                                  row 3
        [badCheck, 'Опечатка', 'СОШ', '', ''], //                           row 4
        ['0409 4000', 'Короткий', 'СОШ', '', ''], //                        row 5
        [BIN2, 'Колледж', 'колледж', '', ''], //                            row 6
        [BIN4, 'Почта', 'СОШ', 'school at edu.kz', ''], //                  row 7
        [BIN1, 'Повтор', 'СОШ', '', ''], //                                 row 8
        [BIN3, 'Язык', 'СОШ', '', 'немецкий'], //                           row 9
        [BIN2.replace(/(\d{4})(\d{4})/, '$1 $2 '), 'Школа №2', 'Лицей', '', 'Русский'], // row 10: good, typed with spaces
      ],
    );
    const result = await importRegistry(database.db, bytes, 'r.xlsx');
    expect(result.added).toBe(2);
    expect(result.updated).toBe(0);
    expect(result.problems).toEqual([
      { row: 3, message: { key: 'registry.rowMissingBin', params: { row: 3 } } },
      { row: 4, message: { key: 'registry.rowBin', params: { row: 4, value: badCheck, problem: 'checksum' } } },
      { row: 5, message: { key: 'registry.rowBin', params: { row: 5, value: '04094000', problem: 'format' } } },
      { row: 6, message: { key: 'registry.rowUnknownType', params: { row: 6, value: 'колледж' } } },
      { row: 7, message: { key: 'registry.rowBadEmail', params: { row: 7, value: 'school at edu.kz' } } },
      { row: 8, message: { key: 'registry.rowRepeated', params: { row: 8, bin: BIN1, first: 2 } } },
      { row: 9, message: { key: 'registry.rowUnknownLanguage', params: { row: 9, value: 'немецкий' } } },
    ]);
    const schools = await schoolsByBin();
    expect([...schools.keys()].sort()).toEqual([BIN1, BIN2].sort());
    expect(schools.get(BIN1)).toMatchObject({ shortName: 'Школа №1', email: 'one@edu.kz', language: 'kk' });
    expect(schools.get(BIN2)).toMatchObject({ shortName: 'Школа №2', type: 'lyceum', language: 'ru' });
  });

  it('reads a БИН that Excel stored as a number', async () => {
    const bin = `95074043210${binCheckDigit('95074043210')}`;
    const bytes = await sheetBytes(['БИН', 'Краткое наименование'], [[Number(bin), 'Школа-число']]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(bin)?.shortName).toBe('Школа-число');
  });

  it('gives back the leading zero Excel drops from a БИН stored as a number', async () => {
    const bin = `04094000001${binCheckDigit('04094000001')}`;
    const bytes = await sheetBytes(['БИН', 'Краткое наименование'], [[Number(bin), 'Школа 2004 года']]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(bin)?.shortName).toBe('Школа 2004 года');
  });

  it('takes the full name as the short name when there is no short name', async () => {
    const bytes = await sheetBytes(['БИН', 'Наименование (каз.)'], [[BIN1, '«№7 мектеп» КММ']]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 0, problems: [] });
    expect((await schoolsByBin()).get(BIN1)).toMatchObject({ shortName: '«№7 мектеп» КММ', nameKk: '«№7 мектеп» КММ', type: 'general', language: 'kk' });
  });

  it('updates a school it already has, keeping what the file leaves out, without a second row', async () => {
    const existing = await createSchool(database.db, schoolFields(1, { type: 'lyceum', director: 'Старый директор', language: 'ru' }));
    const bytes = await sheetBytes(['БИН', 'Краткое наименование', 'Директор'], [[BIN1, 'Лицей №1', 'Новый директор'], [BIN2, 'Школа №2', '']]);
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({ added: 1, updated: 1, problems: [] });
    const schools = await listSchools(database.db);
    expect(schools).toHaveLength(2);
    const updated = schools.find((s) => s.bin === BIN1)!;
    expect(updated).toEqual({ ...existing, shortName: 'Лицей №1', director: 'Новый директор' });
  });
});

describe('importRegistry: files it cannot read', () => {
  it('says a file that is not a workbook is not one', async () => {
    const bytes = new TextEncoder().encode('БИН;Наименование\n040940000019;Школа\n');
    expect(await importRegistry(database.db, bytes, 'schools.csv')).toEqual({
      added: 0, updated: 0, problems: [], fileProblem: { key: 'registry.notWorkbook', params: { file: 'schools.csv' } },
    });
  });

  it('names the sheet and the missing column when there is no БИН column', async () => {
    const bytes = await sheetBytes(['Наименование (рус.)', 'Тип'], [['КГУ «СОШ №1»', 'СОШ']], 'Школы');
    expect(await importRegistry(database.db, bytes, 'r.xlsx')).toEqual({
      added: 0, updated: 0, problems: [],
      fileProblem: { key: 'registry.missingColumns', params: { file: 'r.xlsx', sheet: 'Школы', columns: 'БСН / БИН' } },
    });
    expect(await listSchools(database.db)).toEqual([]);
  });

  it('finds the registry on a later sheet when the first one has no БИН column', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Инструкция').addRow(['Заполните лист «Реестр»']);
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['Краткое наименование', 'БИН']);
    sheet.addRow(['Школа №1', BIN1]);
    const result = await importRegistry(database.db, new Uint8Array(await workbook.xlsx.writeBuffer()), 'r.xlsx');
    expect(result).toEqual({ added: 1, updated: 0, problems: [] });
  });
});

describe('schools one by one', () => {
  it('lists schools in the order people count them: №2 before №10', async () => {
    for (const [n, shortName] of [[1, 'СОШ №10'], [2, 'СОШ №2'], [3, 'Гимназия №1'], [4, 'СОШ №1']] as const) {
      await createSchool(database.db, schoolFields(n, { shortName }));
    }
    expect((await listSchools(database.db)).map((school) => school.shortName)).toEqual(['Гимназия №1', 'СОШ №1', 'СОШ №2', 'СОШ №10']);
  });

  it('stores a БИН typed with spaces, dashes or NBSP normalized', async () => {
    const spaced = `${BIN1.slice(0, 4)} ${BIN1.slice(4, 8)}\u00a0${BIN1.slice(8)}`;
    const school = await createSchool(database.db, schoolFields(1, { bin: spaced }));
    expect(school.bin).toBe(BIN1);
    expect(school.active).toBe(true);
    const other = await createSchool(database.db, schoolFields(2, { bin: `${BIN2.slice(0, 6)}-${BIN2.slice(6)}` }));
    expect(other.bin).toBe(BIN2);
  });

  it('refuses a БИН already in the registry, however it is typed', async () => {
    await createSchool(database.db, schoolFields(1, { shortName: 'Первая' }));
    const error = await rejection(createSchool(database.db, schoolFields(2, { bin: ` ${BIN1.slice(0, 6)} ${BIN1.slice(6)} ` })));
    expect(error).toMatchObject({ code: 'conflict', key: 'schools.duplicateBin', params: { bin: BIN1, name: 'Первая' } });
    expect(await listSchools(database.db)).toHaveLength(1);
  });

  it.each([
    ['04094000001', 'bin.format'],
    ['041340000019', 'bin.month'],
    ['040930000019', 'bin.kind'],
    ['040944000019', 'bin.attribute'],
    [`${BIN1.slice(0, 11)}${(Number(BIN1[11]) + 1) % 10}`, 'bin.checksum'],
  ])('refuses the invalid БИН %s with %s', async (bin, key) => {
    const error = await rejection(createSchool(database.db, schoolFields(1, { bin })));
    expect(error).toMatchObject({ code: 'invalid_input', key });
    expect(await listSchools(database.db)).toEqual([]);
  });

  it('refuses missing names and a bad email', async () => {
    await expect(rejection(createSchool(database.db, schoolFields(1, { nameRu: '', nameKk: '' })))).resolves.toMatchObject({ code: 'invalid_input', key: 'schools.nameRequired' });
    await expect(rejection(createSchool(database.db, schoolFields(1, { shortName: '' })))).resolves.toMatchObject({ code: 'invalid_input', key: 'schools.shortNameRequired' });
    await expect(rejection(createSchool(database.db, schoolFields(1, { email: 'director@' })))).resolves.toMatchObject({
      code: 'invalid_input', key: 'schools.badEmail', params: { email: 'director@' },
    });
  });

  it('updates a school, and refuses to give it the БИН of another one', async () => {
    const first = await createSchool(database.db, schoolFields(1));
    const second = await createSchool(database.db, schoolFields(2, { shortName: 'Вторая' }));
    const renamed = await updateSchool(database.db, first.id, schoolFields(1, { shortName: 'Первая', type: 'gymnasium' }));
    expect(renamed).toEqual({ ...first, shortName: 'Первая', type: 'gymnasium' });

    const error = await rejection(updateSchool(database.db, first.id, schoolFields(1, { bin: second.bin })));
    expect(error).toMatchObject({ code: 'conflict', key: 'schools.duplicateBin', params: { bin: second.bin, name: 'Вторая' } });
    expect((await schoolsByBin()).get(BIN1)?.shortName).toBe('Первая');

    const missing = await rejection(updateSchool(database.db, 999, schoolFields(9)));
    expect(missing).toMatchObject({ code: 'not_found', key: 'schools.notFound' });
  });

  it('closes and reopens a school; a closed school stays in the full list only', async () => {
    const school = await createSchool(database.db, schoolFields(1));
    expect(await setSchoolActive(database.db, school.id, false)).toEqual({ ...school, active: false });
    expect(await listSchools(database.db, false)).toEqual([]);
    expect((await listSchools(database.db, true)).map((s) => s.bin)).toEqual([BIN1]);
    expect(await setSchoolActive(database.db, school.id, true)).toEqual(school);
    expect(await rejection(setSchoolActive(database.db, 404, false))).toMatchObject({ code: 'not_found', key: 'schools.notFound' });
  });
});
