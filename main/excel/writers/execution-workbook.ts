// The plan-execution report («Итоговая информация о проведении …» / «… өткізу туралы қорытынды ақпарат»):
// each item with how many schools it was handed to, did it, did not, have not started, events, participants and
// what was done; items without schools show the department's own status; a totals row; overdue items in red.
import type { PlanLanguage } from '../../../shared/plans/model.ts';
import type { Campaign, DistrictSettings } from '../../../shared/domain.ts';
import { tFor } from '../../../shared/i18n.ts';
import type { ItemProgress, Plan, PlanExecution, PlanItem } from '../../../shared/plans/model.ts';
import { displayDate } from '../layout/report-layout.ts';
import {
  addDocumentSheet, departmentName, districtName, documentLanguages, fitHeight, font, itemCells, mergedText, sectionRow, sectionsWithItems, tableHeader,
  titleBlock, type DocumentLanguage,
} from './plan-workbook.ts';
import { newWorkbook, type Workbook, type Worksheet } from './workbook.ts';
import { BORDER } from './styles.ts';

type Translate = ReturnType<typeof tFor>;

const WIDTHS = [6, 38, 14, 24, 11, 11, 11, 11, 12, 12, 44];
const CAPTIONS = ['number', 'title', 'deadline', 'executors', 'assigned', 'done', 'notDone', 'notStarted', 'events', 'participants', 'whatWasDone'] as const;
const COUNTS = ['assigned', 'done', 'notDone', 'notStarted', 'events', 'participants'] as const satisfies ReadonlyArray<keyof ItemProgress>;
const FIRST_COUNT_COLUMN = 5;
const LAST_COUNT_COLUMN = FIRST_COUNT_COLUMN + COUNTS.length - 1;
const WHAT_COLUMN = WIDTHS.length;
const OVERDUE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFDE2E2' } };

export interface ExecutionReportData {
  plan: Plan;
  execution: PlanExecution;
  campaign: Campaign;
  settings: DistrictSettings;
  today: string;
}

/** The department's own note first, then «Short name: what the school did» for each school that wrote something. */
function whatWasDone(item: PlanItem, progress: ItemProgress | undefined, execution: PlanExecution): string {
  const names = new Map(execution.schools.map((school) => [school.id, school.shortName]));
  const schools = (progress?.descriptions ?? []).map((d) => `${names.get(d.schoolId) ?? d.schoolId}: ${d.text.trim()}`);
  return [item.ownNote.trim(), ...schools].filter(Boolean).join('\n');
}

function columnLetter(column: number): string {
  return String.fromCharCode(64 + column);
}

function progressCells(sheet: Worksheet, row: number, t: Translate, item: PlanItem, progress: ItemProgress | undefined): void {
  if (progress && progress.assigned > 0) {
    COUNTS.forEach((key, i) => {
      const cell = sheet.getCell(row, FIRST_COUNT_COLUMN + i);
      cell.value = progress[key];
      cell.numFmt = '#,##0';
    });
  } else {
    // Nobody but the department does this item: its own status stands for the counts.
    sheet.mergeCells(row, FIRST_COUNT_COLUMN, row, LAST_COUNT_COLUMN);
    sheet.getCell(row, FIRST_COUNT_COLUMN).value = t(`plans.workbook.status.${item.ownStatus}`) as string;
  }
  for (let column = FIRST_COUNT_COLUMN; column <= WHAT_COLUMN; column++) {
    const cell = sheet.getCell(row, column);
    cell.font = font();
    cell.border = BORDER;
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: column === WHAT_COLUMN ? 'left' : 'center' };
  }
}

function markOverdue(sheet: Worksheet, row: number): void {
  for (let column = 1; column <= WIDTHS.length; column++) sheet.getCell(row, column).fill = OVERDUE_FILL;
}

