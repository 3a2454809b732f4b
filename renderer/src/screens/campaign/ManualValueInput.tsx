// One row of a form typed in by hand: the input its type wants, and the way between what the input holds,
// what the API takes, and what the school's current report says.
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SchoolReportRow } from '../../../../shared/domain.ts';
import { isNumericType, type Indicator } from '../../../../shared/forms/types.ts';
import { DISPLAY_DATE } from '../CampaignEditModal.tsx';

/** What an input holds: a number (count, money), 'yes' / 'no', a text or link, a date; undefined when blank. */
export type FieldValue = number | string | Dayjs | null | undefined;

/** A value as 'reports.enter' takes it: numbers, yes/no as a boolean, dates as YYYY-MM-DD, null when blank. */
export type TypedValue = string | number | boolean | null;

const MAX_NUMBER = 1_000_000_000_000;
const TEXT_LIMIT = 2000;
const ISO_DATE = 'YYYY-MM-DD';

export function typedValue(indicator: Pick<Indicator, 'type'>, value: FieldValue): TypedValue {
  if (value === undefined || value === null) return null;
  if (dayjs.isDayjs(value)) return value.isValid() ? value.format(ISO_DATE) : null;
  if (indicator.type === 'yesno') return value === 'yes' ? true : value === 'no' ? false : null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

/** The value of a row in the school's current report, as its input shows it. */
export function reportedValue(indicator: Pick<Indicator, 'code' | 'type'>, row: SchoolReportRow): FieldValue {
  if (isNumericType(indicator.type)) {
    const number = row.values[indicator.code];
    if (indicator.type === 'yesno' && number !== undefined) return number ? 'yes' : 'no';
    return number;
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
}

/** The input of one row by its type: a whole number, money with two decimals, yes/no, a text, a date or a link. */
export function ManualValueInput({ indicator, value, onChange, id }: InputProps) {
  const { t } = useTranslation();
  const testId = `manual-value-${indicator.code}`;
  switch (indicator.type) {
    case 'count':
    case 'money':
      return (
        <InputNumber<number>
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next ?? undefined)}
          min={0}
          max={MAX_NUMBER}
          precision={indicator.type === 'money' ? 2 : 0}
          step={indicator.type === 'money' ? 0.01 : 1}
          style={{ width: '100%' }}
          data-testid={testId}
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
        />
      );
  }
}
