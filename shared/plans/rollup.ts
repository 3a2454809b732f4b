// Who did what: one item's execution over the schools it was handed to, judged against today's date.
import { deadlineEnd } from './deadlines.ts';
import type { ExecutionEntry, ExecutionStatus, ItemProgress, PlanItem } from './model.ts';
import type { Deadline } from './types.ts';

/** Past the deadline's last day and not done. Ongoing, agreed and unparsed deadlines are never overdue. */
export function isOverdue(deadline: Deadline, status: ExecutionStatus, today: string): boolean {
  const end = deadlineEnd(deadline);
  return end !== null && end < today && status !== 'done';
}

/** The schools an item is handed to: every active school, or the chosen ones still active; none without schools among its executors. */
export function assignedSchools(item: Pick<PlanItem, 'forSchools' | 'assignTo' | 'chosenSchoolIds'>, activeSchoolIds: readonly number[]): number[] {
  if (!item.forSchools) return [];
  if (item.assignTo === 'all') return [...activeSchoolIds];
  const chosen = new Set(item.chosenSchoolIds);
  return activeSchoolIds.filter((id) => chosen.has(id));
}

export function rollUpItem(item: PlanItem, entries: readonly ExecutionEntry[], today: string): ItemProgress {
  const mine = entries.filter((entry) => entry.itemId === item.id);
  const count = (status: ExecutionStatus) => mine.filter((entry) => entry.status === status).length;
  const done = count('done');
  const overdue = mine.length > 0 ? done < mine.length && isOverdue(item.deadline, 'not_started', today) : isOverdue(item.deadline, item.ownStatus, today);
  return {
    itemId: item.id,
    assigned: mine.length,
    done,
    notDone: count('not_done'),
    notStarted: count('not_started'),
    events: mine.reduce((sum, entry) => sum + (entry.events ?? 0), 0),
    participants: mine.reduce((sum, entry) => sum + (entry.participants ?? 0), 0),
    overdue,
    descriptions: mine.filter((entry) => entry.description.trim() !== '').map((entry) => ({ schoolId: entry.schoolId, text: entry.description })),
  };
}
