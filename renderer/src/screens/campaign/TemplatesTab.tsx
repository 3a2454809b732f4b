// One workbook per active school, ready to send out (a .zip in browser mode).
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import { useSaveAction } from '../../components/useSaveAction.ts';
import { change, useApiQuery } from '../../data/cache.ts';

export function TemplatesTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const schools = useApiQuery('schools.list', { includeClosed: false });
  const active = schools.data?.filter((s) => s.active).length ?? 0;

  const { busy, save } = useSaveAction(() => change('exports.templates', { campaignId: campaign.id }));
  const blank = useSaveAction(() => change('exports.blankTemplate', { campaignId: campaign.id }));

  return (
    <div className="stack">
      <Typography.Paragraph>{t('ui.templates.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="templates-count">
        {t('ui.templates.schools', { count: active })}
      </Typography.Paragraph>
      <Button type="primary" icon={<FileExcelOutlined />} loading={busy} disabled={active === 0} onClick={save} data-testid="templates-save">
        {t('ui.templates.save')}
      </Button>
      <Typography.Paragraph type="secondary">{t('ui.templates.blankIntro')}</Typography.Paragraph>
      <Button icon={<FileExcelOutlined />} loading={blank.busy} onClick={blank.save} data-testid="templates-blank">
        {t('ui.templates.blank')}
      </Button>
    </div>
  );
}
