// Every file ever imported into the campaign, newest first: where each stands (accepted, returned for revision,
// rejected…), who imported it, the report each school currently counts with; a file returned to its school with
// the message to send, the versions of a school's report, and a report typed in by hand.
import { useState } from 'react';
import { EditOutlined, HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import { IMPORT_STATES, type ImportRecord, type ImportState, type ReturnMessage } from '../../../../shared/imports.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { useOutcomeColumnSet } from '../../components/outcomeColumns.tsx';
import { errorText } from '../../i18n.ts';
import { ImportStateTag, ManualSourceTag } from './ImportStateTag.tsx';
import { ManualEntryModal } from './ManualEntryModal.tsx';
import { ReportVersionsDrawer, type VersionsSchool } from './ReportVersionsDrawer.tsx';
import { ReturnDialog } from './ReturnDialog.tsx';
import { SchoolChoiceButtons } from './SchoolChoiceButtons.tsx';
import { change } from '../../data/cache.ts';

interface Props {
  history: ImportRecord[] | undefined;
  loading: boolean;
  error: unknown;
  campaign: Campaign;
}

type StateFilter = ImportState | 'all';

/** States a file can be returned to its school from (a returned one shows its message again). */
const RETURNABLE: readonly ImportState[] = ['accepted', 'acceptedWithWarnings', 'rejected', 'returned'];

function canReturn(record: ImportRecord): boolean {
  return record.schoolId !== null && record.source === 'file' && RETURNABLE.includes(record.state);
}

export function ImportHistory({ history, loading, error, campaign }: Props) {
  const campaignId = campaign.id;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const outcome = useOutcomeColumnSet<ImportRecord>();
  const [filter, setFilter] = useState<StateFilter>('all');
  const [returning, setReturning] = useState<number | null>(null);
  const [returned, setReturned] = useState<{ file: string; message: ReturnMessage } | null>(null);
  const [versionsOf, setVersionsOf] = useState<VersionsSchool | null>(null);
  const [entering, setEntering] = useState(false);
  const [choosing, setChoosing] = useState<{ id: number; bin: string } | null>(null);

  const rows = history ?? [];
  const shown = filter === 'all' ? rows : rows.filter((record) => record.state === filter);

  const returnFile = async (record: ImportRecord) => {
    setReturning(record.id);
    try {
      const text = await change('reports.return', { campaignId, importId: record.id });
      setReturned({ file: record.file, message: text });
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setReturning(null);
    }
  };

  const acceptAs = async (record: ImportRecord, bin: string) => {
    setChoosing({ id: record.id, bin });
    try {
      await change('reports.acceptAs', { campaignId, importId: record.id, bin });
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setChoosing(null);
    }
  };

  const actions = (record: ImportRecord) => {
    if (record.schoolId === null && record.status === 'rejected' && record.source === 'file') {
      const busyBin = choosing?.id === record.id ? choosing.bin : null;
      return <SchoolChoiceButtons errors={record.errors} busyBin={busyBin} onChoose={(bin) => void acceptAs(record, bin)} />;
    }
    if (record.schoolId === null) return null;
    const schoolId = record.schoolId;
    return (
      <Space direction="vertical" size={4}>
        {canReturn(record) && (
          <Button
            size="small"
            icon={<RollbackOutlined />}
            loading={returning === record.id}
            onClick={() => void returnFile(record)}
            data-testid="history-return"
          >
            {t(record.state === 'returned' ? 'ui.history.showReturn' : 'ui.history.return')}
          </Button>
        )}
        <Button
          size="small"
          icon={<HistoryOutlined />}
          onClick={() => setVersionsOf({ id: schoolId, name: record.schoolName ?? record.schoolBin ?? '' })}
          data-testid="history-versions"
        >
          {t('ui.history.versions')}
        </Button>
      </Space>
    );
  };

  const stateColumn: TableColumnsType<ImportRecord>[number] = {
    key: 'state',
    title: t('ui.history.columns.state'),
    width: 170,
    render: (_v, record) => (
      <Space size={[0, 4]} wrap>
        <ImportStateTag state={record.state} />
        {record.source === 'manual' && <ManualSourceTag />}
        {record.current && <Tag color="green">{t('ui.import.current')}</Tag>}
        {record.returnedAt && (
          <Typography.Text type="secondary" className="history-note">
            {t('ui.history.returnedAt', { date: formatDate(record.returnedAt) })}
          </Typography.Text>
        )}
      </Space>
    ),
  };
  const columns: TableColumnsType<ImportRecord> = [
    {
      key: 'importedAt',
      title: t('ui.import.columns.importedAt'),
      width: 140,
      render: (_v, record) => (
        <div className="history-when">
          <span>{formatDate(record.importedAt)}</span>
          <Typography.Text type="secondary" className="history-note" title={t('ui.history.columns.user')} data-testid="history-user">
            {record.user}
          </Typography.Text>
        </div>
      ),
    },
    { ...outcome.file, width: 170 },
    { ...outcome.school, width: 170 },
    // The state in place of the outcome's own status.
    stateColumn,
    outcome.issues,
    { key: 'actions', title: t('ui.common.actions'), width: 200, render: (_v, record) => actions(record) },
  ];

  return (
    <>
      <Typography.Title level={3}>{t('ui.import.history')}</Typography.Title>
      <div className="toolbar">
        <Segmented<StateFilter>
          className="history-filter"
          value={filter}
          onChange={setFilter}
          aria-label={t('ui.history.filterLabel')}
          data-testid="history-filter-state"
          options={[
            { value: 'all', label: t('ui.history.filterAll') },
            ...IMPORT_STATES.map((state) => ({ value: state, label: <span data-state={state}>{t(`ui.history.state.${state}`)}</span> })),
          ]}
        />
        <span className="toolbar-grow" />
        <Button icon={<EditOutlined />} onClick={() => setEntering(true)} data-testid="manual-entry">
          {t('ui.manual.button')}
        </Button>
      </div>
      <ErrorAlert error={error} testId="history-error" />
      <Table<ImportRecord>
        data-testid="import-history"
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: filter === 'all' ? t('ui.import.historyEmpty') : t('ui.history.filterEmpty') }}
      />
      <ReturnDialog file={returned?.file ?? null} message={returned?.message ?? null} onClose={() => setReturned(null)} />
      <ReportVersionsDrawer campaignId={campaignId} school={versionsOf} onClose={() => setVersionsOf(null)} />
      <ManualEntryModal
        campaign={campaign}
        open={entering}
        onClose={() => setEntering(false)}
        onSaved={() => setEntering(false)}
      />
    </>
  );
}
