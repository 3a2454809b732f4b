// The district summary: how many schools reported, totals by row code, values per school, who is missing,
// and the workbook for the region.
import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignSummary, SchoolReportRow, SummaryIndicator } from '../../../../shared/domain.ts';
import { isNumericType } from '../../../../shared/forms/types.ts';
import { call } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { IssueList } from '../../components/IssueList.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useSaveAction } from '../../components/useSaveAction.ts';
import { useQuery } from '../../components/useQuery.ts';
import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { SummaryLists } from './SummaryLists.tsx';
import { SummaryPlan } from './SummaryPlan.tsx';

interface TotalRow {
  code: string;
  label: string;
  total: number | undefined;
}

function Counts({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const missing = summary.expected - summary.reported;
  return (
    <Row gutter={16}>
      <Col xs={24} sm={8}><Card><Statistic title={t('ui.summary.expected')} value={summary.expected} data-testid="summary-expected" /></Card></Col>
      <Col xs={24} sm={8}><Card><Statistic title={t('ui.summary.reported')} value={summary.reported} suffix={`/ ${summary.expected}`} data-testid="summary-reported" /></Card></Col>
      <Col xs={24} sm={8}><Card><Statistic title={t('ui.summary.missing')} value={missing} data-testid="summary-missing" /></Card></Col>
    </Row>
  );
}

/** A school's value as the table shows it: a number, yes/no in the UI language, or the text it wrote. */
function cellText(row: SchoolReportRow, indicator: SummaryIndicator, language: UiLanguage, t: TFunction): string {
  if (!isNumericType(indicator.type)) return row.texts[indicator.code] ?? '';
  const value = row.values[indicator.code];
  if (indicator.type === 'yesno' && value !== undefined) return t(value ? 'ui.summary.yes' : 'ui.summary.no');
  return formatNumber(value, language);
}

function indicatorTitle(indicator: SummaryIndicator, campaign: Campaign, language: UiLanguage, t: TFunction): string {
  const label = indicator.label[labelLanguage(language)];
  return indicator.version === campaign.formVersion ? label : `${label} — ${t('ui.summary.olderVersion', { version: indicator.version })}`;
}

function SchoolsTable({ summary }: { summary: CampaignSummary }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<SchoolReportRow> = [
    { key: 'school', title: t('ui.summary.columns.school'), dataIndex: 'shortName', fixed: 'left', width: 200 },
    { key: 'bin', title: t('ui.summary.columns.bin'), dataIndex: 'bin', width: 130 },
    { key: 'receivedAt', title: t('ui.summary.columns.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (at: string | null) => (at ? formatDate(at) : t('ui.summary.notReceived')) },
    ...summary.indicators.map((indicator) => ({
      key: indicator.code,
      title: <abbr title={indicatorTitle(indicator, summary.campaign, language, t)}>{indicator.code}</abbr>,
      align: isNumericType(indicator.type) ? ('right' as const) : ('left' as const),
      render: (_v: unknown, row: SchoolReportRow) => cellText(row, indicator, language, t),
    })),
  ];
  return (
    <Table<SchoolReportRow>
      data-testid="summary-schools"
      rowKey="schoolId"
      size="small"
      columns={columns}
      dataSource={summary.schools}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );
}

export function SummaryTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const summary = useQuery('summary.get', { campaignId: campaign.id });

  const { busy: saving, save } = useSaveAction(() => call('summary.save', { campaignId: campaign.id }));

  const totals: TotalRow[] = (summary.data?.indicators ?? [])
    .filter((indicator) => isNumericType(indicator.type))
    .map((indicator) => ({ code: indicator.code, label: indicatorTitle(indicator, campaign, language, t), total: summary.data?.totals[indicator.code] }));

  const totalColumns: TableColumnsType<TotalRow> = [
    { key: 'code', dataIndex: 'code', title: t('ui.summary.columns.code'), width: 90 },
    { key: 'label', dataIndex: 'label', title: t('ui.summary.columns.label') },
    { key: 'total', dataIndex: 'total', title: t('ui.summary.columns.total'), align: 'right', width: 160, render: (total: number | undefined) => formatNumber(total ?? 0, language) },
  ];

  return (
    <div className="stack">
      <div className="toolbar">
        <Button type="primary" icon={<FileExcelOutlined />} loading={saving} onClick={save} data-testid="summary-save">
          {t('ui.summary.export')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => void summary.reload()} loading={summary.loading}>
          {t('ui.common.refresh')}
        </Button>
      </div>
      <ErrorAlert error={summary.error} testId="summary-error" />
      {summary.data && (
        <>
          <Counts summary={summary.data} />
          <Typography.Title level={3}>{t('ui.summary.totals')}</Typography.Title>
          <Table<TotalRow> data-testid="summary-totals" rowKey="code" size="small" columns={totalColumns} dataSource={totals} pagination={false} />
          <Typography.Title level={4}>{t('ui.summary.rulesTitle')}</Typography.Title>
          {summary.data.ruleIssues.length === 0 ? (
            <Alert type="success" showIcon message={t('ui.summary.rulesOk')} data-testid="summary-rules-ok" />
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
