// One campaign: its dates and hashtag, and tabs for an overview at a glance, the templates, the import of reports,
// the district summary, the plan of activities and its execution.
import { useState } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/domain.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { campaignTitle, formatDate } from '../components/format.ts';
import { navigate } from '../components/router.ts';
import { useLanguage } from '../i18n.ts';
import { CampaignEditModal, DATE_FIELDS } from './CampaignEditModal.tsx';
import { DashboardTab } from './campaign/DashboardTab.tsx';
import { ExecutionTab } from './campaign/ExecutionTab.tsx';
import { ImportTab } from './campaign/ImportTab.tsx';
import { PlanTab } from './campaign/PlanTab.tsx';
import { SummaryTab } from './campaign/SummaryTab.tsx';
import { TemplatesTab } from './campaign/TemplatesTab.tsx';
import { useApiQuery } from '../data/cache.ts';

// The overview comes first; the templates stay the tab a campaign opens on (its first step, and the e2e specs').
const TABS = ['overview', 'templates', 'import', 'summary', 'plan', 'execution'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | undefined): value is Tab {
  return (TABS as readonly string[]).includes(value ?? '');
}

function CampaignBody({ campaign, tab }: { campaign: Campaign; tab: Tab }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const pane = (key: Tab) => {
    if (key === 'overview') return <DashboardTab campaign={campaign} />;
    if (key === 'templates') return <TemplatesTab campaign={campaign} />;
    if (key === 'import') return <ImportTab campaign={campaign} />;
    if (key === 'plan') return <PlanTab campaign={campaign} />;
    if (key === 'execution') return <ExecutionTab campaign={campaign} />;
    return <SummaryTab campaign={campaign} />;
  };
  return (
    <>
      <Typography.Title level={2} id="campaign-title" data-testid="campaign-title">{campaignTitle(campaign, language)}</Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          ...DATE_FIELDS.map((field) => ({ key: field, label: t(`ui.campaigns.columns.${field}`), children: formatDate(campaign[field]) })),
          ...(campaign.hashtag ? [{ key: 'hashtag', label: t('ui.campaigns.columns.hashtag'), children: <span data-testid="campaign-hashtag">{campaign.hashtag}</span> }] : []),
        ]}
      />
      <Button size="small" onClick={() => setEditing(true)} data-testid="campaign-edit-dates">{t('ui.campaigns.edit.button')}</Button>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate({ screen: 'campaign', id: campaign.id, tab: key })}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`ui.campaign.tabs.${key}`)}</span>, children: pane(key) }))}
        destroyOnHidden
      />
      <CampaignEditModal campaign={editing ? campaign : null} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </>
  );
}

export function CampaignScreen({ id, tab }: { id: string; tab: string | undefined }) {
  const { t } = useTranslation();
  const campaigns = useApiQuery('campaigns.list', {});
  const campaign = campaigns.data?.find((c) => c.id === id);
  return (
    <section aria-labelledby="campaign-title">
      <Space className="toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ screen: 'campaigns' })} data-testid="campaign-back">
          {t('ui.campaign.back')}
        </Button>
      </Space>
      <ErrorAlert error={campaigns.error} />
      {campaigns.isPending && <Spin />}
      {campaigns.data && !campaign && <Empty description={t('ui.campaign.notFound', { id })} />}
      {campaign && <CampaignBody campaign={campaign} tab={isTab(tab) ? tab : 'templates'} />}
    </section>
  );
}
