// A form's rules applied to one set of values: one school's report, or the district's totals.
import { concreteRules } from './forms/grid-rules.ts';
import { valueCells, type FormDefinition } from './forms/types.ts';
import { issue, type FileIssue } from './messages.ts';
import { ruleOperandsParam } from './rule-messages.ts';
import {
  DEFAULT_MISSING_VALUE_STRATEGY,
  evaluateRule,
  formatRule,
  parseRule,
  ruleCodes,
  type MissingValueStrategy,
  type ParsedRule,
} from './rules.ts';

interface CompiledRule {
  id: string;
  severity: 'error' | 'warning';
  missing: MissingValueStrategy;
  parsed: ParsedRule;
  text: string;
}

const compiled = new WeakMap<FormDefinition, CompiledRule[]>();

/**
 * The form's rules, parsed once per form and made concrete over its cells: a rule «in every row» of a grid is one
 * compiled rule per row, under the same id. A rule that does not parse, or names a cell the form lacks, is a defect
 * of the form itself (the form editor catches both first with formProblems).
 */
export function compiledRules(form: FormDefinition): CompiledRule[] {
  let rules = compiled.get(form);
  if (!rules) {
    rules = form.rules.flatMap((rule) => {
      const defect = (problem: string) => new Error(`Form ${form.id} v${form.version}: rule ${rule.id} "${rule.text}": ${problem}`);
      const result = parseRule(rule.text);
      if (!result.ok) throw defect(`${result.error} at ${result.position}`);
      const missing = rule.missing ?? DEFAULT_MISSING_VALUE_STRATEGY;
      let concrete: ParsedRule[];
      try {
        concrete = concreteRules(form, result.rule);
      } catch (error) {
        throw defect(error instanceof Error ? error.message : String(error));
      }
      return concrete.map((parsed) => ({ id: rule.id, severity: rule.severity, missing, parsed, text: formatRule(parsed) }));
    });
    compiled.set(form, rules);
  }
  return rules;
}

/**
 * The row codes whose value could not be read, from the problems found reading the values: a blank is read (the
 * rule's missing-value strategy decides about it), a cell holding something that is not its type's value is not.
 */
export function unreadableCodes(problems: readonly FileIssue[]): Set<string> {
  // A grid cell's problem is worded as a one-value cell's, its key in `cellProblem` (main/excel/intake/grid-reader.ts).
  const blankOnly = (p: FileIssue) => p.message.key === 'import.required' || p.message.params?.cellProblem === 'import.required';
  return new Set(problems.filter((p) => p.severity === 'error' && p.code && !blankOnly(p)).map((p) => p.code!));
}

/**
 * Every broken rule as an error or a warning that names the rule, both sides' values and, in `operands`, each code's
 * value and labels (shared/rule-messages.ts puts it into words).
 * `values` are one school's report or the district's totals alike; a blank is a code that is absent.
 * `placeOf` puts the issue at the first code's cell when the values came from a file. A rule with a code in
 * `unreadable` is not checked: one note per unreadable cell names the rules it holds back, so that a file's every
 * problem shows at once and no rule is blamed for a value it never saw.
 */
export function checkRules(
  form: FormDefinition,
  values: ReadonlyMap<string, number>,
  placeOf: (code: string) => { sheet?: string; cell?: string } = () => ({}),
  unreadable: ReadonlySet<string> = new Set(),
): FileIssue[] {
  const problems: FileIssue[] = [];
  const unchecked = new Map<string, string[]>();
  const labels = new Map(valueCells(form).map((cell) => [cell.code, cell.label]));
  for (const rule of compiledRules(form)) {
    const blocked = ruleCodes(rule.parsed).find((code) => unreadable.has(code));
    if (blocked) {
      unchecked.set(blocked, [...new Set([...(unchecked.get(blocked) ?? []), `${rule.id} (${rule.text})`])]);
      continue;
    }
    const outcome = evaluateRule(rule.parsed, (code) => values.get(code), rule.missing);
    if (outcome.status !== 'failed') continue;
    const key = rule.severity === 'error' ? 'import.ruleError' : 'import.ruleWarning';
    const operands = ruleOperandsParam(rule.parsed, (code) => values.get(code), (code) => labels.get(code));
    const params = { rule: rule.id, text: rule.text, left: outcome.left, right: outcome.right, ...operands };
    const code = ruleCodes(rule.parsed)[0];
    problems.push(issue(rule.severity, key, params, { ...placeOf(code), code }));
  }
  for (const [code, rules] of unchecked) problems.push(issue('warning', 'import.ruleUnchecked', { code, rules: rules.join('; ') }, { ...placeOf(code), code }));
  return problems;
}

/**
 * The row codes an issue is about: every code of a broken rule, or the issue's own code. The rule is found by its id
 * and, as one id may name a rule repeated over several rows (Z11 <= Z10, Z12 <= Z10…) or, made concrete over a grid,
 * several with the same first cell (H01.1 >= H01.2, H01.1 >= H01.3…), by its first code and its text.
 */
export function issueCodes(form: FormDefinition, found: FileIssue): readonly string[] {
  const { rule: ruleId, text } = found.message.params ?? {};
  const rule = compiledRules(form).find((r) => r.id === ruleId && ruleCodes(r.parsed)[0] === found.code && (text === undefined || r.text === text));
  if (rule) return ruleCodes(rule.parsed);
  return found.code ? [found.code] : [];
}
