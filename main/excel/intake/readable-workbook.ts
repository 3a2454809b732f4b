// What the readers of a school's file see of a workbook: its sheets, each sheet's cell values by row and column,
// its merged ranges, and the «Comments» property. Values — no library objects; how a cell looks (shading, number
// format) only when a reader asks (a region's form, region-form-reader.ts). Implemented by the streaming reader,
// xlsx-reader.ts.

import type { CellFormat } from './cell-formats.ts';

export type CellScalar = string | number | boolean | Date;

/** A cell showing an error: «#DIV/0!», «#N/A»… */
export interface CellError {
  error: string;
}

/** A formula, with what it computed when the file was last saved (absent when it never was). */
export interface CellFormula {
  formula: string;
  result?: CellScalar | CellError | null;
}

export interface CellHyperlink {
  text: string;
  hyperlink: string;
}

/**
 * A cell's value as Excel shows it: rich text joined into one string, a date-formatted number as a Date (an Invalid
 * Date when it is out of range). A blank cell is null.
 */
export type CellValue = null | CellScalar | CellError | CellFormula | CellHyperlink;

export interface ReadableRow {
  readonly number: number;
  /** The cells that hold something, left to right; a cell inside a merged range holds the range's value, as shown. */
  cells(): Iterable<{ column: number; value: CellValue }>;
  value(column: number): CellValue;
}

export interface ReadableSheet {
  readonly name: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** The last row and the last column the sheet uses. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** The merged ranges, as «A1:D1». */
  readonly merges: readonly string[];
  /** The rows that hold something, top to bottom: a value in row 1 048 576 must not make a million empty rows. */
  rows(): Iterable<ReadableRow>;
  /** Any row, empty or not. */
  row(number: number): ReadableRow;
  value(row: number, column: number): CellValue;
  /** How a cell looks (shading, number format), read on first asking; only the streaming reader tells it. */
  format?(row: number, column: number): CellFormat;
}

export interface ReadableWorkbook {
  readonly sheets: readonly ReadableSheet[];
  sheet(name: string): ReadableSheet | undefined;
  /** The «Comments» document property (dc:description). */
  readonly description: string | undefined;
}
