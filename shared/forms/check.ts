// Whether a form definition can be used: codes, labels, sections, rules and tables that fit together.
// The form editor shows these problems live; the main process refuses to store a form that has any.
import type { Message } from '../messages.ts';
import { parseRule, ruleProblem } from '../rules.ts';
import { gridRuleProblem } from './grid-rules.ts';
import { gridTables, INDICATOR_TYPES, listTables, valueCells, type FormDefinition, type GridTable } from './types.ts';

/** What is wrong and where: an indicator's code, a rule's id, a table's id, or '' for the form itself. */
export interface FormProblem {
  where: string;
  message: Message;
}

/** Row codes as printed on the form and typed in rules: a Latin capital, then capitals, digits or _. */
export const ROW_CODE = /^[A-Z][A-Z0-9_]{0,11}$/;
/** A графа's code as printed above it: its number, or Latin capitals and digits ("1", "12", "A"). */
export const COLUMN_CODE = /^[A-Z0-9]{1,4}$/;
export const MAX_INDICATORS = 300;
export const MAX_GRID_ROWS = 200;
export const MAX_GRID_COLUMNS = 30;
/** Value cells of a form in all: its one-value rows and its grids' open cells. */
export const MAX_VALUE_CELLS = 3000;
export const MAX_LIST_ROWS = 500;

function problem(where: string, key: Message['key'], params?: Message['params']): FormProblem {
  return { where, message: { key, params } };
}

function repeated(values: string[]): string[] {
  return [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
}

function indicatorProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  // A form of grids only (a region's table of строки × графы) has no one-value rows, and needs none.
  if (form.indicators.length === 0 && gridTables(form).length === 0) problems.push(problem('', 'form.noIndicators'));
  if (form.indicators.length > MAX_INDICATORS) problems.push(problem('', 'form.tooManyIndicators', { limit: MAX_INDICATORS }));
  const sections = new Set((form.sections ?? []).map((section) => section.id));
  for (const { code, label, section } of form.indicators) {
    if (!ROW_CODE.test(code)) problems.push(problem(code, 'form.badCode', { code }));
    if (!label.ru.trim() || !label.kk.trim()) problems.push(problem(code, 'form.labelMissing', { code }));
    if (section !== undefined && !sections.has(section)) problems.push(problem(code, 'form.unknownSection', { code, section }));
  }
  const rowCodes = [...form.indicators.map((i) => i.code), ...gridTables(form).flatMap((grid) => grid.rows.map((row) => row.code))];
  for (const code of repeated(rowCodes)) problems.push(problem(code, 'form.repeatedCode', { code }));
  for (const section of form.sections ?? []) {
    if (!section.id.trim()) problems.push(problem('', 'form.sectionIdMissing'));
    if (!section.title.ru.trim() || !section.title.kk.trim()) problems.push(problem(section.id, 'form.sectionTitleMissing', { section: section.id }));
  }
  for (const id of repeated((form.sections ?? []).map((section) => section.id))) problems.push(problem(id, 'form.repeatedSection', { section: id }));
  return problems;
}

function gridProblems(grid: GridTable): FormProblem[] {
  const problems: FormProblem[] = [];
  const where = grid.id;
  if (!grid.id.trim()) problems.push(problem('', 'form.tableIdMissing'));
  if (!grid.title.ru.trim() || !grid.title.kk.trim()) problems.push(problem(where, 'form.tableTitleMissing', { table: where }));
  if (grid.rows.length === 0) problems.push(problem(where, 'form.gridNoRows', { table: where }));
  if (grid.columns.length === 0) problems.push(problem(where, 'form.noColumns', { table: where }));
  for (const row of grid.rows) {
    if (!ROW_CODE.test(row.code)) problems.push(problem(row.code, 'form.badCode', { code: row.code }));
    if (!row.label.ru.trim() || !row.label.kk.trim()) problems.push(problem(row.code, 'form.labelMissing', { code: row.code }));
    const unknown = (row.requiredColumns ?? []).filter((code) => !grid.columns.some((column) => column.code === code));
    if (unknown.length > 0) problems.push(problem(row.code, 'form.gridUnknownColumns', { table: where, codes: unknown.join(', ') }));
  }
  for (const column of grid.columns) {
    if (!COLUMN_CODE.test(column.code)) problems.push(problem(where, 'form.gridBadColumn', { table: where, code: column.code }));
    if (!column.label.ru.trim() || !column.label.kk.trim()) problems.push(problem(where, 'form.gridColumnLabelMissing', { table: where, code: column.code }));
    if (!INDICATOR_TYPES.includes(column.type)) problems.push(problem(where, 'form.gridBadColumn', { table: where, code: column.code }));
  }
  for (const code of repeated(grid.columns.map((column) => column.code))) problems.push(problem(where, 'form.gridRepeatedColumn', { table: where, code }));
  const cells = new Set(grid.rows.flatMap((row) => grid.columns.map((column) => `${row.code}.${column.code}`)));
  const strays = (grid.closed ?? []).filter((code) => !cells.has(code));
  if (strays.length > 0) problems.push(problem(where, 'form.gridClosedUnknown', { table: where, codes: strays.join(', ') }));
  return problems;
}

