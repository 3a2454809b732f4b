// A broken rule put into words for a school teacher: each indicator by its row code, its label and its value in the
// reader's language — «Z03 «из них возвращено в школу» (5) не может быть больше Z02 «…» (2)» — an implication as
// «если …, то …», a sum with its terms and total. The message keeps the rule's text and, in `operands`, each code's
// value and labels, so a stored message reads in whatever language the user switches to later.
import type { TFunction } from 'i18next';
import type { Message, MessageParams } from './messages.ts';
import { textWithParams, type KeysUnder } from './text-keys.ts';
import { parseRule, ruleCodes, type Comparison, type Operator, type ParsedRule, type Term } from './rules.ts';

/** One code a broken rule names: its value (absent when blank) and its labels, shortened. */
export interface RuleOperand {
  value?: number;
  ru?: string;
  kk?: string;
}

const LABEL_LENGTH = 60;
// A param of a stored message holds at most 2000 characters (shared/api/inputs.ts); past that the labels are left out.
const OPERANDS_LENGTH = 2000;

/** A long label cut at a word boundary near `max` characters, with «…». */
export function shortLabel(label: string, max = LABEL_LENGTH): string {
  const text = label.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  const cut = space > max / 2 ? text.slice(0, space) : text.slice(0, max);
  return `${cut.replace(/[\s,;:.(—-]+$/, '')}…`;
}

/**
 * The `operands` param of a rule message: the value and labels of every code the rule names; without the labels when
 * they do not fit, and none at all (the message then reads as 0.2.0 worded it) when even the values do not.
 */
export function ruleOperandsParam(
  rule: ParsedRule,
  valueOf: (code: string) => number | undefined,
  labelOf: (code: string) => { ru: string; kk: string } | undefined,
): { operands: string } | Record<string, never> {
  const operands = (withLabels: boolean) =>
    Object.fromEntries(
      ruleCodes(rule).map((code) => {
        const label = withLabels ? labelOf(code) : undefined;
        const operand: RuleOperand = { value: valueOf(code), ...(label ? { ru: shortLabel(label.ru), kk: shortLabel(label.kk) } : {}) };
        return [code, operand];
      }),
    );
  const fitting = [JSON.stringify(operands(true)), JSON.stringify(operands(false))].find((text) => text.length <= OPERANDS_LENGTH);
  return fitting ? { operands: fitting } : {};
}

type Language = 'kk' | 'ru' | 'en';
const NUMBER_LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-US' };

/** The one place a rule message formats a number: grouped as the language writes it, up to two decimals. */
export function formatRuleNumber(value: number, lng: Language): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lng], { maximumFractionDigits: 2 }).format(value);
}

/** Which form of a side the sentence needs: the subject, after «больше/меньше» (of), after «равняться» (to). */
type Form = 'nom' | 'of' | 'to';
const OPERATOR_NAME = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const satisfies Record<Operator, string>;
const RIGHT_FORM: Record<Operator, Form> = { '=': 'to', '!=': 'to', '<': 'of', '<=': 'of', '>': 'of', '>=': 'of' };

class Sentence {
  private readonly t: TFunction;
  private readonly operands: Record<string, RuleOperand>;
  private readonly lng: Language;

  constructor(t: TFunction, operands: Record<string, RuleOperand>) {
    this.t = t;
    this.operands = operands;
    const lng = this.word('lang');
    this.lng = lng === 'kk' || lng === 'en' ? lng : 'ru';
  }

  private word(key: KeysUnder<'messages.import.ruleWords'>, params: MessageParams = {}): string {
    return textWithParams(this.t, `messages.import.ruleWords.${key}`, params);
  }

  private number(value: number): string {
    return formatRuleNumber(value, this.lng);
  }

  private label(operand: RuleOperand): string | undefined {
    return this.lng === 'kk' ? operand.kk : operand.ru;
  }

  private termValue(term: Term): number {
    return term.code ? (this.operands[term.code]?.value ?? 0) : (term.constant ?? 0);
  }

  private term(term: Term): string {
    if (!term.code) return this.number(term.constant ?? 0);
    const operand = this.operands[term.code] ?? {};
    const value = operand.value === undefined ? this.word('blank') : this.number(operand.value);
    const label = this.label(operand);
    return label ? this.word('operand', { code: term.code, label, value }) : this.word('bare', { code: term.code, value });
  }

  private side(terms: Term[], form: Form): string {
    const [first] = terms;
    if (terms.length === 1 && first.sign > 0) {
      if (first.code) return this.word(`single.${form}`, { term: this.term(first) });
      return first.constant === 0 ? this.word(`zero.${form}`) : this.word(`constant.${form}`, { value: this.number(first.constant ?? 0) });
    }
    const text = terms.map((term, i) => `${i === 0 ? (term.sign < 0 ? '−' : '') : term.sign < 0 ? ' − ' : ' + '}${this.term(term)}`).join('');
    const total = terms.reduce((sum, term) => sum + term.sign * Math.round(this.termValue(term) * 100), 0) / 100;
    return this.word(`sum.${form}`, { terms: text, total: this.number(total) });
  }

  comparison(kind: 'condition' | 'check' | 'checkAlso', c: Comparison): string {
    return this.word(`${kind}.${OPERATOR_NAME[c.op]}`, { left: this.side(c.left, 'nom'), right: this.side(c.right, RIGHT_FORM[c.op]) });
  }
}

function sameComparison(a: Comparison, b: Comparison): boolean {
  const constant = (terms: Term[]) => (terms.length === 1 && !terms[0].code && terms[0].sign > 0 ? terms[0].constant : undefined);
  return a.op === b.op && constant(a.right) !== undefined && constant(a.right) === constant(b.right);
}

function readOperands(param: string | number | undefined): Record<string, RuleOperand> | null {
  if (typeof param !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(param);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, RuleOperand>) : null;
  } catch {
    return null;
  }
}

/**
 * The rule a message names as a sentence in t's language, or null when the message is not a broken rule with its
 * operands (a message stored by 0.2.0 has none: it reads with its own key's text).
 */
export function ruleSentence(t: TFunction, message: Message): string | null {
  if (message.key !== 'import.ruleError' && message.key !== 'import.ruleWarning') return null;
  const operands = readOperands(message.params?.operands);
  const parsed = parseRule(String(message.params?.text ?? ''));
  if (!operands || !parsed.ok) return null;
  const sentence = new Sentence(t, operands);
  const { condition, check } = parsed.rule;
  if (!condition) return sentence.comparison('check', check);
  return t('messages.import.ruleWords.implication', {
    condition: sentence.comparison('condition', condition),
    check: sentence.comparison(sameComparison(condition, check) ? 'checkAlso' : 'check', check),
  }) as string;
}

/** A broken rule's whole message: «Правило Z-R1 не выполнено: …»; null as for ruleSentence. */
export function ruleMessageText(t: TFunction, message: Message): string | null {
  const sentence = ruleSentence(t, message);
  if (sentence === null) return null;
  const severity = message.key === 'import.ruleError' ? 'error' : 'warning';
  return t(`messages.import.ruleBroken.${severity}`, { rule: message.params?.rule ?? '', sentence }) as string;
}
