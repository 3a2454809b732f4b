// The plan-execution part of a school's report: one row per plan item handed to the school,
// with «done», the number of events, participants and a short description.
import type { ExecutionFields, ExecutionStatus, PlanItem } from '../../shared/plans/model.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { bilingual, tFor } from '../../shared/i18n.ts';
import { NO_WORDS, YES_WORDS } from '../../shared/values.ts';
import { readNumberCell } from './value-cells.ts';
import { captionKey, cellText, headerFinder, type Row, type Worksheet } from './workbook.ts';
import { BORDER, HEADER_FILL, INPUT_FILL } from './styles.ts';

export const PLAN_COLUMNS = { number: 1, titleRu: 2, titleKk: 3, status: 4, events: 5, participants: 6, description: 7 } as const;
export const DESCRIPTION_LIMIT = 1000;

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

export interface PlanRowReading extends ExecutionFields {
  itemNumber: number;
}

export interface PlanPartReading {
  /** Whether the part's header row was found; without it there is nothing to read. */
  found: boolean;
  rows: PlanRowReading[];
  errors: FileIssue[];
  warnings: FileIssue[];
}

const DONE = [...YES_WORDS, 'выполнено', 'орындалды', 'done'];
const NOT_DONE = [...NO_WORDS, 'невыполнено', 'орындалмады', 'notdone'];

/** «Да / Иә» → done, «Нет / Жоқ» → not done, blank → null; anything else is not understood. */
export function readStatusText(text: string): ExecutionStatus | null | 'unknown' {
  if (text.trim() === '') return null;
  const first = captionKey(text.split('/')[0]);
  if (NOT_DONE.includes(first)) return 'not_done';
  if (DONE.includes(first)) return 'done';
  return 'unknown';
}

type PlanField = 'number' | 'status' | 'events' | 'participants' | 'description';
type PlanColumns = Record<PlanField, number>;

const READ_FIELDS = ['status', 'events', 'participants', 'description'] as const;

/** Each column's caption as the templates write it, in every language; the item number's is «№». */
function planCaptions(): Record<PlanField, string[]> {
  const inAll = (key: (typeof READ_FIELDS)[number]) => (['ru', 'kk', 'en'] as const).map((lng) => tFor(lng)(`messages.workbook.plan.${key}`));
  return { number: ['№'], ...Object.fromEntries(READ_FIELDS.map((field) => [field, inAll(field)])) } as Record<PlanField, string[]>;
}

/** The complaint about a part that was handed to the school but whose header row is nowhere on the sheet. */
export function planHeaderMissing(sheet: string): FileIssue {
  const captions = (['number', ...READ_FIELDS] as const).map((field) => `«${captionOf(field)}»`).join(', ');
  return issue('error', 'import.tableHeaderMissing', { table: bilingual('messages.workbook.plan.title'), captions }, { sheet });
}

function captionOf(field: PlanField): string {
  return field === 'number' ? '№' : bilingual(`messages.workbook.plan.${field}`);
}

/**
 * The part's header: a row with at least three of the four captions read (a row of the form above, its labels in two
 * languages, can hold two); a school may have inserted or moved columns, or lost one caption, which is then named.
 */
function headerOf(row: Row, columnsOf: (row: Row) => Map<PlanField, number>): Map<PlanField, number> | null {
  const found = columnsOf(row);
  return READ_FIELDS.filter((field) => found.has(field)).length >= 3 ? found : null;
}

function itemNumberOf(text: string): number | null {
  const match = /^(\d{1,3})[.)]?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/**
 * Reads the part wherever its header row is; a workbook without the part reads as no rows. Only rows that exist are
 * looked at: a stray value in row 1 048 576 must not make a million empty rows.
 */
export function readPlanPart(sheet: Worksheet): PlanPartReading {
  const reading: PlanPartReading = { found: false, rows: [], errors: [], warnings: [] };
  const columnsOf = headerFinder(planCaptions());
  let columns: PlanColumns | null = null;
  let header = false;
  const seen = new Map<number, string>();
  sheet.eachRow((row) => {
    if (!header) {
      const found = headerOf(row, columnsOf);
      if (!found) return;
      header = reading.found = true;
      columns = columnsOrComplaints(sheet, row, found, reading.errors);
      return;
    }
    if (columns) readPlanRow(sheet, row, columns, seen, reading);
  });
  return reading;
}

/** Every column the part is read from, or a complaint naming the sheet and the caption of each one not found. */
function columnsOrComplaints(sheet: Worksheet, row: Row, found: Map<PlanField, number>, errors: FileIssue[]): PlanColumns | null {
  const missing = (['number', ...READ_FIELDS] as const).filter((field) => !found.has(field));
  const table = bilingual('messages.workbook.plan.title');
  for (const field of missing) {
    errors.push(issue('error', 'import.tableColumnMissing', { table, caption: captionOf(field), row: row.number }, { sheet: sheet.name }));
  }
  return missing.length === 0 ? (Object.fromEntries(found) as PlanColumns) : null;
}

/** One row of the part after its header: its item number, status, counts and description, or the problems with them. */
function readPlanRow(sheet: Worksheet, row: Row, columns: PlanColumns, seen: Map<number, string>, reading: PlanPartReading): void {
  const itemNumber = itemNumberOf(cellText(row.getCell(columns.number)));
  if (itemNumber === null) return;
  const code = `№${itemNumber}`;
  const at = (column: number) => ({ sheet: sheet.name, cell: row.getCell(column).address, code });
  const first = seen.get(itemNumber);
  if (first) {
    reading.errors.push(issue('error', 'import.planRepeatedItem', { number: itemNumber, other: first }, at(columns.number)));
    return;
  }
  seen.set(itemNumber, row.getCell(columns.number).address);
  const fields: ExecutionFields = { status: 'not_started', events: null, participants: null, description: cellText(row.getCell(columns.description)) };
  const status = readStatusText(cellText(row.getCell(columns.status)));
  if (status === 'unknown') {
    reading.errors.push(issue('error', 'import.planStatus', { value: cellText(row.getCell(columns.status)).slice(0, 60) }, at(columns.status)));
    return;
  }
  for (const [column, field] of [[columns.events, 'events'], [columns.participants, 'participants']] as const) {
    const number = readNumberCell(row.getCell(column), { type: 'count' });
    if ('problem' in number) reading.errors.push(issue('error', number.problem, number.params, at(column)));
    else fields[field] = number.value ?? null;
    if ('note' in number && number.note) reading.warnings.push(issue('warning', number.note.key, number.note.params, at(column)));
  }
  if (fields.description.length > DESCRIPTION_LIMIT) {
    reading.errors.push(issue('error', 'import.planDescriptionTooLong', { length: fields.description.length, limit: DESCRIPTION_LIMIT }, at(columns.description)));
  }
  const filled = fields.events !== null || fields.participants !== null || fields.description !== '';
  if (status) fields.status = status;
  else if (filled) {
    fields.status = 'done';
    reading.warnings.push(issue('warning', 'import.planStatusBlank', {}, at(columns.status)));
  }
  if (status || filled) reading.rows.push({ itemNumber, ...fields });
}
