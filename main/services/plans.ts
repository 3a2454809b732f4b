// A campaign's plan: sections of numbered items with deadlines and executors, edited in the app,
// created from the built-in plan with the campaign, or replaced by an imported workbook.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { CAMPAIGN_KIND_INFO } from '../../shared/campaigns.ts';
import type { Bilingual } from '../../shared/forms/types.ts';
import { parseDeadline } from '../../shared/plans/deadlines.ts';
import { includesSchools, parseExecutors } from '../../shared/plans/executors.ts';
import type { AssignTo, ExecutionStatus, Plan, PlanItem, PlanSection } from '../../shared/plans/model.ts';
import type { Deadline, Executor, PlanPreambleLine, PlanSectionSeed, PlanSeed } from '../../shared/plans/types.ts';
import type { Database, PlanItemsTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getCampaign } from './campaigns.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanItemInput {
  sectionId: number;
  title: Bilingual;
  deadlineText: Bilingual;
  executorsText: Bilingual;
  assignTo: AssignTo;
  chosenSchoolIds: number[];
}

export interface PlanHeaderInput {
  title: Bilingual;
  preamble: PlanPreambleLine[];
  approvedOn: string | null;
}

/** The text the structured form is parsed from: Russian decides, Kazakh when there is no Russian. */
function decidingText(text: Bilingual): string {
  return text.ru.trim() || text.kk.trim();
}

