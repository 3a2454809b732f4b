// Where each of the district's values goes in the region's own sheet, found again as the form remembers the sheet
// (FormDefinition.regionSource): a row by its code in the file's code column, or by its label; a column by its графа
// number in the графа-number row, or by its caption (the header rows above the table). The place the form remembers
// only chooses between equal matches: a row or column the region's next letter moved is found where it went, and one
// whose text changed is not written into blindly. What finds no place, or no value, is listed with its cell.
import { cellAddress } from '../layout/cell-address.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { valueCells, type FormDefinition, type Indicator, type RegionPlace, type RegionSource } from '../../../shared/forms/types.ts';
import type { CellWrite } from './region-workbook-fill.ts';

/** The region's sheet as the placement reads it: each cell's text as shown, and where the file has cell elements. */
export interface RegionSheet {
  name: string;
  /** Every cell that shows something (a merged range's text in each of its cells), top to bottom. */
  cells(): Iterable<{ row: number; column: number; text: string }>;
  text(row: number, column: number): string;
  hasFormula(row: number, column: number): boolean;
  /** Whether the file has a cell element there, even an empty one (a bordered cell of a table). */
  hasCell(row: number, column: number): boolean;
  /** The cell that shows a merged range's value (its top-left one); the cell itself when it is not merged. */
  masterOf(row: number, column: number): { row: number; column: number };
}

/** One school of the district's registry, in registry order, with its values when it reported. */
export interface RegionSchool {
  name: string;
  values: Record<string, number> | null;
}

export interface RegionFillInput {
  form: FormDefinition;
  source: RegionSource;
  sheet: RegionSheet;
  totals: Record<string, number>;
  schools: RegionSchool[];
}

export interface RegionPlacement {
  writes: CellWrite[];
  /** What could not be placed: totals with no cell (errors), the region's cells left with no value (warnings). */
  unplaced: FileIssue[];
  /** Rows to insert first (a schools table grown to hold every school): the writes are where the rows are after it. */
  insertRows: { at: number; count: number } | null;
}

/** Text compared as a person reads it: case, «ё», spacing and a closing colon or dot do not matter. */
export const normalized = (text: string) => text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim().replace(/[\s.:;,]+$/, '');

const TOTAL_ROW = /^(итого|всего|барлығы|барлыгы|жиыны|жиынтығы|total)(?!\p{L})/u;

type Cell = { row: number; column: number };

/** Every cell by its normalized text. */
function textIndex(sheet: RegionSheet): Map<string, Cell[]> {
  const index = new Map<string, Cell[]>();
  for (const { row, column, text } of sheet.cells()) {
    const key = normalized(text);
    if (key === '') continue;
    const cells = index.get(key);
    if (cells) cells.push({ row, column });
    else index.set(key, [{ row, column }]);
  }
  return index;
}

/** The number that turns up most among the values; of two as common, the larger when `preferLarger`. */
function mostCommon(values: number[], preferLarger = false): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (preferLarger ? b[0] - a[0] : a[0] - b[0]))[0]?.[0];
}

const nearest = (values: number[], to: number) => [...values].sort((a, b) => Math.abs(a - to) - Math.abs(b - to) || a - b)[0];

/** Each remembered row found in the sheet: by its code in the column where the codes are, else by its label. */
function findRows(rows: Record<string, RegionPlace>, index: Map<string, Cell[]>): Map<string, number> {
  const hits = (text: string) => index.get(normalized(text)) ?? [];
  const places = Object.entries(rows);
  const codeColumn = mostCommon(places.flatMap(([, place]) => (place.code ? hits(place.code).map((cell) => cell.column) : [])));
  const labelColumn = mostCommon(places.flatMap(([, place]) => hits(place.text).map((cell) => cell.column)));
  const found = new Map<string, number>();
  for (const [code, place] of places) {
    const byCode = place.code ? hits(place.code).filter((cell) => cell.column === codeColumn) : [];
    const byLabel = hits(place.text);
    const inLabelColumn = byLabel.filter((cell) => cell.column === labelColumn);
    const candidates = byCode.length > 0 ? byCode : inLabelColumn.length > 0 ? inLabelColumn : byLabel;
    if (candidates.length > 0) found.set(code, nearest(candidates.map((cell) => cell.row), place.index));
  }
  return found;
}

/**
 * Each remembered column of one table found in the rows above the table: by its caption, every part of which (« / »)
 * must head the column, and its графа number in the row that holds most of the table's графа numbers; by the caption
 * alone when the number moved (a графа inserted before it), by the number alone when the caption was reworded.
 */
