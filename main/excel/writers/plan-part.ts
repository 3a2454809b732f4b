// The plan-execution part of a school's template: one row per plan item handed to the school, with «done», the
// number of events, participants and a short description to fill in (intake/plan-part-reader.ts reads it back).
import type { PlanItem } from '../../../shared/plans/model.ts';
import { bilingual, tFor } from '../../../shared/i18n.ts';
import { DESCRIPTION_LIMIT, PLAN_COLUMNS } from '../layout/plan-part-layout.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from './styles.ts';
import type { Worksheet } from './workbook.ts';

const STATUS_CHOICES = (['done', 'notDone'] as const).map((key) => bilingual(`messages.workbook.plan.${key}`));

function prompt(key: 'statusHint' | 'countHint' | 'descriptionHint') {
  const text = bilingual(`messages.workbook.plan.${key}`);
  return { showInputMessage: true, prompt: text, showErrorMessage: true, errorStyle: 'stop' as const, error: text };
}

function headerRow(sheet: Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.values = [
    '№',
    tFor('ru')('messages.workbook.plan.item'),
    tFor('kk')('messages.workbook.plan.item'),
    bilingual('messages.workbook.plan.status'),
    bilingual('messages.workbook.plan.events'),
    bilingual('messages.workbook.plan.participants'),
    bilingual('messages.workbook.plan.description'),
  ];
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = HEADER_FILL;
  });
}

function itemRow(sheet: Worksheet, rowNumber: number, item: PlanItem, deadline: { ru: string; kk: string }): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(PLAN_COLUMNS.number).value = item.number;
  row.getCell(PLAN_COLUMNS.titleRu).value = `${item.title.ru || item.title.kk}${deadline.ru ? ` (${deadline.ru})` : ''}`;
  row.getCell(PLAN_COLUMNS.titleKk).value = `${item.title.kk || item.title.ru}${deadline.kk ? ` (${deadline.kk})` : ''}`;
  const open = (column: number) => {
    const cell = row.getCell(column);
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
    return cell;
  };
  open(PLAN_COLUMNS.status).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${STATUS_CHOICES.join(',')}"`], ...prompt('statusHint') };
  for (const column of [PLAN_COLUMNS.events, PLAN_COLUMNS.participants]) {
    const cell = open(column);
    cell.numFmt = '#,##0';
    cell.dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, ...prompt('countHint') };
  }
  open(PLAN_COLUMNS.description).dataValidation = {
    type: 'textLength', operator: 'lessThanOrEqual', formulae: [DESCRIPTION_LIMIT], allowBlank: true, ...prompt('descriptionHint'),
  };
  row.alignment = { wrapText: true, vertical: 'top' };
  for (let column = 1; column <= PLAN_COLUMNS.description; column++) row.getCell(column).border = BORDER;
}

/** Writes the part from `firstRow` on; returns the row after it. Nothing is written when no item is handed to the school. */
export function writePlanPart(sheet: Worksheet, firstRow: number, items: PlanItem[], deadlineOf: (item: PlanItem) => { ru: string; kk: string }): number {
  if (items.length === 0) return firstRow;
  sheet.mergeCells(firstRow, 1, firstRow, PLAN_COLUMNS.description);
  const title = sheet.getCell(firstRow, 1);
  title.value = `${bilingual('messages.workbook.plan.title')}\n${bilingual('messages.workbook.plan.fillHint')}`;
  title.font = { bold: true };
  title.alignment = { wrapText: true };
  sheet.getRow(firstRow).height = 45;
  headerRow(sheet, firstRow + 1);
  items.forEach((item, i) => itemRow(sheet, firstRow + 2 + i, item, deadlineOf(item)));
  return firstRow + 2 + items.length;
}
