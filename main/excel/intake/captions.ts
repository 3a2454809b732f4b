// Captions found the way people type them, and a table's columns found by their captions.
import { valueText } from './cell-text.ts';
import type { ReadableRow } from './readable-workbook.ts';

/** Matches captions the way people type them: case, spaces, dots and brackets do not matter. */
export function captionKey(text: string): string {
  let key = captionKeys.get(text);
  if (key === undefined) {
    // Every school's file repeats the form's labels: each text is keyed once (the cache is dropped when it grows).
    if (captionKeys.size >= CAPTION_KEYS_KEPT) captionKeys.clear();
    key = text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/[\s.()«»"'_-]+/g, '');
    captionKeys.set(text, key);
  }
  return key;
}

const CAPTION_KEYS_KEPT = 20_000;
const captionKeys = new Map<string, string>();

/** A caption's key without the marks a header adds («Статус*:»); keyed once per text, like captionKey. */
function headerKey(text: string): string {
  let key = headerKeys.get(text);
  if (key === undefined) {
    if (headerKeys.size >= CAPTION_KEYS_KEPT) headerKeys.clear();
    key = captionKey(text).replace(/[*:;,!?]+/g, '');
    headerKeys.set(text, key);
  }
  return key;
}

const headerKeys = new Map<string, string>();

/** The fields a cell's text names: as their caption (or one «ru / kk» half of it), or containing it. */
interface CellMatch<Field> {
  exact: Set<Field>;
  partial: Set<Field>;
}

/**
 * The column of each field in a table's header row, found by its caption in any language: a column whose caption
 * (or one «ru / kk» half of it) is the field's caption first, else one that contains it. A field none shows is absent.
 * The captions are keyed once, and the finder then tried on each row (a reader tries every row of a sheet); each cell
 * text is matched against the captions once (every school's file repeats the same labels).
 */
export function headerFinder<Field extends string>(captions: Record<Field, readonly string[]>): (row: ReadableRow) => Map<Field, number> {
  const wanted = (Object.keys(captions) as Field[]).map((field) => ({ field, keys: captions[field].map(headerKey).filter(Boolean) }));
  const matches = new Map<string, CellMatch<Field>>();
  const matchOf = (text: string): CellMatch<Field> => {
    let match = matches.get(text);
    if (!match) {
      if (matches.size >= CAPTION_KEYS_KEPT) matches.clear();
      const keys = [text, ...text.split('/')].map(headerKey).filter(Boolean);
      const fieldsWhere = (named: (key: string, caption: string) => boolean) =>
        new Set(wanted.filter(({ keys: captionKeys }) => keys.some((key) => captionKeys.some((caption) => named(key, caption)))).map(({ field }) => field));
      match = { exact: fieldsWhere((key, caption) => key === caption), partial: fieldsWhere((key, caption) => key.includes(caption)) };
      matches.set(text, match);
    }
    return match;
  };
  return (row) => {
    const cells: Array<{ column: number; match: CellMatch<Field> }> = [];
    for (const cell of row.cells()) {
      const text = valueText(cell.value);
      if (text) cells.push({ column: cell.column, match: matchOf(text) });
    }
    const found = new Map<Field, number>();
    const taken = new Set<number>();
    for (const exact of [true, false]) {
      for (const { field } of wanted) {
        if (found.has(field)) continue;
        const cell = cells.find(({ column, match }) => !taken.has(column) && (exact ? match.exact : match.partial).has(field));
        if (!cell) continue;
        found.set(field, cell.column);
        taken.add(cell.column);
      }
    }
    return found;
  };
}

export function headerColumns<Field extends string>(row: ReadableRow, captions: Record<Field, readonly string[]>): Map<Field, number> {
  return headerFinder(captions)(row);
}
