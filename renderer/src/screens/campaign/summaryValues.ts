// A school's value and the notes on it as the summary's tables show them: in the per-school table and in a school's grid.
import type { TFunction } from 'i18next';
import type { CampaignSummary, SchoolReportRow, SummaryIndicator } from '../../../../shared/domain.ts';
import { isNumericType } from '../../../../shared/forms/types.ts';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { formatMoney, formatNumber, formatPercent } from '../../components/format.ts';

/** A school's value as the table shows it: a number, yes/no in the UI language, or the text it wrote. */
export function cellText(row: SchoolReportRow, indicator: SummaryIndicator, language: UiLanguage, t: TFunction): string {
  if (!isNumericType(indicator.type)) return row.texts[indicator.code] ?? '';
  const value = row.values[indicator.code];
  if (indicator.type === 'yesno' && value !== undefined) return t(value ? 'ui.common.yes' : 'ui.common.no');
  return indicator.type === 'money' ? formatMoney(value, language) : formatNumber(value, language);
}

/** Outliers by school and row code, to mark the cells worth a second look. */
export function outlierNotes(summary: CampaignSummary, t: TFunction): Map<string, string> {
  const notes = new Map<string, string>();
  for (const o of summary.outliers) {
    const note = o.kind === 'district' ? t('ui.summary.outlierDistrict', { z: o.zScore }) : t('ui.summary.outlierLastYear', { previous: o.previous });
    const key = `${o.schoolId}:${o.code}`;
    notes.set(key, [notes.get(key), note].filter(Boolean).join('; '));
  }
  return notes;
}

/** «+12 (+4,5 %)»: this year's total against the year before, the percent as the language writes it; no percent over a zero. */
export function yearChange(total: number, previous: number, language: UiLanguage, t: TFunction): string {
  const difference = formatNumber(Math.round((total - previous) * 100) / 100, language, { signed: true });
  if (previous === 0) return difference;
  return t('ui.summary.yearChange', { difference, percent: formatPercent((total - previous) / previous, language, { signed: true }) });
}
