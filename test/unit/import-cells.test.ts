// Importing filled «Забота» files cell by cell: what is read as a number, what is refused and where,
// and which files are not this campaign's or this registry's. A refused file is kept, its report is not.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOutcome, School } from '../../shared/domain.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { IDENTITY_SHEET } from '../../main/excel/layout/identity.ts';
import { buildReportTemplate } from '../../main/excel/writers/report-template.ts';
import { workbookBytes } from '../../main/excel/writers/workbook.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import { returnForRevision } from '../../main/services/report-history.ts';
import { createSchool, setSchoolActive } from '../../main/services/schools.ts';
import { getSettings, updateSettings } from '../../main/services/settings.ts';
import { currentStoredValues, tempDatabase } from '../helpers/db.ts';
import { editWorkbook, schoolHeaderCells, valueCellOf, visibleSheet } from '../helpers/edit.ts';
import { schoolFields, validBin } from '../helpers/schools.ts';
import { fillTemplate, readWorkbook, validZabota, type CellInput } from '../helpers/workbooks.ts';

const SHEET = 'Форма - Нысан';
/** Where the template puts each row code's value: row 10 onwards, column D. */
const CELL: Record<string, string> = Object.fromEntries(zabotaV1.indicators.map((indicator, i) => [indicator.code, `D${10 + i}`]));

let database: Awaited<ReturnType<typeof tempDatabase>>;
let school: School;
let template: Uint8Array;
const CAMPAIGN = 'zabota-2027';

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы' });
  school = await createSchool(database.db, schoolFields(1));
  await zabotaV1Campaign(database.db, 2027);
  template = (await buildTemplates(database.db, CAMPAIGN)).files[0].bytes;
});
afterEach(() => database.remove());

async function importOne(bytes: Uint8Array, name = 'report.xlsx'): Promise<ImportOutcome> {
  const [outcome] = await importReports(database.db, CAMPAIGN, [{ name, bytes }]);
  return outcome;
}

async function filled(changes: Record<string, CellInput>): Promise<Buffer> {
  return fillTemplate(template, { ...validZabota(), ...changes });
}

async function reportCount(): Promise<number> {
  return (await database.db.selectFrom('reports').select('id').execute()).length;
}


/** A refused file: no report stored, the file kept byte for byte, the log says 'rejected' with the same issues. */
async function expectRejectedAndKept(bytes: Uint8Array, outcome: ImportOutcome): Promise<void> {
  expect(outcome.status).toBe('rejected');
  expect(outcome.hasWarnings).toBe(false);
  expect(await reportCount()).toBe(0);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const file = await database.db.selectFrom('files').select(['id', 'size', 'bytes']).where('sha256', '=', sha).executeTakeFirst();
  expect(file?.size).toBe(bytes.byteLength);
  expect(Buffer.from(file!.bytes).equals(Buffer.from(bytes))).toBe(true);
  const log = await database.db.selectFrom('imports').selectAll().where('file_id', '=', file!.id).execute();
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ campaign_id: CAMPAIGN, status: 'rejected', has_warnings: outcome.warnings.length > 0 ? 1 : 0, file_name: outcome.file });
  expect(JSON.parse(log[0].issues_json)).toEqual([...outcome.errors, ...outcome.warnings]);
  // the first error reads as a Kazakh sentence with every placeholder filled in
  const kk = formatMessage(tFor('kk'), outcome.errors[0].message);
  expect(kk.length).toBeGreaterThan(10);
  expect(kk).not.toMatch(/\{\{|\}\}|\$t\(|messages\./);
  expect(kk).toMatch(/[әғқңөұүһі]/i);
  expect(kk).not.toBe(formatMessage(tFor('ru'), outcome.errors[0].message));
}

