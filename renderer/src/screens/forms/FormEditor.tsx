// One form version in the editor: its title, sections, rows, rules and tables, held here until «Save».
// Problems are shown live and keep Save disabled; a built-in or collected version is shown read-only with
// the way to a copy that can be changed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ArrowLeftOutlined, CopyOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, ConfigProvider, Input, Space, Spin, Tag, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { formProblems, type FormProblem } from '../../../../shared/forms/check.ts';
import type { FormDefinition, FormRecord, FormSaveResult, Lang } from '../../../../shared/forms/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { navigate } from '../../components/router.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { formDraft, storeFormDraft } from './formDraft.ts';
import type { FormChange } from './formEdits.ts';
import { FormProblemList } from './FormProblemList.tsx';
import { OriginTags, StateTag } from './FormTags.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { RuleList } from './RuleList.tsx';
import { SectionList } from './SectionList.tsx';
import { TablesEditor } from './TablesEditor.tsx';
import { useCopyForm } from './useCopyForm.ts';
import { useCampaignTitles } from '../../components/useCampaignTitles.ts';
import { change, useApiQuery } from '../../data/cache.ts';

function ReadOnlyNotice({ record }: { record: FormRecord }) {
  const { t } = useTranslation();
  const copy = useCopyForm();
  const text = record.builtIn ? t('ui.forms.editor.readOnlyBuiltIn') : t('ui.forms.editor.readOnlyInUse', { campaigns: record.usedBy.join(', ') });
  const action = (
    <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy(record)} data-testid="form-editor-copy">
      {t('ui.forms.editor.copy')}
    </Button>
  );
  return <Alert type="info" showIcon title={text} action={action} data-testid="form-read-only" />;
}

function ProblemsPanel({ problems, serverProblems }: { problems: FormProblem[]; serverProblems: FormProblem[] }) {
  const { t } = useTranslation();
  const all = problems.length > 0 ? problems : serverProblems;
  return (
    <Card size="small" title={t('ui.forms.editor.problems')} data-testid="form-problems" data-count={all.length}>
      {all.length === 0 ? (
        <Typography.Text type="success" data-testid="form-no-problems">{t('ui.forms.editor.noProblems')}</Typography.Text>
      ) : (
        <FormProblemList problems={all} testId="form-problem-list" />
      )}
    </Card>
  );
}

function GeneralPart({ form, change }: { form: FormDefinition; change: (edit: FormChange) => void }) {
  const { t } = useTranslation();
  const titleInput = (lang: Lang) => (
    <label className="form-field">
      <Typography.Text type="secondary">{t(lang === 'ru' ? 'ui.forms.editor.titleRu' : 'ui.forms.editor.titleKk')}</Typography.Text>
      <Input
        value={form.title[lang]}
        lang={lang}
        maxLength={300}
        status={form.title[lang].trim() ? undefined : 'error'}
        onChange={(event) => change((f) => ({ ...f, title: { ...f.title, [lang]: event.target.value } }))}
        data-testid={`form-title-${lang}`}
      />
    </label>
  );
  return (
    <div className="stack">
      <Typography.Text type="secondary">
        <Trans i18nKey="ui.forms.editor.id" values={{ id: form.id, version: form.version }} components={{ code: <code /> }} />
      </Typography.Text>
      <div className="form-grid">
        {titleInput('ru')}
        {titleInput('kk')}
      </div>
    </div>
  );
}

interface EditorProps {
  record: FormRecord;
  /** A form not yet stored (formDraft.ts): saving adds it as a new version and opens that. */
  draft?: boolean;
}

function useFormSave(initial: FormDefinition) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saved, setSaved] = useState(initial);
  const [serverProblems, setServerProblems] = useState<FormProblem[]>([]);
  const submit = useSubmit();
  const save = (form: FormDefinition, onStored: (form: FormDefinition) => void, draft = false) =>
    submit.run(async () => {
      const result = draft ? await storedDraft(form) : await change('forms.save', { form });
      setServerProblems(result.problems);
      if (!result.saved || !result.record) {
        void message.error(t('ui.forms.editor.notSaved'));
        return;
      }
      setSaved(result.record.form);
      onStored(result.record.form);
      void message.success(t('ui.forms.editor.saved'));
      if (draft) navigate({ screen: 'form', id: result.record.form.id, version: result.record.form.version });
    });
  return { saved, serverProblems, submit, save };
}

