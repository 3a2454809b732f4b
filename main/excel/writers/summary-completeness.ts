// The completeness sheet of the district summary: schools expected, reported, on time, late and missing, with
// their shares as formulas, then the schools that have not reported by name, and those that reported late.
import { mergedText, textIn } from './plan-workbook.ts';
import {
  addSummarySheet, asText, byName, caption, captionLanguages, districtText, fitColumns, fitWrappedRows, headerCell, officeDateTime, tableCell, type SummaryContext, type WorkbookKey,
} from './summary-layout.ts';
import { LATE_FILL } from './summary-schools.ts';
import type { Workbook, Worksheet } from './workbook.ts';

const NAME_WIDTH = 60;
const WIDTHS = [6, NAME_WIDTH, 14, 18];

/** The five counts, each with its share of the schools expected (a formula over the count cells). Returns the next free row. */
function countsTable(sheet: Worksheet, row: number, context: SummaryContext): number {
  const { summary, lang } = context;
  const counts: Array<[WorkbookKey, number]> = [
    ['expected', summary.expected],
    ['reported', summary.reported],
    ['region.onTime', summary.onTime],
    ['region.late', summary.late],
    ['missing', summary.missing.length],
  ];
  ['№', caption(lang, 'region.measure'), caption(lang, 'region.count'), caption(lang, 'region.share')].forEach((text, i) => headerCell(sheet.getCell(row, i + 1), text));
  const expectedRow = row + 1;
  counts.forEach(([key, count], i) => {
    const r = row + 1 + i;
    tableCell(sheet.getCell(r, 1), i + 1, '0', { horizontal: 'center' });
    tableCell(sheet.getCell(r, 2), caption(lang, key), '@', { wrap: true });
    tableCell(sheet.getCell(r, 3), count, '#,##0');
    const share = sheet.getCell(r, 4);
    tableCell(share, null, '0.0%');
    if (summary.expected > 0) share.value = { formula: `C${r}/C$${expectedRow}`, result: count / summary.expected };
  });
  return row + 1 + counts.length;
}

/** The schools that have not reported, by their full names. Returns the next free row. */
function missingList(sheet: Worksheet, row: number, context: SummaryContext): number {
  const { summary, lang } = context;
  mergedText(sheet, WIDTHS, row++, 1, 4, caption(lang, 'region.missingList'), { bold: true });
  if (summary.missing.length === 0) {
    mergedText(sheet, WIDTHS, row, 1, 4, caption(lang, 'region.noneMissing'));
    return row + 1;
  }
  ['№', caption(lang, 'school'), caption(lang, 'bin')].forEach((text, i) => headerCell(sheet.getCell(row, i + 1), text));
  byName(summary.missing).forEach((school, i) => {
    const r = row + 1 + i;
    const names = captionLanguages(lang).map((l) => textIn({ ru: school.nameRu, kk: school.nameKk }, l) || school.shortName);
    tableCell(sheet.getCell(r, 1), i + 1, '0', { horizontal: 'center' });
    tableCell(sheet.getCell(r, 2), null, undefined, { wrap: true });
    asText(sheet.getCell(r, 2), [...new Set(names)].join('\n'));
    tableCell(sheet.getCell(r, 3), null, undefined, { horizontal: 'center' });
    asText(sheet.getCell(r, 3), school.bin);
  });
  return row + 1 + summary.missing.length;
}

/** The schools whose first report came after the schools' due date, with when it came. */
function lateList(sheet: Worksheet, row: number, context: SummaryContext): void {
  const { summary, lang } = context;
  const late = byName(summary.schools.filter((school) => school.late));
  if (late.length === 0) return;
  mergedText(sheet, WIDTHS, row++, 1, 4, caption(lang, 'region.lateList'), { bold: true });
  ['№', caption(lang, 'school'), caption(lang, 'bin'), caption(lang, 'receivedAt')].forEach((text, i) => headerCell(sheet.getCell(row, i + 1), text));
  late.forEach((school, i) => {
    const r = row + 1 + i;
    tableCell(sheet.getCell(r, 1), i + 1, '0', { horizontal: 'center' });
    tableCell(sheet.getCell(r, 2), null, undefined, { wrap: true });
    asText(sheet.getCell(r, 2), school.shortName);
    tableCell(sheet.getCell(r, 3), null, undefined, { horizontal: 'center' });
    asText(sheet.getCell(r, 3), school.bin);
    tableCell(sheet.getCell(r, 4), officeDateTime(school.receivedAt), 'dd.mm.yyyy hh:mm', { horizontal: 'center' });
    for (let column = 1; column <= 4; column++) sheet.getCell(r, column).fill = LATE_FILL;
  });
}

/** The sheet «Полнота / Толықтық». */
export function completenessSheet(workbook: Workbook, context: SummaryContext): Worksheet {
  const { summary, lang } = context;
  const district = districtText(context);
  const sheet = addSummarySheet(workbook, caption(lang, 'region.completenessSheet'), 'portrait', lang, district);
  const widths = WIDTHS;
  sheet.columns = widths.map((width) => ({ width }));
  mergedText(sheet, widths, 1, 1, 4, caption(lang, 'region.completenessTitle'), { bold: true, size: 13, horizontal: 'center' });
  const title = [...new Set(captionLanguages(lang).map((l) => textIn(summary.campaign.title, l)))].join(' / ');
  mergedText(sheet, widths, 2, 1, 4, [title, district].filter(Boolean).join(' — '), { horizontal: 'center' });
  let row = countsTable(sheet, 4, context) + 1;
  row = missingList(sheet, row, context) + 1;
  lateList(sheet, row, context);
  fitColumns(sheet, { min: 6, max: NAME_WIDTH, fixed: { 2: NAME_WIDTH } });
  fitWrappedRows(sheet);
  return sheet;
}
