// The rule language over row codes: parsing, evaluation in hundredths, formatting, and a form's rules as issues.
import { describe, expect, it } from 'vitest';
import { nikV1 } from '../../shared/forms/nik.v1.ts';
import { indicator, type FormDefinition, type FormRule } from '../../shared/forms/types.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { formatMessage, tFor, UI_LANGUAGES } from '../../shared/i18n.ts';
import {
  checkRuleCodes,
  evaluateRule,
  formatRule,
  MISSING_VALUE_STRATEGIES,
  parseRule,
  RULE_ERRORS,
  ruleCodes,
  ruleProblem,
  type MissingValueStrategy,
  type ParsedRule,
  type RuleOutcome,
} from '../../shared/rules.ts';
import { checkRules, compiledRules } from '../../shared/validate.ts';

function parsed(text: string): ParsedRule {
  const result = parseRule(text);
  if (!result.ok) throw new Error(`${text}: ${result.error} at ${result.position}`);
  return result.rule;
}

function evaluate(text: string, values: Record<string, number>, missing?: MissingValueStrategy): RuleOutcome {
  return evaluateRule(parsed(text), (code) => values[code], missing);
}

const code = (c: string, sign: 1 | -1 = 1) => ({ sign, code: c });
const constant = (value: number, sign: 1 | -1 = 1) => ({ sign, constant: value });

