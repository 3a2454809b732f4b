// Import of the school registry from a workbook: counts of added and updated schools and every row problem.
import { useState } from 'react';
import { Alert, Modal, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistryImportResult } from '../../../shared/domain.ts';
import { formatMessage } from '../../../shared/i18n.ts';
import { fileToBase64 } from '../../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { FileDrop } from '../components/FileDrop.tsx';
import { change } from '../data/cache.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

export function RegistryImportModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<{ file: string; value: RegistryImportResult }>();

  const importFile = async ([file]: File[]) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const value = await change('schools.importRegistry', { file: { name: file.name, base64: await fileToBase64(file) } });
      setResult({ file: file.name, value });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setResult(undefined);
    setError(undefined);
    onClose();
  };

  return (
    <Modal open={open} title={t('ui.registry.title')} onCancel={close} footer={null} width={720} destroyOnHidden>
      <div className="stack">
        <FileDrop
          testId="registry-drop"
          multiple={false}
          disabled={busy}
          title={t('ui.registry.drop')}
          hint={t('ui.registry.dropHint')}
          onFiles={(files) => void importFile(files)}
        />
        <ErrorAlert error={error} testId="registry-error" />
        {result && (
          <div data-testid="registry-result" className="stack">
            <Typography.Paragraph strong style={{ margin: 0 }} data-testid="registry-result-title">{t('ui.registry.resultFor', { file: result.file })}</Typography.Paragraph>
            {result.value.fileProblem ? (
              <Alert type="error" showIcon data-testid="registry-file-problem" title={formatMessage(t, result.value.fileProblem)} />
            ) : (
              <Space size="large">
                <Statistic title={t('ui.registry.added')} value={result.value.added} data-testid="registry-added" />
                <Statistic title={t('ui.registry.updated')} value={result.value.updated} data-testid="registry-updated" />
                <Statistic title={t('ui.registry.problems')} value={result.value.problems.length} data-testid="registry-problem-count" />
              </Space>
            )}
            {result.value.problems.length > 0 && (
              <ul className="issue-list" data-testid="registry-problems">
                {result.value.problems.map((problem, index) => (
                  <li key={index}>
                    <Typography.Text type="danger">{formatMessage(t, problem.message)}</Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
