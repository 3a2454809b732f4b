// The form's grids in the summary, laid out as the form prints them: the district's total in each cell with the year
// before under it, or one school's grid; a click on a cell lists the schools' values for that cell, largest first.
import { useState } from 'react';
import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, SchoolReportRow, SummaryIndicator } from '../../../../shared/domain.ts';
import { cellCode, isNumericType, type GridTable } from '../../../../shared/forms/types.ts';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { formatMoney, formatNumber } from '../../components/format.ts';
import { GridHead } from '../../components/GridHead.tsx';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { districtMean } from './dashboardData.ts';
import { cellText, outlierNotes, yearChange } from './summaryValues.ts';

const DISTRICT = 'district';

interface GridProps {
  summary: CampaignSummary;
  grid: GridTable;
}

function amount(indicator: SummaryIndicator, value: number | undefined, language: UiLanguage): string {
  return indicator.type === 'money' ? formatMoney(value, language) : formatNumber(value, language);
}

/** The district's total of a cell, the year before under it when that year had the cell; a button opening the cell by school. */
function TotalCell({ summary, indicator, chosen, onChoose }: { summary: CampaignSummary; indicator: SummaryIndicator; chosen: boolean; onChoose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (!isNumericType(indicator.type)) return null;
  const total = summary.totals[indicator.code] ?? 0;
  const previous = summary.previous?.totals[indicator.code];
  return (
    <button type="button" className="grid-total" aria-pressed={chosen} onClick={onChoose} data-testid={`summary-grid-cell-${indicator.code}`}>
      <span className="grid-total-value">{amount(indicator, total, language)}</span>
      {summary.previous && previous !== undefined && (
        <span className="grid-previous" title={yearChange(total, previous, language, t)} data-testid={`summary-grid-previous-${indicator.code}`}>
          {t('ui.summary.grid.previous', { year: summary.previous.year, value: amount(indicator, previous, language) })}
          {total !== previous && ` (${formatNumber(Math.round((total - previous) * 100) / 100, language, { signed: true })})`}
        </span>
      )}
    </button>
  );
}

/** A school's value in its grid, marked when it is worth a second look; a click opens the cell by school too. */
function SchoolCell({ school, indicator, note, chosen, onChoose }: { school: SchoolReportRow; indicator: SummaryIndicator; note: string | undefined; chosen: boolean; onChoose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const text = cellText(school, indicator, language, t);
  const shown = note ? (
    <Tooltip title={note}>
      <Typography.Text type="warning" strong data-testid="summary-outlier">{text}</Typography.Text>
    </Tooltip>
  ) : (
    text
  );
  if (!isNumericType(indicator.type)) return <span className="grid-text">{shown}</span>;
  return (
    <button type="button" className="grid-total" aria-pressed={chosen} onClick={onChoose} data-testid={`summary-grid-cell-${indicator.code}`}>
      <span className="grid-total-value">{shown}</span>
    </button>
  );
}

interface AcrossRow {
  schoolId: number;
  shortName: string;
  value: number;
}

/** One cell across the schools that gave it, largest first, each with a bar against the largest, and the average. */
function CellAcrossSchools({ summary, indicator, highlight, onClose }: { summary: CampaignSummary; indicator: SummaryIndicator; highlight: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const rows: AcrossRow[] = summary.schools
    .flatMap((s) => (s.values[indicator.code] === undefined ? [] : [{ schoolId: s.schoolId, shortName: s.shortName, value: s.values[indicator.code] }]))
    .sort((a, b) => b.value - a.value || a.shortName.localeCompare(b.shortName));
  const largest = Math.max(0, ...rows.map((row) => row.value));
  const mean = districtMean(summary, indicator.code);
  const blank = summary.schools.length - rows.length;
  const columns: TableColumnsType<AcrossRow> = [
    { key: 'rank', title: '№', width: 48, render: (_v, _row, index) => index + 1 },
    { key: 'school', title: t('ui.summary.columns.school'), dataIndex: 'shortName' },
    {
      key: 'value', title: t('ui.summary.grid.value'), align: 'right', width: 140,
      render: (_v, row) => amount(indicator, row.value, language),
    },
    {
      key: 'bar', width: 220,
      render: (_v, row) => <div className="grid-across-bar" style={{ width: `${largest > 0 ? (row.value / largest) * 100 : 0}%` }} />,
    },
  ];
  return (
    <Card
      size="small"
      data-testid="summary-grid-across"
      title={t('ui.summary.grid.acrossTitle', { code: indicator.code, label: indicator.label[labelLanguage(language)] })}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={t('ui.summary.grid.close')} data-testid="summary-grid-across-close" />}
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.summary.grid.acrossEmpty')} />
      ) : (
        <>
          <Table<AcrossRow>
            size="small"
            rowKey="schoolId"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowClassName={(row) => (row.schoolId === highlight ? 'grid-across-chosen' : '')}
          />
          <Typography.Text type="secondary">
            {mean !== undefined && t('ui.dashboard.indicator.average', { value: formatNumber(Math.round(mean * 10) / 10, language) })}
            {blank > 0 && ` · ${t('ui.summary.grid.blank', { count: blank })}`}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

function SummaryGrid({ summary, grid }: GridProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  const other = lang === 'kk' ? 'ru' : 'kk';
  const [shown, setShown] = useState<number | typeof DISTRICT>(DISTRICT);
  const [chosen, setChosen] = useState<string>();
  const school = shown === DISTRICT ? undefined : summary.schools.find((s) => s.schoolId === shown);
  const cells = new Map(summary.indicators.filter((i) => i.cell?.table === grid.id).map((i) => [i.code, i]));
  const notes = outlierNotes(summary, t);
  const chosenCell = chosen ? cells.get(chosen) : undefined;
  return (
    <section className="stack summary-grid" data-testid={`summary-grid-${grid.id}`}>
      <Typography.Title level={4}>{grid.title[lang]}</Typography.Title>
      <div className="toolbar">
        <Typography.Text type="secondary">{t('ui.summary.grid.show')}</Typography.Text>
        <Select<number | typeof DISTRICT>
          className="summary-grid-school"
          value={school ? school.schoolId : DISTRICT}
          onChange={setShown}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('ui.summary.grid.show')}
          popupMatchSelectWidth={false}
          options={[
            { value: DISTRICT, label: t('ui.summary.grid.district') },
            ...summary.schools.map((s) => ({ value: s.schoolId, label: s.shortName })),
          ]}
          data-testid={`summary-grid-school-${grid.id}`}
        />
        <Typography.Text type="secondary">{t('ui.summary.grid.hint')}</Typography.Text>
      </div>
      <div className="grid-scroll">
        <table className="grid-table" data-testid={`summary-grid-table-${grid.id}`} data-shown={school ? school.schoolId : DISTRICT}>
          <GridHead grid={grid} lang={lang} rowHeader={t('ui.summary.grid.row')} />
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.code}>
                <th scope="row" className="grid-row-head">
                  <span className="manual-label">
                    <span><Typography.Text code>{row.code}</Typography.Text> {row.label[lang]}</span>
                    {row.label[other] && <Typography.Text type="secondary" lang={other} className="manual-label-other">{row.label[other]}</Typography.Text>}
                  </span>
                </th>
                {grid.columns.map((column) => {
                  const code = cellCode(row.code, column.code);
                  const indicator = cells.get(code);
                  if (!indicator) return <td key={code} className="grid-closed" title={t('ui.summary.grid.closed')}>X</td>;
                  const choose = () => setChosen(code);
                  return (
                    <td key={code} className={chosen === code ? 'grid-value grid-value-chosen' : 'grid-value'}>
                      {school ? (
                        <SchoolCell school={school} indicator={indicator} note={notes.get(`${school.schoolId}:${code}`)} chosen={chosen === code} onChoose={choose} />
                      ) : (
                        <TotalCell summary={summary} indicator={indicator} chosen={chosen === code} onChoose={choose} />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosenCell && <CellAcrossSchools summary={summary} indicator={chosenCell} highlight={school?.schoolId} onClose={() => setChosen(undefined)} />}
    </section>
  );
}

/** Every grid of the form versions in use; nothing for a form without grids. */
export function SummaryGrids({ summary }: { summary: CampaignSummary }) {
  return summary.grids.map((grid) => <SummaryGrid key={grid.id} summary={summary} grid={grid} />);
}
