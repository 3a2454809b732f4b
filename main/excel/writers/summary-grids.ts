// The form's grids on the «Свод» sheet, under its one-value rows, laid out as the school's template lays them out
// (so that a region running Jinaq reads them back as it reads a school's grid): the grid's title, the captions of its
// графы in the summary's language(s), the row of графа numbers, then a row per grid row — its code, its label, and in
// each open cell the district's total as a SUM over the schools' values on the per-school sheet, its value cached.
// Closed cells are shaded grey with «X».
import type { GridColumn, GridTable } from '../../../shared/forms/types.ts';
import { cellCode, isClosedCell, isNumericType } from '../../../shared/forms/types.ts';
import { tFor } from '../../../shared/i18n.ts';
import type { SummaryIndicator } from '../../../shared/domain.ts';
import { fitHeight, mergedText, textIn } from './plan-workbook.ts';
import { CLOSED_CELL_MARK } from '../layout/report-layout.ts';
import { BORDER, CLOSED_FILL } from './styles.ts';
import { asText, bothTexts, caption, captionLanguages, headerCell, numberFormat, TABLE_FONT_SIZE, tableCell, type SummaryContext } from './summary-layout.ts';
import { schoolValuesRange } from './summary-schools.ts';
import type { Worksheet } from './workbook.ts';

/** Where a grid goes on the sheet: the code column, a label column per language, then a column per графа. */
export interface GridColumns {
  code: number;
  labels: number[];
}

/** The first sheet column of the графы: right after the label columns. */
function firstGraphColumn(columns: GridColumns): number {
  return columns.labels[columns.labels.length - 1] + 1;
}

/** How many sheet columns the widest grid needs, code and labels included (0 without grids). */
export function gridsWidth(context: SummaryContext, columns: GridColumns): number {
  const widest = Math.max(0, ...context.summary.grids.map((grid) => grid.columns.length));
  return widest === 0 ? 0 : firstGraphColumn(columns) - 1 + widest;
}

/** Whether a value cell of the summary is written inside one of its grids (else it is a row of its own). */
export function isInGrid(context: SummaryContext, indicator: SummaryIndicator): boolean {
  const { cell } = indicator;
  if (!cell) return false;
  const grid = context.summary.grids.find((g) => g.id === cell.table);
  return !!grid && grid.rows.some((row) => row.code === cell.row) && grid.columns.some((column) => column.code === cell.column);
}

/** A графа's caption in the summary's language(s), its unit below it when it has one. */
function graphCaption(context: SummaryContext, column: GridColumn): string {
  const label = bothTexts(context.lang, column.label);
  return column.unit && (column.unit.ru || column.unit.kk) ? `${label}\n(${bothTexts(context.lang, column.unit)})` : label;
}

/** The captions row: the code and label columns' headers, then each графа's caption. */
function captionsRow(sheet: Worksheet, widths: number[], row: number, context: SummaryContext, columns: GridColumns, grid: GridTable): void {
  const { lang } = context;
  const texts = new Map<number, string>([
    [columns.code, caption(lang, 'code')],
    ...columns.labels.map((column, i): [number, string] => [column, tFor(captionLanguages(lang)[i])('messages.workbook.indicator') as string]),
    ...grid.columns.map((column, i): [number, string] => [firstGraphColumn(columns) + i, graphCaption(context, column)]),
  ]);
  for (const [column, text] of texts) {
    headerCell(sheet.getCell(row, column), text);
    fitHeight(sheet, row, text, widths[column - 1] ?? 12, TABLE_FONT_SIZE);
  }
}

/** The row of графа numbers right above the grid's first row: what a reader finds the графы by. */
function numbersRow(sheet: Worksheet, row: number, columns: GridColumns, grid: GridTable): void {
  for (const column of [columns.code, ...columns.labels]) headerCell(sheet.getCell(row, column), '');
  grid.columns.forEach((column, i) => {
    const cell = sheet.getCell(row, firstGraphColumn(columns) + i);
    headerCell(cell, '');
    asText(cell, column.code);
  });
}

/** The district's total in an open cell: a SUM over the schools' values with its value cached (a plain 0 without schools). */
function totalCell(sheet: Worksheet, row: number, column: number, context: SummaryContext, code: string, graph: GridColumn): void {
  const cell = sheet.getCell(row, column);
  if (!isNumericType(graph.type)) {
    tableCell(cell, null);
    return;
  }
  const total = context.summary.totals[code] ?? 0;
  const range = schoolValuesRange(context, code);
  const format = graph.type === 'yesno' ? '#,##0' : numberFormat(graph.type, context.lang);
  tableCell(cell, range ? { formula: `SUM(${range})`, result: total } : total, format, { bold: true, horizontal: 'right' });
}

function closedCell(sheet: Worksheet, row: number, column: number): void {
  const cell = sheet.getCell(row, column);
  tableCell(cell, CLOSED_CELL_MARK, undefined, { horizontal: 'center' });
  cell.fill = CLOSED_FILL;
}

function gridRow(sheet: Worksheet, widths: number[], row: number, context: SummaryContext, columns: GridColumns, grid: GridTable, index: number): void {
  const gridRowDef = grid.rows[index];
  const code = sheet.getCell(row, columns.code);
  tableCell(code, null, undefined, { horizontal: 'center' });
  asText(code, gridRowDef.code);
  captionLanguages(context.lang).forEach((lang, i) => {
    const column = columns.labels[i];
    const label = textIn(gridRowDef.label, lang);
    tableCell(sheet.getCell(row, column), null, undefined, { wrap: true });
    asText(sheet.getCell(row, column), label);
    fitHeight(sheet, row, label, widths[column - 1], TABLE_FONT_SIZE);
  });
  grid.columns.forEach((graph, i) => {
    const column = firstGraphColumn(columns) + i;
    if (isClosedCell(grid, gridRowDef.code, graph.code)) closedCell(sheet, row, column);
    else totalCell(sheet, row, column, context, cellCode(gridRowDef.code, graph.code), graph);
  });
}

/**
 * Each grid of the summary from `row` on, a blank row before each. Returns the next free row and the caption rows
 * (their texts wrap: the column widths follow their longest word).
 */
export function gridBlocks(sheet: Worksheet, widths: number[], row: number, context: SummaryContext, columns: GridColumns): { next: number; captionRows: number[] } {
  const captionRows: number[] = [];
  let next = row;
  for (const grid of context.summary.grids) {
    next++;
    const last = firstGraphColumn(columns) + grid.columns.length - 1;
    const title = mergedText(sheet, widths, next++, 1, last, bothTexts(context.lang, grid.title), { bold: true, size: TABLE_FONT_SIZE });
    title.border = BORDER;
    captionsRow(sheet, widths, next, context, columns, grid);
    captionRows.push(next++);
    numbersRow(sheet, next++, columns, grid);
    grid.rows.forEach((_, index) => gridRow(sheet, widths, next++, context, columns, grid, index));
  }
  return { next, captionRows };
}