describe('parseRule', () => {
  // Every rule of forms.md as the form definitions write it, and as forms.md prints it.
  type FormsMdRow = [form: FormDefinition, id: string, text: string, pretty: string];
  const FORMS_MD: FormsMdRow[] = [
    [zabotaV1, 'Z-R1', 'Z03 <= Z02', 'Z03 ≤ Z02'],
    [zabotaV1, 'Z-R2', 'Z05 <= Z04', 'Z05 ≤ Z04'],
    [zabotaV1, 'Z-R3', 'Z04 <= Z01', 'Z04 ≤ Z01'],
    [zabotaV1, 'Z-R4', 'Z10 <= Z01', 'Z10 ≤ Z01'],
    ...['Z11', 'Z12', 'Z13', 'Z14', 'Z15'].map((c): FormsMdRow => [zabotaV1, 'Z-R5', `${c} <= Z10`, `${c} ≤ Z10`]),
    ...['Z20', 'Z21', 'Z22', 'Z23', 'Z24'].map((c): FormsMdRow => [zabotaV1, 'Z-R6', `${c} <= Z10`, `${c} ≤ Z10`]),
    [zabotaV1, 'Z-R7', 'Z30 = Z31 + Z32 + Z33', 'Z30 = Z31 + Z32 + Z33'],
    [zabotaV1, 'Z-R8', 'Z30 > 0 => Z10 > 0', 'Z30 > 0 ⇒ Z10 > 0'],
    [zabotaV1, 'Z-R9', 'Z32 > 0 => Z34 > 0', 'Z32 > 0 ⇒ Z34 > 0'],
    [zabotaV1, 'Z-R10', 'Z20 + Z21 + Z22 + Z23 + Z24 >= Z10', 'Z20 + Z21 + Z22 + Z23 + Z24 ≥ Z10'],
    [zabotaV1, 'Z-R11', 'Z02 > 0 => Z06 > 0', 'Z02 > 0 ⇒ Z06 > 0'],
    [nikV1, 'N-R1', 'N06 = N06A + N06B + N06C + N06D', 'N06 = N06A + N06B + N06C + N06D'],
    [nikV1, 'N-R2', 'N07 > 0 => N06 > 0', 'N07 > 0 ⇒ N06 > 0'],
    [nikV1, 'N-R3', 'N09 >= N08', 'N09 ≥ N08'],
    [nikV1, 'N-R4', 'N08 > 0 => N10 > 0', 'N08 > 0 ⇒ N10 > 0'],
    [nikV1, 'N-R5', 'N10 <= N08', 'N10 ≤ N08'],
    [nikV1, 'N-R6', 'N04 >= N03', 'N04 ≥ N03'],
  ];

  it.each([zabotaV1, nikV1])('the table holds every rule of form $id, in order', (form) => {
    expect(form.rules.map((r) => [r.id, r.text])).toEqual(FORMS_MD.filter(([f]) => f === form).map(([, id, text]) => [id, text]));
  });

  it.each(FORMS_MD.map(([form, id, text, pretty]) => [form.id, id, text, pretty, form] as const))(
    '%s %s %j formats as %j, names only codes of the form, and its forms.md spelling parses the same',
    (_form, _id, text, pretty, form) => {
      const rule = parsed(text);
      expect(formatRule(rule)).toBe(pretty);
      expect(parsed(pretty)).toEqual(rule);
      expect(checkRuleCodes(rule, new Set(form.indicators.map((i) => i.code)))).toEqual([]);
    },
  );

  it('gives the structure of a sum and of an implication', () => {
    expect(parsed('Z30 = Z31 + Z32 + Z33')).toEqual({
      check: { left: [code('Z30')], op: '=', right: [code('Z31'), code('Z32'), code('Z33')] },
    });
    expect(parsed('Z30 > 0 ⇒ Z10 > 0')).toEqual({
      condition: { left: [code('Z30')], op: '>', right: [constant(0)] },
      check: { left: [code('Z10')], op: '>', right: [constant(0)] },
    });
  });

  it.each([
    ['Z03 ≤ Z02', '<='],
    ['Z03 <= Z02', '<='],
    ['Z03 ≥ Z02', '>='],
    ['Z03 >= Z02', '>='],
    ['Z03 ≠ Z02', '!='],
    ['Z03 != Z02', '!='],
    ['Z03 <> Z02', '!='],
    ['Z03 = Z02', '='],
    ['Z03 == Z02', '='],
    ['Z03 < Z02', '<'],
    ['Z03 > Z02', '>'],
    ['Z03<=Z02', '<='],
    ['  Z03\t≤\u00a0Z02  ', '<='],
  ])('%j has operator %s', (text, op) => {
    expect(parsed(text)).toEqual({ check: { left: [code('Z03')], op, right: [code('Z02')] } });
  });

  it.each(['Z30 > 0 ⇒ Z10 > 0', 'Z30 > 0 => Z10 > 0', 'Z30>0=>Z10>0', 'Z30>0⇒Z10>0'])('%j is an implication', (text) => {
    expect(parsed(text).condition).toEqual({ left: [code('Z30')], op: '>', right: [constant(0)] });
    expect(parsed(text).check).toEqual({ left: [code('Z10')], op: '>', right: [constant(0)] });
  });

  it('reads constants with a dot or a comma, negative terms and lower-case codes', () => {
    expect(parsed('-Z01 + Z02 - 5 >= 0')).toEqual({
      check: { left: [code('Z01', -1), code('Z02'), constant(5, -1)], op: '>=', right: [constant(0)] },
    });
    expect(parsed('z30 <= 1,5 + 2.25')).toEqual({
      check: { left: [code('Z30')], op: '<=', right: [constant(1.5), constant(2.25)] },
    });
    expect(parsed('N06 = N06A + N06B - N06C')).toEqual({
      check: { left: [code('N06')], op: '=', right: [code('N06A'), code('N06B'), code('N06C', -1)] },
    });
  });

  it('lists the codes of a rule once each, condition first', () => {
    expect(ruleCodes(parsed('Z32 > 0 => Z34 > Z32'))).toEqual(['Z32', 'Z34']);
    expect(ruleCodes(parsed('Z20 + Z21 >= Z10'))).toEqual(['Z20', 'Z21', 'Z10']);
    expect(ruleCodes(parsed('1 < 2'))).toEqual([]);
  });

  it('finds the codes a form lacks, once each', () => {
    const known = new Set(['Z01', 'Z02']);
    expect(checkRuleCodes(parsed('Z01 + Z09 > 0 => Z02 <= Z09 + Z08'), known)).toEqual(['Z09', 'Z08']);
    expect(checkRuleCodes(parsed('z01 <= Z02 + 5'), known)).toEqual([]);
  });

  it.each([
    // text, error, position (0-based, the text's length when it ends too early)
    ['', 'rule.emptyRule', 0],
    [' \t ', 'rule.emptyRule', 0],
    ['Z01', 'rule.missingOperator', 3],
    ['Z01 Z02', 'rule.missingOperator', 4],
    ['Z01 => Z02', 'rule.missingOperator', 4],
    ['Z01 <= Z02 => Z03', 'rule.missingOperator', 17],
    ['<= Z01', 'rule.missingOperand', 0],
    ['Z01 <=', 'rule.missingOperand', 6],
    ['Z01 > 0 =>', 'rule.missingOperand', 10],
    ['Z01 + <= Z02', 'rule.missingOperand', 6],
    ['Z01 <= <= Z02', 'rule.missingOperand', 7],
    ['Z01 <= Z02 +', 'rule.missingOperand', 12],
    ['Z01 <= Z02 - - 3', 'rule.missingOperand', 13],
    ['Z01 => Z02 => Z03', 'rule.twoImplications', 11],
    ['Z01 > 0 ⇒ Z02 > 0 ⇒ Z03 > 0', 'rule.twoImplications', 18],
    ['Z01 <= Z02 Z03', 'rule.trailing', 11],
    ['Z01 <= Z02 5', 'rule.trailing', 11],
    ['Z01 = 5 $', 'rule.unexpected', 8],
    ['Z01<=Z02*2', 'rule.unexpected', 8],
    ['Z01!Z02', 'rule.unexpected', 3],
    ['Z01 ! Z02', 'rule.unexpected', 4],
    // a Cyrillic «З» that looks like a Latin Z
    ['З01 <= Z02', 'rule.unexpected', 0],
    ['Z01<=Z02&Z03', 'rule.unexpected', 8],
  ])('%j → %s at %i', (text, error, position) => {
    expect(parseRule(text)).toEqual({ ok: false, error, position });
  });
});

