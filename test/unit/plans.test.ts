// Campaign plans on a real database: built-in plans, editing, and execution from reports and by hand.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign, updateCampaign } from '../../main/services/campaigns.ts';
import { getPlanExecution, setExecution } from '../../main/services/execution.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports } from '../../main/services/imports.ts';
import {
  deletePlanItem, deletePlanSection, getPlan, movePlanItem, savePlanItem, savePlanSection, setOwnExecution,
} from '../../main/services/plans.ts';
import { createSchool, setSchoolActive } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import type { Plan, PlanItem } from '../../shared/plans/model.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillPlanPart, fillTemplate, readWorkbook, validNik, type PlanRowInput } from '../helpers/workbooks.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;

beforeEach(async () => {
  database = await tempDatabase();
  await updateSettings(database.db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы', regionCode: '09' });
});
afterEach(() => database.remove());

const numbersOf = (items: PlanItem[]) => items.map((item) => item.number);
const item = (plan: Plan, number: number) => plan.items.find((i) => i.number === number)!;

describe('the built-in НИК plan', () => {
  it('comes with the campaign: 19 items in three sections, both languages, the seed’s deadlines and executors', async () => {
    const campaign = await createCampaign(database.db, 'nik', 2025);
    expect(campaign).toMatchObject({ id: 'nik-2025', formId: 'nik', startsOn: '2025-06-01', endsOn: '2025-06-12', hashtag: '#НИК2025_09' });
    const plan = await getPlan(database.db, campaign.id);
    expect(plan.sections.map((s) => s.title.ru)).toEqual(['Организационные мероприятия', 'Основной этап', 'Заключительный этап']);
    expect(plan.sections.map((s) => s.title.kk)).toEqual(['Ұйымдастыру шаралары', 'Негізгі кезең', 'Қорытынды кезең']);
    expect(numbersOf(plan.items)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(plan.items.map((i) => plan.sections.findIndex((s) => s.id === i.sectionId) + 1)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3,
    ]);
    for (const i of plan.items) expect(i.title.ru && i.title.kk && i.deadlineText.kk && i.executorsText.kk).toBeTruthy();
    expect(item(plan, 1).deadline).toEqual({ kind: 'until', date: '2025-05-30' });
    expect(item(plan, 4).deadline).toEqual({ kind: 'range', from: '2025-05-30', to: '2025-06-13' });
    expect(item(plan, 15).deadline).toEqual({ kind: 'agreed' });
    expect(item(plan, 17).deadline).toEqual({ kind: 'ongoing' });
    // The two versions differ on item 19's deadline; the Russian text decides the structured form.
    expect(item(plan, 19).deadlineText).toEqual({ ru: '13 июня', kk: '12-14 маусым' });
    expect(item(plan, 19).deadline).toEqual({ kind: 'date', date: '2025-06-13' });
    expect(plan.title.ru).toContain('2025');
    expect(item(plan, 18).title.ru).toContain('#НИК2025_09');
    expect(item(plan, 18).title.kk).toContain('#НИК2025_09');
  });

  it('takes the structured executors from the Russian text, each language keeping its own wording', async () => {
    const plan = await getPlan(database.db, (await createCampaign(database.db, 'nik', 2025)).id);
    expect(item(plan, 10).executors).toEqual([{ org: 'education_department', agreed: false }]);
    expect(item(plan, 10).executorsText.kk).toContain('жалпы білім беретін мектептер');
    expect(item(plan, 16).executors).toEqual([{ org: 'education_department', agreed: false }, { org: 'police', agreed: true }]);
    expect(item(plan, 16).executorsText.kk).toBe('Білім бөлімі');
    expect(item(plan, 5).executors).toEqual([
      { org: 'education_department', agreed: false },
      { org: 'schools', agreed: false },
      { org: 'akimat', agreed: false },
      { org: 'ngo', agreed: true },
    ]);
    expect(plan.items.filter((i) => i.forSchools).map((i) => i.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 19]);
  });

  it('leaves the region code out of the hashtag until it is set, and a new hashtag follows into the plan', async () => {
    await updateSettings(database.db, { regionCode: '' });
    const campaign = await createCampaign(database.db, 'nik', 2026);
    expect(campaign.hashtag).toBe('#НИК2026');
    await updateCampaign(database.db, campaign.id, { ...campaign, hashtag: '#НИК2026_09' });
    const plan = await getPlan(database.db, campaign.id);
    expect(item(plan, 18).title.ru).toContain('#НИК2026_09');
    expect(item(plan, 18).title.ru).not.toContain('#НИК2026 ');
  });
});

describe('the built-in «Забота» plan', () => {
  it('has sections 6.1, 6.2 and 6.3 of the recommendations, only the school level handed to schools', async () => {
    const plan = await getPlan(database.db, (await zabotaV1Campaign(database.db, 2027)).id);
    const counts = plan.sections.map((s) => plan.items.filter((i) => i.sectionId === s.id).length);
    expect(counts).toEqual([12, 7, 4]);
    expect(plan.items.filter((i) => i.forSchools).map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(plan.items.every((i) => i.deadline.kind !== 'unparsed')).toBe(true);
  });
});

describe('editing a plan', () => {
  const newItem = (sectionId: number) => ({
    sectionId,
    title: { ru: 'Акция «Чистый двор»', kk: '«Таза аула» акциясы' },
    deadlineText: { ru: 'в конце месяца', kk: '' },
    executorsText: { ru: 'Общеобразовательные школы, волонтёры', kk: '' },
    assignTo: 'all' as const,
    chosenSchoolIds: [],
  });

  it('adds, moves across sections and renumbers, keeps an unparsed deadline as text, deletes', async () => {
    const campaign = await createCampaign(database.db, 'nik', 2025);
    let plan = await getPlan(database.db, campaign.id);
    const last = plan.sections[2];
    plan = await savePlanItem(database.db, campaign.id, undefined, newItem(last.id));
    const added = item(plan, 20);
    expect(added.title.ru).toBe('Акция «Чистый двор»');
    expect(added.deadline).toEqual({ kind: 'unparsed', text: 'в конце месяца' });
    expect(added.executors).toEqual([{ org: 'schools', agreed: false }, { org: 'other', name: 'волонтёры', agreed: false }]);
    for (let i = 0; i < 3; i++) plan = await movePlanItem(database.db, campaign.id, added.id, 'up');
    // Two places up within «Заключительный этап», the third into the end of «Основной этап».
    const moved = plan.items.find((i) => i.id === added.id)!;
    expect(moved.number).toBe(18);
    expect(moved.sectionId).toBe(plan.sections[1].id);
    expect(numbersOf(plan.items)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    plan = await deletePlanItem(database.db, campaign.id, added.id);
    expect(plan.items).toHaveLength(19);
    expect(item(plan, 17).title.ru).toContain('Горячей линии');
  });

  it('adds, renames and deletes sections, refusing to delete one that still has items', async () => {
    const campaign = await createCampaign(database.db, 'nik', 2025);
    let plan = await savePlanSection(database.db, campaign.id, undefined, { ru: 'Дополнительно', kk: 'Қосымша' });
    const extra = plan.sections[3];
    expect(extra).toMatchObject({ number: 4, title: { ru: 'Дополнительно', kk: 'Қосымша' } });
    plan = await savePlanSection(database.db, campaign.id, extra.id, { ru: 'Резерв', kk: 'Резерв' });
    expect(plan.sections[3].title.ru).toBe('Резерв');
    await expect(deletePlanSection(database.db, campaign.id, plan.sections[0].id)).rejects.toMatchObject({ key: 'plans.sectionNotEmpty' });
    plan = await deletePlanSection(database.db, campaign.id, extra.id);
    expect(plan.sections).toHaveLength(3);
  });

  it('hands an item to chosen schools only, and refuses to delete an item a school reported on', async () => {
    const one = await createSchool(database.db, schoolFields(1));
    const two = await createSchool(database.db, schoolFields(2));
    const campaign = await createCampaign(database.db, 'nik', 2025);
    let plan = await getPlan(database.db, campaign.id);
    const target = item(plan, 2);
    plan = await savePlanItem(database.db, campaign.id, target.id, {
      sectionId: target.sectionId, title: target.title, deadlineText: target.deadlineText, executorsText: target.executorsText,
      assignTo: 'chosen', chosenSchoolIds: [two.id],
    });
    let execution = await getPlanExecution(database.db, campaign.id, '2025-06-01');
    expect(execution.entries.filter((e) => e.itemId === target.id).map((e) => e.schoolId)).toEqual([two.id]);
    expect(execution.entries.filter((e) => e.itemId === item(plan, 3).id)).toHaveLength(2);
    await expect(setExecution(database.db, campaign.id, target.id, one.id, { status: 'done', events: 1, participants: 1, description: '' }))
      .rejects.toMatchObject({ key: 'plans.notAssigned' });
    execution = await setExecution(database.db, campaign.id, target.id, two.id, { status: 'done', events: 1, participants: 5, description: '' });
    await expect(deletePlanItem(database.db, campaign.id, target.id)).rejects.toMatchObject({ key: 'plans.itemHasExecution' });
  });
});

describe('execution', () => {
  async function nikWithSchools() {
    const one = await createSchool(database.db, schoolFields(1, { shortName: 'Школа №1' }));
    const two = await createSchool(database.db, schoolFields(2, { shortName: 'Школа №2' }));
    const campaign = await createCampaign(database.db, 'nik', 2025);
    const { files } = await buildTemplates(database.db, campaign.id);
    // Templates come in the order of the schools' short names: files[0] is school one's.
    return { one, two, campaign, files };
  }

  async function filled(template: Uint8Array, rows: Record<number, PlanRowInput>) {
    return fillPlanPart(await fillTemplate(template, validNik()), rows);
  }

  it('puts the items handed to schools into each template, numbered as in the plan', async () => {
    const { files } = await nikWithSchools();
    const workbook = await readWorkbook(files[0].bytes);
    const sheet = workbook.worksheets[0];
    const numbers: number[] = [];
    sheet.eachRow((row) => {
      const value = row.getCell(1).value;
      if (typeof value === 'number') numbers.push(value);
    });
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 19]);
  });

  it('fills execution from imported reports, rolls it up per item, and a newer hand entry wins', async () => {
    const { one, two, campaign, files } = await nikWithSchools();
    const first = await filled(files[0].bytes, { 2: ['Да / Иә', 3, 40, 'Пресс-релиз на сайте школы'], 3: ['Нет / Жоқ'] });
    const second = await filled(files[1].bytes, { 2: ['Иә', 1, 25, ''], 4: [null, 2, 30, 'Посты в Instagram'] });
    const outcomes = await importReports(database.db, campaign.id, [{ name: 'one.xlsx', bytes: first }, { name: 'two.xlsx', bytes: second }]);
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(outcomes[1].warnings.map((w) => w.message.key)).toEqual(['import.planStatusBlank']);

    let execution = await getPlanExecution(database.db, campaign.id, '2025-06-20');
    const plan = await getPlan(database.db, campaign.id);
    const progress = (number: number) => execution.items.find((p) => p.itemId === item(plan, number).id)!;
    expect(progress(2)).toMatchObject({ assigned: 2, done: 2, notDone: 0, notStarted: 0, events: 4, participants: 65, overdue: false });
    expect(progress(2).descriptions).toEqual([{ schoolId: one.id, text: 'Пресс-релиз на сайте школы' }]);
    expect(progress(3)).toMatchObject({ assigned: 2, done: 0, notDone: 1, notStarted: 1, overdue: true });
    expect(progress(4)).toMatchObject({ done: 1, events: 2, participants: 30, overdue: true });
    // Items without schools are the department's own: overdue until it marks them done.
    expect(progress(1)).toMatchObject({ assigned: 0, overdue: true });
    expect(progress(17).overdue).toBe(false);
    await setOwnExecution(database.db, campaign.id, item(plan, 1).id, 'done', 'Письма отправлены 28 мая');
    execution = await getPlanExecution(database.db, campaign.id, '2025-06-20');
    expect(progress(1).overdue).toBe(false);

    execution = await setExecution(database.db, campaign.id, item(plan, 3).id, two.id, { status: 'done', events: 1, participants: 12, description: 'Линейка' });
    const entry = execution.entries.find((e) => e.itemId === item(plan, 3).id && e.schoolId === two.id)!;
    expect(entry).toMatchObject({ status: 'done', source: 'manual', participants: 12 });
    const fromReport = execution.entries.find((e) => e.itemId === item(plan, 2).id && e.schoolId === one.id)!;
    expect(fromReport).toMatchObject({ status: 'done', source: 'report', events: 3, participants: 40 });

    // A newer report of school two replaces both its old report and the older hand entry.
    const again = await filled(files[1].bytes, { 3: ['Нет'] });
    expect((await importReports(database.db, campaign.id, [{ name: 'two-v2.xlsx', bytes: again }]))[0].status).toBe('accepted');
    execution = await getPlanExecution(database.db, campaign.id, '2025-06-20');
    expect(execution.entries.find((e) => e.itemId === item(plan, 3).id && e.schoolId === two.id)).toMatchObject({ status: 'not_done', source: 'report' });
    expect(execution.entries.find((e) => e.itemId === item(plan, 2).id && e.schoolId === two.id)).toMatchObject({ status: 'not_started', source: 'none' });
  });

  it('does not hand items to a closed school', async () => {
    const { two, campaign } = await nikWithSchools();
    await setSchoolActive(database.db, two.id, false);
    const execution = await getPlanExecution(database.db, campaign.id, '2025-06-01');
    expect(execution.entries.every((e) => e.schoolId !== two.id)).toBe(true);
    expect(execution.items.find((p) => p.assigned > 0)?.assigned).toBe(1);
  });

  it('rejects a report whose plan part is wrong, naming the cell and the item, and keeps nothing of it', async () => {
    const { campaign, files } = await nikWithSchools();
    const bytes = await filled(files[0].bytes, { 2: ['может быть', 1, 1, ''], 3: ['Да', -2, 1, ''], 4: ['Да', 1, 1, 'x'.repeat(1001)] });
    const [outcome] = await importReports(database.db, campaign.id, [{ name: 'bad.xlsx', bytes }]);
    expect(outcome.status).toBe('rejected');
    expect(outcome.errors.map((e) => [e.message.key, e.code, e.cell?.replace(/\d+/, '')])).toEqual([
      ['import.planStatus', '№2', 'D'],
      ['import.negative', '№3', 'E'],
      ['import.planDescriptionTooLong', '№4', 'G'],
    ]);
    const execution = await getPlanExecution(database.db, campaign.id, '2025-06-01');
    expect(execution.entries.every((e) => e.source === 'none')).toBe(true);
  });

  it('reads the rows by the numbering the form was made with, even after the plan was renumbered', async () => {
    const { one, campaign, files } = await nikWithSchools();
    let plan = await getPlan(database.db, campaign.id);
    const itemTwo = item(plan, 2);
    plan = await movePlanItem(database.db, campaign.id, itemTwo.id, 'down');
    expect(plan.items.find((i) => i.id === itemTwo.id)!.number).toBe(3);
    const bytes = await filled(files[0].bytes, { 2: ['Да', 5, 50, ''] });
    expect((await importReports(database.db, campaign.id, [{ name: 'one.xlsx', bytes }]))[0].status).toBe('accepted');
    const execution = await getPlanExecution(database.db, campaign.id, '2025-06-01');
    expect(execution.entries.find((e) => e.itemId === itemTwo.id && e.schoolId === one.id)).toMatchObject({ status: 'done', events: 5 });
  });
});
