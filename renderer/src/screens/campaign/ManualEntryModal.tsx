// A school's report typed in by hand (it dictated it by phone, or brought it on paper): the campaign's form rows
// as inputs by type, each grid as a grid, checked as a file is checked, then stored and marked as entered by hand.
import { Fragment, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Modal, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign, ImportOutcome, School, SchoolReportRow } from '../../../../shared/domain.ts';
import { gridTables, valueCells, type FormDefinition, type Indicator } from '../../../../shared/forms/types.ts';
import { formatMessage } from '../../../../shared/i18n.ts';
import type { FileIssue } from '../../../../shared/messages.ts';
import { issueCodes } from '../../../../shared/validate.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { IssueList } from '../../components/IssueList.tsx';
import { formatDate } from '../../components/format.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { ManualGridTable } from './ManualGridTable.tsx';
import { ManualValueInput, reportedValue, typedValue, type FieldValue, type TypedValue } from './ManualValueInput.tsx';
import { change, useApiQuery } from '../../data/cache.ts';

interface Props {
  /** The campaign as its screen holds it: its formId and formVersion say which form to load. */
  campaign: Campaign;
  open: boolean;
  onClose: () => void;
  /** A report was stored: the history and the summary have something new. */
  onSaved: (outcome: ImportOutcome) => void;
}

interface Fields {
  schoolId?: number;
  values?: Record<string, FieldValue>;
}

interface Checked {
  outcome: ImportOutcome;
  dryRun: boolean;
}

function IndicatorLabel({ indicator }: { indicator: Indicator }) {
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  const other = lang === 'kk' ? 'ru' : 'kk';
  const unit = indicator.unit?.[lang];
  return (
    <span className="manual-label">
      <span>
        <Typography.Text code>{indicator.code}</Typography.Text> {indicator.label[lang]}
        {unit ? <Typography.Text type="secondary"> ({unit})</Typography.Text> : null}
      </span>
      {/* The form's rows are written in both languages: the other one under, as on the template. */}
      {indicator.label[other] && (
        <Typography.Text type="secondary" lang={other} className="manual-label-other">
          {indicator.label[other]}
        </Typography.Text>
      )}
    </span>
  );
}

function OutcomeView({ checked }: { checked: Checked }) {
  const { t } = useTranslation();
  const { outcome, dryRun } = checked;
  const rejected = outcome.status !== 'accepted';
  const kind = rejected ? 'rejected' : outcome.warnings.length > 0 ? 'checkedWarnings' : 'checkedOk';
  return (
    <div data-testid="manual-outcome" data-status={outcome.status} data-dry-run={String(dryRun)}>
      <Alert type={rejected ? 'error' : outcome.warnings.length > 0 ? 'warning' : 'success'} showIcon title={t(`ui.manual.${kind}`)} />
      <IssueList issues={[...outcome.errors, ...outcome.warnings]} testId="manual-issues" />
    </div>
  );
}

/** The outcome's issues by the row codes they name: a broken rule is shown at each of its rows. */
function issuesByCode(definition: FormDefinition, outcome: ImportOutcome | undefined): Map<string, FileIssue[]> {
  const byCode = new Map<string, FileIssue[]>();
  for (const found of outcome ? [...outcome.errors, ...outcome.warnings] : []) {
    for (const code of issueCodes(definition, found)) byCode.set(code, [...(byCode.get(code) ?? []), found]);
  }
  return byCode;
}

function FieldIssues({ issues }: { issues: FileIssue[] }) {
  const { t } = useTranslation();
  return issues.map((found, index) => <div key={index}>{formatMessage(t, found.message)}</div>);
}

interface EntryProps {
  campaignId: string;
  form: FormDefinition;
  schools: School[];
  reports: SchoolReportRow[];
  onClose: () => void;
  onSaved: (outcome: ImportOutcome) => void;
}