describe('ruleProblem', () => {
  it.each([
    // text, key, position (1-based, as people count), near
    ['Z01 <=', 'rule.missingOperand', 7, 'Z01 <='],
    ['<= Z01', 'rule.missingOperand', 1, '<='],
    ['Z01 Z02', 'rule.missingOperator', 5, 'Z02'],
    ['Z01 => Z02 => Z03', 'rule.twoImplications', 12, '=>'],
    ['Z01 = 5 $', 'rule.unexpected', 9, '$'],
    ['', 'rule.emptyRule', 1, ''],
    ['Z01 > 0 =>', 'rule.missingOperand', 11, 'Z01 > 0 =>'],
    ['Z01 <= Z02 Z03 + 1 ', 'rule.trailing', 12, 'Z03 + 1'],
    ['З01 <= Z02', 'rule.unexpected', 1, 'З'],
  ])('%j → %s at character %i near %j', (text, key, position, near) => {
    expect(ruleProblem(text)).toEqual({ key, params: { position, near } });
  });

  it.each(['Z03 ≤ Z02', 'Z30 > 0 => Z10 > 0', ' n06 = n06a + n06b '])('%j has no problem', (text) => {
    expect(ruleProblem(text)).toBeNull();
  });

  const examples: Record<(typeof RULE_ERRORS)[number], string> = {
    'rule.emptyRule': '',
    'rule.unexpected': 'Z01 = 5 $',
    'rule.missingOperator': 'Z01 Z02',
    'rule.missingOperand': 'Z01 <=',
    'rule.twoImplications': 'Z01 => Z02 => Z03',
    'rule.trailing': 'Z01 <= Z02 Z03',
  };
  const messages = UI_LANGUAGES.flatMap((lng) => RULE_ERRORS.map((key) => [lng, key, examples[key]] as const));
  it.each(messages)('%s has a text for %s that shows where', (lng, key, text) => {
    const problem = ruleProblem(text);
    expect(problem?.key).toBe(key);
    const words = formatMessage(tFor(lng), problem!);
    expect(words).not.toContain('{{');
    expect(words).not.toBe(`messages.${key}`);
    if (key !== 'rule.emptyRule') expect(words).toContain(String(problem!.params.position));
  });

  it.each(UI_LANGUAGES)('%s names the codes a form lacks', (lng) => {
    const words = formatMessage(tFor(lng), { key: 'rule.unknownCodes', params: { codes: 'Z09, Z08' } });
    expect(words).toContain('Z09, Z08');
  });
});

