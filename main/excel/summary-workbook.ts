// The district workbook for the region: the totals in the form's layout, a sheet per school, the missing schools,
// and a sheet per list table of the form (the НИК publications).
import type { CampaignSummary, DistrictSettings, SummaryIndicator, SummaryList } from '../../shared/domain.ts';
import { isNumericType, type ListColumnType } from '../../shared/forms/types.ts';
import { bilingual, tFor } from '../../shared/i18n.ts';
import { displayDate } from './report-template.ts';
import { newWorkbook, type Workbook, type Worksheet } from './workbook.ts';
import { BORDER, HEADER_FILL } from './styles.ts';

const LANDSCAPE = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

function sheetName(key: string): string {
  return bilingual(key).replace(' / ', ' - ').slice(0, 31);
}

function numberFormat(indicator: SummaryIndicator): string {
  if (!isNumericType(indicator.type)) return '@';
  return indicator.type === 'money' ? '#,##0.00' : '#,##0';
}

function styleHeader(sheet: Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
}

/** Title, district, period and completeness above the totals table. Returns the next free row. */
function coverBlock(sheet: Worksheet, summary: CampaignSummary, district: DistrictSettings, today: string): number {
  const { campaign } = summary;
  sheet.mergeCells(1, 1, 1, 4);
  sheet.getCell(1, 1).value = `${campaign.title.ru} / ${campaign.title.kk}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const lines: Array<[string, string | number]> = [
    ['messages.workbook.district', [district.districtRu, district.districtKk].filter(Boolean).join(' / ')],
    ['messages.workbook.period', `${displayDate(campaign.startsOn)} – ${displayDate(campaign.endsOn)}`],
    ['messages.workbook.generatedAt', displayDate(today)],
    ['messages.workbook.expected', summary.expected],
    ['messages.workbook.reported', summary.reported],
    ['messages.workbook.missing', summary.missing.length],
  ];
  lines.forEach(([key, value], i) => {
    sheet.getCell(i + 2, 1).value = bilingual(key);
    sheet.getCell(i + 2, 1).font = { bold: true };
    sheet.getCell(i + 2, 2).value = value;
  });
  return lines.length + 3;
}

function totalsSheet(workbook: Workbook, summary: CampaignSummary, district: DistrictSettings, today: string): void {
  const sheet = workbook.addWorksheet(sheetName('messages.workbook.formSheet'), { pageSetup: { ...LANDSCAPE, orientation: 'portrait' } });
  sheet.columns = [{ width: 12 }, { width: 55 }, { width: 55 }, { width: 18 }];
  const header = coverBlock(sheet, summary, district, today);
  sheet.getRow(header).values = [
    bilingual('messages.workbook.code'),
    tFor('ru')('messages.workbook.indicator'),
    tFor('kk')('messages.workbook.indicator'),
    bilingual('messages.workbook.total'),
  ];
  styleHeader(sheet, header);
  summary.indicators.filter((indicator) => isNumericType(indicator.type)).forEach((indicator, i) => {
    const row = sheet.getRow(header + 1 + i);
    row.values = [indicator.code, indicator.label.ru, indicator.label.kk, summary.totals[indicator.code] ?? 0];
    row.getCell(4).numFmt = numberFormat(indicator);
    row.alignment = { wrapText: true, vertical: 'middle' };
    row.eachCell((cell) => (cell.border = BORDER));
  });
  sheet.views = [{ state: 'frozen', ySplit: header }];
  sheet.pageSetup.printTitlesRow = `${header}:${header}`;
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function perSchoolSheet(workbook: Workbook, summary: CampaignSummary): void {
  const sheet = workbook.addWorksheet(sheetName('messages.workbook.schoolsSheet'), { pageSetup: LANDSCAPE });
  const indicators = summary.indicators;
  const codes = indicators.map((i) => i.code);
  const fixed = ['№', bilingual('messages.workbook.bin'), bilingual('messages.workbook.school'), bilingual('messages.workbook.receivedAt')];
  sheet.columns = [{ width: 5 }, { width: 15 }, { width: 40 }, { width: 17 }, ...codes.map(() => ({ width: 12 }))];
  sheet.getRow(1).values = [...fixed, ...codes];
  styleHeader(sheet, 1);
  summary.schools.forEach((school, i) => {
    const row = sheet.getRow(i + 2);
    const cells = indicators.map((indicator) => (isNumericType(indicator.type) ? school.values[indicator.code] : school.texts[indicator.code]) ?? null);
    row.values = [i + 1, school.bin, school.shortName, school.receivedAt?.slice(0, 16).replace('T', ' ') ?? '', ...cells];
    row.getCell(2).numFmt = '@';
    indicators.forEach((indicator, c) => (row.getCell(fixed.length + 1 + c).numFmt = numberFormat(indicator)));
  });
  const totalRow = sheet.getRow(summary.schools.length + 2);
  totalRow.getCell(3).value = bilingual('messages.workbook.total');
  indicators.forEach(({ code, ...indicator }, c) => {
    if (!isNumericType(indicator.type)) return;
    const column = fixed.length + 1 + c;
    const letter = columnLetter(column);
    const cell = totalRow.getCell(column);
    // A real formula for whoever edits the sheet, with its value cached for whoever only reads it.
    cell.value = summary.schools.length > 0 ? { formula: `SUM(${letter}2:${letter}${summary.schools.length + 1})`, result: summary.totals[code] ?? 0 } : 0;
    cell.numFmt = numberFormat({ code, ...indicator });
  });
  totalRow.font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fixed.length + codes.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
}

function missingSheet(workbook: Workbook, summary: CampaignSummary): void {
  const sheet = workbook.addWorksheet(sheetName('messages.workbook.missingSheet'), { pageSetup: { ...LANDSCAPE, orientation: 'portrait' } });
  sheet.columns = [{ width: 5 }, { width: 15 }, { width: 50 }, { width: 50 }];
  sheet.getRow(1).values = ['№', bilingual('messages.workbook.bin'), bilingual('messages.workbook.school'), ''];
  styleHeader(sheet, 1);
  summary.missing.forEach((school, i) => {
    sheet.getRow(i + 2).values = [i + 1, school.bin, school.nameRu || school.shortName, school.nameKk];
    sheet.getRow(i + 2).getCell(2).numFmt = '@';
  });
}

const LIST_FORMATS: Record<ListColumnType, string> = { text: '@', url: '@', date: 'dd.mm.yyyy', count: '#,##0' };

/** Dates as dates and counts as numbers, so the region can sort and sum them; everything else as text, never a formula. */
function listCellValue(type: ListColumnType, value: string | undefined): string | number | Date {
  if (value === undefined) return '';
  if (type === 'date') return new Date(`${value}T00:00:00Z`);
  if (type === 'count') return Number(value);
  return value;
}

/** The rows every school wrote in one list table; their text stays text. */
function listSheet(workbook: Workbook, list: SummaryList): void {
  const name = `${list.table.title.ru}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  const sheet = workbook.addWorksheet(name, { pageSetup: LANDSCAPE });
  const { columns } = list.table;
  sheet.columns = [{ width: 5 }, { width: 30 }, ...columns.map((column) => ({ width: column.type === 'url' || column.key === 'title' ? 50 : 20 }))];
  sheet.getRow(1).values = ['№', bilingual('messages.workbook.school'), ...columns.map((column) => `${column.label.ru} / ${column.label.kk}`)];
  styleHeader(sheet, 1);
  list.rows.forEach((row, i) => {
    const line = sheet.getRow(i + 2);
    line.values = [i + 1, row.shortName, ...columns.map((column) => listCellValue(column.type, row.cells[column.key]))];
    columns.forEach((column, c) => (line.getCell(3 + c).numFmt = LIST_FORMATS[column.type]));
    line.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 2 + columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
}

export function buildSummaryWorkbook(summary: CampaignSummary, district: DistrictSettings, today: string): Workbook {
  const workbook = newWorkbook();
  totalsSheet(workbook, summary, district, today);
  perSchoolSheet(workbook, summary);
  missingSheet(workbook, summary);
  for (const list of summary.lists) listSheet(workbook, list);
  return workbook;
}
