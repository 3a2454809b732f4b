// The campaigns the Ministry repeats every year, and their default dates (../shared/spec/forms.md).
import type { CampaignDates, CampaignKind } from './domain.ts';
import type { Bilingual } from './forms/types.ts';
import { nikPlanSeed } from './plans/seeds/nik.ts';
import { zabotaPlanSeed } from './plans/seeds/zabota.ts';
import type { PlanSeed } from './plans/types.ts';

export interface CampaignKindInfo {
  formId: string;
  title: Bilingual;
  /** Month-day of start, end, the schools' due date and the district's due date to the region. */
  dates: Record<keyof CampaignDates, string>;
  /** The plan a new campaign starts with. */
  plan: PlanSeed;
  /** The hashtag's stem; the year and the region's code are added. Empty when the campaign has none. */
  hashtagStem: string;
}

export const CAMPAIGN_KIND_INFO: Record<CampaignKind, CampaignKindInfo> = {
  zabota: {
    formId: 'zabota',
    title: { ru: 'Республиканская акция «Забота»', kk: '«Қамқорлық» республикалық акциясы' },
    dates: { startsOn: '01-10', endsOn: '02-10', schoolDueOn: '02-12', regionDueOn: '02-15' },
    plan: zabotaPlanSeed,
    hashtagStem: '',
  },
  nik: {
    formId: 'nik',
    title: {
      ru: 'НИК «12 дней борьбы против эксплуатации детского труда»',
      kk: '«Бала еңбегін қанауға қарсы 12 күн» ҰАН',
    },
    dates: { startsOn: '06-01', endsOn: '06-12', schoolDueOn: '06-13', regionDueOn: '06-14' },
    plan: nikPlanSeed,
    hashtagStem: '#НИК',
  },
};

/** #НИК2025_09: the stem, the year and the region's two-digit code (left out while the code is not set). */
export function defaultHashtag(kind: CampaignKind, year: number, regionCode: string): string {
  const { hashtagStem } = CAMPAIGN_KIND_INFO[kind];
  if (!hashtagStem) return '';
  const code = regionCode.trim();
  return code ? `${hashtagStem}${year}_${code.padStart(2, '0')}` : `${hashtagStem}${year}`;
}

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