describe('cells read as numbers', () => {
  it('accepts numbers typed as text with spaces, NBSP and decimal commas', async () => {
    const bytes = await filled({ Z01: '1 234', Z06: ' 2 ', Z30: '150\u00a0000,50', Z31: '100 000', Z32: '50\u202f000.5', Z33: '0' });
    const outcome = await importOne(bytes);
    expect(outcome).toMatchObject({ status: 'accepted', errors: [], warnings: [], hasWarnings: false, schoolBin: school.bin, schoolName: school.shortName });
    expect(await currentStoredValues(database.db)).toMatchObject({ Z01: 1234, Z06: 2, Z30: 15000050, Z31: 10000000, Z32: 5000050, Z33: 0 });
  });

  it('reads a dash as 0 and drops a unit word, each with a warning naming its cell; the money stays exact', async () => {
    const bytes = await filled({ Z23: '—', Z24: '-', Z01: '500 чел.', Z02: '4 бала', Z30: '150 000,50 тг', Z31: '100 000 теңге', Z32: '50 000,50 ₸' });
    const outcome = await importOne(bytes);
    expect(outcome).toMatchObject({ status: 'accepted', errors: [], hasWarnings: true });
    expect(outcome.warnings.map((w) => [w.cell, w.code, w.message.key, w.message.params?.unit ?? w.message.params?.value])).toEqual([
      [CELL.Z01, 'Z01', 'import.unitDropped', 'чел.'],
      [CELL.Z02, 'Z02', 'import.unitDropped', 'бала'],
      [CELL.Z23, 'Z23', 'import.dashAsZero', '—'],
      [CELL.Z24, 'Z24', 'import.dashAsZero', '-'],
      [CELL.Z30, 'Z30', 'import.unitDropped', 'тг'],
      [CELL.Z31, 'Z31', 'import.unitDropped', 'теңге'],
      [CELL.Z32, 'Z32', 'import.unitDropped', '₸'],
    ]);
    expect(await currentStoredValues(database.db)).toMatchObject({ Z01: 500, Z02: 4, Z23: 0, Z24: 0, Z30: 15000050, Z31: 10000000, Z32: 5000050 });
    const kk = formatMessage(tFor('kk'), outcome.warnings[0].message);
    expect(kk).toBe('Ұяшықта «500 чел.»: 500 саны оқылды, «чел.» сөзі ескерілмеді. Ұяшыққа тек санды жазу жеткілікті');
  });

  it.each<[string, Record<string, CellInput>, string, string, string]>([
    ['a shortened sum', { Z31: '1,5 млн' }, 'Z31', 'import.shortenedNumber', 'Впишите число полностью'],
    ['«нет» in a count', { Z23: 'нет' }, 'Z23', 'import.noneWord', 'впишите 0'],
    ['«жоқ» in a count', { Z24: 'жоқ' }, 'Z24', 'import.noneWord', 'впишите 0'],
    ['a thousand with a dot in a count', { Z01: '1.450' }, 'Z01', 'import.ambiguousThousands', '«1.450» читается и как дробь 1.450, и как 1 450'],
  ])('refuses %s, saying what to write', async (_name, changes, code, key, words) => {
    const outcome = await importOne(await filled(changes));
    expect(outcome.status).toBe('rejected');
    const [error] = outcome.errors.filter((e) => e.code === code && e.message.key !== 'import.ruleError');
    expect(error).toMatchObject({ cell: CELL[code], message: { key } });
    expect(formatMessage(tFor('ru'), error.message)).toContain(words);
  });

  it('uses the cached result of a formula, 0 included', async () => {
    const bytes = await filled({ Z06: { formula: '2+2', result: 4 }, Z30: { formula: 'D29+D30+D31', result: 150000.5 }, Z23: { formula: 'D10-D10', result: 0 } });
    const outcome = await importOne(bytes);
    expect(outcome.status).toBe('accepted');
    expect(await currentStoredValues(database.db)).toMatchObject({ Z06: 4, Z30: 15000050, Z23: 0 });
  });

  it('stores a blank optional row as not reported, not as 0', async () => {
    const bytes = await filled({ Z07: null, Z33: null });
    expect((await importOne(bytes)).status).toBe('accepted');
    const values = await currentStoredValues(database.db);
    expect(values).not.toHaveProperty('Z07');
    expect(values).not.toHaveProperty('Z33');
    expect(values.Z23).toBe(0);
  });
});

