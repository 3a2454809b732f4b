// Pure helpers for editing a form held in React state: list changes by index and fresh parts with unused ids.
import { cellCode, gridTables, type FormDefinition, type FormRule, type FormSection, type GridColumn, type GridRow, type GridTable, type Indicator, type ListColumn, type ListTable } from '../../../../shared/forms/types.ts';

/** A change of the form being edited, applied to its newest state. */
export type FormChange = (form: FormDefinition) => FormDefinition;

/** What each part of the editor gets: the form as it is now, and the way to change it. */
export interface EditorPartProps {
  form: FormDefinition;
  change: (edit: FormChange) => void;
}

/** The list with one item changed by edit. */
export function editAt<T>(items: readonly T[], index: number, edit: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? edit(item) : item));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_item, i) => i !== index);
}

/** The list with the item at index swapped with its neighbour above (-1) or below (+1). */
export function moveAt<T>(items: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** A form whose optional list is left out when it is empty. */
export function withList<K extends 'sections' | 'tables'>(form: FormDefinition, key: K, list: NonNullable<FormDefinition[K]>): FormDefinition {
  return withOptional(form, key, list.length > 0 ? list : undefined);
}

/** The first of prefix1, prefix2, ... that is not taken. */
function freeName(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}`;
    if (!taken.includes(name)) return name;
  }
}

const NUMBERED = /^(.*?)(\d+)$/;

/** The number after the highest one written with the same prefix as the last name ("Z34" -> "Z35", "Z-R11" -> "Z-R12"). */
function nextNumbered(names: readonly string[], fallbackPrefix: string): string {
  const last = names.findLast((name) => NUMBERED.test(name));
  const match = last ? NUMBERED.exec(last) : null;
  if (!match) return freeName(fallbackPrefix, names);
  const [, prefix, digits] = match;
  const numbers = names.map((name) => NUMBERED.exec(name)).filter((m) => m?.[1] === prefix).map((m) => Number(m?.[2]));
  const candidate = `${prefix}${String(Math.max(...numbers) + 1).padStart(digits.length, '0')}`;
  return names.includes(candidate) ? freeName(fallbackPrefix, names) : candidate;
}

export function newIndicator(form: FormDefinition): Indicator {
  const code = nextNumbered(form.indicators.map((i) => i.code), 'R');
  return { code, label: { ru: '', kk: '' }, type: 'count', required: false };
}

export function newRule(form: FormDefinition): FormRule {
  return { id: nextNumbered(form.rules.map((rule) => rule.id), 'R'), text: '', severity: 'error' };
}

export function newSection(form: FormDefinition): FormSection {
  return { id: freeName('s', (form.sections ?? []).map((section) => section.id)), title: { ru: '', kk: '' } };
}

function tableIds(form: FormDefinition): string[] {
  return (form.tables ?? []).flatMap((table) => (table.kind === 'planExecution' ? [] : [table.id]));
}

export function newListTable(form: FormDefinition): ListTable {
  return { kind: 'list', id: freeName('list', tableIds(form)), title: { ru: '', kk: '' }, columns: [], maxRows: 100 };
}

/** Every row code of the form: its one-value rows and its grids' rows (they share one set of codes). */
function rowCodes(form: FormDefinition): string[] {
  return [...form.indicators.map((i) => i.code), ...gridTables(form).flatMap((grid) => grid.rows.map((row) => row.code))];
}

export function newGridTable(form: FormDefinition): GridTable {
  const grid: GridTable = { kind: 'grid', id: freeName('grid', tableIds(form)), title: { ru: '', kk: '' }, rows: [], columns: [] };
  return { ...grid, rows: [newGridRow(form, grid)], columns: [newGridColumn(grid)] };
}

/** The next row code after the grid's last ("H03" -> "H04"), or R1, R2, … when that is taken anywhere in the form. */
export function newGridRow(form: FormDefinition, grid: GridTable): GridRow {
  const taken = rowCodes(form);
  const next = nextNumbered(grid.rows.map((row) => row.code), 'R');
  return { code: taken.includes(next) ? freeName('R', taken) : next, label: { ru: '', kk: '' }, required: false };
}

/** Columns are numbered as printed: the next is one more than the highest number. */
export function newGridColumn(grid: GridTable): GridColumn {
  const numbers = grid.columns.map((column) => Number(column.code)).filter(Number.isInteger);
  return { code: String(Math.max(0, ...numbers) + 1), label: { ru: '', kk: '' }, type: 'count' };
}

/** The grid with a row code changed: its closed cells follow. */
export function renameGridRow(grid: GridTable, index: number, code: string): GridTable {
  const old = grid.rows[index].code;
  const closed = grid.closed?.map((cell) => (cell.startsWith(`${old}.`) ? cellCode(code, cell.slice(old.length + 1)) : cell));
  return withOptional({ ...grid, rows: editAt(grid.rows, index, (row) => ({ ...row, code })) }, 'closed', closed);
}

/** The grid with a column's code changed: the closed cells and the rows' required columns follow. */
export function renameGridColumn(grid: GridTable, index: number, code: string): GridTable {
  const old = grid.columns[index].code;
  const closed = grid.closed?.map((cell) => (cell.endsWith(`.${old}`) ? cellCode(cell.slice(0, -old.length - 1), code) : cell));
  const rows = grid.rows.map((row) => withOptional(row, 'requiredColumns', row.requiredColumns?.map((c) => (c === old ? code : c))));
  return withOptional({ ...grid, rows, columns: editAt(grid.columns, index, (column) => ({ ...column, code })) }, 'closed', closed);
}

/** The grid without a row: its closed cells go with it. */
export function removeGridRow(grid: GridTable, index: number): GridTable {
  const code = grid.rows[index].code;
  return withClosed({ ...grid, rows: removeAt(grid.rows, index) }, (grid.closed ?? []).filter((cell) => !cell.startsWith(`${code}.`)));
}

/** The grid without a column: its closed cells and its mention among the rows' required columns go with it. */
export function removeGridColumn(grid: GridTable, index: number): GridTable {
  const code = grid.columns[index].code;
  const rows = grid.rows.map((row) => withOptional(row, 'requiredColumns', row.requiredColumns?.filter((c) => c !== code)));
  return withClosed({ ...grid, rows, columns: removeAt(grid.columns, index) }, (grid.closed ?? []).filter((cell) => !cell.endsWith(`.${code}`)));
}

/**
 * The cell closed when it was open, opened when it was closed. The closed cells are kept row by row, column by column,
 * so that two districts closing the same cells write the same form file.
 */
export function toggleClosed(grid: GridTable, cell: string): GridTable {
  const before = grid.closed ?? [];
  const closed = before.includes(cell) ? before.filter((c) => c !== cell) : [...before, cell];
  const inOrder = grid.rows.flatMap((row) => grid.columns.map((column) => cellCode(row.code, column.code))).filter((c) => closed.includes(c));
  return withClosed(grid, [...inOrder, ...closed.filter((c) => !inOrder.includes(c))]);
}

function withClosed(grid: GridTable, closed: string[]): GridTable {
  return withOptional(grid, 'closed', closed.length > 0 ? closed : undefined);
}

export function newColumn(table: ListTable): ListColumn {
  return { key: freeName('col', table.columns.map((column) => column.key)), label: { ru: '', kk: '' }, type: 'text', required: false };
}

/** A section renamed or removed: its indicators follow the new id, or lose their section. */
export function reassignSection(indicators: readonly Indicator[], from: string, to: string | undefined): Indicator[] {
  return indicators.map((indicator) => {
    if (indicator.section !== from) return indicator;
    const { section: _old, ...rest } = indicator;
    return to === undefined ? rest : { ...rest, section: to };
  });
}

/** An optional field set, or left out when it has no value (so the saved JSON stays as small as the built-in forms). */
export function withOptional<T extends object, K extends keyof T>(item: T, key: K, value: T[K] | undefined): T {
  const copy = { ...item };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}
