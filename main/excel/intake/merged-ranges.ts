// A sheet's merged ranges as rows and columns: what a cell inside one shows, and which cell holds the range's value.
import { columnNumber } from '../layout/cell-address.ts';
import type { ReadableSheet } from './readable-workbook.ts';

export interface MergedRange {
  /** As the file writes it, «A1:D1». */
  text: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const parsed = new WeakMap<ReadableSheet, MergedRange[]>();

export function mergedRanges(sheet: ReadableSheet): MergedRange[] {
  let ranges = parsed.get(sheet);
  if (!ranges) {
    ranges = [];
    for (const text of sheet.merges) {
      const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
      if (match) ranges.push({ text, top: Number(match[2]), left: columnNumber(match[1]), bottom: Number(match[4]), right: columnNumber(match[3]) });
    }
    parsed.set(sheet, ranges);
  }
  return ranges;
}

export function contains(range: MergedRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

/**
 * The cell that holds the value of the merged range this cell is in: its top-left one; the cell itself when unmerged.
 * Every merged cell is indexed once per sheet (the structure checks bound them: WORKBOOK_LIMITS.mergedCells).
 */
export function masterOf(sheet: ReadableSheet, row: number, column: number): { row: number; column: number } {
  const range = mergedCellsOf(sheet).get(cellKey(row, column));
  return range ? { row: range.top, column: range.left } : { row, column };
}

const cellKey = (row: number, column: number) => row * 20_000 + column;
const indexed = new WeakMap<ReadableSheet, Map<number, MergedRange>>();

function mergedCellsOf(sheet: ReadableSheet): Map<number, MergedRange> {
  let cells = indexed.get(sheet);
  if (!cells) {
    cells = new Map();
    for (const range of mergedRanges(sheet)) {
      for (let row = range.top; row <= range.bottom; row++) {
        for (let column = range.left; column <= range.right; column++) if (!cells.has(cellKey(row, column))) cells.set(cellKey(row, column), range);
      }
    }
    indexed.set(sheet, cells);
  }
  return cells;
}
