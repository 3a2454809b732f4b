// One indicator by school: a horizontal bar per school that reported the row (or a grid's cell), largest first, with
// the district average as a dashed line. The row is chosen in a select, a grid's cells under the grid's title; the
// default is the form's first required count.
import { useState } from 'react';
import { Card, Empty, Select, theme } from 'antd';
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, SummaryIndicator } from '../../../../shared/domain.ts';
import { formatNumber } from '../../components/format.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { districtMean, WRAPPING_TOOLTIP } from './dashboardData.ts';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import type { TFunction } from 'i18next';

const BAR_ROW_HEIGHT = 34;
const NAME_WIDTH = 190;
const NAME_MAX_CHARS = 28;

/** Rows a bar can show: counts and sums (a yes/no per school is better read in the summary's table). */
function chartable(summary: CampaignSummary): SummaryIndicator[] {
  return summary.indicators.filter((indicator) => indicator.type === 'count' || indicator.type === 'money');
}

function defaultCode(indicators: SummaryIndicator[]): string | undefined {
  return (indicators.find((i) => i.required && i.type === 'count') ?? indicators[0])?.code;
}

/** The select's options: the one-value rows as they are; when the form has grids, each grid's cells under its title. */
function chartOptions(summary: CampaignSummary, indicators: SummaryIndicator[], language: UiLanguage, t: TFunction) {
  const lang = labelLanguage(language);
  const option = (i: SummaryIndicator) => ({ value: i.code, label: `${i.code} — ${i.label[lang]}` });
  if (summary.grids.length === 0) return indicators.map(option);
  const rows = indicators.filter((i) => !i.cell);
  const groups = summary.grids.map((grid) => ({ title: grid.title[lang], options: indicators.filter((i) => i.cell?.table === grid.id).map(option) }));
  return [
    ...(rows.length > 0 ? [{ label: t('ui.dashboard.indicator.rows'), title: t('ui.dashboard.indicator.rows'), options: rows.map(option) }] : []),
    ...groups.filter((group) => group.options.length > 0).map((group) => ({ label: group.title, ...group })),
  ];
}

function shortName(name: string): string {
  return name.length > NAME_MAX_CHARS ? `${name.slice(0, NAME_MAX_CHARS - 1)}…` : name;
}

export function IndicatorChart({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { token } = theme.useToken();
  const indicators = chartable(summary);
  const [chosen, setChosen] = useState<string | undefined>(() => defaultCode(indicators));
  const code = indicators.some((i) => i.code === chosen) ? chosen : defaultCode(indicators);
  const indicator = indicators.find((i) => i.code === code);
  const label = indicator ? indicator.label[labelLanguage(language)] : '';
  const data = code
    ? summary.schools
        .flatMap((school) => (school.values[code] === undefined ? [] : [{ name: school.shortName, value: school.values[code] }]))
        .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    : [];
  const mean = code ? districtMean(summary, code) : undefined;
  const number = (value: unknown) => formatNumber(Number(value), language);

  return (
    <Card size="small" title={t('ui.dashboard.indicator.title')} className="dashboard-chart" data-testid="chart-indicator">
      {indicators.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.dashboard.indicator.none')} />
      ) : (
        <>
          <Select<string>
            className="dashboard-indicator-select"
            value={code}
            onChange={setChosen}
            aria-label={t('ui.dashboard.indicator.label')}
            options={chartOptions(summary, indicators, language, t)}
            popupMatchSelectWidth={false}
            data-testid="chart-indicator-select"
          />
          {data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.dashboard.indicator.empty')} />
          ) : (
            <BarChart
              responsive
              layout="vertical"
              data={data}
              style={{ width: '100%', height: 56 + data.length * BAR_ROW_HEIGHT }}
              margin={{ top: 24, right: 56, bottom: 4, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" tickFormatter={number} />
              <YAxis type="category" dataKey="name" width={NAME_WIDTH} tickFormatter={shortName} interval={0} />
              <Tooltip formatter={(value) => number(value)} {...WRAPPING_TOOLTIP} />
              <Bar dataKey="value" name={label} fill={token.colorPrimary} barSize={20} isAnimationActive={false}>
                <LabelList dataKey="value" position="right" formatter={number} />
              </Bar>
              {mean !== undefined && data.length > 1 && (
                <ReferenceLine
                  x={mean}
                  stroke={token.colorTextSecondary}
                  strokeDasharray="6 4"
                  label={{ value: t('ui.dashboard.indicator.average', { value: number(mean) }), position: 'top', fill: token.colorTextSecondary, fontSize: 12 }}
                />
              )}
            </BarChart>
          )}
        </>
      )}
    </Card>
  );
}
