// Setting aside a rejected file that is no school's report at all (a PDF, the registry, another campaign's file
// dropped by mistake): it stops waiting for an answer on the overview, and the history shows it as dismissed.
// The file itself stays kept.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { getCampaign } from './campaigns.ts';

export async function dismissImport(db: Kysely<Database>, campaignId: string, importId: number): Promise<void> {
  await getCampaign(db, campaignId);
  const row = await db
    .selectFrom('imports')
    .select(['status', 'school_id', 'dismissed_at'])
    .where('id', '=', importId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'import.notFound', { id: importId });
  // A school's rejected report is answered by returning it to the school, never dismissed.
  if (row.status !== 'rejected' || row.school_id !== null) throw new AppError('conflict', 'import.dismissOnlyStray');
  if (!row.dismissed_at) await db.updateTable('imports').set({ dismissed_at: new Date().toISOString() }).where('id', '=', importId).execute();
}
