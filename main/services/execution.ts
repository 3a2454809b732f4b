// Plan execution: per item and school, from the school's current report or entered by hand — the newer wins.
import type { Kysely } from 'kysely';
import { localIsoDate } from '../../shared/dates.ts';
import type { ExecutionEntry, ExecutionFields, PlanExecution } from '../../shared/plans/model.ts';
import { assignedSchools, isOverdue, rollUpItem } from '../../shared/plans/rollup.ts';
import { compareSchoolNames } from '../../shared/school-names.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getPlan } from './plans.ts';

type Stored = ExecutionFields & { source: 'report' | 'manual'; updatedAt: string };

const key = (itemId: number, schoolId: number) => `${itemId}:${schoolId}`;

async function storedEntries(db: Kysely<Database>, campaignId: string): Promise<Map<string, Stored>> {
  const fromReports = await db
    .selectFrom('report_plan_rows')
    .innerJoin('reports', 'reports.id', 'report_plan_rows.report_id')
    .select(['report_plan_rows.item_id', 'reports.school_id', 'report_plan_rows.status', 'report_plan_rows.events', 'report_plan_rows.participants', 'report_plan_rows.description', 'reports.received_at'])
    .where('reports.campaign_id', '=', campaignId)
    .where('reports.is_current', '=', 1)
    .execute();
  const byHand = await db
    .selectFrom('plan_execution_entries')
    .innerJoin('plan_items', 'plan_items.id', 'plan_execution_entries.item_id')
    .select(['plan_execution_entries.item_id', 'plan_execution_entries.school_id', 'plan_execution_entries.status', 'plan_execution_entries.events', 'plan_execution_entries.participants', 'plan_execution_entries.description', 'plan_execution_entries.updated_at'])
    .where('plan_items.campaign_id', '=', campaignId)
    .execute();
  const found = new Map<string, Stored>();
  for (const row of fromReports) {
    const { status, events, participants, description } = row;
    found.set(key(row.item_id, row.school_id), { status, events, participants, description, source: 'report', updatedAt: row.received_at });
  }
  for (const row of byHand) {
    const { status, events, participants, description } = row;
    const previous = found.get(key(row.item_id, row.school_id));
    if (previous && previous.updatedAt > row.updated_at) continue;
    found.set(key(row.item_id, row.school_id), { status, events, participants, description, source: 'manual', updatedAt: row.updated_at });
  }
  return found;
}

export async function getPlanExecution(db: Kysely<Database>, campaignId: string, today = localIsoDate()): Promise<PlanExecution> {
  const plan = await getPlan(db, campaignId);
  const schools = (await db.selectFrom('schools').select(['id', 'short_name', 'name_ru', 'name_kk']).where('active', '=', 1).execute()).sort((a, b) =>
    compareSchoolNames(a.short_name, b.short_name),
  );
  const activeIds = schools.map((school) => school.id);
  const stored = await storedEntries(db, campaignId);
  const entries: ExecutionEntry[] = plan.items.flatMap((item) =>
    assignedSchools(item, activeIds).map((schoolId) => {
      const found = stored.get(key(item.id, schoolId));
      const fields: ExecutionFields = found ?? { status: 'not_started', events: null, participants: null, description: '' };
      return {
        itemId: item.id,
        schoolId,
        status: fields.status,
        events: fields.events,
        participants: fields.participants,
        description: fields.description,
        source: found?.source ?? 'none',
        updatedAt: found?.updatedAt ?? null,
        overdue: isOverdue(item.deadline, fields.status, today),
      };
    }),
  );
  return {
    campaignId,
    today,
    schools: schools.map((s) => ({ id: s.id, shortName: s.short_name, nameRu: s.name_ru, nameKk: s.name_kk })),
    entries,
    items: plan.items.map((item) => rollUpItem(item, entries, today)),
  };
}

/** What a school did on an item, entered by hand (a phone call, a paper report). */
export async function setExecution(db: Kysely<Database>, campaignId: string, itemId: number, schoolId: number, fields: ExecutionFields): Promise<PlanExecution> {
  const execution = await getPlanExecution(db, campaignId);
  if (!execution.entries.some((entry) => entry.itemId === itemId && entry.schoolId === schoolId)) {
    throw new AppError('conflict', 'plans.notAssigned');
  }
  const columns = { ...fields, updated_at: new Date().toISOString() };
  await db
    .insertInto('plan_execution_entries')
    .values({ item_id: itemId, school_id: schoolId, ...columns })
    .onConflict((oc) => oc.columns(['item_id', 'school_id']).doUpdateSet(columns))
    .execute();
  return getPlanExecution(db, campaignId, execution.today);
}
