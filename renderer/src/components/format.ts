// Dates and numbers as the user reads them: the rules live in shared/format.ts, for the workbooks and messages too.
import type { Campaign } from '../../../shared/domain.ts';
import type { UiLanguage } from '../../../shared/i18n.ts';
import { labelLanguage } from '../i18n.ts';

export { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../../shared/format.ts';

export const MEGABYTE = 1024 * 1024;

export function campaignTitle(campaign: Campaign, lng: UiLanguage): string {
  return campaign.title[labelLanguage(lng)];
}
