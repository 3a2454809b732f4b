// Tells the user where a produced file went (downloaded, saved by the desktop app, or nothing when cancelled).
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveOutcome } from '../../../shared/domain.ts';
import { deliver } from '../../api.ts';

export function useDeliver(): (outcome: SaveOutcome) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (outcome) => {
    const delivered = deliver(outcome);
    if (delivered.kind === 'downloaded') void message.success(t('ui.delivery.downloaded', { name: delivered.name, count: delivered.count }));
    if (delivered.kind === 'saved') void message.success(t('ui.delivery.saved', { location: delivered.location, count: delivered.count }));
  };
}