describe('cells refused, each at its cell and row code', () => {
  it.each<[string, Record<string, CellInput>, string, string, Record<string, string | number> | undefined]>([
    ['formula without a value', { Z06: { formula: 'D11*2' } as CellInput }, 'Z06', 'import.formulaNoValue', undefined],
    ['formula giving an error', { Z06: { formula: '1/0', result: { error: '#DIV/0!' } } as CellInput }, 'Z06', 'import.formulaError', { value: '#DIV/0!' }],
    ['a word', { Z01: 'много' }, 'Z01', 'import.notANumber', { value: 'много' }],
    ['a number with two separators', { Z30: '1.234,5' }, 'Z30', 'import.notANumber', { value: '1.234,5' }],
    ['a negative count', { Z06: -1 }, 'Z06', 'import.negative', { value: -1 }],
    ['a negative amount typed as text', { Z33: '-5' }, 'Z33', 'import.negative', { value: -5 }],
    ['a fraction in a count', { Z01: 2.5 }, 'Z01', 'import.fraction', { value: 2.5 }],
    ['a fraction typed as text in a count', { Z07: '2,5' }, 'Z07', 'import.fraction', { value: 2.5 }],
    ['tiyn beyond two decimals', { Z33: 10.555 }, 'Z33', 'import.tooManyDecimals', { value: 10.555 }],
    ['a blank required row', { Z01: null }, 'Z01', 'import.required', {}],
    ['a blank required row (spaces only)', { Z30: '   ' }, 'Z30', 'import.required', {}],
  ])('%s', async (_name, changes, code, key, params) => {
    const bytes = await filled(changes);
    const outcome = await importOne(bytes);
    // the rules are checked too (a blank is read as blank); only the cell's own error is this test's
    const cellErrors = outcome.errors.filter((e) => e.message.key !== 'import.ruleError');
    expect(cellErrors).toEqual([{ severity: 'error', sheet: SHEET, cell: CELL[code], code, message: { key, params } }]);
    expect(outcome.schoolBin).toBe(school.bin);
    await expectRejectedAndKept(bytes, outcome);
  });

  it('names the required cell: D10 for Z01', () => {
    expect(CELL.Z01).toBe('D10');
    expect(CELL.Z34).toBe('D32');
  });

  it('refuses a date where a number belongs', async () => {
    const bytes = await editWorkbook(template, (workbook) => {
      const sheet = visibleSheet(workbook);
      for (const [code, value] of Object.entries(validZabota())) valueCellOf(sheet, code).value = value;
      const cell = valueCellOf(sheet, 'Z06');
      cell.value = new Date(Date.UTC(2027, 0, 15));
      // a style of its own: cells loaded by exceljs share style objects
      cell.style = { ...cell.style, numFmt: 'dd.mm.yyyy' };
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([
      { severity: 'error', sheet: SHEET, cell: 'D15', code: 'Z06', message: { key: 'import.dateNotNumber', params: { value: '2027-01-15' } } },
    ]);
    await expectRejectedAndKept(bytes, outcome);
  });

  it('lists every bad cell and every broken rule at once; a rule over an unreadable cell says it was not checked', async () => {
    // Z05 > Z04 breaks Z-R2 among cells that were read; Z01 is blank, which is read (the rules see it as blank)
    const bytes = await filled({ Z01: null, Z03: 'три', Z05: 11, Z10: 1.5, Z32: -1 });
    const outcome = await importOne(bytes);
    expect(outcome.errors.map((e) => [e.cell, e.code, e.message.key, e.message.params?.rule])).toEqual([
      ['D10', 'Z01', 'import.required', undefined],
      ['D12', 'Z03', 'import.notANumber', undefined],
      ['D17', 'Z10', 'import.fraction', undefined],
      ['D30', 'Z32', 'import.negative', undefined],
      ['D14', 'Z05', 'import.ruleError', 'Z-R2'],
      ['D13', 'Z04', 'import.ruleError', 'Z-R3'],
    ]);
    // no rule is said to fail over a value it never saw: each unreadable cell names the rules it holds back
    expect(outcome.warnings.map((w) => [w.cell, w.code, w.message.key, w.message.params?.rules])).toEqual([
      ['D12', 'Z03', 'import.ruleUnchecked', 'Z-R1 (Z03 ≤ Z02)'],
      ['D17', 'Z10', 'import.ruleUnchecked', expect.stringMatching(/^Z-R4 \(Z10 ≤ Z01\); Z-R5 \(Z11 ≤ Z10\);.*Z-R8 .*Z-R10 /)],
      ['D30', 'Z32', 'import.ruleUnchecked', 'Z-R7 (Z30 = Z31 + Z32 + Z33); Z-R9 (Z32 > 0 ⇒ Z34 > 0)'],
    ]);
    await expectRejectedAndKept(bytes, outcome);
    // the message returning the file to the school lists them all, numbered, in both languages
    const message = await returnForRevision(database.db, CAMPAIGN, outcome.importId!);
    expect(message.ru).toMatch(/^5\. .*D14.*Z-R2/m);
    // each broken rule in the words of the school's own form: «Z05 «…» (11) не может быть больше Z04 «…» (10)»
    expect(message.ru).toContain('Правило Z-R2 не выполнено: Z05 «из них приступили к занятиям» (11) не может быть больше Z04 «Выявлено обучающихся, систематически пропускающих занятия…» (10)');
    expect(message.kk).toContain('Z-R2 ережесі орындалмады: Z05 «оның ішінде сабаққа қайта кірісті» (11) Z04 «Сабақты дәлелсіз себеппен жүйелі түрде босататын білім…» (10) мәнінен аспауы керек');
    expect(message.ru).toContain('Z04 «Выявлено обучающихся, систематически пропускающих занятия…» (10) не может быть больше Z01 «Контингент обучающихся на дату отчёта» (пусто)');
    expect(message.ru).toMatch(/^9\. .*D30.*Z-R7/m);
    expect(message.kk).toMatch(/^9\. .*D30.*тексерілмеді.*Z-R7/m);
    expect(message.ru).not.toMatch(/^10\./m);
  });
});

describe('rows as schools leave them', () => {
  it('reads rows moved about: two rows swapped, rows inserted above the table, a row hidden', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      const sheet = visibleSheet(workbook);
      const z03 = valueCellOf(sheet, 'Z03').row;
      const z04 = valueCellOf(sheet, 'Z04').row;
      const a = sheet.getRow(Number(z03)).values;
      sheet.getRow(Number(z03)).values = sheet.getRow(Number(z04)).values as ExcelJS.CellValue[];
      sheet.getRow(Number(z04)).values = a as ExcelJS.CellValue[];
      sheet.getRow(Number(valueCellOf(sheet, 'Z05').row)).hidden = true;
      sheet.spliceRows(8, 0, ['Примечание школы'], []);
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([]);
    expect(await currentStoredValues(database.db)).toMatchObject({ Z03: validZabota().Z03, Z04: validZabota().Z04, Z05: validZabota().Z05 });
  });

  it('ignores sheets the school added', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      const notes = workbook.addWorksheet('Заметки');
      notes.addRow(['Кто заполнял', 'Иванова А.']);
      notes.addRow(['Z01', 'не трогать']);
    });
    expect((await importOne(bytes)).status).toBe('accepted');
    expect((await currentStoredValues(database.db)).Z01).toBe(validZabota().Z01);
  });

  it('refuses a value cell merged with the next row, which would read another row’s value', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.mergeCells(`${valueCellOf(sheet, 'Z02').address}:${valueCellOf(sheet, 'Z03').address}`);
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors.map((e) => [e.cell, e.code, e.message.key, e.message.params])).toEqual([
      ['D11', 'Z02', 'import.mergedCell', { range: 'D11:D12' }],
      ['D12', 'Z03', 'import.mergedCell', { range: 'D11:D12' }],
    ]);
    await expectRejectedAndKept(bytes, outcome);
  });

  it('refuses a file with a row code missing or written twice, naming it', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      const sheet = visibleSheet(workbook);
      sheet.getCell(`A${valueCellOf(sheet, 'Z07').row}`).value = 'Z06';
      sheet.getCell(`A${valueCellOf(sheet, 'Z11').row}`).value = null;
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors.map((e) => [e.code, e.message.key])).toEqual([
      ['Z06', 'import.repeatedCode'],
      ['Z07', 'import.missingCode'],
      ['Z11', 'import.missingCode'],
    ]);
    await expectRejectedAndKept(bytes, outcome);
  });
});

