// A form's rules applied to one set of values: one school's report, or the district's totals.
import type { FormDefinition } from './forms/types.ts';
import { issue, type FileIssue } from './messages.ts';
import { evaluateRule, formatRule, parseRule, ruleCodes, type ParsedRule } from './rules.ts';

interface CompiledRule {
  id: string;
  severity: 'error' | 'warning';
  parsed: ParsedRule;
  text: string;
}

const compiled = new WeakMap<FormDefinition, CompiledRule[]>();

/** The form's rules, parsed once per form. A rule that does not parse is a defect of the form itself. */
export function compiledRules(form: FormDefinition): CompiledRule[] {
  let rules = compiled.get(form);
  if (!rules) {
    rules = form.rules.map((rule) => {
      const result = parseRule(rule.text);
      if (!result.ok) throw new Error(`Form ${form.id} v${form.version}: rule ${rule.id} "${rule.text}": ${result.error} at ${result.position}`);
      return { id: rule.id, severity: rule.severity, parsed: result.rule, text: formatRule(result.rule) };
    });
    compiled.set(form, rules);
  }
  return rules;
}

/**
 * Every broken rule as an error or a warning that names the rule, its codes and both sides' values.
 * `placeOf` puts the issue at the first code's cell when the values came from a file.
 */
export function checkRules(
  form: FormDefinition,
  values: ReadonlyMap<string, number>,
  placeOf: (code: string) => { sheet?: string; cell?: string } = () => ({}),
): FileIssue[] {
  const problems: FileIssue[] = [];
  for (const rule of compiledRules(form)) {
    const outcome = evaluateRule(rule.parsed, (code) => values.get(code));
    if (outcome.status !== 'failed') continue;
    const key = rule.severity === 'error' ? 'import.ruleError' : 'import.ruleWarning';
    const params = { rule: rule.id, text: rule.text, left: outcome.left, right: outcome.right };
    const code = ruleCodes(rule.parsed)[0];
    problems.push(issue(rule.severity, key, params, { ...placeOf(code), code }));
  }
  return problems;
}
