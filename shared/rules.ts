// Validation rules over row codes ("контрольные соотношения"): `left op right`,
// optionally behind an implication `A > 0 => B > 0`. Sides are sums of references and constants.
// A reference is a row code ("Z01"), a grid cell ("H03.2"), a range summed ("H02..H06.3", "H01.2..7") or a cell in
// every row or every графа ("*.1", "H01.*"); shared/forms/grid-rules.ts makes such a rule concrete for a form.
// Values are compared in hundredths, so money is exact to the tiyn.

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Term {
  sign: 1 | -1;
  code?: string;
  constant?: number;
}

export interface Comparison {
  left: Term[];
  op: Operator;
  right: Term[];
}

export interface ParsedRule {
  condition?: Comparison;
  check: Comparison;
}

/** What is wrong with a rule's text; each is a message key under `rule.` in the locale files. */
export const RULE_ERRORS = [
  'rule.emptyRule',
  'rule.unexpected',
  'rule.missingOperator',
  'rule.missingOperand',
  'rule.twoImplications',
  'rule.trailing',
] as const;
export type RuleError = (typeof RULE_ERRORS)[number];

/** `position` is the 0-based index in the text where the problem starts (the text's length when it ends too early). */
export type ParseResult = { ok: true; rule: ParsedRule } | { ok: false; error: RuleError; position: number };

const OPERATOR_SPELLINGS: Record<string, Operator> = {
  '=': '=', '==': '=', '!=': '!=', '≠': '!=', '<>': '!=',
  '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=',
};
const IMPLIES = new Set(['=>', '⇒']);
const ROW_PART = String.raw`(?:[A-Za-z][A-Za-z0-9_]*(?:\.\.[A-Za-z][A-Za-z0-9_]*)?|\*(?=\.))`;
const COLUMN_PART = String.raw`(?:[A-Za-z0-9]+(?:\.\.[A-Za-z0-9]+)?|\*)`;
const REFERENCE = `${ROW_PART}(?:\\.${COLUMN_PART})?`;
const TOKEN = new RegExp(String.raw`=>|⇒|<=|>=|!=|<>|==|[<>=≤≥≠+-]|${REFERENCE}|\d+(?:[.,]\d+)?`, 'y');

interface Token {
  text: string;
  position: number;
}

class RuleSyntaxError extends Error {
  readonly error: RuleError;
  /** -1: the text ended where something more was needed. */
  readonly position: number;

  constructor(error: RuleError, position: number) {
    super(error);
    this.error = error;
    this.position = position;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (;;) {
    while (/\s/.test(text[position] ?? '')) position++;
    if (position >= text.length) return tokens;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) throw new RuleSyntaxError('rule.unexpected', position);
    tokens.push({ text: match[0], position });
    position = TOKEN.lastIndex;
  }
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): ParsedRule {
    if (this.tokens.length === 0) throw new RuleSyntaxError('rule.emptyRule', 0);
    // Found before parsing, so that "A => B => C" is named for what it is, not for the operator B lacks.
    const implications = this.tokens.filter((t) => IMPLIES.has(t.text));
    if (implications.length > 1) throw new RuleSyntaxError('rule.twoImplications', implications[1].position);
    const first = this.comparison();
    if (this.peek() && IMPLIES.has(this.peek()!.text)) {
      this.index++;
      const check = this.comparison();
      this.expectEnd();
      return { condition: first, check };
    }
    this.expectEnd();
    return { check: first };
  }

  private comparison(): Comparison {
    const left = this.sum();
    const token = this.next('rule.missingOperator');
    const op = OPERATOR_SPELLINGS[token.text];
    if (!op) throw new RuleSyntaxError('rule.missingOperator', token.position);
    return { left, op, right: this.sum() };
  }

  private sum(): Term[] {
    const terms: Term[] = [];
    let sign: 1 | -1 = 1;
    if (this.peek()?.text === '-') {
      sign = -1;
      this.index++;
    }
    for (;;) {
      terms.push(this.term(sign));
      const following = this.peek()?.text;
      if (following !== '+' && following !== '-') return terms;
      sign = following === '+' ? 1 : -1;
      this.index++;
    }
  }

  private term(sign: 1 | -1): Term {
    const token = this.next('rule.missingOperand');
    if (/^\d/.test(token.text)) return { sign, constant: Number(token.text.replace(',', '.')) };
    if (/^[A-Za-z*]/.test(token.text)) return { sign, code: token.text.toUpperCase() };
    throw new RuleSyntaxError('rule.missingOperand', token.position);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(missing: RuleError): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new RuleSyntaxError(missing, -1);
    return token;
  }

  private expectEnd(): void {
    const extra = this.peek();
    if (extra) throw new RuleSyntaxError('rule.trailing', extra.position);
  }
}

export function parseRule(text: string): ParseResult {
  try {
    return { ok: true, rule: new Parser(tokenize(text)).parse() };
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    return { ok: false, error: error.error, position: error.position < 0 ? text.length : error.position };
  }
}

/** The piece of text a problem is at: the character or token there, what is left over, or the end the text stops at. */
function nearText(text: string, error: RuleError, position: number): string {
  if (position >= text.length) return text.trim().slice(-20);
  if (error === 'rule.unexpected') return String.fromCodePoint(text.codePointAt(position)!);
  if (error === 'rule.trailing') return text.slice(position).trim();
  TOKEN.lastIndex = position;
  return TOKEN.exec(text)?.[0] ?? text[position];
}