function findColumns(columns: Array<[string, RegionPlace]>, index: Map<string, Cell[]>, firstRow: number): Map<string, number> {
  const above = (cell: Cell) => cell.row < firstRow;
  const hits = (text: string) => (index.get(normalized(text)) ?? []).filter(above);
  // Of two rows holding as many of the графа numbers, the one nearest above the table (a grid under the one-value rows).
  const numberRow = mostCommon(columns.flatMap(([, place]) => (place.code ? hits(place.code).map((cell) => cell.row) : [])), true);
  // Each column's header texts, and their parts: a caption «Значение / Мәні» in one cell is remembered as two parts.
  const headers = new Map<number, Set<string>>();
  for (const [text, cells] of index) {
    for (const cell of cells.filter(above)) {
      const texts = headers.get(cell.column) ?? new Set<string>();
      for (const part of [text, ...text.split(' / ')]) texts.add(normalized(part));
      headers.set(cell.column, texts);
    }
  }
  const found = new Map<string, number>();
  for (const [key, place] of columns) {
    const byCode = place.code ? hits(place.code).filter((cell) => cell.row === numberRow).map((cell) => cell.column) : [];
    const parts = place.text.split(' / ').map(normalized).filter(Boolean);
    const byCaption = parts.length === 0 ? [] : [...headers].filter(([, texts]) => parts.every((part) => texts.has(part))).map(([column]) => column);
    // A графа inserted renumbers the графы after it: the caption outweighs the number, which decides between captions.
    const both = byCode.filter((column) => byCaption.includes(column));
    const candidates = both.length > 0 ? both : byCaption.length > 0 ? byCaption : byCode;
    if (candidates.length > 0) found.set(key, nearest([...new Set(candidates)], place.index));
  }
  return found;
}

/** The money of a total as the region writes it: to the tiyn. */
const rounded = (value: number, indicator: Indicator) => (indicator.type === 'money' ? Math.round(value * 100) / 100 : value);

/** The indicator's label in both languages, for the message to take its own. */
const labelOf = (indicator: Indicator) => ({ label: indicator.label.ru, labelKk: indicator.label.kk || indicator.label.ru });

/** The row code and the column key of a value cell in the region's sheet. */
function keysOf(indicator: Indicator): { row: string; column: string } {
  return indicator.cell ? { row: indicator.cell.row, column: `${indicator.cell.table}:${indicator.cell.column}` } : { row: indicator.code, column: 'main:value' };
}

/** The district's totals in a sheet of rows (one-value rows and grids) as the form remembers it. */
function placeTotals({ form, source, sheet, totals }: RegionFillInput): RegionPlacement {
  const index = textIndex(sheet);
  const rows = findRows(source.rows, index);
  const cells = valueCells(form);
  const tableOf = (columnKey: string) => columnKey.split(':')[0];
  const firstRowOf = new Map<string, number>();
  for (const indicator of cells) {
    const keys = keysOf(indicator);
    const row = rows.get(keys.row);
    const table = tableOf(keys.column);
    if (row !== undefined) firstRowOf.set(table, Math.min(firstRowOf.get(table) ?? row, row));
  }
  const columns = new Map<string, number>();
  for (const table of new Set(Object.keys(source.columns).map(tableOf))) {
    const own = Object.entries(source.columns).filter(([key]) => tableOf(key) === table);
    for (const [key, column] of findColumns(own, index, firstRowOf.get(table) ?? Number.MAX_SAFE_INTEGER)) columns.set(key, column);
  }
  const writes: CellWrite[] = [];
  const unplaced: FileIssue[] = [];
  const where = (row: number, column: number, code: string) => ({ sheet: sheet.name, cell: cellAddress(row, column), code });
  const usedRows = new Set<string>();
  for (const indicator of cells) {
    const keys = keysOf(indicator);
    usedRows.add(keys.row);
    // A value written into a merged range goes where the range shows it.
    const found = rows.has(keys.row) && columns.has(keys.column) ? sheet.masterOf(rows.get(keys.row)!, columns.get(keys.column)!) : undefined;
    const row = found?.row ?? rows.get(keys.row);
    const column = found?.column ?? columns.get(keys.column);
    const total = totals[indicator.code];
    const label = labelOf(indicator);
    if (row === undefined || column === undefined) {
      if (total === undefined) continue;
      const missing = row === undefined
        ? { key: 'regionFill.rowNotFound' as const, text: source.rows[keys.row]?.text ?? keys.row }
        : { key: 'regionFill.columnNotFound' as const, text: source.columns[keys.column]?.text ?? keys.column };
      unplaced.push(issue('error', missing.key, { ...label, total: rounded(total, indicator), place: missing.text, sheet: sheet.name }, { sheet: sheet.name, code: indicator.code }));
    } else if (sheet.hasFormula(row, column)) {
      unplaced.push(issue('warning', 'regionFill.formulaKept', label, where(row, column, indicator.code)));
    } else if (total === undefined) {
      unplaced.push(issue('warning', 'regionFill.noTotal', label, where(row, column, indicator.code)));
    } else writes.push({ row, column, value: rounded(total, indicator) });
  }
  // Rows of the region's sheet the form collects nothing for.
  const valueColumn = columns.get('main:value');
  for (const [code, place] of Object.entries(source.rows)) {
    const row = rows.get(code);
    if (usedRows.has(code) || row === undefined || valueColumn === undefined || sheet.hasFormula(row, valueColumn)) continue;
    unplaced.push(issue('warning', 'regionFill.noTotal', { label: place.text, labelKk: place.text }, where(row, valueColumn, code)));
  }
  return { writes, unplaced, insertRows: null };
}

