// The first sheet of the district summary: the cover (the department, the title, the district, the dates and the
// head's signature), then the totals in the form's layout — row code, label(s), unit, the total, and, when the
// district ran the campaign a year earlier, last year's total and the change —, the form's grids as grids
// (summary-grids.ts), and the form's rules checked on the totals.
import type { FileIssue } from '../../../shared/messages.ts';
import { formatMessage, tFor } from '../../../shared/i18n.ts';
import { textWithParams } from '../../../shared/text-keys.ts';
import { ruleSentence } from '../../../shared/rule-messages.ts';
import { isNumericType } from '../../../shared/forms/types.ts';
import type { SummaryIndicator } from '../../../shared/domain.ts';
import { displayDate } from '../layout/report-layout.ts';
import { fitHeight, font, mergedText, textIn } from './plan-workbook.ts';
import { BORDER } from './styles.ts';
import { gridBlocks, gridsWidth, isInGrid } from './summary-grids.ts';
import {
  addSummarySheet, asText, bothTexts, caption, captionLanguages, captionLines, columnLetter, districtText, fitColumns, headerCell, numberFormat,
  TABLE_FONT_SIZE, tableCell, type SummaryContext,
} from './summary-layout.ts';
import type { Workbook, Worksheet } from './workbook.ts';

const LABEL_WIDTH = 55;

interface Columns {
  code: number;
  /** One column per language of the labels. */
  labels: number[];
  unit: number;
  total: number;
  /** Last year's total, the change and the change in per cent: only when there was a campaign a year earlier. */
  previous?: { total: number; change: number; percent: number };
  last: number;
}

function columnsOf(context: SummaryContext): Columns {
  const labels = captionLanguages(context.lang).map((_, i) => 2 + i);
  const unit = labels[labels.length - 1] + 1;
  const total = unit + 1;
  const previous = context.summary.previous ? { total: total + 1, change: total + 2, percent: total + 3 } : undefined;
  return { code: 1, labels, unit, total, previous, last: previous ? previous.percent : total };
}

/** The one-value table's columns, and further ones for the графы of a grid wider than it. */
function widthsOf(columns: Columns, context: SummaryContext): number[] {
  const widths = Array.from({ length: Math.max(columns.last, gridsWidth(context, columns)) }, () => 14);
  widths[columns.code - 1] = 9;
  for (const column of columns.labels) widths[column - 1] = LABEL_WIDTH;
  widths[columns.unit - 1] = 10;
  return widths;
}

/** Label «Text» and its value on one line across the sheet, the label in bold. */
function infoLine(sheet: Worksheet, widths: number[], row: number, label: string, value: string): void {
  mergedText(sheet, widths, row, 1, widths.length, { richText: [{ text: `${label}: `, font: font({ bold: true }) }, { text: value, font: font() }] });
}

/** The cover above the table. Returns the next free row. */
function cover(sheet: Worksheet, widths: number[], context: SummaryContext, columns: Columns): number {
  const { summary: { campaign }, settings, lang, today } = context;
  const last = widths.length;
  let row = 1;
  const department = bothTexts(lang, { ru: settings.departmentRu, kk: settings.departmentKk });
  if (department) mergedText(sheet, widths, row++, 1, last, department, { bold: true, horizontal: 'center' });
  row++;
  const title = captionLines(lang, 'region.title', (l) => ({ campaign: textIn(campaign.title, l) })).join('\n');
  mergedText(sheet, widths, row++, 1, last, title, { bold: true, size: 14, horizontal: 'center' });
  const district = districtText(context);
  if (district) mergedText(sheet, widths, row++, 1, last, district, { bold: true, horizontal: 'center' });
  row++;
  const lines: Array<[string, string]> = [
    [caption(lang, 'period'), `${displayDate(campaign.startsOn)} – ${displayDate(campaign.endsOn)}`],
    [caption(lang, 'region.schoolsDue'), displayDate(campaign.schoolDueOn)],
    [caption(lang, 'region.regionDue'), displayDate(campaign.regionDueOn)],
    [caption(lang, 'generatedAt'), displayDate(today)],
  ];
  for (const [label, value] of lines) infoLine(sheet, widths, row++, label, value);
  row++;
  // «Руководитель отдела образования ____________ А. Б. Ахметова»
  const split = columns.labels[columns.labels.length - 1];
  mergedText(sheet, widths, row, 1, split, caption(lang, 'region.head'), { bold: true });
  mergedText(sheet, widths, row, split + 1, last, caption(lang, 'region.signature', { name: settings.headName }), { bold: true, horizontal: 'right' });
  return row + 2;
}

