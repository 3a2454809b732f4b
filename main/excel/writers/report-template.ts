// The workbook a school fills in: a bilingual header, the indicators table found again by row code, each grid
// (строки × графы) below it with its графа numbers, only the value cells open for typing (each checked by its type),
// the plan part, a sheet per list table, and a hidden sheet that identifies it.
import type { Campaign, DistrictSettings, School } from '../../../shared/domain.ts';
import {
  cellCode, gridCells, gridTables, hasPlanPart, isClosedCell, listTables, type FormDefinition, type FormSection, type GridColumn, type GridRow, type GridTable, type Indicator,
} from '../../../shared/forms/types.ts';
import { bilingual, tFor } from '../../../shared/i18n.ts';
import type { PlainTextKey } from '../../../shared/text-keys.ts';
import type { PlanItem } from '../../../shared/plans/model.ts';
import {
  BIN_ROW, CLOSED_CELL_MARK, displayDate, formSheetName, GRID_FIRST_COLUMN, SCHOOL_ROW, TABLE_HEADER_ROW, VALUE_COLUMN,
} from '../layout/report-layout.ts';
import { TEXT_LIMIT } from '../layout/value-limits.ts';
import { writeIdentity } from './identity-sheet.ts';
import { inputHint, writeListSheet } from './list-sheet.ts';
import { writePlanPart } from './plan-part.ts';
import { newWorkbook, type Cell, type Workbook, type Worksheet } from './workbook.ts';
import { BORDER, CLOSED_FILL, HEADER_FILL, INPUT_FILL } from './styles.ts';

function openForTyping(sheet: Worksheet, row: number, hintKey: PlainTextKey, operator: 'equal' | 'lessThanOrEqual', length: number): void {
  const cell = sheet.getCell(row, 2);
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.border = BORDER;
  const hint = bilingual(hintKey);
  cell.dataValidation = {
    type: 'textLength', operator, formulae: [length], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', error: hint, showInputMessage: true, prompt: hint,
  };
}

function headerBlock(sheet: Worksheet, campaign: Campaign, school: School | null, district: DistrictSettings): void {
  sheet.mergeCells(1, 1, 1, VALUE_COLUMN);
  const title = sheet.getCell(1, 1);
  title.value = `${campaign.title.ru} / ${campaign.title.kk}`;
  title.font = { bold: true, size: 13 };
  title.alignment = { wrapText: true, vertical: 'middle' };
  sheet.getRow(1).height = 36;
  const lines: Array<[PlainTextKey, string]> = [
    ['messages.workbook.district', joinBoth(district.districtRu, district.districtKk)],
    ['messages.workbook.school', school ? joinBoth(school.nameRu, school.nameKk) || school.shortName : ''],
    ['messages.workbook.bin', school?.bin ?? ''],
    ['messages.workbook.period', `${displayDate(campaign.startsOn)} – ${displayDate(campaign.endsOn)}`],
    ['messages.workbook.dueDate', displayDate(campaign.schoolDueOn)],
  ];
  lines.forEach(([key, value], i) => {
    const row = sheet.getRow(i + 2);
    row.getCell(1).value = bilingual(key);
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).numFmt = '@';
  });
  if (!school) {
    openForTyping(sheet, SCHOOL_ROW, 'messages.workbook.blankSchoolHint', 'lessThanOrEqual', 300);
    openForTyping(sheet, BIN_ROW, 'messages.workbook.blankBinHint', 'equal', 12);
  }
  const hint = sheet.getCell(7, 1);
  sheet.mergeCells(7, 1, 7, VALUE_COLUMN);
  hint.value = `${tFor('ru')('messages.workbook.fillHint')}\n${tFor('kk')('messages.workbook.fillHint')}`;
  hint.alignment = { wrapText: true };
  hint.font = { italic: true, color: { argb: 'FF555555' } };
  sheet.getRow(7).height = 32;
}

function joinBoth(ru: string, kk: string): string {
  return [ru, kk].filter(Boolean).join(' / ');
}


function tableHeader(sheet: Worksheet): void {
  const ru = tFor('ru');
  const kk = tFor('kk');
  const row = sheet.getRow(TABLE_HEADER_ROW);
  row.values = [
    bilingual('messages.workbook.code'),
    ru('messages.workbook.indicator'),
    kk('messages.workbook.indicator'),
    bilingual('messages.workbook.value'),
  ];
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
}

function valueValidation(indicator: Indicator) {
  const prompt = valueHint(indicator);
  const shared = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, error: prompt, showInputMessage: true, prompt };
  switch (indicator.type) {
    case 'count':
      return { ...shared, type: 'whole' as const, operator: 'greaterThanOrEqual' as const, formulae: [0] };
    case 'money':
      return { ...shared, type: 'decimal' as const, operator: 'greaterThanOrEqual' as const, formulae: [0] };
    case 'yesno':
      return { ...shared, type: 'list' as const, formulae: [`"${YES_NO_CHOICES.join(',')}"`] };
    case 'date':
      return { ...shared, type: 'date' as const, operator: 'greaterThanOrEqual' as const, formulae: [new Date(Date.UTC(2000, 0, 1))] };
    case 'text':
    case 'url':
      return { ...shared, type: 'textLength' as const, operator: 'lessThanOrEqual' as const, formulae: [TEXT_LIMIT] };
  }
}