/** The rows of a schools table: from its first row down to its totals row, or while the file has cells in the name column. */
function tableRows(sheet: RegionSheet, firstRow: number, nameColumn: number, numberColumn: number | undefined): { rows: number[]; totalRow: number | null } {
  const rows: number[] = [];
  for (let row = firstRow; row < firstRow + 10_000; row++) {
    const texts = [nameColumn, numberColumn].filter((column) => column !== undefined).map((column) => normalized(sheet.text(row, column)));
    if (texts.some((text) => TOTAL_ROW.test(text))) return { rows, totalRow: row };
    if (!sheet.hasCell(row, nameColumn) && texts.every((text) => text === '')) break;
    rows.push(row);
  }
  return { rows, totalRow: null };
}

/**
 * One row per school of the district in a table of one row per organisation; the totals row's blank cells get the
 * totals. A table with fewer rows than schools grows: rows copied from its last one are inserted above it, so that the
 * region's sums over the table's rows take them in.
 */
function placeSchools({ form, source, sheet, totals, schools }: RegionFillInput): RegionPlacement {
  const { firstRow, nameColumn, numberColumn } = source.schoolRows!;
  const table = tableRows(sheet, firstRow, nameColumn, numberColumn);
  const missing = schools.length - table.rows.length;
  const insertRows = missing > 0 && table.rows.length > 0 ? { at: table.rows[table.rows.length - 1], count: missing } : null;
  const rows = insertRows ? Array.from({ length: schools.length }, (_, i) => firstRow + i) : table.rows;
  const totalRow = table.totalRow === null ? null : table.totalRow + (insertRows?.count ?? 0);
  // Where a row after the insertion was before it (a row inserted: the row it copies).
  const before = (row: number) => (!insertRows || row < insertRows.at ? row : row < insertRows.at + insertRows.count ? insertRows.at : row - insertRows.count);
  const hasFormula = (row: number, column: number) => sheet.hasFormula(before(row), column);
  const writes: CellWrite[] = [];
  const unplaced: FileIssue[] = [];
  const index = textIndex(sheet);
  const indicators = form.indicators.filter((indicator) => source.columns[`main:${indicator.code}`]);
  const columns = findColumns(indicators.map((indicator): [string, RegionPlace] => [indicator.code, source.columns[`main:${indicator.code}`]]), index, firstRow);
  for (const indicator of form.indicators) {
    if (columns.has(indicator.code) || totals[indicator.code] === undefined) continue;
    const place = source.columns[`main:${indicator.code}`]?.text ?? indicator.code;
    unplaced.push(issue('error', 'regionFill.columnNotFound', { ...labelOf(indicator), total: rounded(totals[indicator.code], indicator), place, sheet: sheet.name }, { sheet: sheet.name, code: indicator.code }));
  }
  schools.slice(0, rows.length).forEach((school, i) => {
    const row = rows[i];
    if (numberColumn !== undefined) writes.push({ row, column: numberColumn, value: i + 1 });
    writes.push({ row, column: nameColumn, value: school.name });
    for (const indicator of indicators) {
      const column = columns.get(indicator.code);
      const value = school.values?.[indicator.code];
      if (column !== undefined && value !== undefined && !hasFormula(row, column)) writes.push({ row, column, value: rounded(value, indicator) });
    }
  });
  if (schools.length > rows.length) {
    const left = schools.slice(rows.length);
    unplaced.push(issue('error', 'regionFill.tableTooShort', { rows: rows.length, count: schools.length, schools: left.map((school) => school.name).join(', ') }, { sheet: sheet.name, cell: cellAddress(firstRow, nameColumn) }));
  }
  if (totalRow !== null) {
    for (const indicator of indicators) {
      const column = columns.get(indicator.code);
      const total = totals[indicator.code];
      if (column === undefined || total === undefined || hasFormula(totalRow, column) || sheet.text(before(totalRow), column) !== '') continue;
      writes.push({ row: totalRow, column, value: rounded(total, indicator) });
    }
  }
  return { writes, unplaced, insertRows };
}

/** Where the district's values go in the region's sheet, and what could not be placed. */
export function placeRegionValues(input: RegionFillInput): RegionPlacement {
  return input.source.schoolRows ? placeSchools(input) : placeTotals(input);
}
