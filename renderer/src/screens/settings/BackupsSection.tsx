// Backups in the settings: where the database and its automatic copies live, a copy to take away now
// (a USB stick), and a restore from a copy in the folder or from a file, always after a confirmation.
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_BACKUP_BYTES, type BackupInfo, type BackupKind, type RestoreResult } from '../../../../shared/backups.ts';
import { formatMessage } from '../../../../shared/i18n.ts';
import { ApiCallError, fileToBase64 } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { formatDate, MEGABYTE } from '../../components/format.ts';
import { useSaveAction } from '../../components/useSaveAction.ts';
import { change, useApiQuery } from '../../data/cache.ts';

const KIND_COLOR: Record<BackupKind, string> = { daily: 'blue', beforeUpdate: 'purple', beforeRestore: 'orange' };
const SQLITE = '.sqlite,.db,application/vnd.sqlite3,application/x-sqlite3';

function megabytes(bytes: number): string {
  return (bytes / MEGABYTE).toFixed(1);
}

export function BackupsSection() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const list = useApiQuery('backups.list', {});
  const copyNow = useSaveAction(() => change('backups.create', {}));
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<unknown>();
  const [restored, setRestored] = useState<RestoreResult>();

  const restore = (what: string, run: () => Promise<RestoreResult>) => {
    modal.confirm({
      title: t('ui.backups.confirmTitle'),
      content: t('ui.backups.confirmText', { what }),
      okText: t('ui.backups.restore'),
      okButtonProps: { danger: true, 'data-testid': 'backups-confirm' },
      cancelText: t('ui.common.cancel'),
      onOk: async () => {
        setRestoring(true);
        setError(undefined);
        setRestored(undefined);
        try {
          setRestored(await run());
        } catch (caught) {
          setError(caught);
          // A refused restore may still have kept the current database aside: the list shows it.
          await list.refetch();
        } finally {
          setRestoring(false);
        }
      },
    });
  };

  const restoreUpload = ([file]: File[]) => {
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      const params = { file: file.name, size: Math.round(file.size / MEGABYTE), limit: MAX_BACKUP_BYTES / MEGABYTE };
      setRestored(undefined);
      setError(new ApiCallError({ code: 'invalid_input', message: { key: 'backup.tooLarge', params } }));
      return;
    }
    restore(file.name, async () => change('backups.restoreFile', { file: { name: file.name, base64: await fileToBase64(file) } }));
  };

  const columns = [
    { title: t('ui.backups.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDate(value) },
    {
      title: t('ui.backups.kind'),
      dataIndex: 'kind',
      render: (kind: BackupKind) => <Tag color={KIND_COLOR[kind]}>{t(`ui.backups.kinds.${kind}`)}</Tag>,
    },
    { title: t('ui.backups.size'), dataIndex: 'bytes', render: (bytes: number) => megabytes(bytes), align: 'right' as const },
    {
      title: t('ui.common.actions'),
      key: 'actions',
      render: (_: unknown, backup: BackupInfo) => (
        <Button size="small" disabled={restoring} data-testid={`backup-restore-${backup.name}`} onClick={() => restore(formatDate(backup.createdAt), () => change('backups.restore', { name: backup.name }))}>
          {t('ui.backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="backups-title" className="stack" data-testid="backups">
      <Typography.Title level={3} id="backups-title">{t('ui.backups.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ui.backups.about')}</Typography.Paragraph>
      <ErrorAlert error={list.error ?? error} testId="backups-error" />
      {list.data?.problem && (
        <Alert type="warning" showIcon data-testid="backups-problem" title={t('ui.backups.dailyFailed')} description={formatMessage(t, list.data.problem)} />
      )}
      {list.data && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('ui.backups.databaseFile')}>
            <Typography.Text copyable data-testid="backups-database-file">{list.data.databaseFile}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('ui.backups.folder')}>
            <Typography.Text copyable data-testid="backups-folder">{list.data.folder}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Space wrap>
        <Button icon={<SaveOutlined />} type="primary" loading={copyNow.busy} onClick={copyNow.save} data-testid="backups-create">
          {t('ui.backups.createNow')}
        </Button>
        <Typography.Text type="secondary">{t('ui.backups.createHint')}</Typography.Text>
      </Space>
      {restored && (
        <Alert
          type="success"
          showIcon
          data-testid="backups-restored"
          title={t('ui.backups.restored', { schools: restored.schools, campaigns: restored.campaigns, reports: restored.reports })}
          description={t('ui.backups.keptAs', { name: restored.keptAs })}
        />
      )}
      <Table
        size="small"
        rowKey="name"
        loading={list.isFetching || restoring}
        dataSource={list.data?.backups ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('ui.backups.none') }}
        data-testid="backups-table"
      />
      <FileDrop
        testId="backups-restore-file"
        multiple={false}
        disabled={restoring}
        accept={SQLITE}
        title={t('ui.backups.restoreFile')}
        hint={t('ui.backups.restoreFileHint')}
        onFiles={restoreUpload}
      />
    </section>
  );
}
