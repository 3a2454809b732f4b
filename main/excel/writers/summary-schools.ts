// The per-school sheet of the district summary: a school per row, a row code or a grid cell ("H03.2") per column (the
// codes over their labels), a totals row of real SUM formulas with their values cached, late schools marked, frozen
// panes and a filter.
import type { SchoolReportRow, SummaryIndicator } from '../../../shared/domain.ts';
import { isNumericType } from '../../../shared/forms/types.ts';
import { mergedText, textIn } from './plan-workbook.ts';
import { HEADER_FILL } from './styles.ts';
import {
  addSummarySheet, asText, byName, caption, captionLanguages, columnLetter, districtText, fitColumns, fitWrappedRows, headerCell, numberFormat, officeDateTime, sheetName, tableCell, type SummaryContext,
} from './summary-layout.ts';
import type { Cell, Workbook, Worksheet } from './workbook.ts';

export const LATE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4D6' } };
const FIXED = ['number', 'school', 'bin', 'receivedAt', 'timeliness'] as const;
const CODES_ROW = 2;
const LABELS_ROW = 3;
const FIRST_DATA_ROW = 4;
const LABEL_SIZE = 9;

function fixedCaption(context: SummaryContext, key: (typeof FIXED)[number]): string {
  if (key === 'number') return '№';
  if (key === 'timeliness') return caption(context.lang, 'region.timeliness');
  return caption(context.lang, key);
}

/** What every school's row repeats, worked out once: each row code's number format, the timeliness words. */
interface RowWords {
  formats: string[];
  onTime: string;
  late: string;
}

/** A school's value: a number for a numeric row, a date as a date, any other text as text (never a formula). */
function valueCell(cell: Cell, indicator: SummaryIndicator, format: string, school: SchoolReportRow): void {
  if (isNumericType(indicator.type)) {
    tableCell(cell, school.values[indicator.code] ?? null, format, { horizontal: 'right' });
    return;
  }
  const text = school.texts[indicator.code];
  if (indicator.type === 'date' && text && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
    tableCell(cell, new Date(`${text}T00:00:00Z`), 'dd.mm.yyyy');
    return;
  }
  tableCell(cell, null, undefined, { wrap: true });
  if (text !== undefined) asText(cell, text);
}

function headerRows(sheet: Worksheet, context: SummaryContext, indicators: SummaryIndicator[]): void {
  FIXED.forEach((key, i) => {
    headerCell(sheet.getCell(CODES_ROW, i + 1), '');
    headerCell(sheet.getCell(LABELS_ROW, i + 1), fixedCaption(context, key));
  });
  indicators.forEach((indicator, i) => {
    const column = FIXED.length + 1 + i;
    headerCell(sheet.getCell(CODES_ROW, column), indicator.code);
    const label = captionLanguages(context.lang).map((l) => textIn(indicator.label, l)).filter((text, n, all) => all.indexOf(text) === n).join(' / ');
    headerCell(sheet.getCell(LABELS_ROW, column), label, LABEL_SIZE);
    sheet.getCell(LABELS_ROW, column).alignment = { wrapText: true, vertical: 'top', horizontal: 'center' };
  });
}

function schoolRow(sheet: Worksheet, row: number, n: number, school: SchoolReportRow, words: RowWords, indicators: SummaryIndicator[]): void {
  tableCell(sheet.getCell(row, 1), n, '0', { horizontal: 'center' });
  tableCell(sheet.getCell(row, 2), null, undefined, { wrap: true });
  asText(sheet.getCell(row, 2), school.shortName);
  tableCell(sheet.getCell(row, 3), null, undefined, { horizontal: 'center' });
  asText(sheet.getCell(row, 3), school.bin);
  tableCell(sheet.getCell(row, 4), officeDateTime(school.receivedAt), 'dd.mm.yyyy hh:mm', { horizontal: 'center' });
  tableCell(sheet.getCell(row, 5), school.late ? words.late : words.onTime, '@', { horizontal: 'center' });
  indicators.forEach((indicator, i) => valueCell(sheet.getCell(row, FIXED.length + 1 + i), indicator, words.formats[i], school));
  if (school.late) for (let column = 1; column <= FIXED.length + indicators.length; column++) sheet.getCell(row, column).fill = LATE_FILL;
}