function unitText(context: SummaryContext, indicator: SummaryIndicator): string {
  if (indicator.unit && (indicator.unit.ru || indicator.unit.kk)) return bothTexts(context.lang, indicator.unit);
  const key = indicator.type === 'money' ? 'moneyUnit' : indicator.type === 'yesno' ? 'region.yesnoUnit' : 'countUnit';
  return caption(context.lang, key);
}

function header(sheet: Worksheet, widths: number[], row: number, context: SummaryContext, columns: Columns): void {
  const { lang, summary } = context;
  const captions = new Map<number, string>([
    [columns.code, caption(lang, 'code')],
    ...columns.labels.map((column, i): [number, string] => [column, tFor(captionLanguages(lang)[i])('messages.workbook.indicator') as string]),
    [columns.unit, caption(lang, 'region.unit')],
    [columns.total, caption(lang, 'region.totalYear', { year: summary.campaign.year })],
  ]);
  if (columns.previous && summary.previous) {
    captions.set(columns.previous.total, caption(lang, 'region.totalYear', { year: summary.previous.year }));
    captions.set(columns.previous.change, caption(lang, 'region.change'));
    captions.set(columns.previous.percent, caption(lang, 'region.changePercent'));
  }
  for (const [column, text] of captions) {
    headerCell(sheet.getCell(row, column), text);
    fitHeight(sheet, row, text, widths[column - 1], TABLE_FONT_SIZE);
  }
}

function sectionRow(sheet: Worksheet, widths: number[], row: number, title: string): void {
  const cell = mergedText(sheet, widths, row, 1, widths.length, title, { bold: true, size: TABLE_FONT_SIZE });
  cell.border = BORDER;
}

/** Total, last year's total, and the change as formulas over them (their values cached for whoever only reads). */
function indicatorRow(sheet: Worksheet, widths: number[], row: number, context: SummaryContext, columns: Columns, indicator: SummaryIndicator): void {
  const { summary, lang } = context;
  const code = sheet.getCell(row, columns.code);
  tableCell(code, null, undefined, { horizontal: 'center' });
  asText(code, indicator.code);
  captionLanguages(lang).forEach((l, i) => {
    const column = columns.labels[i];
    const label = textIn(indicator.label, l);
    tableCell(sheet.getCell(row, column), null, undefined, { wrap: true });
    asText(sheet.getCell(row, column), label);
    fitHeight(sheet, row, label, widths[column - 1], TABLE_FONT_SIZE);
  });
  tableCell(sheet.getCell(row, columns.unit), unitText(context, indicator), '@', { horizontal: 'center', wrap: true });
  const format = indicator.type === 'yesno' ? '#,##0' : numberFormat(indicator.type, lang);
  const total = summary.totals[indicator.code] ?? 0;
  tableCell(sheet.getCell(row, columns.total), total, format, { bold: true });
  if (!columns.previous || !summary.previous) return;
  const { previous } = columns;
  const before = summary.previous.totals[indicator.code];
  tableCell(sheet.getCell(row, previous.total), before ?? null, format);
  tableCell(sheet.getCell(row, previous.change), null, format);
  tableCell(sheet.getCell(row, previous.percent), null, '0.0%');
  if (before === undefined) return;
  const now = `${columnLetter(columns.total)}${row}`;
  const then = `${columnLetter(previous.total)}${row}`;
  const change = indicator.type === 'money' ? Math.round((total - before) * 100) / 100 : total - before;
  sheet.getCell(row, previous.change).value = { formula: `${now}-${then}`, result: change };
  if (before !== 0) sheet.getCell(row, previous.percent).value = { formula: `(${now}-${then})/${then}`, result: (total - before) / before };
}

