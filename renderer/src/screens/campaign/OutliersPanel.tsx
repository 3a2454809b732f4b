// Values worth a second look: far from the district's other schools or from the school's own last year.
// Warnings only: the reports are accepted and counted; the specialist may ask the school.
import { WarningOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, Outlier } from '../../../../shared/domain.ts';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { formatNumber } from '../../components/format.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { compareWithMean, districtMean } from './dashboardData.ts';

function whyText(outlier: Outlier, summary: CampaignSummary, language: UiLanguage, t: TFunction): string {
  if (outlier.kind === 'lastYear') return t('ui.dashboard.outliers.lastYear', { previous: formatNumber(outlier.previous, language) });
  const mean = districtMean(summary, outlier.code);
  const comparison = compareWithMean(outlier, mean);
  const meanText = formatNumber(mean === undefined ? undefined : Math.round(mean * 10) / 10, language);
  if (comparison.kind === 'far') return t('ui.dashboard.outliers.far', { mean: meanText });
  return t(`ui.dashboard.outliers.${comparison.kind}`, { count: comparison.ratio, ratio: formatNumber(comparison.ratio, language), mean: meanText });
}

export function OutliersPanel({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const labels = new Map(summary.indicators.map((indicator) => [indicator.code, indicator.label[labelLanguage(language)]]));
  return (
    <Card size="small" title={t('ui.dashboard.outliers.title')} className="dashboard-panel" data-testid="dashboard-outliers">
      {summary.outliers.length === 0 ? (
        <Typography.Text type="secondary" data-testid="dashboard-outliers-none">{t('ui.dashboard.outliers.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary" className="dashboard-outliers-hint">{t('ui.dashboard.outliers.hint')}</Typography.Paragraph>
          <ul className="dashboard-outliers">
            {summary.outliers.map((outlier) => (
              <li key={`${outlier.schoolId}-${outlier.code}-${outlier.kind}`} data-testid="dashboard-outlier">
                <WarningOutlined className="dashboard-outlier-icon" />
                <span>
                  <Typography.Text strong>{outlier.shortName}</Typography.Text>
                  {' · '}
                  <abbr title={labels.get(outlier.code) ?? outlier.code}>{outlier.code}</abbr> {labels.get(outlier.code) ?? ''}
                  {': '}
                  <Typography.Text strong>{formatNumber(outlier.value, language)}</Typography.Text>
                  {' — '}
                  {whyText(outlier, summary, language, t)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
