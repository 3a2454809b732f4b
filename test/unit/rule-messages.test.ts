// A broken rule as a school teacher reads it: each indicator by its row code, label and value in kk, ru and en;
// an implication as a sentence, a sum with its terms and total, a blank as «пусто / бос / blank».
import { describe, expect, it } from 'vitest';
import { indicator, type FormDefinition, type FormRule } from '../../shared/forms/types.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { formatMessage, tFor, type UiLanguage } from '../../shared/i18n.ts';
import type { Message } from '../../shared/messages.ts';
import { shortLabel } from '../../shared/rule-messages.ts';
import { checkRules } from '../../shared/validate.ts';

function formWith(rules: FormRule[]): FormDefinition {
  return {
    id: 'test',
    version: 1,
    title: { ru: 'Тест', kk: 'Тест' },
    indicators: [
      indicator('A01', 'Выявлено детей', 'Анықталған балалар', 'count', false),
      indicator('A02', 'из них возвращено в школу', 'оның ішінде мектепке қайтарылды', 'count', false),
      indicator('A03', 'Сумма помощи', 'Көмек сомасы', 'money', false),
    ],
    rules,
  } as FormDefinition;
}

/** The one message a rule gives on these values, in each language. */
function words(rule: FormRule | FormDefinition, values: Record<string, number>): Record<UiLanguage, string> {
  const form = 'indicators' in rule ? rule : formWith([rule]);
  const issues = checkRules(form, new Map(Object.entries(values)));
  expect(issues).toHaveLength(1);
  return { ru: formatMessage(tFor('ru'), issues[0].message), kk: formatMessage(tFor('kk'), issues[0].message), en: formatMessage(tFor('en'), issues[0].message) };
}

const A01 = { ru: 'A01 «Выявлено детей»', kk: 'A01 «Анықталған балалар»', en: 'A01 «Выявлено детей»' };
const A02 = { ru: 'A02 «из них возвращено в школу»', kk: 'A02 «оның ішінде мектепке қайтарылды»', en: 'A02 «из них возвращено в школу»' };

describe('each operator reads naturally', () => {
  type Row = [text: string, a01: number, a02: number, ru: string, kk: string, en: string];
  const ROWS: Row[] = [
    ['A02 <= A01', 2, 5,
      `${A02.ru} (5) не может быть больше ${A01.ru} (2)`,
      `${A02.kk} (5) ${A01.kk} (2) мәнінен аспауы керек`,
      `${A02.en} (5) cannot be greater than ${A01.en} (2)`],
    ['A02 < A01', 2, 2,
      `${A02.ru} (2) должно быть меньше ${A01.ru} (2)`,
      `${A02.kk} (2) ${A01.kk} (2) мәнінен кем болуы керек`,
      `${A02.en} (2) must be less than ${A01.en} (2)`],
    ['A02 >= A01', 5, 2,
      `${A02.ru} (2) не может быть меньше ${A01.ru} (5)`,
      `${A02.kk} (2) ${A01.kk} (5) мәнінен кем болмауы керек`,
      `${A02.en} (2) cannot be less than ${A01.en} (5)`],
    ['A02 > A01', 5, 2,
      `${A02.ru} (2) должно быть больше ${A01.ru} (5)`,
      `${A02.kk} (2) ${A01.kk} (5) мәнінен көп болуы керек`,
      `${A02.en} (2) must be greater than ${A01.en} (5)`],
    ['A02 = A01', 1234, 2,
      `${A02.ru} (2) должно равняться ${A01.ru} (1 234)`,
      `${A02.kk} (2) ${A01.kk} (1 234) мәніне тең болуы керек`,
      `${A02.en} (2) must equal ${A01.en} (1,234)`],
    ['A02 != A01', 3, 3,
      `${A02.ru} (3) не должно равняться ${A01.ru} (3)`,
      `${A02.kk} (3) ${A01.kk} (3) мәніне тең болмауы керек`,
      `${A02.en} (3) must not equal ${A01.en} (3)`],
  ];
  it.each(ROWS)('%s', (text, a01, a02, ru, kk, en) => {
    const said = words({ id: 'R1', text, severity: 'error' }, { A01: a01, A02: a02 });
    const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(said.ru)).toBe(`Правило R1 не выполнено: ${ru}`);
    expect(spaced(said.kk)).toBe(`R1 ережесі орындалмады: ${kk}`);
    expect(spaced(said.en)).toBe(`Rule R1 failed: ${en}`);
  });
});