describe('formatRule', () => {
  it.each([
    ['Z03 <= Z02', 'Z03 ≤ Z02'],
    ['Z03>=Z02', 'Z03 ≥ Z02'],
    ['Z03 != Z02', 'Z03 ≠ Z02'],
    ['Z03 <> Z02', 'Z03 ≠ Z02'],
    ['Z03 == Z02', 'Z03 = Z02'],
    ['-Z01+Z02-5>=0', '-Z01 + Z02 - 5 ≥ 0'],
    ['z30 <= 1,5', 'Z30 ≤ 1.5'],
    ['Z30 > 0 => Z10 > 0', 'Z30 > 0 ⇒ Z10 > 0'],
  ])('%j → %j', (text, pretty) => {
    expect(formatRule(parsed(text))).toBe(pretty);
    expect(parsed(pretty)).toEqual(parsed(text));
  });
});

type Case = [values: Record<string, number>, outcome: RuleOutcome];
const pass: RuleOutcome = { status: 'passed' };
const skip: RuleOutcome = { status: 'skipped' };
const fail = (left: number, right: number): RuleOutcome => ({ status: 'failed', left, right });

/** Passing and failing values for every rule of zabota v1, by its text. */
const ZABOTA_CASES: Record<string, Case[]> = {
  'Z03 <= Z02': [
    [{ Z02: 4, Z03: 3 }, pass],
    [{ Z02: 4, Z03: 4 }, pass],
    [{ Z02: 4, Z03: 5 }, fail(5, 4)],
    [{ Z03: 1 }, fail(1, 0)],
    [{ Z02: 3 }, pass],
    [{ Z02: 0, Z03: 0 }, pass],
    [{}, skip],
  ],
  'Z05 <= Z04': [
    [{ Z04: 10, Z05: 8 }, pass],
    [{ Z04: 10, Z05: 11 }, fail(11, 10)],
    [{ Z05: 2 }, fail(2, 0)],
    [{ Z01: 5 }, skip],
  ],
  'Z04 <= Z01': [
    [{ Z01: 500, Z04: 10 }, pass],
    [{ Z01: 500, Z04: 501 }, fail(501, 500)],
    [{ Z04: 1 }, fail(1, 0)],
    [{}, skip],
  ],
  'Z10 <= Z01': [
    [{ Z01: 500, Z10: 500 }, pass],
    [{ Z01: 500, Z10: 501 }, fail(501, 500)],
    [{}, skip],
  ],
  ...Object.fromEntries(
    ['Z11', 'Z12', 'Z13', 'Z14', 'Z15', 'Z20', 'Z21', 'Z22', 'Z23', 'Z24'].map((c): [string, Case[]] => [
      `${c} <= Z10`,
      [
        [{ Z10: 20, [c]: 20 }, pass],
        [{ Z10: 20, [c]: 0 }, pass],
        [{ Z10: 20, [c]: 21 }, fail(21, 20)],
        [{ [c]: 3 }, fail(3, 0)],
        [{ Z10: 20 }, pass],
        [{ Z01: 20 }, skip],
      ],
    ]),
  ),
  'Z30 = Z31 + Z32 + Z33': [
    [{ Z30: 150000.5, Z31: 100000, Z32: 50000.5, Z33: 0 }, pass],
    [{ Z30: 0.3, Z31: 0.1, Z32: 0.2 }, pass],
    [{ Z30: 0.3, Z31: 0.1, Z32: 0.1, Z33: 0.1 }, pass],
    [{ Z30: 100, Z31: 99.99 }, fail(100, 99.99)],
    [{ Z30: 100, Z31: 50, Z32: 50.01 }, fail(100, 100.01)],
    [{ Z30: 0.01 }, fail(0.01, 0)],
    [{ Z31: 10 }, fail(0, 10)],
    [{ Z30: 0 }, pass],
    [{}, skip],
  ],
  'Z30 > 0 => Z10 > 0': [
    [{ Z30: 1000, Z10: 5 }, pass],
    [{ Z30: 0.01, Z10: 1 }, pass],
    [{ Z30: 1000, Z10: 0 }, fail(0, 0)],
    [{ Z30: 1000 }, fail(0, 0)],
    [{ Z30: 0, Z10: 0 }, pass],
    [{ Z10: 5 }, pass],
    [{}, skip],
  ],
  'Z32 > 0 => Z34 > 0': [
    [{ Z32: 50000.5, Z34: 2 }, pass],
    [{ Z32: 50000.5, Z34: 0 }, fail(0, 0)],
    [{ Z32: 50000.5 }, fail(0, 0)],
    [{ Z32: 0 }, pass],
    [{ Z34: 1 }, pass],
    [{}, skip],
  ],
  'Z20 + Z21 + Z22 + Z23 + Z24 >= Z10': [
    [{ Z10: 20, Z20: 10, Z21: 5, Z22: 5 }, pass],
    [{ Z10: 20, Z20: 30 }, pass],
    [{ Z10: 20, Z20: 10, Z21: 9 }, fail(19, 20)],
    [{ Z10: 3 }, fail(0, 3)],
    [{ Z24: 1 }, pass],
    [{}, skip],
  ],
  'Z02 > 0 => Z06 > 0': [
    [{ Z02: 4, Z06: 2 }, pass],
    [{ Z02: 4, Z06: 0 }, fail(0, 0)],
    [{ Z02: 4 }, fail(0, 0)],
    [{ Z02: 0 }, pass],
    [{ Z06: 0 }, pass],
    [{}, skip],
  ],
};

