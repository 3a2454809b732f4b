// One row of a form typed in by hand: the input its type wants, and the way between what the input holds,
// what the API takes, and what the school's current report says.
import { DatePicker, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SchoolReportRow } from '../../../../shared/domain.ts';
import { isNumericType, type Indicator } from '../../../../shared/forms/types.ts';
import { DISPLAY_DATE } from '../CampaignEditModal.tsx';

/**
 * What an input holds: a number as typed («95 000», «1 234,50»: read by the server as a file's cell is, so the
 * report keeps what was typed), 'yes' / 'no', a text or link, a date; undefined when blank.
 */
export type FieldValue = string | Dayjs | null | undefined;

/** A value as 'reports.enter' takes it: numbers, yes/no as a boolean, dates as YYYY-MM-DD, null when blank. */
export type TypedValue = string | number | boolean | null;

const TEXT_LIMIT = 2000;
const ISO_DATE = 'YYYY-MM-DD';

export function typedValue(indicator: Pick<Indicator, 'type'>, value: FieldValue): TypedValue {
  if (value === undefined || value === null) return null;
  if (dayjs.isDayjs(value)) return value.isValid() ? value.format(ISO_DATE) : null;
  if (indicator.type === 'yesno') return value === 'yes' ? true : value === 'no' ? false : null;
  return value.trim() === '' ? null : value;
}

/** A number as people here write it: «95 000», «1 234,5». */
export function numberAsWritten(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ' ');
  return fraction ? `${grouped},${fraction}` : grouped;
}

/** The value of a row in the school's current report, as its input shows it. */
export function reportedValue(indicator: Pick<Indicator, 'code' | 'type'>, row: SchoolReportRow): FieldValue {
  if (isNumericType(indicator.type)) {
    const number = row.values[indicator.code];
    if (number === undefined) return undefined;
    if (indicator.type === 'yesno') return number ? 'yes' : 'no';
    return numberAsWritten(number);
  }
  const text = row.texts[indicator.code];
  if (text === undefined) return undefined;
  if (indicator.type === 'date') {
    const date = dayjs(text);
    return date.isValid() ? date : undefined;
  }
  return text;
}

interface InputProps {
  indicator: Indicator;
  /** Given by Form.Item. */
  value?: FieldValue;
  onChange?: (value: FieldValue) => void;
  id?: string;
  /** In a grid's cell, where no Form.Item draws the row's state: the state of the cell itself. */
  status?: 'error' | 'warning';
  /** In a grid's cell, which has no label of its own: what the cell is, for the screen reader and the tooltip. */
  'aria-label'?: string;
}

/** The input of one row by its type: a number (a count, money), yes/no, a text, a date or a link. */
export function ManualValueInput({ indicator, value, onChange, id, status, 'aria-label': ariaLabel }: InputProps) {
  const { t } = useTranslation();
  const testId = `manual-value-${indicator.code}`;
  const cellProps = ariaLabel ? { status, 'aria-label': ariaLabel, 'aria-invalid': status === 'error' || undefined, title: ariaLabel } : {};
  switch (indicator.type) {
    case 'count':
    case 'money':
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange?.(event.target.value)}
          inputMode={indicator.type === 'money' ? 'decimal' : 'numeric'}
          maxLength={30}
          data-testid={testId}
          {...cellProps}
        />
      );
    case 'yesno':
      return (
        <Select<string>
          id={id}
          value={typeof value === 'string' ? value : undefined}
          onChange={(next) => onChange?.(next)}
          allowClear
          options={[
            { value: 'yes', label: t('ui.common.yes') },
            { value: 'no', label: t('ui.common.no') },
          ]}
          data-testid={testId}
          {...cellProps}
        />
      );
    case 'text':
      return (
        <Input.TextArea
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange?.(event.target.value)}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={TEXT_LIMIT}
          data-testid={testId}
          {...cellProps}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          value={dayjs.isDayjs(value) ? value : null}
          onChange={(next) => onChange?.(next ?? undefined)}
          format={DISPLAY_DATE}
          style={{ width: '100%' }}
          data-testid={testId}
          {...cellProps}
        />
      );
    case 'url':
      return (
        <Input
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange?.(event.target.value)}
          inputMode="url"
          data-testid={testId}
          {...cellProps}
        />
      );
  }
}
