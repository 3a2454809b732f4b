// The Refresh button of a screen: reads again everything the screen shows, busy while anything is being read.
import { ReloadOutlined } from '@ant-design/icons';
import { useIsFetching } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { readAgainOnScreen } from '../data/cache.ts';

export function RefreshButton() {
  const { t } = useTranslation();
  const reading = useIsFetching() > 0;
  return (
    <Button icon={<ReloadOutlined />} onClick={() => void readAgainOnScreen()} loading={reading} data-testid="refresh">
      {t('ui.common.refresh')}
    </Button>
  );
}
