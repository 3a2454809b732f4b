// Dates and numbers as the user reads them.
import dayjs from 'dayjs';
import type { Campaign } from '../../../shared/domain.ts';
import type { UiLanguage } from '../../../shared/i18n.ts';
import { labelLanguage } from '../i18n.ts';

export const MEGABYTE = 1024 * 1024;

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format(iso.length > 10 ? 'DD.MM.YYYY HH:mm' : 'DD.MM.YYYY') : iso;
}

const LOCALE_TAG: Record<UiLanguage, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-US' };

export function formatNumber(value: number | undefined, lng: UiLanguage): string {
  if (value === undefined) return '';
  return new Intl.NumberFormat(LOCALE_TAG[lng], { maximumFractionDigits: 2 }).format(value);
}

export function campaignTitle(campaign: Campaign, lng: UiLanguage): string {
  return campaign.title[labelLanguage(lng)];
}
