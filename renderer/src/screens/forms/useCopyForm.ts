// Copying a form version to a new one and opening the copy in the editor, from the list or from the editor.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormRecord } from '../../../../shared/forms/types.ts';
import { navigate } from '../../components/router.ts';
import { errorText } from '../../i18n.ts';
import { change } from '../../data/cache.ts';

export function useCopyForm(): (record: FormRecord) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (record) => {
    try {
      const copied = await change('forms.copy', { id: record.form.id, version: record.form.version });
      void message.success(t('ui.forms.actions.copied', { version: copied.form.version }));
      navigate({ screen: 'form', id: copied.form.id, version: copied.form.version });
    } catch (caught) {
      void message.error(errorText(t, caught));
    }
  };
}