describe('rules on import', () => {
  it('accepts a report that only breaks a warning rule, with the warning (Z-R9: sponsors’ money, no sponsors)', async () => {
    for (const [name, z34] of [['blank.xlsx', null], ['zero.xlsx', 0]] as const) {
      const outcome = await importOne(await filled({ Z34: z34 }), name);
      expect(outcome).toMatchObject({ status: 'accepted', hasWarnings: true, errors: [] });
      expect(outcome.warnings).toEqual([
        {
          severity: 'warning', sheet: SHEET, cell: 'D30', code: 'Z32',
          message: { key: 'import.ruleWarning', params: { rule: 'Z-R9', text: 'Z32 > 0 ⇒ Z34 > 0', left: 0, right: 0, operands: expect.any(String) } },
        },
      ]);
      // the warning names both indicators with their values, a blank as blank, not as 0
      const z34Text = { ru: z34 === null ? 'пусто' : '0', kk: z34 === null ? 'бос' : '0' };
      expect(formatMessage(tFor('ru'), outcome.warnings[0].message)).toBe(
        'Правило Z-R9 не выполняется: если Z32 «в т.ч. средства спонсоров и меценатов» (50\u00a0000,5) больше 0, ' +
          `то Z34 «Число спонсоров и меценатов» (${z34Text.ru}) тоже должно быть больше 0; отчёт принят, проверьте`,
      );
      expect(formatMessage(tFor('kk'), outcome.warnings[0].message)).toBe(
        'Z-R9 ережесі орындалмайды: егер Z32 «оның ішінде демеушілер мен меценаттардың қаражаты» (50\u00a0000,5) 0-ден көп болса, ' +
          `онда Z34 «Демеушілер мен меценаттар саны» (${z34Text.kk}) 0-ден көп болуы керек; есеп қабылданды, тексеріңіз`,
      );
    }
    expect(await reportCount()).toBe(2);
    const log = await database.db.selectFrom('imports').select(['status', 'has_warnings']).orderBy('id').execute();
    expect(log).toEqual([{ status: 'accepted', has_warnings: 1 }, { status: 'accepted', has_warnings: 1 }]);
  });

  it('refuses a report whose money does not add up to the tiyn (Z-R7)', async () => {
    const bytes = await filled({ Z30: 150000.51 });
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([
      {
        severity: 'error', sheet: SHEET, cell: 'D28', code: 'Z30',
        message: { key: 'import.ruleError', params: { rule: 'Z-R7', text: 'Z30 = Z31 + Z32 + Z33', left: 150000.51, right: 150000.5, operands: expect.any(String) } },
      },
    ]);
    expect(formatMessage(tFor('ru'), outcome.errors[0].message).replace(/\u00a0/g, ' ')).toBe(
      'Правило Z-R7 не выполнено: Z30 «Сумма оказанной помощи, тенге, всего» (150 000,51) должно равняться сумме ' +
        'Z31 «в т.ч. из фонда всеобуча» (100 000) + Z32 «в т.ч. средства спонсоров и меценатов» (50 000,5) + Z33 «в т.ч. иные источники» (0) = 150 000,5',
    );
    await expectRejectedAndKept(bytes, outcome);
  });
});

