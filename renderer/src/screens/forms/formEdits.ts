// Pure helpers for editing a form held in React state: list changes by index and fresh parts with unused ids.
import type { FormDefinition, FormRule, FormSection, Indicator, ListColumn, ListTable } from '../../../../shared/forms/types.ts';

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

export function newListTable(form: FormDefinition): ListTable {
  const taken = (form.tables ?? []).flatMap((table) => (table.kind === 'list' ? [table.id] : []));
  return { kind: 'list', id: freeName('list', taken), title: { ru: '', kk: '' }, columns: [], maxRows: 100 };
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
