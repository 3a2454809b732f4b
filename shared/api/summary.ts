// The district summary of a campaign: who reported, the totals, what is missing.
import type { CampaignSummary } from '../domain.ts';
import { type Domain, query, returns } from './define.ts';
import { campaignId } from './inputs.ts';

export const summaryMethods = {
  'summary.get': query({
    input: campaignId,
    output: returns<CampaignSummary>(),
    reads: ['reports', 'schools', 'campaigns', 'forms'],
  }),
} satisfies Domain<'summary'>;
