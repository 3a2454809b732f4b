// What an empty app asks for first, in order: the district's names, the registry, a campaign, its templates.
import type { Kysely } from 'kysely';
import type { FirstSteps } from '../../shared/first-steps.ts';
import type { Database } from '../db/schema.ts';
import { getSettings } from './settings.ts';

async function exists(query: { executeTakeFirst(): Promise<unknown> }): Promise<boolean> {
  return (await query.executeTakeFirst()) !== undefined;
}

export async function firstSteps(db: Kysely<Database>): Promise<FirstSteps> {
  const settings = await getSettings(db);
  return {
    settings: [settings.districtRu, settings.districtKk].every((name) => name.trim() !== ''),
    registry: await exists(db.selectFrom('schools').select('id').where('active', '=', 1).limit(1)),
    campaign: await exists(db.selectFrom('campaigns').select('id').limit(1)),
    templates: await exists(db.selectFrom('campaigns').select('id').where('templates_saved_at', 'is not', null).limit(1)),
  };
}

/** Notes the campaign's templates as issued once they were saved or downloaded (a cancelled dialog saves nothing). */
export async function noteTemplatesSaved(db: Kysely<Database>, campaignId: string): Promise<void> {
  await db.updateTable('campaigns').set({ templates_saved_at: new Date().toISOString() }).where('id', '=', campaignId).execute();
}
