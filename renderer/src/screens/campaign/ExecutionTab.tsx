// How the plan is carried out: per item, how many of the schools it was handed to did it, the events and
// participants they counted, and what is overdue; each school's entry (or the department's own part) edited
// by hand; the final report (the district's summary information) written as a workbook.
import type { HTMLAttributes } from 'react';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Progress, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import type { ItemProgress, PlanExecution, PlanItem } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useLanguage } from '../../i18n.ts';
import { DeadlineText } from './DeadlineText.tsx';
import { DocumentExportButton } from './DocumentExportButton.tsx';
import { ExecutionSchoolsTable } from './ExecutionSchoolsTable.tsx';
import { ExecutionStatusTag } from './ExecutionStatusTag.tsx';
import { OwnExecutionForm } from './OwnExecutionForm.tsx';
import { textIn } from './planText.ts';
import { change, useApiQuery } from '../../data/cache.ts';
import { RefreshButton } from '../../components/RefreshButton.tsx';

export interface ItemRow {
  item: PlanItem;
  progress: ItemProgress;
}

/** Light red behind an overdue item's row. */
const OVERDUE_ROW = { background: '#fff1f0' };

/** The plan's items joined to their progress, in the plan's order. */
export function rowsOf(items: PlanItem[], execution: PlanExecution): ItemRow[] {
  return items.flatMap((item) => {
    const progress = execution.items.find((p) => p.itemId === item.id);
    return progress ? [{ item, progress }] : [];
  });
}

function ProgressCell({ row }: { row: ItemRow }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { item, progress } = row;
  if (!item.forSchools) return <ExecutionStatusTag status={item.ownStatus} testId="execution-own-status" />;
  const percent = progress.assigned === 0 ? 0 : Math.round((progress.done / progress.assigned) * 100);
  const count = (key: 'assigned' | 'done' | 'notDone' | 'notStarted') => <span data-testid={`execution-${key}`}>{formatNumber(progress[key], language)}</span>;
  // Done of assigned on the bar; those that did not do it or did not start, in small print under it.
  return (
    <>
      <Progress
        percent={percent}
        size="small"
        style={{ margin: 0 }}
        format={() => <span data-testid="execution-progress" title={`${t('ui.execution.columns.done')} / ${t('ui.execution.columns.assigned')}`}>{count('done')} / {count('assigned')}</span>}
      />
      <Typography.Text type="secondary" className="execution-counts">
        {t('ui.execution.columns.notDone')}: {count('notDone')} · {t('ui.execution.columns.notStarted')}: {count('notStarted')}
      </Typography.Text>
    </>
  );
}

export function ExecutionTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const plan = useApiQuery('plans.get', { campaignId: campaign.id });
  const execution = useApiQuery('plans.execution', { campaignId: campaign.id });

  const number = (value: number) => formatNumber(value, language);
  /** A count over the schools; an item without schools has none. */
  const schoolCount = (key: keyof Pick<ItemProgress, 'events' | 'participants'>) => ({
    key,
    title: t(`ui.execution.columns.${key}`),
    width: 110,
    align: 'right' as const,
    render: (_v: unknown, row: ItemRow) => (row.item.forSchools ? <span data-testid={`execution-${key}`}>{number(row.progress[key])}</span> : null),
  });

  const columns: TableColumnsType<ItemRow> = [
    { key: 'number', title: t('ui.execution.columns.number'), width: 56, render: (_v, row) => row.item.number },
    {
      key: 'title',
      title: t('ui.execution.columns.title'),
      render: (_v, row) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }} data-testid="execution-title">
            {textIn(row.item.title, language)}
          </Typography.Paragraph>
          {row.progress.overdue && <Tag color="red" data-testid="execution-overdue">{t('ui.execution.overdue')}</Tag>}
        </>
      ),
    },
    {
      key: 'deadline',
      title: t('ui.execution.columns.deadline'),
      width: 130,
      render: (_v, row) => <DeadlineText deadline={row.item.deadline} writtenText={textIn(row.item.deadlineText, language)} campaignYear={campaign.year} />,
    },
    { key: 'progress', title: t('ui.execution.columns.progress'), width: 230, render: (_v, row) => <ProgressCell row={row} /> },
    schoolCount('events'),
    schoolCount('participants'),
  ];

  const progress = execution.data;
  const data = plan.data && progress ? rowsOf(plan.data.items, progress) : undefined;

  return (
    <div className="stack">
      <div className="toolbar">
        <DocumentExportButton
          label={t('ui.execution.export')}
          testId="execution-export"
          produce={(lang) => change('exports.executionReport', { campaignId: campaign.id, lang })}
        />
        <RefreshButton />
        {execution.data && (
          <Typography.Text type="secondary" data-testid="execution-as-of">
            {t('ui.execution.asOf', { date: formatDate(execution.data.today) })}
          </Typography.Text>
        )}
      </div>
      <ErrorAlert error={plan.error ?? execution.error} testId="execution-error" />
      {!data && (plan.isFetching || execution.isFetching) && <Spin />}
      {data && progress && (
        <Table<ItemRow>
          data-testid="execution-table"
          rowKey={(row) => row.item.id}
          size="small"
          columns={columns}
          dataSource={data}
          pagination={false}
          onRow={(row) =>
            ({
              'data-testid': 'execution-item',
              'data-number': row.item.number,
              'data-overdue': String(row.progress.overdue),
              style: row.progress.overdue ? OVERDUE_ROW : undefined,
            }) as HTMLAttributes<HTMLElement>
          }
          expandable={{
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                size="small"
                type="text"
                icon={expanded ? <DownOutlined /> : <RightOutlined />}
                aria-expanded={expanded}
                aria-label={t('ui.execution.expand', { number: record.item.number })}
                onClick={(event) => onExpand(record, event)}
                data-testid="execution-expand"
              />
            ),
            expandedRowRender: (row) =>
              row.item.forSchools ? (
                <ExecutionSchoolsTable campaignId={campaign.id} item={row.item} execution={progress} />
              ) : (
                <OwnExecutionForm campaignId={campaign.id} item={row.item} />
              ),
          }}
        />
      )}
    </div>
  );
}
