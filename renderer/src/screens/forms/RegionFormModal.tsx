// A form from the region's own workbook (forms.fromXlsx): the specialist drops the file, picks its sheet and which of
// the collected forms it sets, sees what Jinaq guessed beside a picture of the sheet, and opens the proposal in the
// editor as a new version not yet saved (formDraft.ts). Nothing is stored here.
import { useState } from 'react';
import { Alert, Button, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { gridTables, type FormDefinition, type RegionFormProposal } from '../../../../shared/forms/types.ts';
import { formatMessage } from '../../../../shared/i18n.ts';
import { fileToBase64 } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FileDrop, REGION_FILE } from '../../components/FileDrop.tsx';
import { navigate } from '../../components/router.ts';
import { change, useApiQuery } from '../../data/cache.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { setFormDraft } from './formDraft.ts';
import { SheetPicture } from './SheetPicture.tsx';

/** The forms campaigns collect: a form from the region's file becomes the next version of one of them. */
const COLLECTED = ['zabota', 'nik'] as const;
type CollectedId = (typeof COLLECTED)[number];

function useNextVersion(id: CollectedId): number {
  const forms = useApiQuery('forms.list', {});
  return Math.max(0, ...(forms.data ?? []).filter((record) => record.form.id === id).map((record) => record.form.version)) + 1;
}

function ProposalSummary({ form, version }: { form: FormDefinition; version: number }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  const grid = gridTables(form)[0];
  const rows = grid ? grid.rows : form.indicators;
  return (
    <div className="region-form-column" data-testid="region-form-proposal">
      <Typography.Text strong>{t('ui.forms.region.proposal', { title: form.title[lang], version })}</Typography.Text>
      <Typography.Text type="secondary">{t('ui.forms.region.proposalCounts', { rows: rows.length, columns: grid ? grid.columns.length : 1 })}</Typography.Text>
      <ul className="issue-list">
        {rows.map((row) => (
          <li key={row.code}><code>{row.code}</code> {row.label[lang]}</li>
        ))}
      </ul>
    </div>
  );
}

function Proposal({ answer, id, onOpen }: { answer: RegionFormProposal; id: CollectedId; onOpen: (form: FormDefinition) => void }) {
  const { t } = useTranslation();
  const version = useNextVersion(id);
  if (answer.problem) {
    return (
      <>
        <Alert type="error" showIcon data-testid="region-form-problem" title={t('ui.forms.region.refused')} description={formatMessage(t, answer.problem)} />
        {answer.picture && <SheetPicture picture={answer.picture} />}
      </>
    );
  }
  const form = { ...answer.proposal!, id, version };
  return (
    <>
      <div className="region-form-layout">
        <div className="region-form-column">
          <ProposalSummary form={form} version={version} />
          <Typography.Text strong>{t('ui.forms.region.notes')}</Typography.Text>
          <ul className="issue-list" data-testid="region-form-notes">
            {answer.notes.map((note, index) => <li key={index}>{formatMessage(t, note)}</li>)}
          </ul>
        </div>
        {answer.picture && <SheetPicture picture={answer.picture} />}
      </div>
      <Button type="primary" onClick={() => onOpen(form)} data-testid="region-form-open">{t('ui.forms.region.open')}</Button>
    </>
  );
}

export function RegionFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; base64: string }>();
  const [id, setId] = useState<CollectedId>('zabota');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<RegionFormProposal>();
  const version = useNextVersion(id);

  const read = async (payload: { name: string; base64: string }, sheet?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(await change('forms.fromXlsx', { file: payload, sheet, id }));
    } catch (caught) {
      setError(caught);
      setAnswer(undefined);
    } finally {
      setBusy(false);
    }
  };

  const readFile = async (given: File) => {
    const payload = { name: given.name, base64: await fileToBase64(given) };
    setFile(payload);
    await read(payload);
  };

  const open = (form: FormDefinition) => {
    setFormDraft(form);
    onClose();
    navigate({ screen: 'formDraft' });
  };

  return (
    <Modal open title={t('ui.forms.region.title')} onCancel={onClose} footer={null} width="min(1320px, calc(100vw - 32px))" style={{ top: 24 }}>
      <div className={file ? 'stack region-form-dropped' : 'stack'}>
        <FileDrop
          multiple={false}
          disabled={busy}
          accept={REGION_FILE}
          title={file ? file.name : t('ui.forms.region.drop')}
          hint={t('ui.forms.region.hint')}
          testId="region-form-drop"
          onFiles={([given]) => {
            if (given) void readFile(given);
          }}
        />
        <Space wrap>
          <Typography.Text>{t('ui.forms.region.id')}</Typography.Text>
          <Radio.Group value={id} onChange={(event) => setId(event.target.value as CollectedId)} data-testid="region-form-id">
            {COLLECTED.map((choice) => (
              <Radio.Button key={choice} value={choice}>{t(choice === 'zabota' ? 'ui.forms.region.idZabota' : 'ui.forms.region.idNik')}</Radio.Button>
            ))}
          </Radio.Group>
          {answer && answer.sheets.length > 1 && (
            <>
              <Typography.Text>{t('ui.forms.region.sheet')}</Typography.Text>
              <Select
                data-testid="region-form-sheet"
                value={answer.picture?.sheet}
                options={answer.sheets.map((sheet) => ({ value: sheet, label: sheet }))}
                onChange={(sheet: string) => file && void read(file, sheet)}
                style={{ minWidth: 160 }}
              />
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" className="compact" data-testid="region-form-id-hint">{t('ui.forms.region.idHint', { version })}</Typography.Paragraph>
        <ErrorAlert error={error} testId="region-form-error" />
        {answer && <Proposal answer={answer} id={id} onOpen={open} />}
      </div>
    </Modal>
  );
}
