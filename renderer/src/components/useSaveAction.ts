// A button's action that produces files: busy while it runs, then tells the user where the files went
// (downloaded, saved by the desktop app, or nothing when cancelled), or why it failed.
import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveOutcome } from '../../../shared/domain.ts';
import { deliver } from '../../api.ts';
import { errorText } from '../i18n.ts';

export function useSaveAction(produce: () => Promise<SaveOutcome>): { busy: boolean; save: () => void } {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const delivered = deliver(await produce());
      if (delivered.kind === 'downloaded') void message.success(t('ui.delivery.downloaded', { name: delivered.name, count: delivered.count }));
      if (delivered.kind === 'saved') void message.success(t('ui.delivery.saved', { location: delivered.location, count: delivered.count }));
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, save: () => void run() };
}
