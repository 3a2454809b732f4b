// Validation rules over row codes ("контрольные соотношения"): `left op right`,
// optionally behind an implication `A > 0 => B > 0`. Sides are sums of row codes and constants.
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

export type ParseResult = { ok: true; rule: ParsedRule } | { ok: false; error: string; position: number };

const OPERATOR_SPELLINGS: Record<string, Operator> = {
  '=': '=', '==': '=', '!=': '!=', '≠': '!=', '<>': '!=',
  '<': '<', '<=': '<=', '≤': '<=', '>': '>', '>=': '>=', '≥': '>=',
};
const IMPLIES = new Set(['=>', '⇒']);

interface Token {
  text: string;
  position: number;
}

function tokenize(text: string): Token[] | { error: string; position: number } {
  const tokens: Token[] = [];
  const pattern = /=>|⇒|<=|>=|!=|<>|==|[<>=≤≥≠+-]|[A-Za-z][A-Za-z0-9_]*|\d+(?:[.,]\d+)?/y;
  let position = 0;
  for (;;) {
    while (/\s/.test(text[position] ?? '')) position++;
    if (position >= text.length) break;
    pattern.lastIndex = position;
    const match = pattern.exec(text);
    if (!match) return { error: 'unexpected', position };
    tokens.push({ text: match[0], position });
    position = pattern.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): ParsedRule {
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
    const token = this.next('operator');
    const op = OPERATOR_SPELLINGS[token.text];
    if (!op) throw new RuleSyntaxError('operator', token.position);
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
    const token = this.next('operand');
    if (/^\d/.test(token.text)) return { sign, constant: Number(token.text.replace(',', '.')) };
    if (/^[A-Za-z]/.test(token.text)) return { sign, code: token.text.toUpperCase() };
    throw new RuleSyntaxError('operand', token.position);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw new RuleSyntaxError(expected, -1);
    return token;
  }

  private expectEnd(): void {
    const extra = this.peek();
    if (extra) throw new RuleSyntaxError('end', extra.position);
  }
}

class RuleSyntaxError extends Error {
  readonly expected: string;
  readonly position: number;

  constructor(expected: string, position: number) {
    super(`expected ${expected}`);
    this.expected = expected;
    this.position = position;
  }
}

export function parseRule(text: string): ParseResult {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, ...tokens };
  try {
    return { ok: true, rule: new Parser(tokens).parse() };
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    return { ok: false, error: `expected-${error.expected}`, position: error.position < 0 ? text.length : error.position };
  }
}

export function ruleCodes(rule: ParsedRule): string[] {
  const comparisons = rule.condition ? [rule.condition, rule.check] : [rule.check];
  const codes = comparisons.flatMap((c) => [...c.left, ...c.right]).flatMap((t) => (t.code ? [t.code] : []));
  return [...new Set(codes)];
}

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

/** Blank counts as 0 inside a rule; a rule whose row codes are all blank is skipped. */
export function evaluateRule(rule: ParsedRule, lookup: ValueLookup): RuleOutcome {
  const codes = ruleCodes(rule);
  if (codes.length > 0 && codes.every((code) => lookup(code) === undefined)) return { status: 'skipped' };
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
