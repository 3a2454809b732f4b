// Each school an item is handed to: what it did, where that came from, whether it is late; edited by hand.
import { useState, type HTMLAttributes } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExecutionEntry, PlanExecution, PlanItem } from '../../../../shared/plans/model.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { useLanguage } from '../../i18n.ts';
import { ExecutionEntryModal } from './ExecutionEntryModal.tsx';
import { ExecutionStatusTag } from './ExecutionStatusTag.tsx';

interface Props {
  campaignId: string;
  item: PlanItem;
  execution: PlanExecution;
}

const SOURCE_COLOR: Record<ExecutionEntry['source'], string> = { report: 'blue', manual: 'purple', none: 'default' };

export function ExecutionSchoolsTable({ campaignId, item, execution }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [editing, setEditing] = useState<ExecutionEntry | null>(null);
  const entries = execution.entries.filter((entry) => entry.itemId === item.id);
  const schoolName = (id: number) => execution.schools.find((school) => school.id === id)?.shortName ?? String(id);
  const count = (value: number | null) => (value === null ? '' : formatNumber(value, language));

  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.execution.noSchools')} />;

  const columns: TableColumnsType<ExecutionEntry> = [
    { key: 'school', title: t('ui.execution.school.school'), render: (_v, entry) => <span data-testid="entry-school">{schoolName(entry.schoolId)}</span> },
    {
      key: 'status',
      title: t('ui.execution.school.status'),
      render: (_v, entry) => (
        <>
          <ExecutionStatusTag status={entry.status} testId="entry-status-tag" />
          {entry.overdue && <Tag color="red" data-testid="entry-overdue">{t('ui.execution.overdue')}</Tag>}
        </>
      ),
    },
    { key: 'events', title: t('ui.execution.school.events'), align: 'right', render: (_v, entry) => <span data-testid="entry-events-value">{count(entry.events)}</span> },
    { key: 'participants', title: t('ui.execution.school.participants'), align: 'right', render: (_v, entry) => <span data-testid="entry-participants-value">{count(entry.participants)}</span> },
    {
      key: 'description',
      title: t('ui.execution.school.description'),
      render: (_v, entry) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{entry.description}</Typography.Paragraph>,
    },
    {
      key: 'source',
      title: t('ui.execution.school.source'),
      render: (_v, entry) => (
        <>
          <Tag color={SOURCE_COLOR[entry.source]} data-testid="entry-source" data-source={entry.source}>{t(`ui.execution.source.${entry.source}`)}</Tag>
          {entry.updatedAt && <Typography.Text type="secondary">{formatDate(entry.updatedAt)}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('ui.common.actions'),
      render: (_v, entry) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(entry)} data-testid="entry-edit">
          {t('ui.common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Table<ExecutionEntry>
        rowKey="schoolId"
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={false}
        onRow={(entry) => ({ 'data-testid': 'execution-entry', 'data-school-id': entry.schoolId }) as HTMLAttributes<HTMLElement>}
      />
      {editing && (
        <ExecutionEntryModal
          campaignId={campaignId}
          entry={editing}
          schoolName={schoolName(editing.schoolId)}
          itemNumber={item.number}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </>
  );
}
