// A sheet per list table of the form in the district summary (the НИК publications): every school's rows, dates
// as dates and counts as numbers, so the region can sort and sum them; the schools' text always as text.
import type { SummaryList } from '../../../shared/domain.ts';
import type { ListColumnType } from '../../../shared/forms/types.ts';
import { textIn } from './plan-workbook.ts';
import { addSummarySheet, asText, bothTexts, caption, captionLanguages, fitColumns, fitWrappedRows, headerCell, tableCell, type SummaryContext } from './summary-layout.ts';
import type { Workbook, Worksheet } from './workbook.ts';

const LIST_FORMATS: Record<ListColumnType, string> = { text: '@', url: '@', date: 'dd.mm.yyyy', count: '#,##0' };

/** The rows every school wrote in one list table. */
export function listSheet(workbook: Workbook, list: SummaryList, context: SummaryContext): Worksheet {
  const { lang } = context;
  // The table's short sheet name in the summary's languages; else its title in the first one (both do not fit in 31).
  const name = list.table.sheet ? bothTexts(lang, list.table.sheet) : textIn(list.table.title, captionLanguages(lang)[0]);
  const sheet = addSummarySheet(workbook, name, 'landscape', lang, bothTexts(lang, { ru: context.settings.districtRu, kk: context.settings.districtKk }));
  const { columns } = list.table;
  ['№', caption(lang, 'school'), ...columns.map((column) => bothTexts(lang, column.label))].forEach((text, i) => headerCell(sheet.getCell(1, i + 1), text));
  list.rows.forEach((row, i) => {
    const r = i + 2;
    tableCell(sheet.getCell(r, 1), i + 1, '0', { horizontal: 'center' });
    tableCell(sheet.getCell(r, 2), null, undefined, { wrap: true });
    asText(sheet.getCell(r, 2), row.shortName);
    columns.forEach((column, c) => {
      const cell = sheet.getCell(r, 3 + c);
      const value = row.cells[column.key];
      tableCell(cell, null, LIST_FORMATS[column.type], { wrap: column.type === 'text' || column.type === 'url' });
      if (value === undefined) return;
      if (column.type === 'date') cell.value = new Date(`${value}T00:00:00Z`);
      else if (column.type === 'count') cell.value = Number(value);
      else asText(cell, value);
    });
  });
  fitColumns(sheet, { min: 6, max: 50, wrapRows: [1] });
  fitWrappedRows(sheet);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 2 + columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
  return sheet;
}
