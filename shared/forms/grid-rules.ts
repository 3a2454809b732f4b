// A rule as a form's author writes it, made concrete over the form's cells: each range becomes the sum of its cells,
// and a rule with `*` becomes one rule per row («in every row»: "*.1 >= *.2") or per графа («in every графа»:
// "H01.* >= H02.*") of its grid. What is checked, stored and shown is then always a rule over plain cell codes.
import type { Message } from '../messages.ts';
import type { ParsedRule, Term, Comparison } from '../rules.ts';
import { cellCode, gridTables, isClosedCell, isNumericType, valueCells, type FormDefinition, type GridTable } from './types.ts';

type FormParts = Pick<FormDefinition, 'indicators' | 'tables'>;

/** One part of a reference: a code, a range of codes, or every one. */
type Part = { kind: 'one'; code: string } | { kind: 'range'; from: string; to: string } | { kind: 'every' };

interface Reference {
  row: Part;
  column?: Part;
}

function part(text: string): Part {
  if (text === '*') return { kind: 'every' };
  const [from, to] = text.split('..');
  return to === undefined ? { kind: 'one', code: from } : { kind: 'range', from, to };
}

function reference(code: string): Reference {
  // The one dot that is not part of a range ("H02..H06.3": the third) separates the row from the графа.
  const separator = [...code.matchAll(/\./g)].map((m) => m.index).find((i) => code[i - 1] !== '.' && code[i + 1] !== '.');
  if (separator === undefined) return { row: part(code) };
  return { row: part(code.slice(0, separator)), column: part(code.slice(separator + 1)) };
}

export class GridRuleProblem extends Error {
  readonly problem: Message;

  constructor(problem: Message) {
    super([problem.key, ...Object.values(problem.params ?? {})].join(' '));
    this.problem = problem;
  }
}

const fail = (key: Message['key'], params?: Message['params']): never => {
  throw new GridRuleProblem({ key, params });
};

function tableOfRow(form: FormParts, row: string): GridTable | undefined {
  return gridTables(form).find((table) => table.rows.some((r) => r.code === row));
}

function termCodes(rule: ParsedRule): string[] {
  const comparisons = rule.condition ? [rule.condition, rule.check] : [rule.check];
  return comparisons.flatMap((c) => [...c.left, ...c.right]).flatMap((t) => (t.code ? [t.code] : []));
}

/** The grid that the rule's `*` ranges over: the grid of its named rows, or the one grid having all its графы. */
function ruleTable(form: FormParts, references: Reference[]): GridTable | undefined {
  const wild = references.filter((r) => r.row.kind === 'every' || r.column?.kind === 'every');
  if (wild.length === 0) return undefined;
  const named = new Set(
    wild.flatMap((r) => (r.row.kind === 'one' ? [r.row.code] : r.row.kind === 'range' ? [r.row.from] : [])).map((row) => tableOfRow(form, row)),
  );
  if (named.size > 1) fail('rule.twoGrids');
  const [table] = named;
  if (table) return table;
  if (named.size === 1) fail('rule.everyNeedsGrid');
  const columns = wild.flatMap((r) => (r.column?.kind === 'one' ? [r.column.code] : r.column?.kind === 'range' ? [r.column.from, r.column.to] : []));
  const having = gridTables(form).filter((grid) => columns.every((code) => grid.columns.some((c) => c.code === code)));
  if (having.length !== 1) fail(having.length === 0 ? 'rule.everyNeedsGrid' : 'rule.whichGrid', { columns: columns.join(', ') });
  return having[0];
}

function between<T extends { code: string }>(items: readonly T[], from: string, to: string, range: string): string[] {
  const start = items.findIndex((item) => item.code === from);
  const end = items.findIndex((item) => item.code === to);
  if (start < 0 || end < start) fail('rule.badRange', { range });
  return items.slice(start, end + 1).map((item) => item.code);
}

