// A plan read from a workbook: it replaces the campaign's plan only when the whole file is right;
// otherwise every problem is listed with its place in the file.
import { useState } from 'react';
import { Alert, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanImportResult } from '../../../../shared/plans/model.ts';
import { fileToBase64 } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { IssueList } from '../../components/IssueList.tsx';
import { change } from '../../data/cache.ts';

interface Props {
  campaignId: string;
  onClose: () => void;
}

export function PlanImportModal({ campaignId, onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<PlanImportResult>();

  const importFile = async ([file]: File[]) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const value = await change('plans.import', { campaignId, file: { name: file.name, base64: await fileToBase64(file) } });
      setResult(value);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('ui.plan.import.title')} onCancel={onClose} footer={null} width={760}>
      <div className="stack">
        <FileDrop
          testId="plan-import-drop"
          multiple={false}
          disabled={busy}
          title={t('ui.plan.import.drop')}
          hint={t('ui.plan.import.hint')}
          onFiles={(files) => void importFile(files)}
        />
        <ErrorAlert error={error} testId="plan-import-error" />
        {result && (
          <Alert
            type={result.replaced ? 'success' : 'error'}
            showIcon
            data-testid="plan-import-result"
            title={result.replaced ? t('ui.plan.import.replaced', { count: result.items }) : t('ui.plan.import.notReplaced')}
          />
        )}
        {result && <IssueList issues={result.problems} testId="plan-import-problems" />}
      </div>
    </Modal>
  );
}
