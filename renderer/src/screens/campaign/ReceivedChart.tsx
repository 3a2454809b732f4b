// Reports received per day: a bar for the schools whose first accepted report came that day, a line for the schools
// reported so far, and the schools' due date as a vertical line. SVG, so it prints as sharp as on screen.
import { Card, Empty, theme } from 'antd';
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../../shared/domain.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useLanguage } from '../../i18n.ts';
import { receivedSeries, WRAPPING_TOOLTIP } from './dashboardData.ts';

/** DD.MM: the year is the campaign's and only takes room on the axis. */
function dayMonth(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}`;
}

export function ReceivedChart({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { language } = useLanguage();
  const { campaign } = summary;
  const data = receivedSeries(summary.receivedByDay, campaign.startsOn, campaign.schoolDueOn);
  const dueIndex = data.findIndex((point) => point.date === campaign.schoolDueOn);
  const dueLabel = t('ui.dashboard.received.due', { date: formatDate(campaign.schoolDueOn) });
  return (
    <Card size="small" title={t('ui.dashboard.received.title')} className="dashboard-chart" data-testid="chart-received">
      {summary.receivedByDay.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.dashboard.received.empty')} />}
      {summary.receivedByDay.length > 0 && (
        <>
          <ComposedChart responsive data={data} style={{ width: '100%', height: 300 }} margin={{ top: 24, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={dayMonth} minTickGap={12} />
            <YAxis allowDecimals={false} domain={[0, Math.max(summary.expected, 1)]} width={36} tickFormatter={(value: number) => formatNumber(value, language)} />
            <Tooltip labelFormatter={(label) => formatDate(String(label))} formatter={(value) => formatNumber(Number(value), language)} {...WRAPPING_TOOLTIP} />
            <Bar dataKey="count" name={t('ui.dashboard.received.perDay')} fill={token.colorPrimary} isAnimationActive={false} />
            <Line dataKey="total" name={t('ui.dashboard.received.total')} type="stepAfter" stroke={token.colorSuccess} strokeWidth={2} dot={false} isAnimationActive={false} />
            <ReferenceLine
              x={campaign.schoolDueOn}
              stroke={token.colorError}
              strokeDasharray="6 4"
              strokeWidth={2}
              label={{ value: dueLabel, position: dueIndex > data.length / 2 ? 'insideTopRight' : 'insideTopLeft', fill: token.colorError, fontSize: 12 }}
            />
          </ComposedChart>
          <div className="chart-legend">
            <span><i className="chart-swatch" style={{ background: token.colorPrimary }} />{t('ui.dashboard.received.perDay')}</span>
            <span><i className="chart-swatch chart-swatch-line" style={{ background: token.colorSuccess }} />{t('ui.dashboard.received.total')}</span>
            <span><i className="chart-swatch chart-swatch-dashed" style={{ borderColor: token.colorError }} />{dueLabel}</span>
          </div>
        </>
      )}
    </Card>
  );
}
