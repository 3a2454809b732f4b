// The form's rows: code, label in Russian and Kazakh side by side, type, unit, whether required, section,
// and their order. A plain table of memoized rows: typing in one row re-renders that row only.
import { memo, useMemo } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROW_CODE } from '../../../../shared/forms/check.ts';
import { INDICATOR_TYPES, type Bilingual, type FormSection, type Indicator, type Lang } from '../../../../shared/forms/types.ts';
import { editAt, moveAt, newIndicator, removeAt, withOptional, type EditorPartProps, type FormChange } from './formEdits.ts';

interface Option {
  value: string;
  label: string;
}

interface RowProps {
  indicator: Indicator;
  index: number;
  first: boolean;
  last: boolean;
  /** The code is not a row code or another row has it too. */
  badCode: boolean;
  sectionOptions: Option[];
  change: (edit: FormChange) => void;
}

/** The unit with one language changed; none at all when both are empty. */
function unitWith(unit: Bilingual | undefined, lang: Lang, text: string): Bilingual | undefined {
  const next = { ru: unit?.ru ?? '', kk: unit?.kk ?? '', [lang]: text };
  return next.ru || next.kk ? next : undefined;
}

function repeatedCodes(indicators: readonly Indicator[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { code } of indicators) (seen.has(code) ? repeated : seen).add(code);
  return repeated;
}

function useSectionOptions(sections: FormSection[] | undefined): Option[] {
  const { t } = useTranslation();
  return useMemo(
    () => [{ value: '', label: t('ui.forms.indicators.noSection') }, ...(sections ?? []).map((section) => ({ value: section.id, label: section.id }))],
    [sections, t],
  );
}

function LabelInput({ indicator, index, lang, edit }: { indicator: Indicator; index: number; lang: Lang; edit: (update: (i: Indicator) => Indicator) => void }) {
  return (
    <Input.TextArea
      value={indicator.label[lang]}
      lang={lang}
      autoSize={{ minRows: 1, maxRows: 4 }}
      maxLength={500}
      status={indicator.label[lang].trim() ? undefined : 'error'}
      onChange={(event) => edit((i) => ({ ...i, label: { ...i.label, [lang]: event.target.value } }))}
      data-testid={`indicator-label-${lang}-${index}`}
    />
  );
}

function UnitInputs({ indicator, index, edit }: { indicator: Indicator; index: number; edit: (update: (i: Indicator) => Indicator) => void }) {
  const { t } = useTranslation();
  const input = (lang: Lang) => (
    <Input
      value={indicator.unit?.[lang] ?? ''}
      lang={lang}
      maxLength={40}
      placeholder={t(`ui.forms.indicators.unitPlaceholder.${lang}`)}
      onChange={(event) => edit((i) => withOptional(i, 'unit', unitWith(i.unit, lang, event.target.value)))}
      data-testid={`indicator-unit-${lang}-${index}`}
    />
  );
  return (
    <Space vertical size={4}>
      {input('ru')}
      {input('kk')}
    </Space>
  );
}