describe('evaluateRule on every rule of zabota v1', () => {
  it('has cases for every rule of the form', () => {
    expect(new Set(zabotaV1.rules.map((r) => r.text))).toEqual(new Set(Object.keys(ZABOTA_CASES)));
  });

  const table = zabotaV1.rules.flatMap((rule) =>
    ZABOTA_CASES[rule.text].map(([values, outcome]) => [rule.id, rule.text, values, outcome] as const),
  );
  it.each(table)('%s %s with %j', (_id, text, values, outcome) => {
    expect(evaluate(text, values)).toEqual(outcome);
  });
});

describe('evaluateRule in general', () => {
  it('compares money to the tiyn, not as floats', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(evaluate('Z30 = Z31 + Z32', { Z30: 0.3, Z31: 0.1, Z32: 0.2 })).toEqual(pass);
    expect(evaluate('Z31 + Z32 <= Z30', { Z30: 0.3, Z31: 0.1, Z32: 0.2 })).toEqual(pass);
    expect(evaluate('Z30 = Z31 + Z32 + Z33', { Z30: 1000000.03, Z31: 0.01, Z32: 0.01, Z33: 1000000.01 })).toEqual(pass);
  });

  it('evaluates a rule of constants alone instead of skipping it', () => {
    expect(evaluate('1 < 2', {})).toEqual(pass);
    expect(evaluate('2 < 1', {})).toEqual(fail(2, 1));
  });

  it('applies signs and constants', () => {
    expect(evaluate('Z01 - Z02 >= 5', { Z01: 10, Z02: 5 })).toEqual(pass);
    expect(evaluate('Z01 - Z02 >= 5', { Z01: 10, Z02: 6 })).toEqual(fail(4, 5));
    expect(evaluate('-Z01 = -3', { Z01: 3 })).toEqual(pass);
    expect(evaluate('Z01 != 0', { Z01: 0 })).toEqual(fail(0, 0));
    expect(evaluate('Z01 < Z02', { Z01: 1 })).toEqual(fail(1, 0));
  });
});

