// The batch import of the schools' reports: files or whole folders, a progress bar with the file being read and
// a Cancel button, a check-only mode that stores nothing, and the results table (ImportResultsTable.tsx).
import { useMemo, useState } from 'react';
import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, ImportOutcome } from '../../../../shared/domain.ts';
import { splitSchoolName } from '../../../../shared/school-names.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop, FolderButton } from '../../components/FileDrop.tsx';
import { SchoolFormModal } from '../SchoolFormModal.tsx';
import { ImportResultsTable } from './ImportResultsTable.tsx';
import { importOneFile, useBatchImport, type BatchRow, type BatchState } from './useBatchImport.ts';
import { change } from '../../data/cache.ts';

interface Props {
  campaign: Campaign;
}

function BatchProgress({ batch, onCancel }: { batch: BatchState; onCancel: () => void }) {
  const { t } = useTranslation();
  const done = batch.rows.length;
  const percent = batch.total === 0 ? 0 : Math.floor((done / batch.total) * 100);
  const status = batch.running ? 'active' : batch.error ? 'exception' : batch.stopped ? 'normal' : 'success';
  return (
    <div className="batch-progress" data-testid="import-progress" data-done={done} data-total={batch.total}>
      <Progress percent={percent} status={status} format={() => t('ui.import.batch.progress', { done, total: batch.total })} />
      {batch.running && (
        <div className="toolbar">
          <Typography.Text className="batch-current" data-testid="import-current-file">
            {batch.stopping ? t('ui.import.batch.stopping') : t('ui.import.batch.reading', { name: batch.current ?? '' })}
          </Typography.Text>
          <Button icon={<StopOutlined />} disabled={batch.stopping} onClick={onCancel} data-testid="import-cancel">
            {t('ui.import.batch.cancel')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** One line on what the batch did: how many files, how many accepted, or where it stopped. */
function BatchSummary({ batch }: { batch: BatchState }) {
  const { t } = useTranslation();
  const count = batch.rows.length;
  const accepted = batch.rows.filter((row) => row.status === 'accepted').length;
  const mode = batch.checkedOnly ? 'check' : 'import';
  const text = batch.stopped
    ? t(`ui.import.batch.${mode}Stopped`, { count, total: batch.total })
    : batch.checkedOnly
      ? t('ui.import.batch.checkedLine', { count, accepted })
      : t('ui.import.resultLine', { count, accepted });
  return (
    <Typography.Paragraph data-testid="import-summary" data-stopped={batch.stopped} data-processed={count} data-total={batch.total}>
      {text}
    </Typography.Paragraph>
  );
}

function DryRunNote() {
  const { t } = useTranslation();
  return <Alert type="info" showIcon data-testid="import-dry-run-note" title={t('ui.import.batch.dryRunNote')} description={t('ui.import.batch.dryRunNoteDetail')} />;
}

/** After the school was added: the stored file is judged again, or a checked-only file checked again. */
async function judgeAgain(campaignId: string, row: BatchRow, source: File | undefined): Promise<ImportOutcome | null> {
  if (row.checkedOnly) return source ? importOneFile(campaignId, source, true) : null;
  if (row.importId === null) return null;
  const [again] = await change('reports.reimport', { campaignId, importIds: [row.importId] });
  return again;
}

export function BatchImport({ campaign }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { batch, start, cancel, replace, sourceOf } = useBatchImport(campaign.id);
  const [dryRun, setDryRun] = useState(false);
  const [adding, setAdding] = useState<BatchRow | null>(null);
  const [retryError, setRetryError] = useState<unknown>();
  const [choosing, setChoosing] = useState<{ key: number; bin: string } | null>(null);
  const newSchool = adding?.newSchool;
  const initial = useMemo(() => (newSchool ? { bin: newSchool.bin, ...splitSchoolName(newSchool.name) } : undefined), [newSchool]);

  const begin = (files: File[]) => {
    if (files.length === 0) {
      void message.warning(t('ui.import.batch.noWorkbooks'));
      return;
    }
    setRetryError(undefined);
    start(files, dryRun);
  };

  const schoolAdded = async (row: BatchRow) => {
    setAdding(null);
    try {
      const again = await judgeAgain(campaign.id, row, sourceOf(row.key));
      if (again) replace(row.key, again);
    } catch (caught) {
      setRetryError(caught);
    }
  };

  const acceptAs = async (row: BatchRow, bin: string) => {
    if (row.importId === null) return;
    setChoosing({ key: row.key, bin });
    setRetryError(undefined);
    try {
      replace(row.key, await change('reports.acceptAs', { campaignId: campaign.id, importId: row.importId, bin }));
    } catch (caught) {
      setRetryError(caught);
    } finally {
      setChoosing(null);
    }
  };

  const started = batch.total > 0;
  return (
    <div className="stack">
      <div className="toolbar">
        <Checkbox checked={dryRun} disabled={batch.running} onChange={(event) => setDryRun(event.target.checked)} data-testid="import-dry-run">
          {t('ui.import.batch.dryRun')}
        </Checkbox>
        <Typography.Text type="secondary">{t('ui.import.batch.dryRunHint')}</Typography.Text>
      </div>
      <FileDrop testId="reports-drop" multiple folders disabled={batch.running} title={t('ui.import.drop')} hint={t('ui.import.dropHint')} onFiles={begin} />
      <FolderButton testId="import-folder" disabled={batch.running} onFiles={begin}>
        {t('ui.import.batch.folder')}
      </FolderButton>
      {started && <BatchProgress batch={batch} onCancel={cancel} />}
      <ErrorAlert error={batch.error ?? retryError} testId="import-error" />
      {started && !batch.running && <BatchSummary batch={batch} />}
      {started && batch.checkedOnly && <DryRunNote />}
      {batch.rows.length > 0 && (
        <>
          <Typography.Title level={3}>{t(batch.checkedOnly ? 'ui.import.batch.checkResults' : 'ui.import.results')}</Typography.Title>
          <ImportResultsTable key={batch.run} campaignId={campaign.id} rows={batch.rows} checkedOnly={batch.checkedOnly} running={batch.running} onAddSchool={setAdding}
            onChooseSchool={(row, bin) => void acceptAs(row, bin)} choosing={choosing} />
        </>
      )}
      <SchoolFormModal school={null} initial={initial} open={adding !== null} onClose={() => setAdding(null)} onSaved={() => adding && void schoolAdded(adding)} />
    </div>
  );
}