describe('files that are not this campaign’s report', () => {
  it('refuses a file that is not a workbook, saying what it seems to be', async () => {
    const bytes = new TextEncoder().encode('Z01;500\nZ02;4\n');
    const outcome = await importOne(bytes, 'report.csv');
    expect(outcome).toMatchObject({ file: 'report.csv', schoolBin: null, schoolName: null });
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.fileText', params: { file: 'report.csv' } } }]);
    await expectRejectedAndKept(bytes, outcome);
  });

  it('refuses last year’s template of the same campaign, naming both years', async () => {
    await zabotaV1Campaign(database.db, 2028);
    const other = (await buildTemplates(database.db, 'zabota-2028')).files[0].bytes;
    const bytes = await fillTemplate(other, validZabota());
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.otherYear', params: { found: '2028', expected: '2027' } } }]);
    expect(outcome.schoolBin).toBe(school.bin);
    await expectRejectedAndKept(bytes, outcome);
  });

  it('refuses the template of another campaign, naming both campaigns by their titles in the user\'s language', async () => {
    await createCampaign(database.db, 'nik', 2027);
    const other = (await buildTemplates(database.db, 'nik-2027')).files[0].bytes;
    const outcome = await importOne(other);
    expect(outcome.errors.map((e) => e.message.key)).toEqual(['import.otherCampaign']);
    const [refusal] = outcome.errors;
    expect(formatMessage(tFor('ru'), refusal.message)).toBe(
      'Файл заполнен для другой кампании («НИК „12 дней борьбы против эксплуатации детского труда“ — 2027»), а импорт идёт в кампанию «Республиканская акция „Забота“ — 2027»',
    );
    expect(formatMessage(tFor('kk'), refusal.message)).toBe(
      'Файл басқа науқанға толтырылған («„Бала еңбегін қанауға қарсы 12 күн“ ҰАН — 2027»), ал импорт «„Қамқорлық“ республикалық акциясы — 2027» науқанына жасалып жатыр',
    );
    await expectRejectedAndKept(other, outcome);
  });

  it('refuses a template made by another district’s Jinaq, naming that district; a renamed district’s own template still comes in', async () => {
    const elsewhere = await tempDatabase();
    try {
      await updateSettings(elsewhere.db, { districtRu: 'Абайский район' });
      await createSchool(elsewhere.db, schoolFields(1));
      await zabotaV1Campaign(elsewhere.db, 2027);
      const foreign = await fillTemplate((await buildTemplates(elsewhere.db, 'zabota-2027')).files[0].bytes, validZabota());
      const outcome = await importOne(foreign);
      expect(outcome.errors).toEqual([
        { severity: 'error', message: { key: 'import.otherDistrict', params: { found: 'Абайский район', expected: 'г. Шахтинск' } } },
      ]);
      await expectRejectedAndKept(foreign, outcome);
    } finally {
      await elsewhere.remove();
    }
    await updateSettings(database.db, { districtRu: 'город Шахтинск' });
    expect((await importOne(await filled({}))).status).toBe('accepted');
  });

  it('still recognises the school by the БИН in the header when the hidden sheet was deleted', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet(IDENTITY_SHEET)!.id);
    });
    expect((await readWorkbook(bytes)).getWorksheet(IDENTITY_SHEET)).toBeUndefined();
    const outcome = await importOne(bytes);
    expect(outcome).toMatchObject({ status: 'accepted', errors: [], schoolBin: school.bin, schoolName: school.shortName });
    expect(await currentStoredValues(database.db)).toMatchObject({ Z01: 500, Z30: 15000050 });
  });

  it('says it cannot tell the school when both the hidden sheet and the header БИН are gone', async () => {
    const bytes = await editWorkbook(await filled({}), (workbook) => {
      workbook.removeWorksheet(workbook.getWorksheet(IDENTITY_SHEET)!.id);
      workbook.description = ''; // the identity's second place, the «Comments» property
      schoolHeaderCells(visibleSheet(workbook)).bin.value = null;
    });
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.noIdentification', params: undefined } }]);
    await expectRejectedAndKept(bytes, outcome);
  });

  async function templateFor(fields: School): Promise<Uint8Array> {
    const campaign = { id: CAMPAIGN, kind: 'zabota' as const, year: 2027, formId: 'zabota', formVersion: 1, title: zabotaV1.title, startsOn: '2027-01-10', endsOn: '2027-02-10', schoolDueOn: '2027-02-12', regionDueOn: '2027-02-15', hashtag: '' };
    const workbook = await buildReportTemplate(zabotaV1, campaign, fields, await getSettings(database.db), 'test');
    return fillTemplate(await workbookBytes(workbook), validZabota());
  }

  it('refuses a school that is not in the registry', async () => {
    const stranger = { id: 999, active: true, ...schoolFields(2) };
    const bytes = await templateFor(stranger);
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.unknownSchool', params: { bin: validBin(2) } } }]);
    expect(outcome).toMatchObject({ schoolBin: validBin(2), schoolName: null });
    await expectRejectedAndKept(bytes, outcome);
  });

  it('refuses a file whose БИН is wrong, explaining what is wrong with it', async () => {
    const bad = `${validBin(2).slice(0, 11)}${(Number(validBin(2)[11]) + 1) % 10}`;
    const bytes = await templateFor({ id: 999, active: true, ...schoolFields(2, { bin: bad }) });
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.badBin', params: { bin: bad, problem: 'checksum' } } }]);
    await expectRejectedAndKept(bytes, outcome);
    expect(formatMessage(tFor('kk'), outcome.errors[0].message)).toContain(tFor('kk')('messages.bin.checksum') as string);
    expect(formatMessage(tFor('ru'), outcome.errors[0].message)).toBe(
      `БИН школы в файле неверен (${bad}): БИН не проходит проверку контрольного разряда — проверьте, нет ли опечатки`,
    );
  });

  it('refuses the report of a school closed in the registry, naming the school', async () => {
    await setSchoolActive(database.db, school.id, false);
    const bytes = await filled({});
    const outcome = await importOne(bytes);
    expect(outcome.errors).toEqual([{ severity: 'error', message: { key: 'import.closedSchool', params: { bin: school.bin } } }]);
    expect(outcome).toMatchObject({ schoolBin: school.bin, schoolName: school.shortName });
    await expectRejectedAndKept(bytes, outcome);
    const log = await database.db.selectFrom('imports').select(['school_id', 'school_bin']).executeTakeFirstOrThrow();
    expect(log).toEqual({ school_id: school.id, school_bin: school.bin });
  });

  // Only an accepted file is a duplicate: a refused one is judged again, so "add it to the registry and import
  // the file again" (import.unknownSchool) works with the very same file.
  it('accepts the same file again once the unknown school has been added to the registry', async () => {
    const bytes = await templateFor({ id: 999, active: true, ...schoolFields(2) });
    expect((await importOne(bytes)).errors[0].message.key).toBe('import.unknownSchool');
    await createSchool(database.db, schoolFields(2));
    const again = await importOne(bytes, 'again.xlsx');
    expect(again).toMatchObject({ status: 'accepted', errors: [], schoolBin: validBin(2) });
    expect(await reportCount()).toBe(1);
  });

  // The same for a school closed by mistake and reopened.
  it('accepts the same file again once the closed school has been reopened', async () => {
    await setSchoolActive(database.db, school.id, false);
    const bytes = await filled({});
    expect((await importOne(bytes)).errors[0].message.key).toBe('import.closedSchool');
    await setSchoolActive(database.db, school.id, true);
    const again = await importOne(bytes, 'again.xlsx');
    expect(again).toMatchObject({ status: 'accepted', errors: [], schoolBin: school.bin });
    expect(await reportCount()).toBe(1);
  });
});
