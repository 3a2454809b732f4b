// A workbook's values as plain data, to cross from the thread that parsed it to the one that reads it
// (open-workers.ts): every sheet's cells that hold something, its merged ranges, the «Comments» property.
import type { CellValue, ReadableRow, ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';

type RowCells = Array<[column: number, value: CellValue]>;

export interface SheetSnapshot {
  name: string;
  state: ReadableSheet['state'];
  rowCount: number;
  columnCount: number;
  merges: string[];
  rows: Array<[row: number, cells: RowCells]>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  description: string | undefined;
}

/** Reads every sheet of the workbook to the last cell: what a parse on another thread hands back. */
export function snapshotOf(workbook: ReadableWorkbook): WorkbookSnapshot {
  return {
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      state: sheet.state,
      rowCount: sheet.rowCount,
      columnCount: sheet.columnCount,
      merges: [...sheet.merges],
      rows: [...sheet.rows()].map((row): [number, RowCells] => [row.number, [...row.cells()].map(({ column, value }): [number, CellValue] => [column, value])]),
    })),
    description: workbook.description,
  };
}

function rowOf(number: number, cells: RowCells): ReadableRow {
  const byColumn = new Map(cells);
  return {
    number,
    *cells() {
      for (const [column, value] of cells) yield { column, value };
    },
    value: (column) => byColumn.get(column) ?? null,
  };
}

function sheetOf(snapshot: SheetSnapshot): ReadableSheet {
  const rows = new Map(snapshot.rows.map(([number, cells]) => [number, rowOf(number, cells)]));
  const row = (number: number) => rows.get(number) ?? rowOf(number, []);
  return {
    name: snapshot.name,
    state: snapshot.state,
    rowCount: snapshot.rowCount,
    columnCount: snapshot.columnCount,
    merges: snapshot.merges,
    rows: () => rows.values(),
    row,
    value: (number, column) => row(number).value(column),
  };
}

/** The snapshot read again as a workbook, with the same answers as the workbook it was taken from. */
export function workbookOf(snapshot: WorkbookSnapshot): ReadableWorkbook {
  const sheets = snapshot.sheets.map(sheetOf);
  return { sheets, sheet: (name) => sheets.find((sheet) => sheet.name === name), description: snapshot.description };
}
