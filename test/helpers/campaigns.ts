// Campaigns as the tests of one-value forms need them.
import type { Kysely } from 'kysely';
import type { Campaign } from '../../shared/domain.ts';
import type { Database } from '../../main/db/schema.ts';
import { createCampaign, setCampaignForm } from '../../main/services/campaigns.ts';

/**
 * A «Забота» campaign that collects form version 1, as campaigns made before version 2 do: the tests of one-value
 * forms were written for its rows (Z10–Z24), and version 1 campaigns must keep working as they did.
 */
export async function zabotaV1Campaign(db: Kysely<Database>, year: number): Promise<Campaign> {
  const campaign = await createCampaign(db, 'zabota', year);
  return setCampaignForm(db, campaign.id, 1);
}
