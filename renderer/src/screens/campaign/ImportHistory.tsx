// Every file ever imported into the campaign, newest first, with the report each school currently counts with.
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../../shared/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useOutcomeColumns } from '../../components/outcomeColumns.tsx';

interface Props {
  history: ImportRecord[] | undefined;
  loading: boolean;
  error: unknown;
}

export function ImportHistory({ history, loading, error }: Props) {
  const { t } = useTranslation();
  const outcomeColumns = useOutcomeColumns<ImportRecord>();
  const columns: TableColumnsType<ImportRecord> = [
    { key: 'importedAt', dataIndex: 'importedAt', title: t('ui.import.columns.importedAt'), render: (at: string) => formatDate(at), width: 150 },
    ...outcomeColumns,
    {
      key: 'current',
      dataIndex: 'current',
      title: t('ui.import.columns.current'),
      render: (current: boolean) => (current ? <Tag color="green">{t('ui.import.current')}</Tag> : null),
    },
  ];
  return (
    <>
      <Typography.Title level={3}>{t('ui.import.history')}</Typography.Title>
      <ErrorAlert error={error} testId="history-error" />
      <Table<ImportRecord>
        data-testid="import-history"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={history ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('ui.import.historyEmpty') }}
      />
    </>
  );
}