export interface RuleProblem {
  key: RuleError;
  /** `position` counts characters from 1, as people do; `near` is the text found there. */
  params: { position: number; near: string };
}

/** A form editor's live check of a rule as it is typed: null when it parses. */
export function ruleProblem(text: string): RuleProblem | null {
  const result = parseRule(text);
  if (result.ok) return null;
  return { key: result.error, params: { position: result.position + 1, near: nearText(text, result.error, result.position) } };
}

const codesOfRule = new WeakMap<ParsedRule, readonly string[]>();

/** The codes a rule names, each once; listed once per parsed rule (every file's values are checked against the same rules). */
export function ruleCodes(rule: ParsedRule): readonly string[] {
  let codes = codesOfRule.get(rule);
  if (!codes) {
    const comparisons = rule.condition ? [rule.condition, rule.check] : [rule.check];
    codes = [...new Set(comparisons.flatMap((c) => [...c.left, ...c.right]).flatMap((t) => (t.code ? [t.code] : [])))];
    codesOfRule.set(rule, codes);
  }
  return codes;
}

/** The codes a rule names that the form does not have (message key `rule.unknownCodes`). */
export function checkRuleCodes(rule: ParsedRule, knownCodes: ReadonlySet<string>): string[] {
  return ruleCodes(rule).filter((code) => !knownCodes.has(code));
}

/**
 * What a blank (not reported) value does to a rule, as DHIS2's missing-value strategy.
 * Inside a rule that is evaluated a blank always counts as 0.
 * - skipIfAllBlank: skip the rule when every code it names is blank (the default);
 * - skipIfAnyBlank: skip it when any code it names is blank, in the condition or the check;
 * - blankAsZero: never skip it.
 */
export const MISSING_VALUE_STRATEGIES = ['skipIfAllBlank', 'skipIfAnyBlank', 'blankAsZero'] as const;
export type MissingValueStrategy = (typeof MISSING_VALUE_STRATEGIES)[number];
export const DEFAULT_MISSING_VALUE_STRATEGY: MissingValueStrategy = 'skipIfAllBlank';

/** Value of a row code in natural units (count, or tenge with up to 2 decimals); undefined when not reported. */
export type ValueLookup = (code: string) => number | undefined;

export type RuleOutcome =
  | { status: 'skipped' }
  | { status: 'passed' }
  | { status: 'failed'; left: number; right: number };

function hundredths(value: number): number {
  return Math.round(value * 100);
}

function sideTotal(terms: Term[], lookup: ValueLookup): number {
  return terms.reduce((total, term) => {
    const value = term.code ? lookup(term.code) ?? 0 : term.constant ?? 0;
    return total + term.sign * hundredths(value);
  }, 0);
}

function holds(op: Operator, left: number, right: number): boolean {
  switch (op) {
    case '=': return left === right;
    case '!=': return left !== right;
    case '<': return left < right;
    case '<=': return left <= right;
    case '>': return left > right;
    case '>=': return left >= right;
  }
}

function skips(codes: readonly string[], lookup: ValueLookup, missing: MissingValueStrategy): boolean {
  const blank = (code: string) => lookup(code) === undefined;
  switch (missing) {
    case 'skipIfAllBlank': return codes.length > 0 && codes.every(blank);
    case 'skipIfAnyBlank': return codes.some(blank);
    case 'blankAsZero': return false;
  }
}

/**
 * The same for one school's report and for the district's totals: `lookup` gives whichever values are checked.
 * A rule of constants alone is never skipped.
 */
export function evaluateRule(rule: ParsedRule, lookup: ValueLookup, missing: MissingValueStrategy = DEFAULT_MISSING_VALUE_STRATEGY): RuleOutcome {
  if (skips(ruleCodes(rule), lookup, missing)) return { status: 'skipped' };
  if (rule.condition) {
    const { left, op, right } = rule.condition;
    if (!holds(op, sideTotal(left, lookup), sideTotal(right, lookup))) return { status: 'passed' };
  }
  const left = sideTotal(rule.check.left, lookup);
  const right = sideTotal(rule.check.right, lookup);
  return holds(rule.check.op, left, right) ? { status: 'passed' } : { status: 'failed', left: left / 100, right: right / 100 };
}

const PRETTY_OPERATOR: Record<Operator, string> = { '=': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

function formatSide(terms: Term[]): string {
  return terms
    .map((term, i) => {
      const operand = term.code ?? String(term.constant);
      if (i === 0) return term.sign < 0 ? `-${operand}` : operand;
      return `${term.sign < 0 ? '-' : '+'} ${operand}`;
    })
    .join(' ');
}

function formatComparison(c: Comparison): string {
  return `${formatSide(c.left)} ${PRETTY_OPERATOR[c.op]} ${formatSide(c.right)}`;
}

/** The rule as people read it: "Z30 > 0 ⇒ Z10 > 0". */
export function formatRule(rule: ParsedRule): string {
  return rule.condition ? `${formatComparison(rule.condition)} ⇒ ${formatComparison(rule.check)}` : formatComparison(rule.check);
}