/** The codes a reference stands for once its `*` are bound to `row` and `column`; a range gives several. */
function cellsOf(form: FormParts, ref: Reference, text: string, row: string | undefined, column: string | undefined): string[] {
  if (!ref.column) {
    if (ref.row.kind === 'one') return [ref.row.code];
    if (ref.row.kind === 'range') return between(form.indicators, ref.row.from, ref.row.to, text);
    return fail('rule.everyNeedsGrid');
  }
  const anyRow = ref.row.kind === 'one' ? ref.row.code : ref.row.kind === 'range' ? ref.row.from : row;
  const table = anyRow ? tableOfRow(form, anyRow) : undefined;
  if (!table) return fail('rule.unknownCodes', { codes: text });
  const rows = ref.row.kind === 'one' ? [ref.row.code] : ref.row.kind === 'range' ? between(table.rows, ref.row.from, ref.row.to, text) : [row!];
  const columns =
    ref.column.kind === 'one' ? [ref.column.code] : ref.column.kind === 'range' ? between(table.columns, ref.column.from, ref.column.to, text) : [column!];
  const cells = rows.flatMap((r) => columns.map((c) => ({ r, c })));
  for (const { c } of cells) if (!table.columns.some((col) => col.code === c)) fail('rule.unknownCodes', { codes: text });
  const open = cells.filter(({ r, c }) => !isClosedCell(table, r, c)).map(({ r, c }) => cellCode(r, c));
  // A single cell that is closed makes this instance meaningless; a range just leaves its closed cells out.
  if (open.length === 0 && cells.length === 1) return [];
  return open;
}

function concreteSide(form: FormParts, terms: Term[], row: string | undefined, column: string | undefined): Term[] | null {
  const out: Term[] = [];
  for (const term of terms) {
    if (!term.code) {
      out.push(term);
      continue;
    }
    const codes = cellsOf(form, reference(term.code), term.code, row, column);
    if (codes.length === 0 && !/\.\./.test(term.code)) return null;
    out.push(...codes.map((code) => ({ sign: term.sign, code })));
  }
  return out;
}

function concreteComparison(form: FormParts, c: Comparison, row?: string, column?: string): Comparison | null {
  const left = concreteSide(form, c.left, row, column);
  const right = concreteSide(form, c.right, row, column);
  if (!left || !right) return null;
  return { left: left.length > 0 ? left : [{ sign: 1, constant: 0 }], op: c.op, right: right.length > 0 ? right : [{ sign: 1, constant: 0 }] };
}

/**
 * The rule made concrete for the form: one rule, or one per row / графа of its grid when it has `*`.
 * Throws GridRuleProblem (a `rule.*` message) when a reference names no cell of the form, a range is reversed or
 * spans two grids, or the grid a `*` ranges over cannot be told.
 */
export function concreteRules(form: FormParts, rule: ParsedRule): ParsedRule[] {
  const references = termCodes(rule).map(reference);
  const table = ruleTable(form, references);
  const everyRow = references.some((r) => r.row.kind === 'every');
  const everyColumn = references.some((r) => r.column?.kind === 'every');
  const rows = everyRow && table ? table.rows.map((r) => r.code) : [undefined];
  const columns = everyColumn && table ? table.columns.map((c) => c.code) : [undefined];
  const rules: ParsedRule[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const check = concreteComparison(form, rule.check, row, column);
      const condition = rule.condition ? concreteComparison(form, rule.condition, row, column) : undefined;
      if (!check || condition === null) continue;
      rules.push(condition ? { condition, check } : { check });
    }
  }
  const known = new Map(valueCells(form).map((cell) => [cell.code, cell]));
  const concrete = rules.flatMap(termCodes);
  const unknown = [...new Set(concrete.filter((code) => !known.has(code)))];
  if (unknown.length > 0) fail('rule.unknownCodes', { codes: unknown.join(', ') });
  const notNumbers = [...new Set(concrete.filter((code) => !isNumericType(known.get(code)!.type)))];
  if (notNumbers.length > 0) fail('rule.notNumbers', { codes: notNumbers.join(', ') });
  return rules;
}

/** The rule's problem with the form's cells, or null when it is concrete for the form. */
export function gridRuleProblem(form: FormParts, rule: ParsedRule): Message | null {
  try {
    concreteRules(form, rule);
    return null;
  } catch (error) {
    if (error instanceof GridRuleProblem) return error.problem;
    throw error;
  }
}
