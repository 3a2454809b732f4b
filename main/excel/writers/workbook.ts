// The small adapter over exceljs: load, save, and read a cell the way a person sees it.
import ExcelJS from 'exceljs';
import { openXlsx } from './open-workbook.ts';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Row = ExcelJS.Row;
export type Cell = ExcelJS.Cell;

export function newWorkbook(): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jinaq';
  workbook.created = new Date();
  return workbook;
}

/**
 * The workbook in the bytes, or null when they are not a readable .xlsx. The bytes pass the same size and zip
 * checks as a school's report (open-workbook.ts) before exceljs sees them; nothing is converted. Use
 * openWorkbook for a file whose problem should be told to the user.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<Workbook | null> {
  const opened = await openXlsx(bytes, '');
  return opened.ok ? opened.workbook : null;
}

export async function workbookBytes(workbook: Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * What Excel shows for a date it cannot draw. exceljs turns a date-formatted cell whose number is out of range (or a
 * formula error cached there) into an Invalid Date; that is a value to complain about, never one to format.
 */
export const INVALID_DATE_TEXT = '########';

export function isInvalidDate(value: unknown): boolean {
  return value instanceof Date && Number.isNaN(value.getTime());
}

/** What a cell shows, as text: rich text joined, formulas by their cached result, hyperlinks by their text. */
export function cellText(cell: Cell): string {
  return valueText(cell.value);
}

/** The same for a value alone: a cell's, or one typed into the app. */
export function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isInvalidDate(value) ? INVALID_DATE_TEXT : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('').trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value && value.result !== undefined && value.result !== null) {
    const result = value.result;
    if (result instanceof Date) return isInvalidDate(result) ? INVALID_DATE_TEXT : result.toISOString().slice(0, 10);
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    return String(result).trim();
  }
  if ('error' in value) return String(value.error);
  return '';
}

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

function headerKey(text: string): string {
  return captionKey(text).replace(/[*:;,!?]+/g, '');
}

/**
 * The column of each field in a table's header row, found by its caption in any language: a column whose caption
 * (or one «ru / kk» half of it) is the field's caption first, else one that contains it. A field none shows is absent.
 * The captions are keyed once, and the finder then tried on each row (a reader tries every row of a sheet).
 */
export function headerFinder<Field extends string>(captions: Record<Field, readonly string[]>): (row: Row) => Map<Field, number> {
  const wanted = (Object.keys(captions) as Field[]).map((field) => ({ field, keys: captions[field].map(headerKey).filter(Boolean) }));
  return (row) => {
    const cells: Array<{ column: number; keys: string[] }> = [];
    row.eachCell((cell, column) => {
      const text = cellText(cell);
      if (text) cells.push({ column, keys: [text, ...text.split('/')].map(headerKey).filter(Boolean) });
    });
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

export function headerColumns<Field extends string>(row: Row, captions: Record<Field, readonly string[]>): Map<Field, number> {
  return headerFinder(captions)(row);
}
