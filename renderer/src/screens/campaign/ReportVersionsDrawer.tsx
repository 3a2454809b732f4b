// The versions of one school's report in a campaign, oldest first, each with what it changed against the one
// before; an older one can be made current again. Below them, the audit of the school's values.
import { useState } from 'react';
import { App, Button, Drawer, Empty, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ReportVersion, ValueChange } from '../../../../shared/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { errorText } from '../../i18n.ts';
import { change, useApiQuery } from '../../data/cache.ts';

/** How a blank value is shown in a change. */
const BLANK = '\u2014';

export interface VersionsSchool {
  id: number;
  name: string;
}

interface Props {
  campaignId: string;
  /** The school whose versions are shown; null keeps the drawer closed. */
  school: VersionsSchool | null;
  onClose: () => void;
}

/** "3 → 4", or "Z03: 3 → 4" when the row code is given; a blank shown as a dash. Versions and the audit alike. */
function changeText({ before, after }: Pick<ValueChange, 'before' | 'after'>, code?: string): string {
  const change = `${before ?? BLANK} \u2192 ${after ?? BLANK}`;
  return code === undefined ? change : `${code}: ${change}`;
}

function VersionChanges({ version, first }: { version: ReportVersion; first: boolean }) {
  const { t } = useTranslation();
  if (first) return <Typography.Text type="secondary">{t('ui.versions.first', { count: version.changes.length })}</Typography.Text>;
  if (version.changes.length === 0) return <Typography.Text type="secondary">{t('ui.versions.noChanges')}</Typography.Text>;
  return (
    <div className="version-changes">
      <Typography.Text type="secondary">{t('ui.versions.changes')}</Typography.Text>
      {version.changes.map((change) => (
        <Tag key={change.code} className="version-change" data-testid="version-change">
          {changeText(change, change.code)}
        </Tag>
      ))}
    </div>
  );
}

function AuditTable({ audit }: { audit: AuditEntry[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', dataIndex: 'at', title: t('ui.versions.columns.at'), width: 140, render: (at: string) => formatDate(at) },
    { key: 'code', dataIndex: 'code', title: t('ui.versions.columns.code'), width: 70 },
    {
      key: 'change',
      title: t('ui.versions.columns.change'),
      // The code has its own column.
      render: (_v, entry) => changeText(entry),
    },
    {
      key: 'reason',
      dataIndex: 'reason',
      title: t('ui.versions.columns.reason'),
      width: 140,
      render: (reason: AuditEntry['reason'], entry) => (
        <Typography.Text title={reason === 'file' ? entry.file : undefined} data-testid="audit-reason" data-reason={reason}>
          {t(`ui.versions.reason.${reason}`)}
        </Typography.Text>
      ),
    },
    { key: 'user', dataIndex: 'user', title: t('ui.versions.columns.user'), width: 120, render: (user: string) => <span data-testid="audit-user">{user}</span> },
  ];
  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={audit}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('ui.versions.auditEmpty') }}
    />
  );
}

function VersionsBody({ campaignId, school }: { campaignId: string; school: VersionsSchool }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const versions = useApiQuery('reports.versions', { campaignId, schoolId: school.id });
  const audit = useApiQuery('reports.audit', { campaignId, schoolId: school.id });
  const [restoring, setRestoring] = useState<number | null>(null);

  const restore = async (version: ReportVersion) => {
    setRestoring(version.reportId);
    try {
      await change('reports.restore', { campaignId, reportId: version.reportId });
      void message.success(t('ui.versions.restored', { date: formatDate(version.receivedAt) }));
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setRestoring(null);
    }
  };

  const list = versions.data ?? [];
  return (
    <div className="stack">
      <Typography.Paragraph type="secondary">{t('ui.versions.intro')}</Typography.Paragraph>
      <ErrorAlert error={versions.error} testId="versions-error" />
      <List<ReportVersion>
        data-testid="versions-list"
        loading={versions.isPending}
        bordered
        dataSource={list}
        locale={{ emptyText: <Empty description={t('ui.versions.empty')} /> }}
        renderItem={(version, index) => (
          <List.Item
            data-testid="version-row"
            data-current={String(version.current)}
            className={version.current ? 'version-current' : undefined}
            actions={
              version.current
                ? []
                : [
                    <Popconfirm
                      key="restore"
                      title={t('ui.versions.restoreConfirm')}
                      okText={t('ui.versions.restore')}
                      cancelText={t('ui.common.cancel')}
                      okButtonProps={{ 'data-testid': 'version-restore-confirm' } as ButtonProps}
                      onConfirm={() => restore(version)}
                    >
                      <Button size="small" loading={restoring === version.reportId} data-testid="version-restore">
                        {t('ui.versions.restore')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <div className="version-body">
              <Space wrap size={[8, 4]}>
                <Typography.Text strong>{formatDate(version.receivedAt)}</Typography.Text>
                <Typography.Text data-testid="version-file">
                  {version.source === 'manual' ? t('ui.versions.manual') : version.file}
                </Typography.Text>
                <Typography.Text type="secondary">{t('ui.versions.formVersion', { version: version.formVersion })}</Typography.Text>
                {version.current && <Tag color="green">{t('ui.versions.current')}</Tag>}
              </Space>
              <VersionChanges version={version} first={index === 0} />
            </div>
          </List.Item>
        )}
      />
      <Typography.Title level={4}>{t('ui.versions.audit')}</Typography.Title>
      <ErrorAlert error={audit.error} testId="audit-error" />
      <AuditTable audit={audit.data ?? []} />
    </div>
  );
}

export function ReportVersionsDrawer({ campaignId, school, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={school !== null}
      title={t('ui.versions.title', { school: school?.name ?? '' })}
      onClose={onClose}
      size={760}
      destroyOnHidden
      data-testid="versions-drawer"
    >
      {school && <VersionsBody key={school.id} campaignId={campaignId} school={school} />}
    </Drawer>
  );
}