const IndicatorRow = memo(function IndicatorRow({ indicator, index, first, last, badCode, sectionOptions, change }: RowProps) {
  const { t } = useTranslation();
  const edit = (update: (i: Indicator) => Indicator) => change((f) => ({ ...f, indicators: editAt(f.indicators, index, update) }));
  const move = (direction: -1 | 1) => change((f) => ({ ...f, indicators: moveAt(f.indicators, index, direction) }));
  const unknownSection = indicator.section !== undefined && !sectionOptions.some((option) => option.value === indicator.section);
  return (
    <tr data-testid={`indicator-row-${index}`} data-code={indicator.code}>
      <td>{index + 1}</td>
      <td>
        <Input
          value={indicator.code}
          maxLength={12}
          aria-label={t('ui.forms.indicators.code')}
          status={badCode ? 'error' : undefined}
          onChange={(event) => edit((i) => ({ ...i, code: event.target.value.trim().toUpperCase() }))}
          data-testid={`indicator-code-${index}`}
        />
      </td>
      <td><LabelInput indicator={indicator} index={index} lang="ru" edit={edit} /></td>
      <td><LabelInput indicator={indicator} index={index} lang="kk" edit={edit} /></td>
      <td>
        <Select
          value={indicator.type}
          style={{ width: '100%' }}
          aria-label={t('ui.forms.indicators.type')}
          options={INDICATOR_TYPES.map((type) => ({ value: type, label: t(`ui.forms.types.${type}`) }))}
          onChange={(type) => edit((i) => ({ ...i, type }))}
          data-testid={`indicator-type-${index}`}
        />
      </td>
      <td><UnitInputs indicator={indicator} index={index} edit={edit} /></td>
      <td className="form-table-center">
        <Checkbox
          checked={indicator.required}
          aria-label={t('ui.forms.indicators.required')}
          onChange={(event) => edit((i) => ({ ...i, required: event.target.checked }))}
          data-testid={`indicator-required-${index}`}
        />
      </td>
      <td>
        <Select
          value={indicator.section ?? ''}
          style={{ width: '100%' }}
          aria-label={t('ui.forms.indicators.section')}
          options={sectionOptions}
          status={unknownSection ? 'error' : undefined}
          onChange={(section: string) => edit((i) => withOptional(i, 'section', section || undefined))}
          data-testid={`indicator-section-${index}`}
        />
      </td>
      <td>
        <Space size={0}>
          <Button type="text" icon={<ArrowUpOutlined />} disabled={first} aria-label={t('ui.forms.indicators.moveUp')} onClick={() => move(-1)} data-testid={`indicator-up-${index}`} />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={last} aria-label={t('ui.forms.indicators.moveDown')} onClick={() => move(1)} data-testid={`indicator-down-${index}`} />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('ui.forms.indicators.remove')}
            onClick={() => change((f) => ({ ...f, indicators: removeAt(f.indicators, index) }))}
            data-testid={`indicator-remove-${index}`}
          />
        </Space>
      </td>
    </tr>
  );
});

function HeaderRow() {
  const { t } = useTranslation();
  const headers: Array<[string, string]> = [
    ['number', t('ui.forms.indicators.number')],
    ['code', t('ui.forms.indicators.code')],
    ['labelRu', t('ui.forms.indicators.labelRu')],
    ['labelKk', t('ui.forms.indicators.labelKk')],
    ['type', t('ui.forms.indicators.type')],
    ['unit', t('ui.forms.indicators.unit')],
    ['required', t('ui.forms.indicators.required')],
    ['section', t('ui.forms.indicators.section')],
    ['actions', ''],
  ];
  return (
    <tr>
      {headers.map(([key, title]) => (
        <th key={key} scope="col" className={`form-table-${key}`}>{title}</th>
      ))}
    </tr>
  );
}

export function IndicatorTable({ form, change }: EditorPartProps) {
  const { t } = useTranslation();
  const sectionOptions = useSectionOptions(form.sections);
  const repeated = useMemo(() => repeatedCodes(form.indicators), [form.indicators]);
  const last = form.indicators.length - 1;
  return (
    <div className="stack" data-testid="form-indicators">
      <Typography.Paragraph type="secondary">{t('ui.forms.indicators.hint')}</Typography.Paragraph>
      <div className="form-table-scroll">
        <table className="form-table">
          <thead><HeaderRow /></thead>
          <tbody>
            {form.indicators.map((indicator, index) => (
              <IndicatorRow
                key={index}
                indicator={indicator}
                index={index}
                first={index === 0}
                last={index === last}
                badCode={!ROW_CODE.test(indicator.code) || repeated.has(indicator.code)}
                sectionOptions={sectionOptions}
                change={change}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Button icon={<PlusOutlined />} onClick={() => change((f) => ({ ...f, indicators: [...f.indicators, newIndicator(f)] }))} data-testid="indicator-add">
        {t('ui.forms.indicators.add')}
      </Button>
    </div>
  );
}
