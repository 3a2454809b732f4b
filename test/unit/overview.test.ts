// The overview's «rejected» count on a real database: schools whose latest file was rejected, each counted once
// however many files it sent, answered by a later accepted file and set apart when returned for revision; a file
// that named no school is listed apart and can be dismissed (kept, and shown as dismissed). And the first start's
// checklist, step by step.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplates } from '../../main/services/exports.ts';
import { importHistory, importReports } from '../../main/services/imports.ts';
import { returnForRevision } from '../../main/services/report-history.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { createSchool } from '../../main/services/schools.ts';
import { updateSettings } from '../../main/services/settings.ts';
import { openRejections } from '../../shared/imports.ts';
import { apiContextFor, apiFailure, callApi, tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota, type CellInput } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
let database: Awaited<ReturnType<typeof tempDatabase>>;

beforeEach(async () => {
  database = await tempDatabase();
});
afterEach(() => database.remove());

describe('the rejected schools of the overview', () => {
  let templates: Uint8Array[];
  beforeEach(async () => {
    for (const n of [1, 2, 3, 4]) await createSchool(database.db, schoolFields(n));
    await zabotaV1Campaign(database.db, 2027);
    templates = (await buildTemplates(database.db, CAMPAIGN)).files.map((f) => f.bytes);
  });

  async function send(index: number, changes: Record<string, CellInput>, name: string) {
    const bytes = await fillTemplate(templates[index], { ...validZabota(), ...changes });
    return (await importReports(database.db, CAMPAIGN, [{ name, bytes }]))[0];
  }
  const BROKEN = { Z03: 9 };
  const rejections = async () => openRejections(await importHistory(database.db, CAMPAIGN));

  it('counts a school once for two rejected files, not one answered by an accepted file, nor one returned, nor a file with no school', async () => {
    expect((await send(0, BROKEN, 'first-1.xlsx')).status).toBe('rejected');
    expect((await send(0, { ...BROKEN, Z01: 501 }, 'first-2.xlsx')).status).toBe('rejected');
    await send(1, BROKEN, 'second-bad.xlsx');
    expect((await send(1, {}, 'second-good.xlsx')).status).toBe('accepted');
    await send(2, {}, 'third-good.xlsx');
    await send(2, BROKEN, 'third-bad.xlsx');
    const returned = await send(3, BROKEN, 'fourth-bad.xlsx');
    await returnForRevision(database.db, CAMPAIGN, returned.importId ?? 0);
    const [stray] = await importReports(database.db, CAMPAIGN, [{ name: 'scan.pdf', bytes: Buffer.from('%PDF-1.4 not a report') }]);
    expect(stray.status).toBe('rejected');

    const open = await rejections();
    expect(open.schools.map((r) => r.file)).toEqual(['third-bad.xlsx', 'first-2.xlsx']);
    expect(open.unattributed.map((r) => r.file)).toEqual(['scan.pdf']);
  });

  it('dismisses a file with no school: it is kept, shown as dismissed, and no longer listed; a school\'s rejected file cannot be dismissed', async () => {
    const ctx = apiContextFor(database);
    const [stray] = await importReports(database.db, CAMPAIGN, [{ name: 'registry.xlsx', bytes: Buffer.from('PK not a workbook') }]);
    const own = await send(0, BROKEN, 'first-bad.xlsx');

    const history = await callApi<Awaited<ReturnType<typeof importHistory>>>(ctx, 'reports.dismiss', { campaignId: CAMPAIGN, importId: stray.importId });
    const dismissed = history.find((r) => r.id === stray.importId);
    expect(dismissed?.state).toBe('dismissed');
    expect(dismissed?.dismissedAt).not.toBeNull();
    expect((await rejections()).unattributed).toEqual([]);
    const kept = await database.db.selectFrom('imports').innerJoin('files', 'files.id', 'imports.file_id').select('files.size').where('imports.id', '=', stray.importId ?? 0).executeTakeFirst();
    expect(kept?.size).toBeGreaterThan(0);

    const refused = await apiFailure(ctx, 'reports.dismiss', { campaignId: CAMPAIGN, importId: own.importId });
    expect(refused.message.key).toBe('import.dismissOnlyStray');
    expect((await rejections()).schools.map((r) => r.file)).toEqual(['first-bad.xlsx']);
  });
});

describe('the first steps', () => {
  it('ticks the district names, a school, a campaign, and templates saved — each when done', async () => {
    const ctx = apiContextFor(database);
    const steps = () => callApi<Record<string, boolean>>(ctx, 'campaigns.firstSteps', {});
    expect(await steps()).toEqual({ settings: false, registry: false, campaign: false, templates: false });
    await updateSettings(database.db, { districtRu: 'г. Шахтинск' });
    expect((await steps()).settings).toBe(false);
    await updateSettings(database.db, { districtKk: 'Шахтинск қаласы' });
    await createSchool(database.db, schoolFields(1));
    await zabotaV1Campaign(database.db, 2027);
    expect(await steps()).toEqual({ settings: true, registry: true, campaign: true, templates: false });
    await callApi(ctx, 'exports.templates', { campaignId: CAMPAIGN });
    expect((await steps()).templates).toBe(true);
  });
});
