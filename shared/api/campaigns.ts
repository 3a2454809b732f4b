// Campaigns: the recurring events a district reports on, each with its form, dates and plan.
import { z } from 'zod';
import { CAMPAIGN_KINDS, type Campaign } from '../domain.ts';
import type { FirstSteps } from '../first-steps.ts';
import { type Domain, change, query, returns } from './define.ts';
import { isoDate, none, text } from './inputs.ts';

const campaignKey = z.string().min(1).max(60);
export const formVersionNumber = z.number().int().min(1).max(1000);

export const campaignsMethods = {
  'campaigns.list': query({ input: none, output: returns<Campaign[]>(), reads: ['campaigns', 'forms'] }),
  /** The checklist a new user follows to the first summary. */
  'campaigns.firstSteps': query({ input: none, output: returns<FirstSteps>(), reads: ['settings', 'schools', 'campaigns', 'templates'] }),
  'campaigns.create': change({
    input: z.object({ kind: z.enum(CAMPAIGN_KINDS), year: z.number().int().min(2000).max(2100) }),
    output: returns<Campaign>(),
    changes: ['campaigns', 'plans', 'execution'],
  }),
  'campaigns.update': change({
    input: z.object({ id: campaignKey, hashtag: text(60), startsOn: isoDate, endsOn: isoDate, schoolDueOn: isoDate, regionDueOn: isoDate }),
    output: returns<Campaign>(),
    changes: ['campaigns'],
  }),
  'campaigns.setForm': change({ input: z.object({ id: campaignKey, formVersion: formVersionNumber }), output: returns<Campaign>(), changes: ['campaigns', 'forms'] }),
} satisfies Domain<'campaigns'>;