const YES_NO_CHOICES = (['yes', 'no'] as const).map((key) => bilingual(`messages.workbook.${key}`));

function valueHint(indicator: Indicator): string {
  if (indicator.type === 'count') return bilingual('messages.workbook.wholeNumber');
  if (indicator.type === 'money') return bilingual('messages.workbook.money');
  return inputHint(indicator.type);
}

const NUMBER_FORMATS: Record<Indicator['type'], string> = {
  count: '#,##0', money: '#,##0.00', yesno: '@', text: '@', date: 'dd.mm.yyyy', url: '@',
};

function labelOf(indicator: Indicator, lang: 'ru' | 'kk'): string {
  const unit = indicator.unit?.[lang] ? `, ${indicator.unit[lang]}` : '';
  return `${indicator.label[lang]}${unit}${indicator.required ? ' *' : ''}`;
}

function sectionRow(sheet: Worksheet, rowNumber: number, section: FormSection): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, VALUE_COLUMN);
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = `${section.title.ru} / ${section.title.kk}`;
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
}

/** A cell the school types into: unlocked, pale yellow, formatted and checked by the value's type. */
function openValueCell(cell: Cell, indicator: Indicator): void {
  cell.protection = { locked: false };
  cell.numFmt = NUMBER_FORMATS[indicator.type];
  cell.dataValidation = valueValidation(indicator);
  cell.fill = INPUT_FILL;
}

function indicatorRow(sheet: Worksheet, rowNumber: number, indicator: Indicator): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = indicator.code;
  row.getCell(2).value = labelOf(indicator, 'ru');
  row.getCell(3).value = labelOf(indicator, 'kk');
  openValueCell(row.getCell(VALUE_COLUMN), indicator);
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  for (let column = 1; column <= VALUE_COLUMN; column++) row.getCell(column).border = BORDER;
}

/** The indicator rows, each section's title above its first row; returns the row after the table. */
function indicatorRows(sheet: Worksheet, form: FormDefinition): number {
  const sections = new Map((form.sections ?? []).map((section) => [section.id, section]));
  let rowNumber = TABLE_HEADER_ROW + 1;
  let currentSection: string | undefined;
  for (const indicator of form.indicators) {
    const section = indicator.section ? sections.get(indicator.section) : undefined;
    if (section && indicator.section !== currentSection) sectionRow(sheet, rowNumber++, section);
    currentSection = indicator.section;
    indicatorRow(sheet, rowNumber++, indicator);
  }
  return rowNumber;
}

function gridCaption(column: GridColumn): string {
  const caption = (lang: 'ru' | 'kk') => `${column.label[lang]}${column.unit?.[lang] ? `, ${column.unit[lang]}` : ''}`;
  return `${caption('ru')} / ${caption('kk')}`;
}

const GRID_COLUMN_WIDTH = 14;

/** The caption row: code and label columns as the one-value table heads them, then each графа's caption and unit. */
function gridCaptionRow(sheet: Worksheet, rowNumber: number, table: GridTable): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = bilingual('messages.workbook.code');
  row.getCell(2).value = tFor('ru')('messages.workbook.indicator');
  row.getCell(3).value = tFor('kk')('messages.workbook.indicator');
  table.columns.forEach((column, i) => {
    row.getCell(GRID_FIRST_COLUMN + i).value = gridCaption(column);
  });
  // Excel does not grow a row for wrapped text by itself: high enough for the longest caption in a графа's width.
  const lines = Math.max(2, ...table.columns.map((column) => Math.ceil(gridCaption(column).length / (GRID_COLUMN_WIDTH - 2))));
  row.height = Math.min(15 * lines, 200);
}

/** The графа numbers, each above its column, directly above the first grid row: by them the reader finds the графы. */
function gridNumberRow(sheet: Worksheet, rowNumber: number, table: GridTable): void {
  const row = sheet.getRow(rowNumber);
  table.columns.forEach((column, i) => {
    // A number as a number: Excel marks a number stored as text.
    row.getCell(GRID_FIRST_COLUMN + i).value = /^\d+$/.test(column.code) ? Number(column.code) : column.code;
  });
}