/** One rule checked on the totals, in each language: «Ошибка. Правило Z-R1: Z03 «…» (9) не может быть больше Z02 «…» (4)». */
function issueText(context: SummaryContext, issue: FileIssue): string {
  const params = issue.message.params ?? {};
  return captionLanguages(context.lang)
    .map((l) => {
      const t = tFor(l);
      const severity = t(`messages.workbook.region.severity.${issue.severity}`) as string;
      const sentence = ruleSentence(t, issue.message);
      const text =
        sentence !== null
          ? (t('messages.workbook.region.ruleBroken', { rule: params.rule, sentence }) as string)
          : 'rule' in params && 'text' in params
            ? textWithParams(t, 'messages.workbook.region.ruleLine', params)
            : formatMessage(t, issue.message);
      return `${severity}. ${text}`;
    })
    .join('\n');
}

/** The form's rules on the totals under the table: each one that does not hold, or a line saying they all do. */
function rulesBlock(sheet: Worksheet, widths: number[], row: number, context: SummaryContext): void {
  mergedText(sheet, widths, row++, 1, widths.length, caption(context.lang, 'region.rulesTitle'), { bold: true });
  const issues = context.summary.ruleIssues;
  if (issues.length === 0) {
    mergedText(sheet, widths, row, 1, widths.length, captionLines(context.lang, 'region.rulesHold').join('\n'), { size: TABLE_FONT_SIZE });
    return;
  }
  for (const issue of issues) {
    const cell = mergedText(sheet, widths, row++, 1, widths.length, issueText(context, issue), { size: TABLE_FONT_SIZE });
    if (issue.severity === 'error') cell.font = font({ size: TABLE_FONT_SIZE, color: { argb: 'FFB00020' } });
  }
}

/** The cover and the totals sheet («Свод / Жиынтық»), first in the workbook. */
export function totalsSheet(workbook: Workbook, context: SummaryContext): Worksheet {
  const columns = columnsOf(context);
  const widths = widthsOf(columns, context);
  // One language fits a portrait page; labels in two languages side by side, or a grid's графы, need a landscape one.
  const orientation = context.lang === 'both' || widths.length > columns.last ? 'landscape' : 'portrait';
  const sheet = addSummarySheet(workbook, caption(context.lang, 'region.totalsSheet'), orientation, context.lang, districtText(context));
  sheet.columns = widths.map((width) => ({ width }));
  const headerRow = cover(sheet, widths, context, columns);
  header(sheet, widths, headerRow, context, columns);
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const sections = new Map(context.sections.map((section) => [section.id, section]));
  let row = headerRow + 1;
  let currentSection: string | undefined;
  for (const indicator of context.summary.indicators) {
    if (!isNumericType(indicator.type) || isInGrid(context, indicator)) continue;
    const section = indicator.section ? sections.get(indicator.section) : undefined;
    if (section && indicator.section !== currentSection) sectionRow(sheet, widths, row++, bothTexts(context.lang, section.title));
    currentSection = indicator.section;
    indicatorRow(sheet, widths, row++, context, columns, indicator);
  }
  const grids = gridBlocks(sheet, widths, row, context, columns);
  rulesBlock(sheet, widths, grids.next + 1, context);
  const fixed = Object.fromEntries(columns.labels.map((column) => [column, LABEL_WIDTH]));
  fitColumns(sheet, { min: 8, max: 20, wrapRows: [headerRow, ...grids.captionRows], fixed });
  return sheet;
}
