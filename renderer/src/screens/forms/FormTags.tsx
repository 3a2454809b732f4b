// What a form version is: built in or the district's own (copied from a version, or imported), and whether it can change.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormRecord } from '../../../../shared/forms/types.ts';

export function OriginTags({ record }: { record: FormRecord }) {
  const { t } = useTranslation();
  if (record.builtIn) return <Tag color="blue" data-testid="form-built-in">{t('ui.forms.builtIn')}</Tag>;
  if (record.basedOn !== null) return <Tag data-testid="form-based-on">{t('ui.forms.basedOn', { version: record.basedOn })}</Tag>;
  return <Tag data-testid="form-imported">{t('ui.forms.imported')}</Tag>;
}

export function StateTag({ record }: { record: FormRecord }) {
  const { t } = useTranslation();
  if (record.editable) return <Tag color="green" data-testid="form-state">{t('ui.forms.editable')}</Tag>;
  if (record.builtIn) return <Tag data-testid="form-state">{t('ui.forms.readOnly')}</Tag>;
  return <Tag color="orange" data-testid="form-state">{t('ui.forms.frozen')}</Tag>;
}
