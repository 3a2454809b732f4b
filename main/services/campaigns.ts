// Campaigns: one per kind and year, with its form version fixed at creation.
import type { Kysely, Selectable } from 'kysely';
import { campaignId, campaignTitle, defaultCampaignDates } from '../../shared/campaigns.ts';
import type { Campaign, CampaignDates, CampaignKind } from '../../shared/domain.ts';
import { findForm, latestForm, type FormDefinition } from '../../shared/forms/index.ts';
import type { CampaignsTable, Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';

function campaignFromRow(row: Selectable<CampaignsTable>): Campaign {
  const kind = row.kind as CampaignKind;
  return {
    id: row.id,
    kind,
    year: row.year,
    formId: row.form_id,
    formVersion: row.form_version,
    title: campaignTitle(kind, row.year),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    schoolDueOn: row.school_due_on,
    regionDueOn: row.region_due_on,
  };
}

export async function listCampaigns(db: Kysely<Database>): Promise<Campaign[]> {
  const rows = await db.selectFrom('campaigns').selectAll().orderBy('year', 'desc').orderBy('kind').execute();
  return rows.map(campaignFromRow);
}

export async function getCampaign(db: Kysely<Database>, id: string): Promise<Campaign> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'campaigns.notFound', { id });
  return campaignFromRow(row);
}

export function campaignForm(campaign: Campaign): FormDefinition {
  const form = findForm(campaign.formId, campaign.formVersion);
  if (!form) throw new AppError('not_found', 'campaigns.unknownForm', { form: `${campaign.formId} v${campaign.formVersion}` });
  return form;
}

export async function createCampaign(db: Kysely<Database>, kind: CampaignKind, year: number): Promise<Campaign> {
  const id = campaignId(kind, year);
  const exists = await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) throw new AppError('conflict', 'campaigns.exists', { id });
  const form = latestForm(kind)!;
  const dates = defaultCampaignDates(kind, year);
  await db
    .insertInto('campaigns')
    .values({
      id, kind, year,
      form_id: form.id,
      form_version: form.version,
      starts_on: dates.startsOn,
      ends_on: dates.endsOn,
      school_due_on: dates.schoolDueOn,
      region_due_on: dates.regionDueOn,
    })
    .execute();
  return getCampaign(db, id);
}

export async function updateCampaignDates(db: Kysely<Database>, id: string, dates: CampaignDates): Promise<Campaign> {
  await getCampaign(db, id);
  if (dates.endsOn < dates.startsOn) throw new AppError('invalid_input', 'campaigns.datesOrder');
  await db
    .updateTable('campaigns')
    .set({ starts_on: dates.startsOn, ends_on: dates.endsOn, school_due_on: dates.schoolDueOn, region_due_on: dates.regionDueOn })
    .where('id', '=', id)
    .execute();
  return getCampaign(db, id);
}