function ManualEntryForm({ campaignId, form: definition, schools, reports, onClose, onSaved }: EntryProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const { error, saving, run } = useSubmit();
  const [checked, setChecked] = useState<Checked>();
  const schoolId = Form.useWatch('schoolId', form);
  const report = reports.find((row) => row.schoolId === schoolId && row.receivedAt !== null);
  const sectionTitles = new Map((definition.sections ?? []).map((section) => [section.id, section.title[labelLanguage(language)]]));
  const marked = useMemo(() => issuesByCode(definition, checked?.outcome), [definition, checked]);

  // The eye goes to the first row in error, not to the summary line under a long form.
  useEffect(() => {
    const first = valueCells(definition).find((indicator) => marked.get(indicator.code)?.some((i) => i.severity === 'error'));
    if (first) form.scrollToField(['values', first.code], { block: 'center' });
  }, [marked, definition, form]);

  /** A school chosen: its current report's values fill the inputs, or they start blank. */
  const chooseSchool = (id: number) => {
    const current = reports.find((row) => row.schoolId === id && row.receivedAt !== null);
    for (const indicator of valueCells(definition)) {
      form.setFieldValue(['values', indicator.code], current ? reportedValue(indicator, current) : undefined);
    }
    setChecked(undefined);
  };

  const send = async (dryRun: boolean) => {
    const fields = await form.validateFields();
    if (fields.schoolId === undefined) return;
    const chosen = fields.schoolId;
    const values: Record<string, TypedValue> = {};
    for (const indicator of valueCells(definition)) values[indicator.code] = typedValue(indicator, fields.values?.[indicator.code]);
    await run(async () => {
      const outcome = await change('reports.enter', { campaignId, schoolId: chosen, values, dryRun });
      setChecked({ outcome, dryRun });
      if (!dryRun && outcome.status === 'accepted') {
        const school = schools.find((s) => s.id === chosen)?.shortName ?? outcome.schoolName ?? '';
        if (outcome.warnings.length > 0) void message.warning(t('ui.manual.savedWithWarnings', { school, warnings: outcome.warnings.length }));
        else void message.success(t('ui.manual.saved', { school }));
        onSaved(outcome);
      }
    });
  };

  let previousSection: string | undefined;
  return (
    <Form<Fields>
      form={form}
      name="manualEntry"
      layout="horizontal"
      labelAlign="left"
      labelWrap
      labelCol={{ flex: '1 1 0' }}
      wrapperCol={{ flex: '0 0 300px' }}
      colon={false}
      onValuesChange={(changed: Fields) => {
        if (changed.values) setChecked(undefined);
      }}
    >
      <Typography.Paragraph type="secondary">{t('ui.manual.intro')}</Typography.Paragraph>
      <Form.Item name="schoolId" label={t('ui.manual.school')} rules={[{ required: true, message: t('ui.manual.chooseSchool') }]}>
        <Select<number>
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('ui.manual.schoolPlaceholder')}
          options={schools.map((school) => ({ value: school.id, label: `${school.shortName} \u00b7 ${school.bin}` }))}
          onChange={chooseSchool}
          data-testid="manual-school"
        />
      </Form.Item>
      {report && (
        <Alert type="info" showIcon className="manual-has-report" data-testid="manual-has-report" title={t('ui.manual.hasReport', { date: formatDate(report.receivedAt) })} />
      )}
      <div className="manual-rows">
        {definition.indicators.map((indicator) => {
          const section = indicator.section !== previousSection ? indicator.section : undefined;
          previousSection = indicator.section;
          const title = section ? sectionTitles.get(section) : undefined;
          const issues = marked.get(indicator.code);
          return (
            <Fragment key={indicator.code}>
              {title && <Typography.Title level={5} className="manual-section">{title}</Typography.Title>}
              <Form.Item
                name={['values', indicator.code]}
                label={<IndicatorLabel indicator={indicator} />}
                required={indicator.required}
                className="manual-row"
                validateStatus={issues ? (issues.some((i) => i.severity === 'error') ? 'error' : 'warning') : undefined}
                help={issues ? <FieldIssues issues={issues} /> : undefined}
              >
                <ManualValueInput indicator={indicator} />
              </Form.Item>
            </Fragment>
          );
        })}
      </div>
      {gridTables(definition).map((table) => (
        <ManualGridTable key={table.id} table={table} marked={marked} />
      ))}
      <ErrorAlert error={error} testId="manual-error" />
      {checked && <OutcomeView checked={checked} />}
      <div className="manual-actions">
        <Button onClick={onClose}>{t('ui.common.cancel')}</Button>
        <Button onClick={() => void send(true).catch(() => undefined)} loading={saving} data-testid="manual-check">
          {t('ui.manual.check')}
        </Button>
        <Button type="primary" onClick={() => void send(false).catch(() => undefined)} loading={saving} data-testid="manual-save">
          {t('ui.manual.save')}
        </Button>
      </div>
    </Form>
  );
}

/**
 * The campaign's form version, the active schools and every school's current values (to fill the inputs from),
 * read side by side: the campaign comes from the screen, so the form need not wait for the summary.
 */
function EntryLoader({ campaign, onClose, onSaved }: Omit<Props, 'open'>) {
  const record = useApiQuery('forms.get', { id: campaign.formId, version: campaign.formVersion });
  const summary = useApiQuery('summary.get', { campaignId: campaign.id });
  const schools = useApiQuery('schools.list', { includeClosed: false });
  const error = record.error ?? summary.error ?? schools.error;
  if (error) return <ErrorAlert error={error} testId="manual-error" />;
  if (!record.data || !summary.data || !schools.data) return <Spin />;
  return (
    <ManualEntryForm
      form={record.data.form}
      campaignId={campaign.id}
      schools={schools.data.filter((school) => school.active)}
      reports={summary.data.schools}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}

/** Wide enough for a grid's columns beside its row labels, as far as the screen allows. */
const GRID_MODAL_WIDTH = 'min(1240px, calc(100vw - 48px))';

export function ManualEntryModal({ campaign, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const record = useApiQuery('forms.get', { id: campaign.formId, version: campaign.formVersion });
  const hasGrids = record.data !== undefined && gridTables(record.data.form).length > 0;
  return (
    <Modal
      open={open}
      title={t('ui.manual.title')}
      onCancel={onClose}
      footer={null}
      width={hasGrids ? GRID_MODAL_WIDTH : 960}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(panel) => <div data-testid="manual-entry-modal">{panel}</div>}
    >
      {open && <EntryLoader campaign={campaign} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
