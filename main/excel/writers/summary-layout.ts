// What every sheet of the district summary shares: its language(s), captions from the locale files, the print
// set-up (A4, fitted to the page width, the header rows repeated, page numbers in the footer) and column widths
// measured from what the cells hold.
import type { CampaignSummary, DistrictSettings } from '../../../shared/domain.ts';
import type { Bilingual, FormSection, IndicatorType } from '../../../shared/forms/types.ts';
import { tFor } from '../../../shared/i18n.ts';
import { textWithParams, type KeysUnder } from '../../../shared/text-keys.ts';
import type { PlanLanguage } from '../../../shared/plans/model.ts';
import { fitHeight, font, printSetup, type DocumentLanguage } from './plan-workbook.ts';
import { BORDER, HEADER_FILL } from './styles.ts';
import type { Cell, Workbook, Worksheet } from './workbook.ts';

/** The summary in Kazakh, in Russian, or in both (each caption «Русский / Қазақша», as the school templates write). */
export type SummaryLanguage = PlanLanguage;

/** What the sheets of the summary are written from. */
export interface SummaryContext {
  summary: CampaignSummary;
  settings: DistrictSettings;
  /** The form's sections, for their titles above their rows (the built-in forms have none). */
  sections: FormSection[];
  lang: SummaryLanguage;
  /** The date the workbook is made (YYYY-MM-DD). */
  today: string;
}

/** The district's name in the summary's language(s). */
export function districtText(context: SummaryContext): string {
  return bothTexts(context.lang, { ru: context.settings.districtRu, kk: context.settings.districtKk });
}

/** How a value of each numeric type is shown; a yes/no cell holds 1 or 0 (so SUM counts the yeses) and shows Да/Нет. */
export function numberFormat(type: IndicatorType, lang: SummaryLanguage): string {
  if (type === 'money') return '#,##0.00';
  if (type === 'count') return '#,##0';
  if (type === 'yesno') return `"${caption(lang, 'yes')}";;"${caption(lang, 'no')}"`;
  return '@';
}

/** The languages of a caption, in the order they are written. */
export function captionLanguages(lang: SummaryLanguage): DocumentLanguage[] {
  return lang === 'both' ? ['ru', 'kk'] : [lang];
}

type Params = Record<string, unknown> | ((lang: DocumentLanguage) => Record<string, unknown>);

/** A key under messages.workbook: "region.title". */
export type WorkbookKey = KeysUnder<'messages.workbook'>;

/** A caption of messages.workbook.* in each of the summary's languages (params may differ by language). */
export function captionLines(lang: SummaryLanguage, key: WorkbookKey, params: Params = {}): string[] {
  const texts = captionLanguages(lang).map((l) => textWithParams(tFor(l), `messages.workbook.${key}`, typeof params === 'function' ? params(l) : params));
  return [...new Set(texts)];
}

/** A caption of messages.workbook.* in the summary's language(s), «ru / kk»; the same text twice is written once. */
export function caption(lang: SummaryLanguage, key: WorkbookKey, params: Params = {}): string {
  return captionLines(lang, key, params).join(' / ');
}

/** A text kept in both languages (a label, a name): the one asked for, or «ru / kk»; an empty side is left out. */
export function bothTexts(lang: SummaryLanguage, text: Bilingual): string {
  const texts = captionLanguages(lang).map((l) => text[l].trim()).filter(Boolean);
  if (texts.length === 0) return (text.ru || text.kk).trim();
  return [...new Set(texts)].join(' / ');
}

/** A sheet's name from a caption: no characters Excel refuses, at most 31 of them, cut at a word. */
export function sheetName(text: string): string {
  const clean = text.replace(/ \/ /g, ' - ').replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 31);
  return cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : 31).replace(/[\s-]+$/, '');
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** «Страница 2 из 5» centred at the bottom of every page, the district on the left. */
export function pageFooter(sheet: Worksheet, lang: SummaryLanguage, district: string): void {
  const escape = (text: string) => text.replace(/&/g, '&&');
  const pages = captionLanguages(lang).map((l) => tFor(l)('messages.workbook.region.pageFooter') as string).join(' / ');
  sheet.headerFooter = { oddFooter: `&L&8${escape(district)}&C&8${pages}`, evenFooter: `&L&8${escape(district)}&C&8${pages}` };
}

/** A sheet of the summary: A4 in the orientation given, fitted to the page width, page numbers in the footer. */
export function addSummarySheet(workbook: Workbook, name: string, orientation: 'portrait' | 'landscape', lang: SummaryLanguage, district: string): Worksheet {
  const sheet = workbook.addWorksheet(sheetName(name), { pageSetup: printSetup(orientation) });
  pageFooter(sheet, lang, district);
  return sheet;
}