async function storedDraft(form: FormDefinition): Promise<FormSaveResult> {
  const result = await storeFormDraft(form);
  return { saved: result.record !== null, problems: result.problems, record: result.record };
}

export function FormEditor({ record, draft = false }: EditorProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { modal } = App.useApp();
  const [form, setForm] = useState<FormDefinition>(record.form);
  const { saved, serverProblems, submit, save } = useFormSave(record.form);
  const campaignTitle = useCampaignTitles();
  const problems = useMemo(() => formProblems(form), [form]);
  const dirty = useMemo(() => draft || JSON.stringify(form) !== JSON.stringify(saved), [draft, form, saved]);
  const change = useCallback((edit: FormChange) => setForm((current) => edit(current)), []);
  const parts = { form, change };

  const back = () => {
    if (!dirty) return navigate({ screen: 'forms' });
    modal.confirm({ title: t('ui.forms.editor.leaveConfirm'), okText: t('ui.forms.editor.leave'), cancelText: t('ui.common.cancel'), onOk: () => navigate({ screen: 'forms' }) });
  };

  return (
    <section aria-labelledby="form-editor-title" className="stack" data-testid="form-editor" data-editable={record.editable}>
      <Space className="toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="form-editor-back">{t('ui.forms.editor.back')}</Button>
      </Space>
      <Typography.Title level={2} id="form-editor-title" data-testid="form-editor-title">
        {t('ui.forms.editor.title', { title: form.title[labelLanguage(language)], version: form.version })}
      </Typography.Title>
      <Space wrap>
        <OriginTags record={record} />
        <StateTag record={record} />
        {record.usedBy.map((campaignId) => <Tag key={campaignId}>{campaignTitle(campaignId)}</Tag>)}
      </Space>
      {!record.editable && <ReadOnlyNotice record={record} />}
      {record.editable && (
        <div className="toolbar form-editor-bar">
          <Button type="primary" icon={<SaveOutlined />} loading={submit.saving} disabled={problems.length > 0 || !dirty} onClick={() => void save(form, setForm, draft)} data-testid="form-save">
            {t('ui.common.save')}
          </Button>
          {problems.length > 0 && <Tag color="red" data-testid="form-problem-count">{t('ui.forms.editor.problemCount', { count: problems.length })}</Tag>}
          {dirty && <Tag color="gold" data-testid="form-unsaved">{t('ui.forms.editor.unsaved')}</Tag>}
        </div>
      )}
      <ErrorAlert error={submit.error} testId="form-save-error" />
      <ProblemsPanel problems={problems} serverProblems={serverProblems} />
      <ConfigProvider componentDisabled={!record.editable}>
        <Card size="small" title={t('ui.forms.editor.general')}><GeneralPart {...parts} /></Card>
        <Card size="small" title={t('ui.forms.sections.title')}><SectionList {...parts} /></Card>
        <Card size="small" title={t('ui.forms.indicators.title')}><IndicatorTable {...parts} /></Card>
        <Card size="small" title={t('ui.forms.rules.title')}><RuleList {...parts} /></Card>
        <Card size="small" title={t('ui.forms.tables.title')}><TablesEditor {...parts} problems={problems} /></Card>
      </ConfigProvider>
    </section>
  );
}

/** The editor for the form version named in the address. */
export function FormEditorScreen({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const record = useApiQuery('forms.get', { id, version });
  return (
    <>
      {record.error !== undefined && (
        <Space className="toolbar">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ screen: 'forms' })}>{t('ui.forms.editor.back')}</Button>
        </Space>
      )}
      <ErrorAlert error={record.error} testId="form-editor-error" />
      {record.isPending && <Spin />}
      {record.data && <FormEditor record={record.data} />}
    </>
  );
}

/** The editor for a form not yet stored (#/forms/new); back to the forms when there is none (the page was reloaded). */
export function FormDraftScreen() {
  const form = formDraft();
  useEffect(() => {
    if (!form) navigate({ screen: 'forms' });
  }, [form]);
  return form && <FormEditor record={{ form, builtIn: false, basedOn: null, usedBy: [], editable: true }} draft />;
}