/** «Итого»: SUM over the schools' rows for every numeric column, its value cached (the summary's exact total). */
function totalsRow(sheet: Worksheet, row: number, context: SummaryContext, indicators: SummaryIndicator[]): void {
  const { summary } = context;
  for (let column = 1; column <= FIXED.length + indicators.length; column++) {
    tableCell(sheet.getCell(row, column), null, undefined, { bold: true });
    sheet.getCell(row, column).fill = HEADER_FILL;
  }
  sheet.getCell(row, 2).value = caption(context.lang, 'total');
  const last = row - 1;
  indicators.forEach((indicator, i) => {
    if (!isNumericType(indicator.type)) return;
    const column = FIXED.length + 1 + i;
    const letter = columnLetter(column);
    const cell = sheet.getCell(row, column);
    const total = summary.totals[indicator.code] ?? 0;
    // A real formula for whoever edits the sheet, with its value cached for whoever only reads it.
    cell.value = last >= FIRST_DATA_ROW ? { formula: `SUM(${letter}${FIRST_DATA_ROW}:${letter}${last})`, result: total } : total;
    cell.numFmt = indicator.type === 'yesno' ? '#,##0' : numberFormat(indicator.type, context.lang);
    cell.alignment = { horizontal: 'right' };
  });
}

/**
 * Where the schools' values of a numeric code stand on the per-school sheet, as a reference from another sheet
 * ('По школам - Мектептер бойынша'!AB4:AB6), for a SUM over them; null when no school reported.
 */
export function schoolValuesRange(context: SummaryContext, code: string): string | null {
  const index = context.summary.indicators.findIndex((indicator) => indicator.code === code);
  if (index < 0 || context.summary.schools.length === 0) return null;
  const letter = columnLetter(FIXED.length + 1 + index);
  const name = sheetName(caption(context.lang, 'schoolsSheet')).replace(/'/g, "''");
  return `'${name}'!${letter}${FIRST_DATA_ROW}:${letter}${FIRST_DATA_ROW + context.summary.schools.length - 1}`;
}

/** The sheet «По школам / Мектептер бойынша». */
export function perSchoolSheet(workbook: Workbook, context: SummaryContext): Worksheet {
  const { summary, lang } = context;
  const indicators = summary.indicators;
  const district = districtText(context);
  const sheet = addSummarySheet(workbook, caption(lang, 'schoolsSheet'), 'landscape', lang, district);
  const width = FIXED.length + indicators.length;
  headerRows(sheet, context, indicators);
  const words: RowWords = {
    formats: indicators.map((indicator) => numberFormat(indicator.type, lang)),
    onTime: caption(lang, 'region.onTimeMark'),
    late: caption(lang, 'region.lateMark'),
  };
  byName(summary.schools).forEach((school, i) => schoolRow(sheet, FIRST_DATA_ROW + i, i + 1, school, words, indicators));
  const totals = FIRST_DATA_ROW + summary.schools.length;
  totalsRow(sheet, totals, context, indicators);
  fitColumns(sheet, { min: 6, max: 36, wrapRows: [LABELS_ROW, CODES_ROW] });
  for (let column = FIXED.length + 1; column <= width; column++) {
    const current = sheet.getColumn(column).width ?? 10;
    sheet.getColumn(column).width = Math.max(current, 11);
  }
  // Labels and long names wrap in their columns: each row as tall as its longest text needs.
  fitWrappedRows(sheet);
  const widths = sheet.columns.map((c) => c.width ?? 10);
  if (summary.late > 0) {
    sheet.getCell(totals + 2, 1).fill = LATE_FILL;
    mergedText(sheet, widths, totals + 2, 2, Math.min(width, FIXED.length + 8), caption(lang, 'region.lateLegend'), { italic: true, size: 10 });
  }
  const title = captionLanguages(lang).map((l) => textIn(summary.campaign.title, l)).filter((text, n, all) => all.indexOf(text) === n).join(' / ');
  mergedText(sheet, widths, 1, 1, Math.min(width, FIXED.length + 6), [title, district].filter(Boolean).join(' — '), { bold: true });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: LABELS_ROW }];
  sheet.autoFilter = { from: { row: LABELS_ROW, column: 1 }, to: { row: LABELS_ROW, column: width } };
  sheet.pageSetup.printTitlesRow = `${CODES_ROW}:${LABELS_ROW}`;
  return sheet;
}
