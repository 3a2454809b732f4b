// The schools that have not reported, with one button for the reminder to send them.
import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, DistrictSettings } from '../../../../shared/domain.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { ReminderDialog } from './ReminderDialog.tsx';

interface Props {
  summary: CampaignSummary;
  settings: DistrictSettings | undefined;
  today: string;
}

export function MissingSchools({ summary, settings, today }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [reminding, setReminding] = useState(false);
  const fullName = (school: CampaignSummary['missing'][number]) => (labelLanguage(language) === 'kk' ? school.nameKk : school.nameRu);
  return (
    <Card
      size="small"
      title={t('ui.dashboard.missing.title', { number: summary.missing.length })}
      className="dashboard-panel"
      extra={
        <Button
          size="small"
          icon={<BellOutlined />}
          disabled={summary.missing.length === 0}
          onClick={() => setReminding(true)}
          className="no-print"
          data-testid="reminder-open"
        >
          {t('ui.dashboard.missing.remind')}
        </Button>
      }
    >
      <List
        data-testid="dashboard-missing"
        size="small"
        dataSource={summary.missing}
        locale={{ emptyText: t('ui.dashboard.missing.none') }}
        renderItem={(school) => (
          <List.Item data-testid="dashboard-missing-school">
            <div className="dashboard-missing-name">
              <Typography.Text strong>{school.shortName}</Typography.Text>
              {fullName(school) && fullName(school) !== school.shortName && <Typography.Text type="secondary">{fullName(school)}</Typography.Text>}
            </div>
            <Typography.Text type="secondary">{school.bin}</Typography.Text>
          </List.Item>
        )}
      />
      <ReminderDialog open={reminding} summary={summary} settings={settings} today={today} onClose={() => setReminding(false)} />
    </Card>
  );
}