describe('evaluateRule with a missing-value strategy', () => {
  type Verdicts = Record<MissingValueStrategy, RuleOutcome>;
  const all = (outcome: RuleOutcome): Verdicts => ({ skipIfAllBlank: outcome, skipIfAnyBlank: outcome, blankAsZero: outcome });
  const STRATEGY_CASES: [text: string, values: Record<string, number>, verdicts: Verdicts][] = [
    // a plain rule: all blank, some blank, none blank
    ['Z03 <= Z02', {}, { skipIfAllBlank: skip, skipIfAnyBlank: skip, blankAsZero: pass }],
    ['Z03 <= Z02', { Z03: 1 }, { skipIfAllBlank: fail(1, 0), skipIfAnyBlank: skip, blankAsZero: fail(1, 0) }],
    ['Z03 <= Z02', { Z02: 3 }, { skipIfAllBlank: pass, skipIfAnyBlank: skip, blankAsZero: pass }],
    ['Z03 <= Z02', { Z02: 4, Z03: 5 }, all(fail(5, 4))],
    ['Z03 <= Z02', { Z02: 4, Z03: 3 }, all(pass)],
    // a rule that fails on zeros, so that treating blank as 0 shows
    ['Z01 >= 1', {}, { skipIfAllBlank: skip, skipIfAnyBlank: skip, blankAsZero: fail(0, 1) }],
    // an implication: the codes of the condition count as much as those of the check
    ['Z30 > 0 => Z10 > 0', {}, { skipIfAllBlank: skip, skipIfAnyBlank: skip, blankAsZero: pass }],
    ['Z30 > 0 => Z10 > 0', { Z30: 1000 }, { skipIfAllBlank: fail(0, 0), skipIfAnyBlank: skip, blankAsZero: fail(0, 0) }],
    ['Z30 > 0 => Z10 > 0', { Z10: 5 }, { skipIfAllBlank: pass, skipIfAnyBlank: skip, blankAsZero: pass }],
    ['Z30 > 0 => Z10 > 0', { Z30: 1000, Z10: 0 }, all(fail(0, 0))],
    ['Z30 > 0 => Z10 > 0', { Z30: 1000, Z10: 5 }, all(pass)],
    // a sum with one blank term
    ['Z30 = Z31 + Z32', { Z30: 5, Z31: 5 }, { skipIfAllBlank: pass, skipIfAnyBlank: skip, blankAsZero: pass }],
    // constants alone are never skipped
    ['2 < 1', {}, all(fail(2, 1))],
  ];
  const table = STRATEGY_CASES.flatMap(([text, values, verdicts]) =>
    MISSING_VALUE_STRATEGIES.map((missing) => [text, values, missing, verdicts[missing]] as const),
  );

  it.each(table)('%j with %j, %s', (text, values, missing, outcome) => {
    expect(evaluate(text, values, missing)).toEqual(outcome);
  });

  it.each(STRATEGY_CASES)('%j with %j: skipIfAllBlank is the default', (text, values, verdicts) => {
    expect(evaluate(text, values)).toEqual(verdicts.skipIfAllBlank);
  });
});