describe('an implication reads as a sentence', () => {
  it('Z-R9: sponsors’ money but no sponsors, with the blank said as such', () => {
    const values = { Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 2, Z10: 20, Z11: 10, Z20: 10, Z21: 5, Z22: 5, Z30: 103000, Z32: 103000 };
    const said = words(zabotaV1, values);
    expect(said.ru).toBe(
      'Правило Z-R9 не выполняется: если Z32 «в т.ч. средства спонсоров и меценатов» (103\u00a0000) больше 0, ' +
        'то Z34 «Число спонсоров и меценатов» (пусто) тоже должно быть больше 0; отчёт принят, проверьте',
    );
    expect(said.kk).toBe(
      'Z-R9 ережесі орындалмайды: егер Z32 «оның ішінде демеушілер мен меценаттардың қаражаты» (103\u00a0000) 0-ден көп болса, ' +
        'онда Z34 «Демеушілер мен меценаттар саны» (бос) 0-ден көп болуы керек; есеп қабылданды, тексеріңіз',
    );
    expect(said.en).toBe(
      'Rule Z-R9 does not hold: if Z32 «в т.ч. средства спонсоров и меценатов» (103,000) is greater than 0, ' +
        'then Z34 «Число спонсоров и меценатов» (blank) must also be greater than 0; the report is accepted, check it',
    );
  });

  it('a condition unlike the check reads without «тоже»', () => {
    const said = words({ id: 'R2', text: 'A01 > 0 => A02 <= A01', severity: 'error' }, { A01: 2, A02: 5 });
    expect(said.ru).toBe(`Правило R2 не выполнено: если ${A01.ru} (2) больше 0, то ${A02.ru} (5) не может быть больше ${A01.ru} (2)`);
    expect(said.kk).toBe(`R2 ережесі орындалмады: егер ${A01.kk} (2) 0-ден көп болса, онда ${A02.kk} (5) ${A01.kk} (2) мәнінен аспауы керек`);
  });
});

describe('a sum names its terms and its total', () => {
  it('Z-R7: the money does not add up, to the tiyn', () => {
    const values = { Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 2, Z10: 20, Z11: 10, Z20: 10, Z21: 5, Z22: 5, Z30: 1000, Z31: 400, Z32: 500.5, Z33: 0, Z34: 1 };
    const said = words(zabotaV1, values);
    const terms = (lng: 'ru' | 'kk') =>
      ['Z31', 'Z32', 'Z33'].map((code, i) => `${code} «${zabotaV1.indicators.find((x) => x.code === code)!.label[lng]}» (${['400', '500,5', '0'][i]})`).join(' + ');
    expect(said.ru).toBe(`Правило Z-R7 не выполнено: Z30 «Сумма оказанной помощи, тенге, всего» (1\u00a0000) должно равняться сумме ${terms('ru')} = 900,5`);
    expect(said.kk).toBe(`Z-R7 ережесі орындалмады: Z30 «Көрсетілген көмек сомасы, теңге, барлығы» (1\u00a0000) ${terms('kk')} = 900,5 қосындысына тең болуы керек`);
    expect(said.en).toMatch(/^Rule Z-R7 failed: Z30 «[^»]+» \(1,000\) must equal the sum Z31 «[^»]+» \(400\) \+ Z32 «[^»]+» \(500\.5\) \+ Z33 «[^»]+» \(0\) = 900\.5$/);
  });

  it('a sum on the left is the subject, a difference keeps its minus', () => {
    const said = words({ id: 'R3', text: 'A01 - A02 >= A03', severity: 'warning' }, { A01: 5, A02: 2, A03: 4 });
    expect(said.ru).toBe(`Правило R3 не выполняется: сумма ${A01.ru} (5) − ${A02.ru} (2) = 3 не может быть меньше A03 «Сумма помощи» (4); отчёт принят, проверьте`);
    expect(said.kk).toBe(`R3 ережесі орындалмайды: ${A01.kk} (5) − ${A02.kk} (2) = 3 қосындысы A03 «Көмек сомасы» (4) мәнінен кем болмауы керек; есеп қабылданды, тексеріңіз`);
  });
});

