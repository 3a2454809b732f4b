// The district summary: how many schools reported, totals by row code (a grid's as a grid), values per school, who
// is missing, and the workbook for the region.
import { useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Segmented, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignSummary, SchoolReportRow, SummaryIndicator } from '../../../../shared/domain.ts';
import { isNumericType } from '../../../../shared/forms/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { IssueList } from '../../components/IssueList.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useSaveAction } from '../../components/useSaveAction.ts';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { RegionWorkbookButton } from './RegionWorkbookButton.tsx';
import { SummaryGrids } from './SummaryGrids.tsx';
import { SummaryLists } from './SummaryLists.tsx';
import { SummaryPlan } from './SummaryPlan.tsx';
import { change, useApiQuery } from '../../data/cache.ts';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { cellText, outlierNotes, yearChange } from './summaryValues.ts';

interface TotalRow {
  code: string;
  label: string;
  total: number | undefined;
  /** The same row's total a year earlier, when that campaign exists. */
  previous: number | undefined;
}

function Counts({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const missing = summary.expected - summary.reported;
  return (
    <Row gutter={16}>
      <Col xs={12} md={6}><Card><Statistic title={t('ui.summary.expected')} value={summary.expected} data-testid="summary-expected" /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title={t('ui.summary.reported')} value={summary.reported} suffix={`/ ${summary.expected}`} data-testid="summary-reported" /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title={t('ui.summary.onTimeLate')} value={summary.onTime} suffix={`/ ${summary.late}`} data-testid="summary-on-time" /></Card></Col>
      <Col xs={12} md={6}><Card><Statistic title={t('ui.summary.missing')} value={missing} data-testid="summary-missing" /></Card></Col>
    </Row>
  );
}

function indicatorTitle(indicator: SummaryIndicator, campaign: Campaign, language: UiLanguage, t: TFunction): string {
  const label = indicator.label[labelLanguage(language)];
  return indicator.version === campaign.formVersion ? label : `${label} — ${t('ui.summary.olderVersion', { version: indicator.version })}`;
}

/** The one-value rows: a grid's cells are shown in their grid (SummaryGrids). */
function oneValueRows(summary: CampaignSummary): SummaryIndicator[] {
  return summary.indicators.filter((indicator) => !indicator.cell);
}

/** Which indicators the per-school table shows: every one, or only those of one kind — the money columns at one click. */
type ColumnKind = 'all' | 'count' | 'money' | 'other';

function kindOf(indicator: SummaryIndicator): Exclude<ColumnKind, 'all'> {
  return indicator.type === 'count' || indicator.type === 'money' ? indicator.type : 'other';
}

function ColumnKindChooser({ summary, value, onChange }: { summary: CampaignSummary; value: ColumnKind; onChange: (kind: ColumnKind) => void }) {
  const { t } = useTranslation();
  const present = new Set(oneValueRows(summary).map(kindOf));
  const kinds = (['all', 'count', 'money', 'other'] as const).filter((kind) => kind === 'all' || present.has(kind));
  if (kinds.length <= 2) return null;
  return (
    <div className="toolbar">
      <Typography.Text type="secondary">{t('ui.summary.columnsShown.label')}</Typography.Text>
      <Segmented<ColumnKind>
        value={value}
        onChange={onChange}
        aria-label={t('ui.summary.columnsShown.label')}
        data-testid="summary-columns"
        options={kinds.map((kind) => ({ value: kind, label: <span data-kind={kind}>{t(`ui.summary.columnsShown.${kind}`)}</span> }))}
      />
    </div>
  );
}

function SchoolsTable({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [kind, setKind] = useState<ColumnKind>('all');
  const notes = outlierNotes(summary, t);
  const shown = oneValueRows(summary).filter((indicator) => kind === 'all' || kindOf(indicator) === kind);
  const columns: TableColumnsType<SchoolReportRow> = [
    {
      key: 'school', title: t('ui.summary.columns.school'), dataIndex: 'shortName', fixed: 'left', width: 200,
      render: (name: string, row: SchoolReportRow) => (
        <>
          {name} {row.late && <Tag color="orange" data-testid="summary-late">{t('ui.summary.late')}</Tag>}
        </>
      ),
    },
    { key: 'bin', title: t('ui.summary.columns.bin'), dataIndex: 'bin', width: 130 },
    { key: 'receivedAt', title: t('ui.summary.columns.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (at: string | null) => (at ? formatDate(at) : t('ui.summary.notReceived')) },
    ...shown.map((indicator) => ({
      key: indicator.code,
      title: <abbr title={indicatorTitle(indicator, summary.campaign, language, t)}>{indicator.code}</abbr>,
      align: isNumericType(indicator.type) ? ('right' as const) : ('left' as const),
      render: (_v: unknown, row: SchoolReportRow) => {
        const note = notes.get(`${row.schoolId}:${indicator.code}`);
        const text = cellText(row, indicator, language, t);
        if (!note) return text;
        return (
          <Tooltip title={note}>
            <Typography.Text type="warning" strong data-testid="summary-outlier">{text}</Typography.Text>
          </Tooltip>
        );
      },
    })),
  ];
  // The table scrolls sideways inside itself, its scroll bar kept at the window's bottom and the school's name in place.
  return (
    <>
      <ColumnKindChooser summary={summary} value={kind} onChange={setKind} />
      <Table<SchoolReportRow>
        data-testid="summary-schools"
        rowKey="schoolId"
        size="small"
        columns={columns}
        dataSource={summary.schools}
        scroll={{ x: 'max-content' }}
        sticky
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </>
  );
}

export function SummaryTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const summary = useApiQuery('summary.get', { campaignId: campaign.id });

  const { busy: saving, save } = useSaveAction(() => change('exports.summary', { campaignId: campaign.id }));

  const totals: TotalRow[] = (summary.data ? oneValueRows(summary.data) : [])
    .filter((indicator) => isNumericType(indicator.type))
    .map((indicator) => ({
      code: indicator.code,
      label: indicatorTitle(indicator, campaign, language, t),
      total: summary.data?.totals[indicator.code],
      previous: summary.data?.previous?.totals[indicator.code],
    }));
  const previous = summary.data?.previous;

  const totalColumns: TableColumnsType<TotalRow> = [
    { key: 'code', dataIndex: 'code', title: t('ui.summary.columns.code'), width: 90 },
    { key: 'label', dataIndex: 'label', title: t('ui.summary.columns.label') },
    { key: 'total', dataIndex: 'total', title: t('ui.summary.columns.total'), align: 'right', width: 160, render: (total: number | undefined) => formatNumber(total ?? 0, language) },
    ...(previous
      ? [
          {
            key: 'previous', dataIndex: 'previous', title: t('ui.summary.columns.previous', { year: previous.year }), align: 'right' as const, width: 140,
            render: (value: number | undefined) => formatNumber(value ?? 0, language),
          },
          {
            key: 'change', title: t('ui.summary.columns.change'), align: 'right' as const, width: 140,
            render: (_v: unknown, row: TotalRow) => yearChange(row.total ?? 0, row.previous ?? 0, language, t),
          },
        ]
      : []),
  ];

  return (
    <div className="stack">
      <div className="toolbar">
        <Button type="primary" icon={<FileExcelOutlined />} loading={saving} onClick={save} data-testid="summary-save">
          {t('ui.summary.export')}
        </Button>
        <RegionWorkbookButton campaign={campaign} />
        <RefreshButton />
      </div>
      <ErrorAlert error={summary.error} testId="summary-error" />
      {summary.data && (
        <>
          <Counts summary={summary.data} />
          <Typography.Title level={3}>{t('ui.summary.totals')}</Typography.Title>
          <Table<TotalRow> data-testid="summary-totals" rowKey="code" size="small" columns={totalColumns} dataSource={totals} pagination={false} />
          <SummaryGrids summary={summary.data} />
          <Typography.Title level={4}>{t('ui.summary.rulesTitle')}</Typography.Title>
          {summary.data.ruleIssues.length === 0 ? (
            <Alert type="success" showIcon title={t('ui.summary.rulesOk')} data-testid="summary-rules-ok" />
          ) : (
            <IssueList issues={summary.data.ruleIssues} testId="summary-rule-issues" />
          )}
          <Typography.Title level={3}>{t('ui.summary.bySchool')}</Typography.Title>
          <SchoolsTable summary={summary.data} />
          <SummaryPlan campaign={campaign} />
          <SummaryLists lists={summary.data.lists} />
          <Typography.Title level={3}>{t('ui.summary.missingList')}</Typography.Title>
          <List
            data-testid="summary-missing-list"
            size="small"
            bordered
            dataSource={summary.data.missing}
            locale={{ emptyText: t('ui.summary.allReported') }}
            renderItem={(school) => (
              <List.Item>
                {school.shortName} <Typography.Text type="secondary">{school.bin}</Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
