// The form's rules: number, text, severity and what blank values do. Each text is checked as it is typed against
// the form being edited, so a row code, a grid row or a column added a moment ago is already known.
import { memo, useMemo } from 'react';
import { CheckCircleOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleTextProblem } from '../../../../shared/forms/check.ts';
import { gridTables, type FormDefinition, type FormRule, type Severity } from '../../../../shared/forms/types.ts';
import { formatMessage } from '../../../../shared/i18n.ts';
import { DEFAULT_MISSING_VALUE_STRATEGY, MISSING_VALUE_STRATEGIES, type MissingValueStrategy } from '../../../../shared/rules.ts';
import { editAt, newRule, removeAt, withOptional, type EditorPartProps, type FormChange } from './formEdits.ts';

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** What a rule is checked against: the one-value rows and the tables (grids' rows, columns and closed cells). */
type RuleForm = Pick<FormDefinition, 'indicators' | 'tables'>;

/**
 * A rule's check reads only the codes and types of rows, grid rows and columns and the closed cells: the form's parts
 * as they were when those last changed, so that typing a label re-checks no rule.
 */
function useRuleForm(form: FormDefinition): RuleForm {
  const rows = form.indicators.map((indicator) => `${indicator.code}:${indicator.type}`).join(',');
  const grids = gridTables(form)
    .map((grid) => [grid.rows.map((row) => row.code), grid.columns.map((column) => `${column.code}:${column.type}`), grid.closed ?? []].join('|'))
    .join(';');
  const signature = `${rows};${grids}`;
  return useMemo(() => ({ indicators: form.indicators, tables: form.tables }), [signature]);
}

function RuleCheck({ text, ruleForm, index }: { text: string; ruleForm: RuleForm; index: number }) {
  const { t } = useTranslation();
  const problem = ruleTextProblem(text, ruleForm);
  if (problem) {
    return (
      <Typography.Text type="danger" className="form-rule-check" data-testid={`rule-check-${index}`} data-state="problem">
        {formatMessage(t, problem)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="success" className="form-rule-check" data-testid={`rule-check-${index}`} data-state="ok">
      <CheckCircleOutlined aria-hidden /> {t('ui.forms.rules.ok')}
    </Typography.Text>
  );
}

interface RowProps {
  rule: FormRule;
  index: number;
  ruleForm: RuleForm;
  change: (edit: FormChange) => void;
}

const RuleRow = memo(function RuleRow({ ruleForm, change, rule, index }: RowProps) {
  const { t } = useTranslation();
  const edit = (update: (rule: FormRule) => FormRule) => change((f) => ({ ...f, rules: editAt(f.rules, index, update) }));
  const setMissing = (missing: MissingValueStrategy) =>
    edit((r) => withOptional(r, 'missing', missing === DEFAULT_MISSING_VALUE_STRATEGY ? undefined : missing));
  return (
    <div className="form-rule" data-testid={`rule-row-${index}`}>
      <Input
        value={rule.id}
        maxLength={40}
        aria-label={t('ui.forms.rules.id')}
        placeholder={t('ui.forms.rules.id')}
        status={rule.id.trim() ? undefined : 'error'}
        onChange={(event) => edit((r) => ({ ...r, id: event.target.value }))}
        data-testid={`rule-id-${index}`}
      />
      <div>
        <Input
          value={rule.text}
          maxLength={500}
          aria-label={t('ui.forms.rules.text')}
          placeholder="Z03 <= Z02"
          className="form-rule-text"
          onChange={(event) => edit((r) => ({ ...r, text: event.target.value }))}
          data-testid={`rule-text-${index}`}
        />
        <RuleCheck text={rule.text} ruleForm={ruleForm} index={index} />
      </div>
      <Select
        value={rule.severity}
        aria-label={t('ui.forms.rules.severity')}
        popupMatchSelectWidth={false}
        options={SEVERITIES.map((severity) => ({ value: severity, label: t(`ui.forms.severity.${severity}`) }))}
        onChange={(severity) => edit((r) => ({ ...r, severity }))}
        data-testid={`rule-severity-${index}`}
      />
      <Select
        value={rule.missing ?? DEFAULT_MISSING_VALUE_STRATEGY}
        aria-label={t('ui.forms.rules.missing')}
        popupMatchSelectWidth={false}
        options={MISSING_VALUE_STRATEGIES.map((missing) => ({ value: missing, label: t(`ui.forms.missing.${missing}`) }))}
        onChange={setMissing}
        data-testid={`rule-missing-${index}`}
      />
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('ui.forms.rules.remove')}
        onClick={() => change((f) => ({ ...f, rules: removeAt(f.rules, index) }))}
        data-testid={`rule-remove-${index}`}
      />
    </div>
  );
});

export function RuleList({ form, change }: EditorPartProps) {
  const { t } = useTranslation();
  const ruleForm = useRuleForm(form);
  return (
    <div className="stack" data-testid="form-rules">
      <Typography.Paragraph type="secondary">{t('ui.forms.rules.hint')}</Typography.Paragraph>
      {gridTables(form).length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="rules-grid-hint">{t('ui.forms.rules.gridHint')}</Typography.Paragraph>
      )}
      {form.rules.length === 0 && <Typography.Paragraph type="secondary">{t('ui.forms.rules.empty')}</Typography.Paragraph>}
      {form.rules.length > 0 && (
        <div className="form-rule form-rule-head" aria-hidden>
          <Typography.Text type="secondary">{t('ui.forms.rules.id')}</Typography.Text>
          <Typography.Text type="secondary">{t('ui.forms.rules.text')}</Typography.Text>
          <Typography.Text type="secondary">{t('ui.forms.rules.severity')}</Typography.Text>
          <Typography.Text type="secondary">{t('ui.forms.rules.missing')}</Typography.Text>
        </div>
      )}
      {form.rules.map((rule, index) => (
        <RuleRow key={index} ruleForm={ruleForm} change={change} rule={rule} index={index} />
      ))}
      <Button icon={<PlusOutlined />} onClick={() => change((f) => ({ ...f, rules: [...f.rules, newRule(f)] }))} data-testid="rule-add">
        {t('ui.forms.rules.add')}
      </Button>
    </div>
  );
}
