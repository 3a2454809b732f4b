// One workbook per active school, ready to send out (a .zip in browser mode).
import { useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import { call } from '../../../api.ts';
import { useDeliver } from '../../components/useDeliver.ts';
import { useQuery } from '../../components/useQuery.ts';
import { errorText } from '../../i18n.ts';

export function TemplatesTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deliver = useDeliver();
  const schools = useQuery('schools.list', { includeClosed: false });
  const [busy, setBusy] = useState(false);
  const active = schools.data?.filter((s) => s.active).length ?? 0;

  const save = async () => {
    setBusy(true);
    try {
      deliver(await call('templates.save', { campaignId: campaign.id }));
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <Typography.Paragraph>{t('ui.templates.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="templates-count">
        {t('ui.templates.schools', { count: active })}
      </Typography.Paragraph>
      <Button type="primary" icon={<FileExcelOutlined />} loading={busy} disabled={active === 0} onClick={() => void save()} data-testid="templates-save">
        {t('ui.templates.save')}
      </Button>
    </div>
  );
}
