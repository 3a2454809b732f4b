// A campaign's plan of events and how the schools and the office carried it out.
import { z } from 'zod';
import { ASSIGN_TO, EXECUTION_STATUSES, type Plan, type PlanExecution, type PlanImportResult } from '../plans/model.ts';
import { type Domain, change, query, returns } from './define.ts';
import { both, campaignId, filePayload, id, isoDate, text } from './inputs.ts';

const count = z.number().int().min(0).max(1_000_000_000).nullable();
const PLAN_READS = ['plans', 'campaigns', 'schools'] as const;
const PLAN_CHANGES = ['plans', 'execution'] as const;

export const plansMethods = {
  'plans.get': query({ input: campaignId, output: returns<Plan>(), reads: PLAN_READS }),
  'plans.execution': query({
    input: campaignId.extend({ today: isoDate.optional() }),
    output: returns<PlanExecution>(),
    reads: [...PLAN_READS, 'execution'],
  }),
  'plans.saveItem': change({
    input: campaignId.extend({
      id: id.optional(),
      sectionId: id,
      title: both(2000),
      deadlineText: both(200),
      executorsText: both(1000),
      assignTo: z.enum(ASSIGN_TO).default('all'),
      chosenSchoolIds: z.array(id).max(2000).default([]),
    }),
    output: returns<Plan>(),
    changes: PLAN_CHANGES,
  }),
  'plans.deleteItem': change({ input: campaignId.extend({ id }), output: returns<Plan>(), changes: PLAN_CHANGES }),
  'plans.moveItem': change({ input: campaignId.extend({ id, direction: z.enum(['up', 'down']) }), output: returns<Plan>(), changes: PLAN_CHANGES }),
  'plans.saveSection': change({ input: campaignId.extend({ id: id.optional(), title: both(300) }), output: returns<Plan>(), changes: PLAN_CHANGES }),
  'plans.deleteSection': change({ input: campaignId.extend({ id }), output: returns<Plan>(), changes: PLAN_CHANGES }),
  'plans.updateHeader': change({
    input: campaignId.extend({
      title: both(1000),
      preamble: z.array(z.object({ label: both(200), text: both(4000) })).max(20),
      approvedOn: isoDate.nullable(),
    }),
    output: returns<Plan>(),
    changes: PLAN_CHANGES,
  }),
  'plans.setOwnExecution': change({
    input: campaignId.extend({ id, status: z.enum(EXECUTION_STATUSES), note: text(1000) }),
    output: returns<Plan>(),
    changes: PLAN_CHANGES,
  }),
  /** A plan read from a workbook replaces the campaign's plan only when the whole file is right. */
  'plans.import': change({ input: campaignId.extend({ file: filePayload }), output: returns<PlanImportResult>(), changes: PLAN_CHANGES }),
  'plans.setExecution': change({
    input: campaignId.extend({
      itemId: id,
      schoolId: id,
      status: z.enum(EXECUTION_STATUSES),
      events: count,
      participants: count,
      description: text(1000),
    }),
    output: returns<PlanExecution>(),
    changes: ['execution'],
  }),
} satisfies Domain<'plans'>;
