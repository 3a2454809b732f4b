// A campaign's plan as the district approves it and prints it: the «УТВЕРЖДАЮ / БЕКІТЕМІН» block top right,
// the title, the preamble, and the table № | activity | deadline | executors with its sections — one sheet per language.
import type { PlanLanguage } from '../../../shared/plans/model.ts';
import type { Campaign, DistrictSettings } from '../../../shared/domain.ts';
import type { Bilingual } from '../../../shared/forms/types.ts';
import { tFor } from '../../../shared/i18n.ts';
import { monthName } from '../../../shared/plans/deadlines.ts';
import type { Plan, PlanItem, PlanSection } from '../../../shared/plans/model.ts';
import { newWorkbook, type Cell, type Workbook, type Worksheet } from './workbook.ts';
import { BORDER } from './styles.ts';

export type DocumentLanguage = 'kk' | 'ru';
type Translate = ReturnType<typeof tFor>;
type PageSetup = Worksheet['pageSetup'];

export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

/** The plan's table: № | activity | deadline | executors (column widths in characters). */
const PLAN_WIDTHS = [7, 62, 20, 32];
const PLAN_CAPTIONS = ['number', 'title', 'deadline', 'executors'] as const;

/** The sheets of a document: Kazakh first, then Russian. */
export function documentLanguages(lang: PlanLanguage): DocumentLanguage[] {
  return lang === 'both' ? ['kk', 'ru'] : [lang];
}

/** The text in the language asked for, or in the other one when that language's text is empty. */
export function textIn(text: Bilingual, lang: DocumentLanguage): string {
  return text[lang].trim() || text[lang === 'kk' ? 'ru' : 'kk'].trim();
}

export function romanNumeral(n: number): string {
  const steps: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = n;
  let text = '';
  for (const [value, letters] of steps) {
    for (; rest >= value; rest -= value) text += letters;
  }
  return text;
}

export function font(extra: Partial<Cell['font']> = {}): Partial<Cell['font']> {
  return { name: FONT_NAME, size: FONT_SIZE, ...extra };
}

/** A4, the table's width on one page, as many pages down as it takes; margins in inches (left 2.5 cm for binding). */
export function printSetup(orientation: 'portrait' | 'landscape'): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.98, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** How many lines a paragraph takes when wrapped at word boundaries (a word longer than a line is broken). */
function wrappedLines(paragraph: string, charsPerLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (used === 0) used = word.length;
    else if (used + 1 + word.length <= charsPerLine) used += 1 + word.length;
    else {
      lines++;
      used = word.length;
    }
    for (; used > charsPerLine; used -= charsPerLine) lines++;
  }
  return lines;
}

/**
 * Neither Excel nor LibreOffice fits a row's height to wrapped text in a file they open (and never for merged
 * cells): every row gets a height from its longest text over the column's width. The height only grows.
 */
export function fitHeight(sheet: Worksheet, rowNumber: number, text: string, widthInChars: number, size = FONT_SIZE): void {
  const charsPerLine = Math.max(8, (widthInChars * 1.1 * FONT_SIZE) / size);
  const lines = text.split('\n').reduce((sum, paragraph) => sum + wrappedLines(paragraph, charsPerLine), 0);
  const row = sheet.getRow(rowNumber);
  row.height = Math.max(row.height ?? 0, lines * size * 1.3 + 4);
}

function widthOf(widths: number[], from: number, to: number): number {
  return widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
}

/** Writes text into columns from..to of a row (merged when they are several), wrapped, its height fitted. */
export function mergedText(
  sheet: Worksheet,
  widths: number[],
  rowNumber: number,
  from: number,
  to: number,
  value: Cell['value'],
  style: { bold?: boolean; italic?: boolean; size?: number; horizontal?: 'left' | 'center' | 'right' | 'justify' } = {},
): Cell {
  if (to > from) sheet.mergeCells(rowNumber, from, rowNumber, to);
  const cell = sheet.getCell(rowNumber, from);
  cell.value = value;
  cell.font = font({ bold: style.bold, italic: style.italic, size: style.size ?? FONT_SIZE });
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: style.horizontal ?? 'left' };
  const text = typeof value === 'string' ? value : value && typeof value === 'object' && 'richText' in value ? value.richText.map((r) => r.text).join('') : '';
  fitHeight(sheet, rowNumber, text, widthOf(widths, from, to), style.size ?? FONT_SIZE);
  return cell;
}

export function departmentName(settings: DistrictSettings, lang: DocumentLanguage): string {
  const department = textIn({ ru: settings.departmentRu, kk: settings.departmentKk }, lang);
  return department || textIn({ ru: settings.districtRu, kk: settings.districtKk }, lang);
}

export function districtName(settings: DistrictSettings, lang: DocumentLanguage): string {
  return textIn({ ru: settings.districtRu, kk: settings.districtKk }, lang);
}

/** «29» мая 2025 г. / 2025 ж. «29» мамыр; blanks to fill in by hand while the plan is not approved. */
export function approvalDate(t: Translate, approvedOn: string | null): string {
  if (!approvedOn) return t('plans.workbook.approvedBlank') as string;
  const [year, month, day] = approvedOn.split('-').map(Number);
  return t('plans.workbook.approvedOn', { day: String(day).padStart(2, '0'), month: monthName(t, 'monthOfDay', month), year }) as string;
}