/** «Итого»: the counts summed as formulas (for whoever edits the sheet) with their values cached (for whoever reads it). */
function totalsRow(sheet: Worksheet, row: number, t: Translate, first: number, last: number, progress: ItemProgress[]): void {
  sheet.mergeCells(row, 1, row, FIRST_COUNT_COLUMN - 1);
  sheet.getCell(row, 1).value = t('plans.workbook.total') as string;
  sheet.getCell(row, 1).alignment = { horizontal: 'right' };
  const counted = progress.filter((p) => p.assigned > 0);
  COUNTS.forEach((key, i) => {
    const column = FIRST_COUNT_COLUMN + i;
    const letter = columnLetter(column);
    const sum = counted.reduce((total, p) => total + p[key], 0);
    sheet.getCell(row, column).value = last >= first ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum } : sum;
    sheet.getCell(row, column).numFmt = '#,##0';
    sheet.getCell(row, column).alignment = { horizontal: 'center' };
  });
  for (let column = 1; column <= WIDTHS.length; column++) {
    sheet.getCell(row, column).font = font({ bold: true });
    sheet.getCell(row, column).border = BORDER;
  }
}

/** The legend of the red rows and the head's signature under the table. */
function footer(sheet: Worksheet, row: number, t: Translate, settings: DistrictSettings, lang: DocumentLanguage): void {
  sheet.getCell(row, 1).fill = OVERDUE_FILL;
  sheet.getCell(row, 1).border = BORDER;
  mergedText(sheet, WIDTHS, row, 2, WIDTHS.length, t('plans.workbook.overdueLegend') as string, { italic: true, size: 10 });
  const head = (t('plans.workbook.head', { department: departmentName(settings, lang) }) as string).replace(/\n/g, ' ');
  mergedText(sheet, WIDTHS, row + 2, 1, 4, head, { bold: true });
  mergedText(sheet, WIDTHS, row + 2, 9, WIDTHS.length, t('plans.workbook.signature', { name: settings.headName }) as string, { bold: true });
}

/**
 * One language's execution report as a sheet of the workbook given (the execution report's own, or the district
 * summary's, which names the sheet itself). Returns the sheet.
 */
export function executionSheet(workbook: Workbook, data: ExecutionReportData, lang: DocumentLanguage, name?: string): Worksheet {
  const { plan, execution, campaign, settings, today } = data;
  const t = tFor(lang);
  const sheet = addDocumentSheet(workbook, name ?? (t('plans.workbook.executionSheet') as string), 'landscape', WIDTHS);
  const title = t(`plans.workbook.executionTitle.${campaign.kind}`, { year: campaign.year }) as string;
  let row = titleBlock(sheet, WIDTHS, 1, title, districtName(settings, lang)) - 1;
  mergedText(sheet, WIDTHS, row, 1, WIDTHS.length, t('plans.workbook.asOf', { date: displayDate(today) }) as string, { horizontal: 'right' });
  row += 2;
  tableHeader(sheet, WIDTHS, row, CAPTIONS.map((key) => t(`plans.workbook.column.${key}`) as string));
  row += 2;
  const first = row;
  const progressOf = new Map(execution.items.map((p) => [p.itemId, p]));
  for (const { section, items } of sectionsWithItems(plan)) {
    sectionRow(sheet, WIDTHS, row++, section, lang);
    for (const item of items) {
      const progress = progressOf.get(item.id);
      itemCells(sheet, WIDTHS, row, item, lang);
      progressCells(sheet, row, t, item, progress);
      const done = whatWasDone(item, progress, execution);
      sheet.getCell(row, WHAT_COLUMN).value = done;
      fitHeight(sheet, row, done, WIDTHS[WHAT_COLUMN - 1]);
      if (progress?.overdue) markOverdue(sheet, row);
      row++;
    }
  }
  totalsRow(sheet, row, t, first, row - 1, execution.items);
  footer(sheet, row + 2, t, settings, lang);
  return sheet;
}

/** The execution report, print-ready: one sheet in the language asked for, or two (Kazakh, then Russian). */
export function executionWorkbook(
  plan: Plan,
  execution: PlanExecution,
  campaign: Campaign,
  settings: DistrictSettings,
  lang: PlanLanguage,
  today: string,
): Workbook {
  const workbook = newWorkbook();
  for (const language of documentLanguages(lang)) executionSheet(workbook, { plan, execution, campaign, settings, today }, language);
  return workbook;
}