describe('compiledRules', () => {
  const formWith = (rules: FormRule[]): FormDefinition => ({
    id: 'test',
    version: 1,
    title: { ru: 'Тест', kk: 'Тест' },
    indicators: ['Z01', 'Z02', 'Z03'].map((c) => indicator(c, c, c, 'count', false)),
    rules,
  });

  it('parses each rule once, with skipIfAllBlank when the form does not say', () => {
    const form = formWith([
      { id: 'R1', text: 'Z03 <= Z02', severity: 'error' },
      { id: 'R2', text: 'Z01 >= 1', severity: 'warning', missing: 'blankAsZero' },
    ]);
    expect(compiledRules(form).map((r) => [r.id, r.text, r.missing])).toEqual([
      ['R1', 'Z03 ≤ Z02', 'skipIfAllBlank'],
      ['R2', 'Z01 ≥ 1', 'blankAsZero'],
    ]);
    expect(compiledRules(form)).toBe(compiledRules(form));
  });

  it.each([
    ['Z01 <=', /rule R1 "Z01 <=": rule\.missingOperand at 6/],
    ['Z01 <= Z09 + Z08', /rule R1 "Z01 <= Z09 \+ Z08": rule.unknownCodes Z09, Z08/],
  ])('refuses a form whose rule %j is a defect', (text, error) => {
    expect(() => compiledRules(formWith([{ id: 'R1', text, severity: 'error' }]))).toThrow(error);
  });

  it('checks with each rule\'s own strategy', () => {
    const form = formWith([
      { id: 'R1', text: 'Z03 <= Z02', severity: 'error', missing: 'skipIfAnyBlank' },
      { id: 'R2', text: 'Z01 >= 1', severity: 'warning', missing: 'blankAsZero' },
      { id: 'R3', text: 'Z03 <= Z01', severity: 'error' },
    ]);
    const issues = checkRules(form, new Map([['Z03', 2]]));
    expect(issues.map((i) => [i.message.params?.rule, i.message.params?.left, i.message.params?.right])).toEqual([
      ['R2', 0, 1],
      ['R3', 2, 0],
    ]);
  });
});

describe('checkRules', () => {
  const valid: Record<string, number> = {
    Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 2, Z07: 5,
    Z10: 20, Z11: 10, Z12: 6, Z13: 2, Z14: 1, Z15: 1,
    Z20: 10, Z21: 5, Z22: 5, Z23: 0, Z24: 0,
    Z30: 150000.5, Z31: 100000, Z32: 50000.5, Z33: 0, Z34: 2,
  };
  const values = (changes: Record<string, number | undefined> = {}) => {
    const merged = new Map(Object.entries({ ...valid, ...changes }));
    for (const [c, v] of merged) if (v === undefined) merged.delete(c);
    return merged as Map<string, number>;
  };
  const cells = (c: string) => ({ sheet: 'Форма', cell: `D${Number(c.slice(1)) + 100}` });

  it('finds nothing in a valid report or an empty one', () => {
    expect(checkRules(zabotaV1, values())).toEqual([]);
    expect(checkRules(zabotaV1, new Map())).toEqual([]);
  });

  it('turns a broken error rule into an error that names the rule, its text, both sides and the first code', () => {
    expect(checkRules(zabotaV1, values({ Z03: 9 }), cells)).toEqual([
      {
        severity: 'error',
        sheet: 'Форма',
        cell: 'D103',
        code: 'Z03',
        message: { key: 'import.ruleError', params: { rule: 'Z-R1', text: 'Z03 ≤ Z02', left: 9, right: 4, operands: expect.any(String) } },
      },
    ]);
  });

  it('turns a broken warning rule into a warning', () => {
    expect(checkRules(zabotaV1, values({ Z34: undefined }))).toEqual([
      {
        severity: 'warning',
        code: 'Z32',
        message: { key: 'import.ruleWarning', params: { rule: 'Z-R9', text: 'Z32 > 0 ⇒ Z34 > 0', left: 0, right: 0, operands: expect.any(String) } },
      },
    ]);
  });

  it('reports every broken rule in the order of the form', () => {
    const issues = checkRules(zabotaV1, values({ Z10: 0, Z21: 1, Z30: 150000.51, Z02: 4, Z06: 0 }));
    expect(issues.map((i) => [i.message.params?.rule, i.severity, i.code, i.message.params?.left, i.message.params?.right])).toEqual([
      ['Z-R5', 'error', 'Z11', 10, 0],
      ['Z-R5', 'error', 'Z12', 6, 0],
      ['Z-R5', 'error', 'Z13', 2, 0],
      ['Z-R5', 'error', 'Z14', 1, 0],
      ['Z-R5', 'error', 'Z15', 1, 0],
      ['Z-R6', 'error', 'Z20', 10, 0],
      ['Z-R6', 'error', 'Z21', 1, 0],
      ['Z-R6', 'error', 'Z22', 5, 0],
      ['Z-R7', 'error', 'Z30', 150000.51, 150000.5],
      ['Z-R8', 'error', 'Z30', 0, 0],
      ['Z-R11', 'warning', 'Z02', 0, 0],
    ]);
  });
});

