// A form's list table (the НИК publications) on a sheet of its own: numbered empty rows the school fills,
// each cell checked by its column's type (intake/list-reader.ts reads it back).
import type { ListColumn, ListTable } from '../../../shared/forms/types.ts';
import { bilingual, tFor } from '../../../shared/i18n.ts';
import { both, columnLimit, LIST_HEADER_ROW, listSheetName } from '../layout/list-layout.ts';
import { TEXT_LIMIT } from '../layout/value-limits.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from './styles.ts';
import type { Workbook, Worksheet } from './workbook.ts';

const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

function columnWidth(column: ListColumn): number {
  if (column.type === 'url') return 50;
  if (column.type === 'date' || column.type === 'count') return 14;
  return Math.min(60, Math.max(24, Math.round(columnLimit(column) / 8)));
}

/** The input hint of a typed cell in both languages, e.g. «Дата: ДД.ММ.ГГГГ / Күні: КК.АА.ЖЖЖЖ». */
export function inputHint(type: ListColumn['type'] | 'yesno' | 'money', limit = TEXT_LIMIT): string {
  const ru = tFor('ru')(`messages.workbook.input.${type}`, { limit });
  const kk = tFor('kk')(`messages.workbook.input.${type}`, { limit });
  return `${ru} / ${kk}`;
}

function hintOf(column: ListColumn): string {
  return inputHint(column.type, columnLimit(column));
}

function validationOf(column: ListColumn) {
  const hint = hintOf(column);
  const shared = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, error: hint, showInputMessage: true, prompt: hint };
  switch (column.type) {
    case 'date':
      return { ...shared, type: 'date' as const, operator: 'greaterThanOrEqual' as const, formulae: [new Date(Date.UTC(2000, 0, 1))] };
    case 'count':
      return { ...shared, type: 'whole' as const, operator: 'greaterThanOrEqual' as const, formulae: [0] };
    default:
      return { ...shared, type: 'textLength' as const, operator: 'lessThanOrEqual' as const, formulae: [columnLimit(column)] };
  }
}

function titleRows(sheet: Worksheet, table: ListTable, hashtag: string, lastColumn: number): void {
  const line = (row: number, text: string, font: { bold?: boolean; italic?: boolean; size?: number }) => {
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  };
  line(1, both(table.title.ru, table.title.kk), { bold: true, size: 13 });
  if (table.showHashtag && hashtag) line(2, `${bilingual('messages.workbook.list.hashtag')}: ${hashtag}`, { bold: true });
  const hint = (lng: 'ru' | 'kk') =>
    [tFor(lng)('messages.workbook.list.fillHint', { max: table.maxRows }), table.rowCountCode ? tFor(lng)('messages.workbook.list.rowCountHint', { code: table.rowCountCode }) : '']
      .filter(Boolean)
      .join(' ');
  line(3, `${hint('ru')}\n${hint('kk')}`, { italic: true });
  sheet.getRow(3).height = 45;
}

/** The sheet of one list table: title, the campaign's hashtag when the table asks for it, a hint, and maxRows open rows. */
export async function writeListSheet(workbook: Workbook, table: ListTable, hashtag: string): Promise<void> {
  const lastColumn = table.columns.length + 1;
  const sheet = workbook.addWorksheet(listSheetName(table), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: LIST_HEADER_ROW }],
  });
  sheet.columns = [{ width: 6 }, ...table.columns.map((column) => ({ width: columnWidth(column) }))];
  titleRows(sheet, table, hashtag, lastColumn);
  const header = sheet.getRow(LIST_HEADER_ROW);
  header.values = ['№', ...table.columns.map((column) => both(column.label.ru, column.label.kk) + (column.required ? ' *' : ''))];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
  for (let n = 1; n <= table.maxRows; n++) {
    const row = sheet.getRow(LIST_HEADER_ROW + n);
    row.getCell(1).value = n;
    row.getCell(1).border = BORDER;
    table.columns.forEach((column, c) => {
      const cell = row.getCell(c + 2);
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      cell.border = BORDER;
      cell.numFmt = column.type === 'date' ? 'dd.mm.yyyy' : column.type === 'count' ? '#,##0' : '@';
      cell.dataValidation = validationOf(column);
    });
  }
  sheet.pageSetup.printTitlesRow = `${LIST_HEADER_ROW}:${LIST_HEADER_ROW}`;
  await sheet.protect('', PROTECTION);
}
