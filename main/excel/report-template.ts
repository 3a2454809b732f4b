// The workbook a school fills in: a bilingual header, the indicators table found again by row code,
// only the value cells open for typing (each checked by its type), the plan part, a sheet per list table,
// and a hidden sheet that identifies it.
import type { Campaign, DistrictSettings, School } from '../../shared/domain.ts';
import { formatDate } from '../../shared/format.ts';
import { hasPlanPart, listTables, type FormDefinition, type FormSection, type Indicator } from '../../shared/forms/types.ts';
import { bilingual, tFor } from '../../shared/i18n.ts';
import type { PlanItem } from '../../shared/plans/model.ts';
import { writeIdentity } from './identity.ts';
import { inputHint, writeListSheet } from './list-part.ts';
import { TEXT_LIMIT } from './value-cells.ts';
import { writePlanPart } from './plan-part.ts';
import { newWorkbook, type Workbook, type Worksheet } from './workbook.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from './styles.ts';

export const TABLE_HEADER_ROW = 9;
export const CODE_COLUMN = 1;
export const VALUE_COLUMN = 4;

export function formSheetName(): string {
  return `${tFor('ru')('messages.workbook.formSheet')} - ${tFor('kk')('messages.workbook.formSheet')}`;
}

/** DD.MM.YYYY, as every text of the app writes a date (shared/format.ts). */
export function displayDate(iso: string): string {
  return formatDate(iso);
}

/** The header rows the school itself fills in on a blank template: its name and its БИН. */
export const SCHOOL_ROW = 3;
export const BIN_ROW = 4;

function openForTyping(sheet: Worksheet, row: number, hintKey: string, operator: 'equal' | 'lessThanOrEqual', length: number): void {
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
  const lines: Array<[string, string]> = [
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

const YES_NO_CHOICES = ['yes', 'no'].map((key) => bilingual(`messages.workbook.${key}`));

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

function indicatorRow(sheet: Worksheet, rowNumber: number, indicator: Indicator): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = indicator.code;
  row.getCell(2).value = labelOf(indicator, 'ru');
  row.getCell(3).value = labelOf(indicator, 'kk');
  const value = row.getCell(VALUE_COLUMN);
  value.protection = { locked: false };
  value.numFmt = NUMBER_FORMATS[indicator.type];
  value.dataValidation = valueValidation(indicator);
  value.fill = INPUT_FILL;
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
  const sheet = workbook.addWorksheet(formSheetName(), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }],
  });
  sheet.columns = [{ width: 12 }, { width: 55 }, { width: 55 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 45 }];
  headerBlock(sheet, campaign, school, district);
  tableHeader(sheet);
  const afterTable = indicatorRows(sheet, form);
  if (hasPlanPart(form)) writePlanPart(sheet, afterTable + 1, plan.items, plan.deadlineOf);
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  for (const table of listTables(form)) await writeListSheet(workbook, table, campaign.hashtag);
  const planItemIds = new Map(plan.items.map((item) => [item.number, item.id]));
  const origin = { districtId: district.id, districtName: district.districtRu || district.districtKk };
  writeIdentity(workbook, { formId: form.id, formVersion: form.version, campaignId: campaign.id, schoolBin: school?.bin ?? '', planItemIds, ...origin }, appVersion);
  return workbook;
}

const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name Windows accepts: no forbidden characters, no trailing dot or space, no reserved device name. */
export function safeFileName(base: string, extension: string): string {
  let name = base.replace(WINDOWS_FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (name === '' || WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name.slice(0, 120)}${extension}`;
}