describe('blanks', () => {
  it.each([
    ['blankAsZero', { A01: 3 }],
    ['skipIfAllBlank', { A01: 3 }],
  ] as const)('%s lets a blank through: it reads «пусто / бос / blank», not 0', (missing, values) => {
    const said = words({ id: 'R4', text: 'A01 <= A02', severity: 'error', missing }, values);
    expect(said.ru).toBe(`Правило R4 не выполнено: ${A01.ru} (3) не может быть больше ${A02.ru} (пусто)`);
    expect(said.kk).toBe(`R4 ережесі орындалмады: ${A01.kk} (3) ${A02.kk} (бос) мәнінен аспауы керек`);
    expect(said.en).toBe(`Rule R4 failed: ${A01.en} (3) cannot be greater than ${A02.en} (blank)`);
  });
});

describe('stored messages', () => {
  it('a message stored by 0.2.0 (no operands) still reads; a new one reads with labels in the language chosen at display', () => {
    const old: Message = { key: 'import.ruleError', params: { rule: 'Z-R1', text: 'Z03 ≤ Z02', left: 9, right: 4 } };
    expect(formatMessage(tFor('ru'), old)).toBe('Правило Z-R1 не выполнено: Z03 ≤ Z02 (слева 9, справа 4)');
    const stored = JSON.parse(JSON.stringify(checkRules(formWith([{ id: 'R1', text: 'A02 <= A01', severity: 'error' }]), new Map([['A01', 2], ['A02', 5]]))[0].message));
    expect(formatMessage(tFor('kk'), stored)).toContain(`${A02.kk} (5)`);
    expect(formatMessage(tFor('ru'), stored)).toContain(`${A02.ru} (5)`);
  });

  it('a long label is cut at a word boundary with «…»', () => {
    const label = 'Количество детей школьного возраста, не охваченных обучением по уважительным и неуважительным причинам';
    expect(shortLabel(label)).toBe('Количество детей школьного возраста, не охваченных обучением…');
    const form = formWith([{ id: 'R1', text: 'A02 <= A01', severity: 'error' }]);
    form.indicators[0] = indicator('A01', label, label, 'count', false);
    const said = words(form, { A01: 2, A02: 5 });
    expect(said.ru).toContain('A01 «Количество детей школьного возраста, не охваченных обучением…» (2)');
  });
});

describe('a rule over many rows', () => {
  // A stored message's param holds at most 2000 characters (shared/api/inputs.ts): labels give way first, then the values.
  function manyRows(count: number, label: string): FormDefinition {
    const codes = Array.from({ length: count }, (_, i) => `B${String(i + 1).padStart(3, '0')}`);
    return {
      ...formWith([{ id: 'R9', text: `A01 >= ${codes.join(' + ')}`, severity: 'error' }]),
      indicators: [indicator('A01', 'Всего', 'Барлығы', 'count', false), ...codes.map((code) => indicator(code, label, label, 'count', false))],
    } as FormDefinition;
  }
  const values = (count: number) => new Map([['A01', 0], ...Array.from({ length: count }, (_, i) => [`B${String(i + 1).padStart(3, '0')}`, 1] as [string, number])]);

  it('labels give way first, then the values: the message always fits and still reads', () => {
    const said = (count: number) => {
      const [issue] = checkRules(manyRows(count, 'Дети, получившие помощь в рамках акции'), values(count));
      expect(String(issue.message.params?.operands ?? '').length).toBeLessThanOrEqual(2000);
      return formatMessage(tFor('ru'), issue.message);
    };
    expect(said(10)).toContain('B001 «Дети, получившие помощь в рамках акции» (1) + B002');
    expect(said(40)).toContain('не может быть меньше суммы B001 (1) + B002 (1)');
    expect(said(200)).toMatch(/^Правило R9 не выполнено: A01 ≥ B001 \+ .* \(слева 0, справа 200\)$/);
  });
});
