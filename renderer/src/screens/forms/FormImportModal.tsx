// A form shared as a .jinaq-form.json file: added, found already here, added under the next free version, or refused.
import { useState } from 'react';
import { Alert, Button, Modal } from 'antd';
import type { AlertProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormImportResult, FormRecord } from '../../../../shared/forms/types.ts';
import { fileToBase64 } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { navigate } from '../../components/router.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { FormProblemList } from './FormProblemList.tsx';
import { change } from '../../data/cache.ts';

const FORM_FILE = '.json,application/json';

const ALERT_TYPE: Record<FormImportResult['outcome'], AlertProps['type']> = {
  added: 'success',
  same: 'info',
  renumbered: 'warning',
  refused: 'error',
};

interface Props {
  onClose: () => void;
}

function ImportOutcome({ result }: { result: FormImportResult }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const record: FormRecord | null = result.record;
  const open = record && (
    <Button size="small" onClick={() => navigate({ screen: 'form', id: record.form.id, version: record.form.version })} data-testid="form-import-open">
      {t('ui.forms.import.open')}
    </Button>
  );
  return (
    <>
      <Alert
        type={ALERT_TYPE[result.outcome]}
        showIcon
        data-testid="form-import-result"
        data-outcome={result.outcome}
        title={record ? t(`ui.forms.import.${result.outcome}`, { title: record.form.title[labelLanguage(language)], version: record.form.version }) : t('ui.forms.import.refused')}
        action={open}
      />
      <FormProblemList problems={result.problems} testId="form-import-problems" />
    </>
  );
}

export function FormImportModal({ onClose }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<FormImportResult>();

  const importFile = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const value = await change('forms.import', { file: { name: file.name, base64: await fileToBase64(file) } });
      setResult(value);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('ui.forms.import.title')} onCancel={onClose} footer={null} width={720}>
      <div className="stack">
        <FileDrop
          multiple={false}
          disabled={busy}
          accept={FORM_FILE}
          title={t('ui.forms.import.drop')}
          hint={t('ui.forms.import.hint')}
          testId="form-import-drop"
          onFiles={([file]) => {
            if (file) void importFile(file);
          }}
        />
        <ErrorAlert error={error} testId="form-import-error" />
        {result && <ImportOutcome result={result} />}
      </div>
    </Modal>
  );
}
