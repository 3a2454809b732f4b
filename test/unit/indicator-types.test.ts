// Rows of every type a form can have (yes/no, text, date, link, a unit, a section), from the template
// a school receives to the values in the summary, and each bad cell named by its cell and row code.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { copyForm, saveForm } from '../../main/services/forms.ts';
import { importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { FormDefinition, Indicator } from '../../shared/forms/types.ts';
import { tempDatabase } from '../helpers/db.ts';
import { valueCellOf } from '../helpers/edit.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, readWorkbook, validZabota, type CellInput } from '../helpers/workbooks.ts';

const EXTRA: Indicator[] = [
  { code: 'Z90', label: { ru: 'Создан штаб акции', kk: 'Акция штабы құрылды' }, type: 'yesno', required: true, section: 'org' },
  { code: 'Z91', label: { ru: 'Состав штаба', kk: 'Штаб құрамы' }, type: 'text', required: false, section: 'org' },
  { code: 'Z92', label: { ru: 'Дата приказа', kk: 'Бұйрық күні' }, type: 'date', required: false, section: 'org' },
  { code: 'Z93', label: { ru: 'Ссылка на приказ', kk: 'Бұйрыққа сілтеме' }, type: 'url', required: false, section: 'org' },
  {
    code: 'Z94', label: { ru: 'Обследовано жилищно-бытовых условий', kk: 'Тұрмыс жағдайы тексерілді' }, type: 'count', required: false,
    unit: { ru: 'семей', kk: 'отбасы' }, section: 'org',
  },
];

let database: Awaited<ReturnType<typeof tempDatabase>>;
let template: Uint8Array;

beforeEach(async () => {
  database = await tempDatabase();
  await createSchool(database.db, schoolFields(1));
  await zabotaV1Campaign(database.db, 2027);
  const copy = await copyForm(database.db, 'zabota', 1);
  const form: FormDefinition = {
    ...copy.form,
    sections: [{ id: 'org', title: { ru: 'Организация акции', kk: 'Акцияны ұйымдастыру' } }],
    indicators: [...copy.form.indicators, ...EXTRA],
    rules: [...copy.form.rules, { id: 'Z-R90', text: 'Z94 > 0 => Z90 = 1', severity: 'warning' }],
  };
  expect(await saveForm(database.db, form)).toMatchObject({ saved: true, problems: [] });
  await setCampaignForm(database.db, 'zabota-2027', copy.form.version);
  template = (await buildTemplates(database.db, 'zabota-2027')).files[0].bytes;
});
afterEach(() => database.remove());

function rowOf(sheet: Awaited<ReturnType<typeof readWorkbook>>['worksheets'][number], code: string) {
  return sheet.getRow(Number(valueCellOf(sheet, code).row));
}

async function importWith(values: Record<string, CellInput>) {
  const bytes = await fillTemplate(template, { ...validZabota(), ...values });
  return (await importReports(database.db, 'zabota-2027', [{ name: 'school1.xlsx', bytes }]))[0];
}

describe('a template with rows of every type', () => {
  it('prints the section above its rows, the unit beside the label, and a check fitting each type', async () => {
    const sheet = (await readWorkbook(template)).worksheets[0];
    const yesNo = rowOf(sheet, 'Z90');
    expect(sheet.getRow(yesNo.number - 1).getCell(1).value).toBe('Организация акции / Акцияны ұйымдастыру');
    expect(yesNo.getCell(4).dataValidation).toMatchObject({ type: 'list', formulae: ['"Да / Иә,Нет / Жоқ"'] });
    expect(rowOf(sheet, 'Z92').getCell(4)).toMatchObject({ numFmt: 'dd.mm.yyyy', dataValidation: { type: 'date' } });
    expect(rowOf(sheet, 'Z91').getCell(4).dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000] });
    expect(rowOf(sheet, 'Z94').getCell(2).value).toBe('Обследовано жилищно-бытовых условий, семей');
    expect(rowOf(sheet, 'Z94').getCell(3).value).toBe('Тұрмыс жағдайы тексерілді, отбасы');
    expect(rowOf(sheet, 'Z90').getCell(2).value).toBe('Создан штаб акции *');
  });
});

describe('importing rows of every type', () => {
  it('stores yes as 1, the text, the date and the link, and sums yes over schools', async () => {
    const outcome = await importWith({ Z90: 'Иә', Z91: 'Директор, завуч, соцпедагог', Z92: new Date(Date.UTC(2027, 0, 11)), Z93: 'school1.edu.kz/prikaz-12', Z94: 7 });
    expect(outcome.status).toBe('accepted');
    expect(outcome.warnings).toEqual([]);
    const summary = await getSummary(database.db, 'zabota-2027');
    expect(summary.schools[0].values).toMatchObject({ Z90: 1, Z94: 7 });
    expect(summary.schools[0].texts).toEqual({ Z91: 'Директор, завуч, соцпедагог', Z92: '2027-01-11', Z93: 'https://school1.edu.kz/prikaz-12' });
    expect(summary.totals).toMatchObject({ Z90: 1, Z94: 7 });
    expect(summary.totals).not.toHaveProperty('Z91');
    expect(summary.indicators.map((i) => i.code).slice(-5)).toEqual(['Z90', 'Z91', 'Z92', 'Z93', 'Z94']);
  });

  it('applies a rule over a yes/no row: «no» with families visited is a warning', async () => {
    const outcome = await importWith({ Z90: 'Нет / Жоқ', Z94: 3 });
    expect(outcome.status).toBe('accepted');
    expect(outcome.warnings.map((w) => w.message.params?.rule)).toEqual(['Z-R90']);
  });

  it('names every bad cell by its row code: not yes/no, not a date, not a link, too long, a required row blank', async () => {
    const bad = await importWith({ Z90: 'может быть', Z91: 'а'.repeat(2001), Z92: 'на прошлой неделе', Z93: 'у директора', Z94: 'пять' });
    expect(bad.status).toBe('rejected');
    expect(bad.errors.map((e) => [e.code, e.message.key])).toEqual([
      ['Z90', 'import.notYesNo'],
      ['Z91', 'import.textTooLong'],
      ['Z92', 'import.notADate'],
      ['Z93', 'import.badUrl'],
      ['Z94', 'import.notANumber'],
    ]);
    const blank = await importWith({ Z90: null });
    expect(blank.errors.map((e) => [e.code, e.message.key])).toEqual([['Z90', 'import.required']]);
  });
});
