// The rule language over row codes: parsing, evaluation in hundredths, formatting, and a form's rules as issues.
import { describe, expect, it } from 'vitest';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { evaluateRule, formatRule, parseRule, ruleCodes, type ParsedRule, type RuleOutcome } from '../../shared/rules.ts';
import { checkRules } from '../../shared/validate.ts';

function parsed(text: string): ParsedRule {
  const result = parseRule(text);
  if (!result.ok) throw new Error(`${text}: ${result.error} at ${result.position}`);
  return result.rule;
}

function evaluate(text: string, values: Record<string, number>): RuleOutcome {
  return evaluateRule(parsed(text), (code) => values[code]);
}

const code = (c: string, sign: 1 | -1 = 1) => ({ sign, code: c });
const constant = (value: number, sign: 1 | -1 = 1) => ({ sign, constant: value });

describe('parseRule', () => {
  it('parses every rule of form zabota v1 and formats it back the way forms.md writes it', () => {
    const expected: Record<string, string> = {
      'Z03 <= Z02': 'Z03 ≤ Z02',
      'Z05 <= Z04': 'Z05 ≤ Z04',
      'Z04 <= Z01': 'Z04 ≤ Z01',
      'Z10 <= Z01': 'Z10 ≤ Z01',
      'Z11 <= Z10': 'Z11 ≤ Z10',
      'Z12 <= Z10': 'Z12 ≤ Z10',
      'Z13 <= Z10': 'Z13 ≤ Z10',
      'Z14 <= Z10': 'Z14 ≤ Z10',
      'Z15 <= Z10': 'Z15 ≤ Z10',
      'Z20 <= Z10': 'Z20 ≤ Z10',
      'Z21 <= Z10': 'Z21 ≤ Z10',
      'Z22 <= Z10': 'Z22 ≤ Z10',
      'Z23 <= Z10': 'Z23 ≤ Z10',
      'Z24 <= Z10': 'Z24 ≤ Z10',
      'Z30 = Z31 + Z32 + Z33': 'Z30 = Z31 + Z32 + Z33',
      'Z30 > 0 => Z10 > 0': 'Z30 > 0 ⇒ Z10 > 0',
      'Z32 > 0 => Z34 > 0': 'Z32 > 0 ⇒ Z34 > 0',
      'Z20 + Z21 + Z22 + Z23 + Z24 >= Z10': 'Z20 + Z21 + Z22 + Z23 + Z24 ≥ Z10',
      'Z02 > 0 => Z06 > 0': 'Z02 > 0 ⇒ Z06 > 0',
    };
    expect(zabotaV1.rules.map((r) => r.text)).toEqual(Object.keys(expected));
    for (const rule of zabotaV1.rules) {
      const pretty = formatRule(parsed(rule.text));
      expect(pretty).toBe(expected[rule.text]);
      // the forms.md spelling parses to the same rule
      expect(parsed(pretty)).toEqual(parsed(rule.text));
    }
  });

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

  it.each(['Z30 > 0 ⇒ Z10 > 0', 'Z30 > 0 => Z10 > 0', 'Z30>0=>Z10>0'])('%j is an implication', (text) => {
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

  it.each([
    // text, error, position
    ['', 'expected-operand', 0],
    ['Z01', 'expected-operator', 3],
    ['Z01 Z02', 'expected-operator', 4],
    ['Z01 => Z02', 'expected-operator', 4],
    ['Z01 + <= Z02', 'expected-operand', 6],
    ['Z01 <=', 'expected-operand', 6],
    ['Z01 <= <= Z02', 'expected-operand', 7],
    ['Z01 <= Z02 +', 'expected-operand', 12],
    ['Z01 <= Z02 - - 3', 'expected-operand', 13],
    ['Z01 <= Z02 Z03', 'expected-end', 11],
    ['Z01 <= Z02 5', 'expected-end', 11],
    ['Z01 <= Z02 => Z03', 'expected-operator', 17],
    ['Z01 > 0 ⇒ Z02 > 0 ⇒ Z03 > 0', 'expected-end', 18],
    ['Z01<=Z02*2', 'unexpected', 8],
    ['Z01!Z02', 'unexpected', 3],
    ['Z01 ! Z02', 'unexpected', 4],
    // a Cyrillic «З» that looks like a Latin Z
    ['З01 <= Z02', 'unexpected', 0],
    ['Z01<=Z02&Z03', 'unexpected', 8],
  ])('%j → %s at %i', (text, error, position) => {
    expect(parseRule(text)).toEqual({ ok: false, error, position });
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
        message: { key: 'import.ruleError', params: { rule: 'Z-R1', text: 'Z03 ≤ Z02', left: 9, right: 4 } },
      },
    ]);
  });

  it('turns a broken warning rule into a warning', () => {
    expect(checkRules(zabotaV1, values({ Z34: undefined }))).toEqual([
      {
        severity: 'warning',
        code: 'Z32',
        message: { key: 'import.ruleWarning', params: { rule: 'Z-R9', text: 'Z32 > 0 ⇒ Z34 > 0', left: 0, right: 0 } },
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
