// Campaigns: one per kind and year, with its form version fixed at creation.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { CAMPAIGN_KIND_INFO, campaignId, campaignTitle, defaultCampaignDates, defaultHashtag } from '../../shared/campaigns.ts';
import type { Campaign, CampaignDates, CampaignKind } from '../../shared/domain.ts';
import { formProblems } from '../../shared/forms/check.ts';
import type { FormDefinition } from '../../shared/forms/index.ts';
import { nestedQuotes } from '../../shared/format.ts';
import type { CampaignsTable, Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { createPlanFromSeed, replaceHashtagInPlan } from './plans.ts';
import { findForm, getForm, latestUsableForm } from './forms.ts';
import { getSettings } from './settings.ts';

type Db = Kysely<Database> | Transaction<Database>;

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
    hashtag: row.hashtag,
  };
}

export async function listCampaigns(db: Kysely<Database>): Promise<Campaign[]> {
  const rows = await db.selectFrom('campaigns').selectAll().orderBy('year', 'desc').orderBy('kind').execute();
  return rows.map(campaignFromRow);
}

export async function getCampaign(db: Db, id: string): Promise<Campaign> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'campaigns.notFound', { id });
  return campaignFromRow(row);
}

/** The form version the campaign collects now (older reports keep the version they were made with). */
export async function campaignForm(db: Db, campaign: Campaign): Promise<FormDefinition> {
  const form = await findForm(db, campaign.formId, campaign.formVersion);
  if (!form) throw new AppError('not_found', 'campaigns.unknownForm', { form: `${campaign.formId} v${campaign.formVersion}` });
  return form;
}

/** A campaign of the kind and year, with its built-in plan and default dates and hashtag — all or nothing. */
export async function createCampaign(db: Kysely<Database>, kind: CampaignKind, year: number): Promise<Campaign> {
  const id = campaignId(kind, year);
  const exists = await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst();
  if (exists) {
    const { title } = await getCampaign(db, id);
    throw new AppError('conflict', 'campaigns.exists', { id, title: nestedQuotes(title.ru), titleKk: nestedQuotes(title.kk) });
  }
  const form = await latestUsableForm(db, CAMPAIGN_KIND_INFO[kind].formId);
  const dates = defaultCampaignDates(kind, year);
  const hashtag = defaultHashtag(kind, year, (await getSettings(db)).regionCode);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('campaigns')
      .values({
        id, kind, year, hashtag,
        form_id: form.id,
        form_version: form.version,
        starts_on: dates.startsOn,
        ends_on: dates.endsOn,
        school_due_on: dates.schoolDueOn,
        region_due_on: dates.regionDueOn,
      })
      .execute();
    await createPlanFromSeed(trx, id, year, hashtag, CAMPAIGN_KIND_INFO[kind].plan);
  });
  return getCampaign(db, id);
}

export interface CampaignChanges extends CampaignDates {
  hashtag: string;
}

/** New dates and hashtag; the plan's texts follow the new hashtag. */
export async function updateCampaign(db: Kysely<Database>, id: string, changes: CampaignChanges): Promise<Campaign> {
  const campaign = await getCampaign(db, id);
  if (changes.endsOn < changes.startsOn) throw new AppError('invalid_input', 'campaigns.datesOrder');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('campaigns')
      .set({
        starts_on: changes.startsOn,
        ends_on: changes.endsOn,
        school_due_on: changes.schoolDueOn,
        region_due_on: changes.regionDueOn,
        hashtag: changes.hashtag,
      })
      .where('id', '=', id)
      .execute();
    await replaceHashtagInPlan(trx, id, campaign.hashtag, changes.hashtag);
  });
  return getCampaign(db, id);
}

/**
 * Switches the campaign to another version of its form: new templates follow it,
 * reports already made with another version keep theirs and are still summed.
 */
export async function setCampaignForm(db: Kysely<Database>, id: string, formVersion: number): Promise<Campaign> {
  const campaign = await getCampaign(db, id);
  const form = await getForm(db, campaign.formId, formVersion);
  const problems = formProblems(form);
  if (problems.length > 0) throw new AppError('conflict', 'forms.hasProblems', { form: `${form.id} v${form.version}`, count: problems.length });
  await db.updateTable('campaigns').set({ form_version: formVersion }).where('id', '=', id).execute();
  return getCampaign(db, id);
}
