// A report form as data: indicators found by their row code, rules over row codes,
// and the repeating tables a school fills below them (the plan's execution, a list of rows).
import type { MissingValueStrategy } from '../rules.ts';

export type Lang = 'kk' | 'ru';
export type Bilingual = Record<Lang, string>;

export const INDICATOR_TYPES = ['count', 'money', 'yesno', 'text', 'date', 'url'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Types whose values are numbers: summed in the summary and usable in rules (yes = 1, no = 0). */
export const NUMERIC_TYPES: readonly IndicatorType[] = ['count', 'money', 'yesno'];

export function isNumericType(type: IndicatorType): boolean {
  return NUMERIC_TYPES.includes(type);
}

export interface Indicator {
  /** The row code ("Z01"); for a cell of a grid, the row code and the графа ("H03.2", see cellCode). */
  code: string;
  label: Bilingual;
  type: IndicatorType;
  required: boolean;
  /** «чел.», «тенге», … printed beside the label; none when absent. */
  unit?: Bilingual;
  /** The id of the form section the row is printed under. */
  section?: string;
  /** Set on a cell of a grid table: where it sits. */
  cell?: GridCellPlace;
}

/** An indicator row as the form tables of forms.md write it. */
export function indicator(code: string, ru: string, kk: string, type: IndicatorType, required: boolean): Indicator {
  return { code, label: { ru, kk }, type, required };
}

export interface FormSection {
  id: string;
  title: Bilingual;
}

export type Severity = 'error' | 'warning';

export interface FormRule {
  id: string;
  /** The rule as written, e.g. "Z03 <= Z02", "Z30 > 0 => Z10 > 0". */
  text: string;
  severity: Severity;
  /** What blank values do to the rule; skipIfAllBlank when not given. */
  missing?: MissingValueStrategy;
}

export const LIST_COLUMN_TYPES = ['text', 'date', 'url', 'count'] as const;
export type ListColumnType = (typeof LIST_COLUMN_TYPES)[number];

export interface ListColumn {
  key: string;
  label: Bilingual;
  type: ListColumnType;
  /** A filled row must have this cell. */
  required: boolean;
  /** For text: the most characters a cell may hold. */
  maxLength?: number;
}

/** A table of up to maxRows rows a school fills in, e.g. the НИК publications list. */
export interface ListTable {
  kind: 'list';
  id: string;
  title: Bilingual;
  /** A short name for its sheet in each language (the tab shows both; Excel allows 31 characters); the title's when absent. */
  sheet?: Bilingual;
  columns: ListColumn[];
  maxRows: number;
  /** The row code that should equal the number of filled rows (a warning when it does not). */
  rowCountCode?: string;
  /** Print the campaign's hashtag above the table. */
  showHashtag?: boolean;
}

/** One row per plan item handed to the school; its columns are the template's, read back by their captions (main/excel/intake/plan-part-reader.ts). */
export interface PlanExecutionTable {
  kind: 'planExecution';
}

/** A графа of a grid: its code is the number printed above it ("1", "2", … or "A"), its type that of every cell below. */
export interface GridColumn {
  code: string;
  label: Bilingual;
  type: IndicatorType;
  unit?: Bilingual;
}

export interface GridRow {
  code: string;
  label: Bilingual;
  /** Every open cell of the row must be filled; `requiredColumns` narrows that to some графы. */
  required: boolean;
  requiredColumns?: string[];
}

/**
 * A grid (строки × графы): a value in each open cell, found again by row code and графа number. A one-value row of
 * `indicators` is the same thing with one column; its cell's code is the row code alone.
 */
export interface GridTable {
  kind: 'grid';
  id: string;
  title: Bilingual;
  rows: GridRow[];
  columns: GridColumn[];
  /** Cells not to be filled (shaded «X» in the template), as cell codes "H01.3". */
  closed?: string[];
}

export interface GridCellPlace {
  table: string;
  row: string;
  column: string;
}

export type FormTable = PlanExecutionTable | ListTable | GridTable;

export interface FormDefinition {
  id: string;
  version: number;
  title: Bilingual;
  sections?: FormSection[];
  indicators: Indicator[];
  rules: FormRule[];
  tables?: FormTable[];
  /** Set on a form built from the region's own workbook: where each of its rows and columns came from there. */
  regionSource?: RegionSource;
}

/** A row or column of the region's sheet as the form remembers it, to find it again when the region moves it. */
export interface RegionPlace {
  /** 1-based row or column number in the sheet the form was built from. */
  index: number;
  /** The text that names it there: the row's label, or the column's caption (its header rows joined by « / »). */
  text: string;
  /** The row's code or the графа's number as the region's file writes it, when it has one. */
  code?: string;
}

/**
 * The region's workbook a form was built from (`jinaq forms from-xlsx`), so that `jinaq export --into` can write the
 * district's totals back into the cells the region expects. Keys are the form's codes: `rows` by row code (one-value
 * rows and grid rows alike); `columns` by `TABLE:COLUMN` — `main:value` for the one-value rows' column, `help:3` for a
 * grid's графа 3. `schoolRows` is set when the sheet is a table of one row per organisation: then each one-value row
 * of the form is a column of that table, keyed `main:Z01` (`rows` is empty).
 */
export interface RegionSource {
  fileName: string;
  sheet: string;
  rows: Record<string, RegionPlace>;
  columns: Record<string, RegionPlace>;
  schoolRows?: { firstRow: number; numberColumn?: number; nameColumn: number };
}

/** What the region's workbook proposes (`forms.fromXlsx`): the form, or the one problem that stopped it. */
export interface RegionFormProposal {
  /** Null when the file cannot be read as a form; `problem` then says what was missing. */
  proposal: FormDefinition | null;
  /** What was guessed, and why. */
  notes: import('../messages.ts').Message[];
  problem: import('../messages.ts').Message | null;
  /** The workbook's visible sheets, to pick another. */
  sheets: string[];
  /** The sheet as the reader saw it, to show beside the proposal; null when the file could not be opened. */
  picture: SheetPicture | null;
}

/** The top-left corner of a sheet (up to 60 rows × 20 columns): each cell's text, merges, shading, and what became what. */
export interface SheetPicture {
  sheet: string;
  /** The sheet's own size, to say when the picture shows a part of it. */
  rowCount: number;
  columnCount: number;
  /** Row by row, 1-based row `i + 1`; each cell's text, at most 100 characters. */
  cells: string[][];
  /** Merged ranges within the picture, 1-based. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** Shaded cells, as «row:column». */
  shaded: string[];
  /** The form's row code each sheet row became, by row number. */
  rowCodes: Record<number, string>;
  /** The графа (or one-value row) code each sheet column became, by column number. */
  columnCodes: Record<number, string>;
}

export function listTables(form: FormDefinition): ListTable[] {
  return (form.tables ?? []).filter((table): table is ListTable => table.kind === 'list');
}

export function gridTables(form: Pick<FormDefinition, 'tables'>): GridTable[] {
  return (form.tables ?? []).filter((table): table is GridTable => table.kind === 'grid');
}

/** A grid cell's code: row code, a dot, графа code ("H03.2"), as rules, stored values and `summary --json` write it. */
export function cellCode(row: string, column: string): string {
  return `${row}.${column}`;
}

export function isClosedCell(table: GridTable, row: string, column: string): boolean {
  return table.closed?.includes(cellCode(row, column)) ?? false;
}

export function isRequiredCell(row: GridRow, column: string): boolean {
  return row.required && (row.requiredColumns === undefined || row.requiredColumns.includes(column));
}

const cellsOfGrid = new WeakMap<GridTable, Indicator[]>();

/**
 * The open cells of a grid, row by row, as value cells: labelled «row — графа caption», typed by the графа. Made
 * once per grid (every file of a batch is read against the same one).
 */
export function gridCells(table: GridTable): Indicator[] {
  let cells = cellsOfGrid.get(table);
  if (!cells) cellsOfGrid.set(table, (cells = openGridCells(table)));
  return cells;
}

function openGridCells(table: GridTable): Indicator[] {
  return table.rows.flatMap((row) =>
    table.columns
      .filter((column) => !isClosedCell(table, row.code, column.code))
      .map((column) => ({
        code: cellCode(row.code, column.code),
        label: { ru: `${row.label.ru} — ${column.label.ru}`, kk: `${row.label.kk} — ${column.label.kk}` },
        type: column.type,
        required: isRequiredCell(row, column.code),
        ...(column.unit ? { unit: column.unit } : {}),
        cell: { table: table.id, row: row.code, column: column.code },
      })),
  );
}

const cellsOfForm = new WeakMap<object, Indicator[]>();

/**
 * Every value a report of the form holds, each under its code: the one-value rows, then each grid's open cells.
 * This is what is validated, stored, summed and compared; a form without grids has exactly its indicators.
 */
export function valueCells(form: Pick<FormDefinition, 'indicators' | 'tables'>): Indicator[] {
  let cells = cellsOfForm.get(form);
  if (!cells) {
    const grids = gridTables(form);
    cells = grids.length === 0 ? form.indicators : [...form.indicators, ...grids.flatMap(gridCells)];
    cellsOfForm.set(form, cells);
  }
  return cells;
}

/** JSON with every object's keys sorted, so that two equal forms written in another key order compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The same form apart from its version number. */
export function sameDefinition(a: FormDefinition, b: FormDefinition): boolean {
  return canonicalJson({ ...a, version: 0 }) === canonicalJson({ ...b, version: 0 });
}

export function hasPlanPart(form: FormDefinition): boolean {
  return (form.tables ?? []).some((table) => table.kind === 'planExecution');
}

/** A filled row of a list table: column key → text as the school wrote it (dates as YYYY-MM-DD). */
export type ListRow = Record<string, string>;

/** A form version as the app keeps it: built in (read-only) or the district's own. */
export interface FormRecord {
  form: FormDefinition;
  builtIn: boolean;
  /** The version this one was copied from. */
  basedOn: number | null;
  /** Campaigns that collect this version: it can no longer change. */
  usedBy: string[];
  editable: boolean;
}

export interface FormSaveResult {
  saved: boolean;
  problems: import('./check.ts').FormProblem[];
  record: FormRecord | null;
}

/**
 * What importing a shared form file did: added as it is; the very same version was already here;
 * added under the next free version because this id and version hold something else here; or refused.
 */
export type FormImportResult = { problems: import('./check.ts').FormProblem[] } & (
  | { outcome: 'added' | 'same' | 'renumbered'; record: FormRecord }
  | { outcome: 'refused'; record: null }
);