describe('rules over district totals', () => {
  // Three schools' reports of zabota, with blanks (rows a school left empty).
  const SCHOOLS: Record<string, number>[] = [
    { Z01: 500, Z02: 3, Z03: 2, Z04: 4, Z05: 4, Z06: 1, Z10: 10, Z11: 5, Z20: 6, Z21: 4, Z30: 1000.1, Z31: 1000.1 },
    { Z01: 300, Z02: 0, Z03: 0, Z04: 2, Z05: 1, Z10: 0, Z30: 0 },
    { Z01: 400, Z02: 2, Z03: 2, Z04: 0, Z05: 0, Z10: 5, Z12: 5, Z22: 5, Z30: 0.2, Z32: 0.2 },
  ];
  // The same totals as one report would hold them; a row blank in every school stays blank.
  const TOTALS: Record<string, number> = {
    Z01: 1200, Z02: 5, Z03: 4, Z04: 6, Z05: 5, Z06: 1, Z10: 15, Z11: 5, Z12: 5,
    Z20: 6, Z21: 4, Z22: 5, Z30: 1000.3, Z31: 1000.1, Z32: 0.2,
  };

  /** Sums per code in hundredths, as the summary does; a code no school reported is absent. */
  function districtTotals(reports: Record<string, number>[]): Map<string, number> {
    const hundredths = new Map<string, number>();
    for (const report of reports) {
      for (const [c, value] of Object.entries(report)) hundredths.set(c, (hundredths.get(c) ?? 0) + Math.round(value * 100));
    }
    return new Map([...hundredths].map(([c, total]) => [c, total / 100]));
  }

  const totals = districtTotals(SCHOOLS);
  const report = new Map(Object.entries(TOTALS));

  it('sums the schools to the expected totals', () => {
    expect(Object.fromEntries(totals)).toEqual(TOTALS);
  });

  const table = zabotaV1.rules.flatMap((rule) => MISSING_VALUE_STRATEGIES.map((missing) => [rule.id, rule.text, missing] as const));
  it.each(table)('%s %s, %s: the same verdict as for one report with those values', (_id, text, missing) => {
    expect(evaluateRule(parsed(text), (c) => totals.get(c), missing)).toEqual(evaluateRule(parsed(text), (c) => report.get(c), missing));
  });

  it('gives the district the same issues as one report: Z34 is blank everywhere though sponsors gave money', () => {
    const issues = checkRules(zabotaV1, totals);
    expect(issues).toEqual(checkRules(zabotaV1, report));
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'Z32',
        message: { key: 'import.ruleWarning', params: { rule: 'Z-R9', text: 'Z32 > 0 ⇒ Z34 > 0', left: 0, right: 0, operands: expect.any(String) } },
      },
    ]);
  });
});
