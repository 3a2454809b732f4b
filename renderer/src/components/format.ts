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

/** Up to two decimals; options add to that (e.g. signDisplay for a change). */
export function formatNumber(value: number | undefined, lng: UiLanguage, options: Intl.NumberFormatOptions = {}): string {
  if (value === undefined) return '';
  return new Intl.NumberFormat(LOCALE_TAG[lng], { maximumFractionDigits: 2, ...options }).format(value);
}

/** A fraction as a signed percent with one decimal, as the language writes it: 0.045 → «+4,5 %» (ru), «+4.5%» (en). */
export function formatPercent(fraction: number, lng: UiLanguage): string {
  return new Intl.NumberFormat(LOCALE_TAG[lng], { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(fraction);
}

export function campaignTitle(campaign: Campaign, lng: UiLanguage): string {
  return campaign.title[labelLanguage(lng)];
}
