// The plan-execution part of a school's report read back (writers/plan-part.ts writes it): one row per plan item
// handed to the school, with «done», the number of events, participants and a short description.
import type { ExecutionFields, ExecutionStatus } from '../../../shared/plans/model.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { bilingual, tFor } from '../../../shared/i18n.ts';
import { NO_WORDS, YES_WORDS } from '../../../shared/values.ts';
import { cellAddress } from '../layout/cell-address.ts';
import { DESCRIPTION_LIMIT } from '../layout/plan-part-layout.ts';
import { captionKey, headerFinder } from './captions.ts';
import { valueText } from './cell-text.ts';
import type { ReadableRow, ReadableSheet } from './readable-workbook.ts';
import { readNumber } from './value-cells.ts';

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

/** The plan part's header finder, made once: its captions come from the locales and do not change. */
let columnsOf: ReturnType<typeof headerFinder<PlanField>> | undefined;

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
function headerOf(row: ReadableRow, columnsOf: (row: ReadableRow) => Map<PlanField, number>): Map<PlanField, number> | null {
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
export function readPlanPart(sheet: ReadableSheet): PlanPartReading {
  const reading: PlanPartReading = { found: false, rows: [], errors: [], warnings: [] };
  columnsOf ??= headerFinder(planCaptions());
  let columns: PlanColumns | null = null;
  let header = false;
  const seen = new Map<number, string>();
  for (const row of sheet.rows()) {
    if (!header) {
      const found = headerOf(row, columnsOf);
      if (!found) continue;
      header = reading.found = true;
      columns = columnsOrComplaints(sheet, row, found, reading.errors);
      continue;
    }
    if (columns) readPlanRow(sheet, row, columns, seen, reading);
  }
  return reading;
}

/** Every column the part is read from, or a complaint naming the sheet and the caption of each one not found. */
function columnsOrComplaints(sheet: ReadableSheet, row: ReadableRow, found: Map<PlanField, number>, errors: FileIssue[]): PlanColumns | null {
  const missing = (['number', ...READ_FIELDS] as const).filter((field) => !found.has(field));
  const table = missing.length > 0 ? bilingual('messages.workbook.plan.title') : '';
  for (const field of missing) {
    errors.push(issue('error', 'import.tableColumnMissing', { table, caption: captionOf(field), row: row.number }, { sheet: sheet.name }));
  }
  return missing.length === 0 ? (Object.fromEntries(found) as PlanColumns) : null;
}

/** One row of the part after its header: its item number, status, counts and description, or the problems with them. */
function readPlanRow(sheet: ReadableSheet, row: ReadableRow, columns: PlanColumns, seen: Map<number, string>, reading: PlanPartReading): void {
  const text = (column: number) => valueText(row.value(column));
  const itemNumber = itemNumberOf(text(columns.number));
  if (itemNumber === null) return;
  const code = `№${itemNumber}`;
  const at = (column: number) => ({ sheet: sheet.name, cell: cellAddress(row.number, column), code });
  const first = seen.get(itemNumber);
  if (first) {
    reading.errors.push(issue('error', 'import.planRepeatedItem', { number: itemNumber, other: first }, at(columns.number)));
    return;
  }
  seen.set(itemNumber, cellAddress(row.number, columns.number));
  const fields: ExecutionFields = { status: 'not_started', events: null, participants: null, description: text(columns.description) };
  const status = readStatusText(text(columns.status));
  if (status === 'unknown') {
    reading.errors.push(issue('error', 'import.planStatus', { value: text(columns.status).slice(0, 60) }, at(columns.status)));
    return;
  }
  for (const [column, field] of [[columns.events, 'events'], [columns.participants, 'participants']] as const) {
    const number = readNumber(row.value(column), 'count');
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
