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

/**
 * The column of each field in a table's header row, found by its caption in any language: a column whose caption
 * (or one «ru / kk» half of it) is the field's caption first, else one that contains it. A field none shows is absent.
 * The captions are keyed once, and the finder then tried on each row (a reader tries every row of a sheet).
 */
export function headerFinder<Field extends string>(captions: Record<Field, readonly string[]>): (row: ReadableRow) => Map<Field, number> {
  const wanted = (Object.keys(captions) as Field[]).map((field) => ({ field, keys: captions[field].map(headerKey).filter(Boolean) }));
  return (row) => {
    const cells: Array<{ column: number; keys: string[] }> = [];
    for (const cell of row.cells()) {
      const text = valueText(cell.value);
      if (text) cells.push({ column: cell.column, keys: [text, ...text.split('/')].map(headerKey).filter(Boolean) });
    }
    const found = new Map<Field, number>();
    const taken = new Set<number>();
    for (const exact of [true, false]) {
      for (const { field, keys: wantedKeys } of wanted) {
        if (found.has(field)) continue;
        const match = cells.find(({ column, keys }) =>
          !taken.has(column) && keys.some((key) => wantedKeys.some((caption) => (exact ? key === caption : key.includes(caption)))));
        if (!match) continue;
        found.set(field, match.column);
        taken.add(match.column);
      }
    }
    return found;
  };
}

export function headerColumns<Field extends string>(row: ReadableRow, captions: Record<Field, readonly string[]>): Map<Field, number> {
  return headerFinder(captions)(row);
}