/** A grid row: its code and labels, then an open cell per графа, or a closed one (grey, «X», locked). */
function gridRow(sheet: Worksheet, rowNumber: number, table: GridTable, gridRowOf: GridRow, cells: Map<string, Indicator>): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = gridRowOf.code;
  row.getCell(2).value = `${gridRowOf.label.ru}${gridRowOf.required ? ' *' : ''}`;
  row.getCell(3).value = `${gridRowOf.label.kk}${gridRowOf.required ? ' *' : ''}`;
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  table.columns.forEach((column, i) => {
    const cell = row.getCell(GRID_FIRST_COLUMN + i);
    if (isClosedCell(table, gridRowOf.code, column.code)) {
      cell.value = CLOSED_CELL_MARK;
      cell.fill = CLOSED_FILL;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    } else openValueCell(cell, cells.get(cellCode(gridRowOf.code, column.code))!);
  });
}

/** One grid: its title, the captions, the графа numbers, a row per grid row; returns the row after it. */
function gridBlock(sheet: Worksheet, first: number, table: GridTable): number {
  const lastColumn = GRID_FIRST_COLUMN + table.columns.length - 1;
  sheet.mergeCells(first, 1, first, lastColumn);
  const title = sheet.getCell(first, 1);
  title.value = `${table.title.ru} / ${table.title.kk}`;
  title.font = { bold: true };
  title.alignment = { wrapText: true, vertical: 'middle' };
  gridCaptionRow(sheet, first + 1, table);
  gridNumberRow(sheet, first + 2, table);
  for (const rowNumber of [first, first + 1, first + 2]) {
    const row = sheet.getRow(rowNumber);
    row.font = { bold: true };
    if (rowNumber > first) row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  const cells = new Map(gridCells(table).map((cell) => [cell.code, cell]));
  table.rows.forEach((gridRowOf, i) => gridRow(sheet, first + 3 + i, table, gridRowOf, cells));
  const after = first + 3 + table.rows.length;
  for (let rowNumber = first; rowNumber < after; rowNumber++) {
    for (let column = 1; column <= lastColumn; column++) {
      const cell = sheet.getCell(rowNumber, column);
      cell.border = BORDER;
      if (rowNumber < first + 3) cell.fill = HEADER_FILL;
    }
  }
  return after;
}

/** Every grid of the form after the one-value rows, a blank row before each; returns the row after the last. */
function gridBlocks(sheet: Worksheet, form: FormDefinition, first: number): number {
  let rowNumber = first;
  for (const table of gridTables(form)) rowNumber = gridBlock(sheet, rowNumber + 1, table);
  return rowNumber;
}

/**
 * The columns' widths. With a grid the labels are narrower and every графа as wide as the next, so that the grid,
 * printed across the page and fitted to its width, stays legible (the plan part's description wraps in its column).
 */
function columnWidths(form: FormDefinition): Array<{ width: number }> {
  const graphs = Math.max(0, ...gridTables(form).map((table) => table.columns.length));
  if (graphs === 0) return [12, 55, 55, 18, 14, 14, 45].map((width) => ({ width }));
  const widths = [12, 40, 40, GRID_COLUMN_WIDTH, GRID_COLUMN_WIDTH, GRID_COLUMN_WIDTH, 30];
  for (let column = widths.length + 1; column < GRID_FIRST_COLUMN + graphs; column++) widths.push(GRID_COLUMN_WIDTH);
  return widths.map((width) => ({ width }));
}

/** The plan items handed to the school, and each one's deadline as words in both languages. */
export interface TemplatePlanPart {
  items: PlanItem[];
  deadlineOf(item: PlanItem): { ru: string; kk: string };
}

export async function buildReportTemplate(
  form: FormDefinition,
  campaign: Campaign,
  /** null for the blank template a school not yet in the registry fills in, its name and БИН included. */
  school: School | null,
  /** The district's settings and the id of its database (which tells its templates from another district's). */
  district: DistrictSettings & { id?: string },
  appVersion: string,
  plan: TemplatePlanPart = { items: [], deadlineOf: () => ({ ru: '', kk: '' }) },
): Promise<Workbook> {
  const workbook = newWorkbook();
  // A grid is wider than the one-value table: it prints across the page.
  const orientation = gridTables(form).length > 0 ? 'landscape' : 'portrait';
  const sheet = workbook.addWorksheet(formSheetName(), {
    pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }],
  });
  sheet.columns = columnWidths(form);
  headerBlock(sheet, campaign, school, district);
  tableHeader(sheet);
  const afterTable = gridBlocks(sheet, form, indicatorRows(sheet, form));
  if (hasPlanPart(form)) writePlanPart(sheet, afterTable + 1, plan.items, plan.deadlineOf);
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  for (const table of listTables(form)) await writeListSheet(workbook, table, campaign.hashtag);
  const planItemIds = new Map(plan.items.map((item) => [item.number, item.id]));
  const origin = { districtId: district.id, districtName: district.districtRu || district.districtKk };
  writeIdentity(workbook, { formId: form.id, formVersion: form.version, campaignId: campaign.id, schoolBin: school?.bin ?? '', planItemIds, ...origin }, appVersion);
  return workbook;
}
