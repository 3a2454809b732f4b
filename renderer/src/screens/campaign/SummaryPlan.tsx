// The plan's execution in the summary: per item handed to schools, how many did it and what it added up to.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { useLanguage } from '../../i18n.ts';
import { rowsOf } from './ExecutionTab.tsx';
import type { ItemRow } from './ExecutionTab.tsx';
import { textIn } from './planText.ts';
import { useApiQuery } from '../../data/cache.ts';

export function SummaryPlan({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const plan = useApiQuery('plans.get', { campaignId: campaign.id });
  const execution = useApiQuery('plans.execution', { campaignId: campaign.id });
  const rows = plan.data && execution.data ? rowsOf(plan.data.items, execution.data).filter((row) => row.progress.assigned > 0) : [];
  const columns: TableColumnsType<ItemRow> = [
    { key: 'number', title: t('ui.summary.planColumns.number'), width: 60, render: (_v, row) => row.item.number },
    { key: 'item', title: t('ui.summary.planColumns.item'), render: (_v, row) => textIn(row.item.title, language) },
    {
      key: 'done', title: t('ui.summary.planColumns.done'), width: 130, align: 'right',
      render: (_v, row) => t('ui.summary.doneOf', { done: row.progress.done, assigned: row.progress.assigned }),
    },
    { key: 'events', title: t('ui.summary.planColumns.events'), width: 120, align: 'right', render: (_v, row) => formatNumber(row.progress.events, language) },
    { key: 'participants', title: t('ui.summary.planColumns.participants'), width: 120, align: 'right', render: (_v, row) => formatNumber(row.progress.participants, language) },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('ui.summary.planTitle')}</Typography.Title>
      <ErrorAlert error={plan.error ?? execution.error} />
      <Table<ItemRow>
        data-testid="summary-plan"
        rowKey={(row) => row.item.id}
        size="small"
        columns={columns}
        dataSource={rows}
        loading={plan.isFetching || execution.isFetching}
        locale={{ emptyText: t('ui.summary.planEmpty') }}
        pagination={false}
      />
    </>
  );
}
