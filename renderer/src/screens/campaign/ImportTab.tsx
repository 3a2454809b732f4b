// Reports from schools: several workbooks at once, an outcome per file with every error and warning,
// and the campaign's import history.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, FilePayload, ImportOutcome } from '../../../../shared/domain.ts';
import { call, fileToBase64 } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { useOutcomeColumns } from '../../components/outcomeColumns.tsx';
import { useQuery } from '../../components/useQuery.ts';
import { SchoolFormModal } from '../SchoolFormModal.tsx';
import { ImportHistory } from './ImportHistory.tsx';

/** Batches that stay well under the size the API accepts in one call. */
const BATCH_FILES = 50;
const BATCH_CHARS = 40_000_000;

function batches(files: FilePayload[]): FilePayload[][] {
  const result: FilePayload[][] = [];
  let current: FilePayload[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= BATCH_FILES || size + file.base64.length > BATCH_CHARS)) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.base64.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

export function ImportTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const history = useQuery('reports.history', { campaignId: campaign.id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [adding, setAdding] = useState<ImportOutcome | null>(null);
  const columns = [
    ...useOutcomeColumns<ImportOutcome>(),
    {
      key: 'actions',
      title: '',
      render: (_v: unknown, o: ImportOutcome) =>
        o.newSchool && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(o)} data-testid="import-add-school">
            {t('ui.import.addSchool')}
          </Button>
        ),
    },
  ];

  /** The school was added to the registry: judge its kept file again and show the new outcome in its place. */
  const importAgain = async (refused: ImportOutcome) => {
    setAdding(null);
    try {
      const [again] = await call('reports.reimport', { campaignId: campaign.id, importIds: [refused.importId!] });
      setOutcomes((current) => current.map((o) => (o === refused ? again : o)));
    } catch (caught) {
      setError(caught);
    } finally {
      void history.reload();
    }
  };

  const importFiles = async (files: File[]) => {
    setBusy(true);
    setError(undefined);
    setOutcomes([]);
    try {
      const payloads = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await fileToBase64(file) })));
      const results: ImportOutcome[] = [];
      for (const batch of batches(payloads)) {
        results.push(...(await call('reports.import', { campaignId: campaign.id, files: batch })));
        setOutcomes([...results]);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      void history.reload();
    }
  };

  const accepted = outcomes.filter((o) => o.status === 'accepted').length;

  return (
    <div className="stack">
      <FileDrop
        testId="reports-drop"
        multiple
        disabled={busy}
        title={t('ui.import.drop')}
        hint={t('ui.import.dropHint')}
        onFiles={(files) => void importFiles(files)}
      />
      <ErrorAlert error={error} testId="import-error" />
      {outcomes.length > 0 && (
        <>
          <Typography.Title level={3}>{t('ui.import.results')}</Typography.Title>
          <Typography.Paragraph data-testid="import-summary">
            {t('ui.import.resultLine', { count: outcomes.length, accepted })}
          </Typography.Paragraph>
          <Table<ImportOutcome>
            data-testid="import-results"
            rowKey={(o, index) => `${o.file}-${index ?? 0}`}
            size="small"
            columns={columns}
            dataSource={outcomes}
            pagination={false}
          />
        </>
      )}
      <ImportHistory history={history.data} loading={history.loading || busy} error={history.error} />
      <SchoolFormModal
        school={null}
        initial={adding?.newSchool ? { bin: adding.newSchool.bin, nameRu: adding.newSchool.name, shortName: adding.newSchool.name.slice(0, 100) } : undefined}
        open={adding !== null}
        onClose={() => setAdding(null)}
        onSaved={() => adding && void importAgain(adding)}
      />
    </div>
  );
}
