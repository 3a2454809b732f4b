// What the overview's «rejected» card counts, opened: each school whose latest file was rejected, with the reasons
// and the return to the school; below, the rejected files that named no school, each of which can be dismissed
// when it is no report at all (it stays in the import history, marked dismissed).
import { useState, type ReactNode } from 'react';
import { DeleteOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRecord, OpenRejections, ReturnMessage } from '../../../../shared/imports.ts';
import { formatDate } from '../../components/format.ts';
import { IssueList } from '../../components/IssueList.tsx';
import { errorText } from '../../i18n.ts';
import { ReturnDialog } from './ReturnDialog.tsx';
import { change } from '../../data/cache.ts';

interface Props {
  campaignId: string;
  rejected: OpenRejections | undefined;
  open: boolean;
  onClose: () => void;
}

function FileLine({ record, action }: { record: ImportRecord; action: ReactNode }) {
  return (
    <List.Item actions={[action]} data-testid="rejected-item" data-import-id={record.id}>
      <List.Item.Meta
        title={record.schoolName ? `${record.schoolName} — ${record.file}` : record.file}
        description={
          <>
            <Typography.Text type="secondary">{formatDate(record.importedAt)}</Typography.Text>
            <IssueList issues={record.errors} testId="rejected-reasons" />
          </>
        }
      />
    </List.Item>
  );
}

export function RejectedDrawer({ campaignId, rejected, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);
  const [returned, setReturned] = useState<{ file: string; message: ReturnMessage } | null>(null);

  const act = async (record: ImportRecord, action: () => Promise<void>) => {
    setBusy(record.id);
    try {
      await action();
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setBusy(null);
    }
  };
  const returnFile = (record: ImportRecord) =>
    act(record, async () => setReturned({ file: record.file, message: await change('reports.return', { campaignId, importId: record.id }) }));
  const dismiss = (record: ImportRecord) =>
    act(record, async () => {
      await change('reports.dismiss', { campaignId, importId: record.id });
      void message.success(t('ui.dashboard.rejectedList.dismissed', { file: record.file }));
    });

  const schools = rejected?.schools ?? [];
  const stray = rejected?.unattributed ?? [];
  return (
    <Drawer open={open} title={t('ui.dashboard.rejectedList.title')} onClose={onClose} size={720} data-testid="rejected-drawer">
      <Typography.Title level={4}>{t('ui.dashboard.rejectedList.schools')}</Typography.Title>
      {schools.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ui.dashboard.rejectedList.schoolsNone')} />
      ) : (
        <List
          data-testid="rejected-schools"
          dataSource={schools}
          renderItem={(record) => (
            <FileLine
              record={record}
              action={
                <Button size="small" icon={<RollbackOutlined />} loading={busy === record.id} onClick={() => void returnFile(record)} data-testid="rejected-return">
                  {t('ui.history.return')}
                </Button>
              }
            />
          )}
        />
      )}
      {stray.length > 0 && (
        <>
          <Typography.Title level={4}>{t('ui.dashboard.rejectedList.stray')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('ui.dashboard.rejectedList.strayHint')}</Typography.Paragraph>
          <List
            data-testid="rejected-stray"
            dataSource={stray}
            renderItem={(record) => (
              <FileLine
                record={record}
                action={
                  <Button size="small" icon={<DeleteOutlined />} loading={busy === record.id} onClick={() => void dismiss(record)} data-testid="rejected-dismiss">
                    {t('ui.dashboard.rejectedList.dismiss')}
                  </Button>
                }
              />
            )}
          />
        </>
      )}
      <ReturnDialog file={returned?.file ?? null} message={returned?.message ?? null} onClose={() => setReturned(null)} />
    </Drawer>
  );
}