/** A rule's own problem (text, codes), as the editor shows it beside the rule being typed. */
export function ruleTextProblem(text: string, form: Pick<FormDefinition, 'indicators' | 'tables'>): Message | null {
  const syntax = ruleProblem(text);
  if (syntax) return { key: syntax.key, params: syntax.params };
  const parsed = parseRule(text);
  if (!parsed.ok) return null;
  return gridRuleProblem(form, parsed.rule);
}

/** Rule numbers may repeat: forms.md's Z-R5 is one rule written as five comparisons. */
function ruleProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const rule of form.rules) {
    if (!rule.id.trim()) problems.push(problem(rule.text, 'form.ruleIdMissing'));
    const message = ruleTextProblem(rule.text, form);
    if (message) problems.push({ where: rule.id, message });
  }
  return problems;
}

function tableProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const tables = form.tables ?? [];
  if (tables.filter((table) => table.kind === 'planExecution').length > 1) problems.push(problem('', 'form.twoPlanParts'));
  const lists = listTables(form);
  const ids = [...lists, ...gridTables(form)].map((table) => table.id);
  for (const id of repeated(ids)) problems.push(problem(id, 'form.repeatedTable', { table: id }));
  for (const grid of gridTables(form)) problems.push(...gridProblems(grid));
  if (valueCells(form).length > MAX_VALUE_CELLS) problems.push(problem('', 'form.tooManyCells', { limit: MAX_VALUE_CELLS }));
  for (const table of lists) {
    if (!table.id.trim()) problems.push(problem('', 'form.tableIdMissing'));
    if (table.columns.some((column) => !column.key.trim())) problems.push(problem(table.id, 'form.columnKeyMissing', { table: table.id }));
    if (!table.title.ru.trim() || !table.title.kk.trim()) problems.push(problem(table.id, 'form.tableTitleMissing', { table: table.id }));
    if (table.columns.length === 0) problems.push(problem(table.id, 'form.noColumns', { table: table.id }));
    if (!Number.isInteger(table.maxRows) || table.maxRows < 1 || table.maxRows > MAX_LIST_ROWS) {
      problems.push(problem(table.id, 'form.maxRows', { table: table.id, limit: MAX_LIST_ROWS }));
    }
    for (const key of repeated(table.columns.map((column) => column.key))) problems.push(problem(table.id, 'form.repeatedColumn', { table: table.id, key }));
    const counter = form.indicators.find((i) => i.code === table.rowCountCode);
    if (table.rowCountCode !== undefined && counter?.type !== 'count') {
      problems.push(problem(table.id, 'form.rowCountCode', { table: table.id, code: table.rowCountCode }));
    }
  }
  return problems;
}

/** Every problem of the form; an empty list means it can be stored and used. */
export function formProblems(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(form.id)) problems.push(problem('', 'form.badId', { id: form.id }));
  if (!form.title.ru.trim() || !form.title.kk.trim()) problems.push(problem('', 'form.titleMissing'));
  return [...problems, ...indicatorProblems(form), ...ruleProblems(form), ...tableProblems(form)];
}