function structured(item: Pick<PlanItemInput, 'deadlineText' | 'executorsText'>, year: number) {
  return {
    deadline_json: JSON.stringify(parseDeadline(decidingText(item.deadlineText), year)),
    executors_json: JSON.stringify(parseExecutors(decidingText(item.executorsText))),
  };
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

function fillBoth(text: Bilingual, values: Record<string, string>): Bilingual {
  return { ru: fill(text.ru, values), kk: fill(text.kk, values) };
}

async function appendSection(db: Db, campaignId: string, title: Bilingual): Promise<number> {
  const last = await db.selectFrom('plan_sections').select((eb) => eb.fn.max('position').as('max')).where('campaign_id', '=', campaignId).executeTakeFirst();
  const row = await db
    .insertInto('plan_sections')
    .values({ campaign_id: campaignId, position: Number(last?.max ?? 0) + 1, title_ru: title.ru, title_kk: title.kk })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function nextItemPosition(db: Db, campaignId: string): Promise<number> {
  const last = await db.selectFrom('plan_items').select((eb) => eb.fn.max('position').as('max')).where('campaign_id', '=', campaignId).executeTakeFirst();
  return Number(last?.max ?? 0) + 1;
}

/** Writes sections and their items after whatever the plan already has. */
async function appendSections(db: Db, campaignId: string, year: number, sections: PlanSectionSeed[]): Promise<void> {
  let position = await nextItemPosition(db, campaignId);
  for (const section of sections) {
    const sectionId = await appendSection(db, campaignId, section.title);
    for (const item of section.items) {
      await db
        .insertInto('plan_items')
        .values({
          campaign_id: campaignId,
          section_id: sectionId,
          position: position++,
          title_ru: item.title.ru,
          title_kk: item.title.kk,
          deadline_ru: item.deadline.ru,
          deadline_kk: item.deadline.kk,
          executors_ru: item.executors.ru,
          executors_kk: item.executors.kk,
          ...structured({ deadlineText: item.deadline, executorsText: item.executors }, year),
        })
        .execute();
    }
  }
}

/** The campaign's plan as the built-in seed gives it, with the year and hashtag filled in. */
export async function createPlanFromSeed(db: Db, campaignId: string, year: number, hashtag: string, seed: PlanSeed): Promise<void> {
  const values = { year: String(year), hashtag };
  await db
    .insertInto('plans')
    .values({
      campaign_id: campaignId,
      ...bothColumns('title', fillBoth(seed.title, values)),
      preamble_json: JSON.stringify(seed.preamble.map((line) => ({ label: line.label, text: fillBoth(line.text, values) }))),
      approved_on: null,
    })
    .execute();
  const sections = seed.sections.map((section) => ({
    title: section.title,
    items: section.items.map((item) => ({ title: fillBoth(item.title, values), deadline: item.deadline, executors: item.executors })),
  }));
  await appendSections(db, campaignId, year, sections);
}

function bothColumns<P extends string>(prefix: P, text: Bilingual): Record<`${P}_ru` | `${P}_kk`, string> {
  return { [`${prefix}_ru`]: text.ru, [`${prefix}_kk`]: text.kk } as Record<`${P}_ru` | `${P}_kk`, string>;
}

function itemFromRow(row: Selectable<PlanItemsTable>, number: number, chosen: number[]): PlanItem {
  const executors = JSON.parse(row.executors_json) as Executor[];
  return {
    id: row.id,
    number,
    sectionId: row.section_id,
    title: { ru: row.title_ru, kk: row.title_kk },
    deadlineText: { ru: row.deadline_ru, kk: row.deadline_kk },
    deadline: JSON.parse(row.deadline_json) as Deadline,
    executorsText: { ru: row.executors_ru, kk: row.executors_kk },
    executors,
    forSchools: includesSchools(executors),
    assignTo: row.assign_to,
    chosenSchoolIds: chosen,
    ownStatus: row.own_status,
    ownNote: row.own_note,
  };
}

export async function getPlan(db: Db, campaignId: string): Promise<Plan> {
  const campaign = await getCampaign(db, campaignId);
  let header = await db.selectFrom('plans').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
  if (!header) {
    // A campaign created before plans existed gets its built-in plan the first time its plan is asked for.
    await createPlanFromSeed(db, campaignId, campaign.year, campaign.hashtag, CAMPAIGN_KIND_INFO[campaign.kind].plan);
    header = await db.selectFrom('plans').selectAll().where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
  }
  const sectionRows = await db.selectFrom('plan_sections').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute();
  const itemRows = await db.selectFrom('plan_items').selectAll().where('campaign_id', '=', campaignId).orderBy('position').execute();
  const chosenRows = await db
    .selectFrom('plan_item_schools')
    .innerJoin('plan_items', 'plan_items.id', 'plan_item_schools.item_id')
    .select(['plan_item_schools.item_id', 'plan_item_schools.school_id'])
    .where('plan_items.campaign_id', '=', campaignId)
    .orderBy('plan_item_schools.school_id')
    .execute();
  const sectionOrder = new Map(sectionRows.map((row, i) => [row.id, i]));
  const ordered = [...itemRows].sort((a, b) => sectionOrder.get(a.section_id)! - sectionOrder.get(b.section_id)! || a.position - b.position);
  const chosenOf = (itemId: number) => chosenRows.filter((row) => row.item_id === itemId).map((row) => row.school_id);
  const sections: PlanSection[] = sectionRows.map((row, i) => ({ id: row.id, number: i + 1, title: { ru: row.title_ru, kk: row.title_kk } }));
  return {
    campaignId,
    title: { ru: header.title_ru, kk: header.title_kk },
    preamble: JSON.parse(header.preamble_json) as PlanPreambleLine[],
    approvedOn: header.approved_on,
    sections,
    items: ordered.map((row, i) => itemFromRow(row, i + 1, chosenOf(row.id))),
  };
}

async function itemOf(db: Db, campaignId: string, id: number): Promise<Selectable<PlanItemsTable>> {
  const row = await db.selectFrom('plan_items').selectAll().where('id', '=', id).where('campaign_id', '=', campaignId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'plans.itemNotFound', { id });
  return row;
}

async function assertSection(db: Db, campaignId: string, id: number): Promise<void> {
  const row = await db.selectFrom('plan_sections').select('id').where('id', '=', id).where('campaign_id', '=', campaignId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'plans.sectionNotFound', { id });
}

async function setChosenSchools(db: Db, itemId: number, schoolIds: number[]): Promise<void> {
  await db.deleteFrom('plan_item_schools').where('item_id', '=', itemId).execute();
  const unique = [...new Set(schoolIds)];
  if (unique.length > 0) await db.insertInto('plan_item_schools').values(unique.map((school_id) => ({ item_id: itemId, school_id }))).execute();
}

function assertItemText(input: PlanItemInput): void {
  if (!input.title.ru.trim() && !input.title.kk.trim()) throw new AppError('invalid_input', 'plans.titleRequired');
}

/** Adds an item at the end of its section (id absent) or changes one. */
export async function savePlanItem(db: Kysely<Database>, campaignId: string, id: number | undefined, input: PlanItemInput): Promise<Plan> {
  const campaign = await getCampaign(db, campaignId);
  assertItemText(input);
  await db.transaction().execute(async (trx) => {
    await assertSection(trx, campaignId, input.sectionId);
    const columns = {
      section_id: input.sectionId,
      ...bothColumns('title', input.title),
      ...bothColumns('deadline', input.deadlineText),
      ...bothColumns('executors', input.executorsText),
      ...structured(input, campaign.year),
      assign_to: input.assignTo,
    };
    let itemId = id;
    if (itemId === undefined) {
      const row = await trx
        .insertInto('plan_items')
        .values({ campaign_id: campaignId, position: await nextItemPosition(trx, campaignId), ...columns })
        .returning('id')
        .executeTakeFirstOrThrow();
      itemId = row.id;
    } else {
      await itemOf(trx, campaignId, itemId);
      await trx.updateTable('plan_items').set(columns).where('id', '=', itemId).execute();
    }
    await setChosenSchools(trx, itemId, input.assignTo === 'chosen' ? input.chosenSchoolIds : []);
  });
  return getPlan(db, campaignId);
}

async function executionCount(db: Db, itemIds: number[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const fromReports = await db.selectFrom('report_plan_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', 'in', itemIds).executeTakeFirstOrThrow();
  const byHand = await db.selectFrom('plan_execution_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', 'in', itemIds).executeTakeFirstOrThrow();
  return Number(fromReports.n) + Number(byHand.n);
}

/** Removes an item nobody has reported on yet: what schools reported is never thrown away. */
export async function deletePlanItem(db: Kysely<Database>, campaignId: string, id: number): Promise<Plan> {
  await db.transaction().execute(async (trx) => {
    await itemOf(trx, campaignId, id);
    if ((await executionCount(trx, [id])) > 0) throw new AppError('conflict', 'plans.itemHasExecution');
    await trx.deleteFrom('plan_items').where('id', '=', id).execute();
  });
  return getPlan(db, campaignId);
}

/** Moves an item one place up or down; past the edge of its section it moves into the neighbouring section. */
export async function movePlanItem(db: Kysely<Database>, campaignId: string, id: number, direction: 'up' | 'down'): Promise<Plan> {
  const plan = await getPlan(db, campaignId);
  const groups = plan.sections.map((section) => ({ id: section.id, items: plan.items.filter((item) => item.sectionId === section.id).map((item) => item.id) }));
  const g = groups.findIndex((group) => group.items.includes(id));
  if (g < 0) throw new AppError('not_found', 'plans.itemNotFound', { id });
  const items = groups[g].items;
  const i = items.indexOf(id);
  const step = direction === 'up' ? -1 : 1;
  if (items[i + step] !== undefined) [items[i], items[i + step]] = [items[i + step], items[i]];
  else if (groups[g + step]) {
    items.splice(i, 1);
    if (direction === 'up') groups[g + step].items.push(id);
    else groups[g + step].items.unshift(id);
  } else return plan;
  await db.transaction().execute(async (trx) => {
    let position = 1;
    for (const group of groups) {
      for (const itemId of group.items) {
        await trx.updateTable('plan_items').set({ section_id: group.id, position: position++ }).where('id', '=', itemId).execute();
      }
    }
  });
  return getPlan(db, campaignId);
}

export async function savePlanSection(db: Kysely<Database>, campaignId: string, id: number | undefined, title: Bilingual): Promise<Plan> {
  await getCampaign(db, campaignId);
  if (!title.ru.trim() && !title.kk.trim()) throw new AppError('invalid_input', 'plans.titleRequired');
  if (id === undefined) await appendSection(db, campaignId, title);
  else {
    await assertSection(db, campaignId, id);
    await db.updateTable('plan_sections').set(bothColumns('title', title)).where('id', '=', id).execute();
  }
  return getPlan(db, campaignId);
}

export async function deletePlanSection(db: Kysely<Database>, campaignId: string, id: number): Promise<Plan> {
  await assertSection(db, campaignId, id);
  const item = await db.selectFrom('plan_items').select('id').where('section_id', '=', id).executeTakeFirst();
  if (item) throw new AppError('conflict', 'plans.sectionNotEmpty');
  await db.deleteFrom('plan_sections').where('id', '=', id).execute();
  return getPlan(db, campaignId);
}

export async function updatePlanHeader(db: Kysely<Database>, campaignId: string, header: PlanHeaderInput): Promise<Plan> {
  await getCampaign(db, campaignId);
  const columns = { ...bothColumns('title', header.title), preamble_json: JSON.stringify(header.preamble), approved_on: header.approvedOn };
  await db
    .insertInto('plans')
    .values({ campaign_id: campaignId, ...columns })
    .onConflict((oc) => oc.column('campaign_id').doUpdateSet(columns))
    .execute();
  return getPlan(db, campaignId);
}

/** Replaces every section and item with those of an imported plan — refused once schools have reported on the plan. */
export async function replacePlanItems(db: Kysely<Database>, campaignId: string, sections: PlanSectionSeed[]): Promise<Plan> {
  const campaign = await getCampaign(db, campaignId);
  await db.transaction().execute(async (trx) => {
    const itemIds = (await trx.selectFrom('plan_items').select('id').where('campaign_id', '=', campaignId).execute()).map((row) => row.id);
    if ((await executionCount(trx, itemIds)) > 0) throw new AppError('conflict', 'plans.replaceHasExecution');
    await trx.deleteFrom('plan_items').where('campaign_id', '=', campaignId).execute();
    await trx.deleteFrom('plan_sections').where('campaign_id', '=', campaignId).execute();
    await appendSections(trx, campaignId, campaign.year, sections);
  });
  return getPlan(db, campaignId);
}

/** The department's own part of an item: done or not, and a note of what was done. */
export async function setOwnExecution(db: Kysely<Database>, campaignId: string, id: number, status: ExecutionStatus, note: string): Promise<Plan> {
  await itemOf(db, campaignId, id);
  await db.updateTable('plan_items').set({ own_status: status, own_note: note }).where('id', '=', id).execute();
  return getPlan(db, campaignId);
}

/** A new hashtag replaces the old one wherever the plan's texts carry it. */
export async function replaceHashtagInPlan(db: Db, campaignId: string, previous: string, next: string): Promise<void> {
  if (!previous || previous === next) return;
  const rows = await db.selectFrom('plan_items').select(['id', 'title_ru', 'title_kk']).where('campaign_id', '=', campaignId).execute();
  for (const row of rows) {
    if (!row.title_ru.includes(previous) && !row.title_kk.includes(previous)) continue;
    await db
      .updateTable('plan_items')
      .set({ title_ru: row.title_ru.split(previous).join(next), title_kk: row.title_kk.split(previous).join(next) })
      .where('id', '=', row.id)
      .execute();
  }
}
