// The campaigns the Ministry repeats every year, and their default dates (../shared/spec/forms.md).
import type { CampaignDates, CampaignKind } from './domain.ts';
import type { Bilingual } from './forms/types.ts';

export interface CampaignKindInfo {
  formId: string;
  title: Bilingual;
  /** Month-day of start, end, the schools' due date and the district's due date to the region. */
  dates: Record<keyof CampaignDates, string>;
}

export const CAMPAIGN_KIND_INFO: Record<CampaignKind, CampaignKindInfo> = {
  zabota: {
    formId: 'zabota',
    title: { ru: 'Республиканская акция «Забота»', kk: '«Қамқорлық» республикалық акциясы' },
    dates: { startsOn: '01-10', endsOn: '02-10', schoolDueOn: '02-12', regionDueOn: '02-15' },
  },
};

export function campaignId(kind: CampaignKind, year: number): string {
  return `${kind}-${year}`;
}

export function defaultCampaignDates(kind: CampaignKind, year: number): CampaignDates {
  const { dates } = CAMPAIGN_KIND_INFO[kind];
  return {
    startsOn: `${year}-${dates.startsOn}`,
    endsOn: `${year}-${dates.endsOn}`,
    schoolDueOn: `${year}-${dates.schoolDueOn}`,
    regionDueOn: `${year}-${dates.regionDueOn}`,
  };
}

export function campaignTitle(kind: CampaignKind, year: number): Bilingual {
  const { title } = CAMPAIGN_KIND_INFO[kind];
  return { ru: `${title.ru} — ${year}`, kk: `${title.kk} — ${year}` };
}