/** The approval block in the top-right columns. Returns the next free row. */
function approvalBlock(sheet: Worksheet, t: Translate, plan: Plan, settings: DistrictSettings, lang: DocumentLanguage): number {
  const from = 3;
  const to = PLAN_WIDTHS.length;
  const lines: Array<[string, boolean]> = [
    [t('plans.workbook.approve') as string, true],
    [(t('plans.workbook.head', { department: departmentName(settings, lang) }) as string).trim(), false],
    [(t('plans.workbook.signature', { name: settings.headName }) as string).trim(), false],
    [approvalDate(t, plan.approvedOn), false],
  ];
  lines.forEach(([text, bold], i) => mergedText(sheet, PLAN_WIDTHS, i + 1, from, to, text, { bold }));
  return lines.length + 2;
}

/** Title and district, centred over the whole table. Returns the next free row. */
export function titleBlock(sheet: Worksheet, widths: number[], row: number, title: string, district: string): number {
  mergedText(sheet, widths, row, 1, widths.length, title, { bold: true, size: 13, horizontal: 'center' });
  if (district) mergedText(sheet, widths, row + 1, 1, widths.length, district, { horizontal: 'center' });
  return row + (district ? 3 : 2);
}

/** «Девиз кампании: …» lines, the label in bold. Returns the next free row. */
function preambleBlock(sheet: Worksheet, plan: Plan, lang: DocumentLanguage, row: number): number {
  const lines = plan.preamble.filter((line) => textIn(line.label, lang) || textIn(line.text, lang));
  lines.forEach((line, i) => {
    const label = textIn(line.label, lang);
    const richText = [
      ...(label ? [{ text: `${label}: `, font: font({ bold: true }) }] : []),
      { text: textIn(line.text, lang), font: font() },
    ];
    mergedText(sheet, PLAN_WIDTHS, row + i, 1, PLAN_WIDTHS.length, { richText }, { horizontal: 'justify' });
  });
  return row + lines.length + (lines.length > 0 ? 1 : 0);
}

/** The table's header and the row of column numbers under it (1 2 3 4), as official plans print them. */
export function tableHeader(sheet: Worksheet, widths: number[], row: number, captions: string[]): void {
  const header = sheet.getRow(row);
  const numbers = sheet.getRow(row + 1);
  captions.forEach((caption, i) => {
    const cell = header.getCell(i + 1);
    cell.value = caption;
    cell.font = font({ bold: true });
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BORDER;
    fitHeight(sheet, row, caption, widths[i]);
    const number = numbers.getCell(i + 1);
    number.value = i + 1;
    number.font = font({ size: 10 });
    number.alignment = { horizontal: 'center' };
    number.border = BORDER;
  });
  // Printed on every page, as in the district's own plans.
  sheet.pageSetup.printTitlesRow = `${row}:${row + 1}`;
}

/** «I. Организационные мероприятия» across the whole table. */
export function sectionRow(sheet: Worksheet, widths: number[], row: number, section: PlanSection, lang: DocumentLanguage): void {
  const cell = mergedText(sheet, widths, row, 1, widths.length, `${romanNumeral(section.number)}. ${textIn(section.title, lang)}`, {
    bold: true,
    horizontal: 'center',
  });
  cell.border = BORDER;
}

/** № «1.», the activity, its deadline and its executors as written. */
export function itemCells(sheet: Worksheet, widths: number[], row: number, item: PlanItem, lang: DocumentLanguage): void {
  const values = [`${item.number}.`, textIn(item.title, lang), textIn(item.deadlineText, lang), textIn(item.executorsText, lang)];
  values.forEach((value, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = value;
    cell.font = font();
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: i === 0 || i === 2 ? 'center' : 'left' };
    fitHeight(sheet, row, value, widths[i]);
  });
}

/** The plan's sections in order, each with its items. */
export function sectionsWithItems(plan: Plan): Array<{ section: PlanSection; items: PlanItem[] }> {
  return plan.sections.map((section) => ({ section, items: plan.items.filter((item) => item.sectionId === section.id) }));
}

export function addDocumentSheet(workbook: Workbook, name: string, orientation: 'portrait' | 'landscape', widths: number[]): Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { pageSetup: printSetup(orientation) });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

function planSheet(workbook: Workbook, plan: Plan, campaign: Campaign, settings: DistrictSettings, lang: DocumentLanguage): void {
  const t = tFor(lang);
  const sheet = addDocumentSheet(workbook, t('plans.workbook.planSheet') as string, 'portrait', PLAN_WIDTHS);
  let row = approvalBlock(sheet, t, plan, settings, lang);
  row = titleBlock(sheet, PLAN_WIDTHS, row, textIn(plan.title, lang) || textIn(campaign.title, lang), districtName(settings, lang));
  row = preambleBlock(sheet, plan, lang, row);
  tableHeader(sheet, PLAN_WIDTHS, row, PLAN_CAPTIONS.map((key) => t(`plans.workbook.column.${key}`) as string));
  row += 2;
  for (const { section, items } of sectionsWithItems(plan)) {
    sectionRow(sheet, PLAN_WIDTHS, row++, section, lang);
    for (const item of items) itemCells(sheet, PLAN_WIDTHS, row++, item, lang);
  }
}

/** The plan, print-ready: one sheet in the language asked for, or two (Kazakh, then Russian). */
export function planWorkbook(plan: Plan, campaign: Campaign, settings: DistrictSettings, lang: PlanLanguage): Workbook {
  const workbook = newWorkbook();
  for (const language of documentLanguages(lang)) planSheet(workbook, plan, campaign, settings, language);
  return workbook;
}