export const TABLE_FONT_SIZE = 11;

/** A header cell: bold, centred, wrapped, pale blue, bordered. */
export function headerCell(cell: Cell, value: string, size = TABLE_FONT_SIZE): void {
  cell.value = value;
  cell.font = font({ bold: true, size });
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
}

type CellStyle = { bold?: boolean; wrap?: boolean; horizontal?: 'left' | 'center' | 'right' };

/** One font and one alignment object per style, shared by the cells (a region's 600 schools × 40 rows add up). */
const styles = new Map<string, { font: Cell['font']; alignment: Cell['alignment'] }>();

function styleOf({ bold = false, wrap = false, horizontal }: CellStyle) {
  const key = `${bold}|${wrap}|${horizontal ?? ''}`;
  let style = styles.get(key);
  if (!style) {
    style = { font: font({ size: TABLE_FONT_SIZE, bold }) as Cell['font'], alignment: { vertical: 'top', wrapText: wrap, horizontal } };
    styles.set(key, style);
  }
  return style;
}

/** A table cell: bordered, in the table's font; text cells wrap. */
export function tableCell(cell: Cell, value: Cell['value'], numFmt?: string, extra: CellStyle = {}): void {
  const style = styleOf(extra);
  cell.value = value;
  cell.font = style.font;
  cell.border = BORDER;
  if (numFmt) cell.numFmt = numFmt;
  cell.alignment = style.alignment;
}

/** When a report came, as the office's clock showed it: a date-time Excel can sort and shows as written. */
export function officeDateTime(iso: string | null): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()));
}

/** A string from a school, a name, a label: written as text whatever its first character (never a formula). */
export function asText(cell: Cell, value: string): void {
  cell.value = value;
  cell.numFmt = '@';
}

function numberLength(value: number, numFmt: string | undefined): number {
  const digits = String(Math.trunc(Math.abs(value))).length;
  const groups = Math.floor((digits - 1) / 3);
  if (numFmt?.includes('%')) return 7;
  if (numFmt?.includes('"')) return Math.max(...numFmt.split(';').map((part) => part.replace(/"/g, '').length));
  const decimals = numFmt?.includes('.00') ? 3 : 0;
  return digits + groups + decimals + (value < 0 ? 1 : 0);
}

function valueLength(cell: Cell, wrapped: boolean): number {
  let value = cell.value;
  if (value && typeof value === 'object' && 'formula' in value) value = (value.result ?? null) as Cell['value'];
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return numberLength(value, cell.numFmt);
  if (value instanceof Date) return cell.numFmt?.includes('hh') ? 16 : 10;
  const text = typeof value === 'string' ? value : valueTextOf(value);
  const lines = text.split('\n');
  // Text that may wrap needs its longest word, not its whole length.
  const measure = (line: string) => (wrapped ? Math.max(0, ...line.split(/\s+/).map((word) => word.length)) : line.length);
  return Math.max(0, ...lines.map(measure));
}

function valueTextOf(value: Cell['value']): string {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return String(value ?? '');
}

/**
 * Each column as wide as its longest value (merged cells aside), within [min, max] characters (a longer text wraps).
 * Cells of the rows in `wrapRows` (long header captions) only ask for their longest word. `fixed`: column → width.
 */
export function fitColumns(sheet: Worksheet, options: { min?: number; max?: number; wrapRows?: number[]; fixed?: Record<number, number> } = {}): void {
  const { min = 6, max = 60, wrapRows = [], fixed = {} } = options;
  const wrapped = new Set(wrapRows);
  const widths = new Map<number, number>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged) return;
      const size = (cell.font?.size ?? TABLE_FONT_SIZE) / TABLE_FONT_SIZE;
      const length = valueLength(cell, wrapped.has(rowNumber)) * size;
      widths.set(column, Math.max(widths.get(column) ?? 0, length));
    });
  });
  for (let column = 1; column <= sheet.columnCount; column++) {
    const width = fixed[column] ?? Math.min(max, Math.max(min, Math.ceil((widths.get(column) ?? 0) * 1.1) + 2));
    sheet.getColumn(column).width = width;
  }
}

/**
 * Rows as tall as their wrapped text needs in the columns' final widths (neither Excel nor LibreOffice fits a row
 * to wrapped text in a file it opens). Merged cells are left to whoever wrote them; heights only grow.
 */
export function fitWrappedRows(sheet: Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged || !cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      fitHeight(sheet, rowNumber, cell.value, sheet.getColumn(column).width ?? 10, cell.font?.size ?? TABLE_FONT_SIZE);
    });
  });
}

/** The schools in the order people count them: «Школа №2» before «Школа №10». */
export { byName } from '../../../shared/school-names.ts';
