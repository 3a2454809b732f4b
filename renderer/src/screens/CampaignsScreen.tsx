// The campaigns: their list with dates and hashtags, a new Zabota or NIK campaign for a year, dates and hashtag edited.
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_KINDS, type Campaign, type CampaignKind } from '../../../shared/domain.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { campaignTitle, formatDate } from '../components/format.ts';
import { navigate, routeHref } from '../components/router.ts';
import { errorText, useLanguage } from '../i18n.ts';
import { CampaignEditModal, DATE_FIELDS } from './CampaignEditModal.tsx';
import { change, useApiQuery } from '../data/cache.ts';

/** The last month (0-based) in which a campaign of this year is still to come: Zabota runs in January–February, NIK in June. */
const LAST_MONTH_OF_THIS_YEAR: Record<CampaignKind, number> = { zabota: 0, nik: 5 };

/** The year of the campaign's coming run. */
export function defaultCampaignYear(kind: CampaignKind, today = new Date()): number {
  return today.getMonth() <= LAST_MONTH_OF_THIS_YEAR[kind] ? today.getFullYear() : today.getFullYear() + 1;
}

export function CampaignsScreen() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const campaigns = useApiQuery('campaigns.list', {});
  const [kind, setKind] = useState<CampaignKind>('zabota');
  const [year, setYear] = useState<number | null>(defaultCampaignYear('zabota'));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Campaign | null>(null);

  const create = async () => {
    if (year === null) return;
    setCreating(true);
    try {
      const campaign = await change('campaigns.create', { kind, year });
      void message.success(t('ui.campaigns.created', { title: campaignTitle(campaign, language) }));
    } catch (caught) {
      void message.error(errorText(t, caught));
    } finally {
      setCreating(false);
    }
  };

  const columns: TableColumnsType<Campaign> = [
    {
      key: 'title',
      title: t('ui.campaigns.columns.title'),
      render: (_v, c) => (
        <Space wrap>
          <Typography.Link href={routeHref({ screen: 'campaign', id: c.id, tab: undefined })} data-testid="campaign-open">
            {campaignTitle(c, language)}
          </Typography.Link>
          {c.hashtag && <Tag data-testid="campaign-hashtag">{c.hashtag}</Tag>}
        </Space>
      ),
    },
    { key: 'year', dataIndex: 'year', title: t('ui.campaigns.columns.year') },
    ...DATE_FIELDS.map((field) => ({
      key: field,
      title: t(`ui.campaigns.columns.${field}`),
      render: (_v: unknown, c: Campaign) => <span data-testid={`campaign-${field}`}>{formatDate(c[field])}</span>,
    })),
    {
      key: 'actions',
      title: t('ui.common.actions'),
      render: (_v, c) => (
        <Space>
          <Button size="small" type="primary" onClick={() => navigate({ screen: 'campaign', id: c.id, tab: undefined })}>
            {t('ui.common.open')}
          </Button>
          <Button size="small" data-testid="campaign-edit-dates" onClick={() => setEditing(c)}>
            {t('ui.campaigns.edit.button')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <section aria-labelledby="campaigns-title">
      <Typography.Title level={2} id="campaigns-title">{t('ui.campaigns.title')}</Typography.Title>
      <Form layout="inline" className="toolbar" name="newCampaign" onFinish={() => void create()}>
        <Form.Item label={t('ui.campaigns.kind')} htmlFor="campaign-kind">
          <Select<CampaignKind>
            id="campaign-kind"
            data-testid="campaign-kind"
            style={{ minWidth: 440 }}
            value={kind}
            onChange={(next) => {
              setKind(next);
              setYear(defaultCampaignYear(next));
            }}
            options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`ui.campaigns.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('ui.campaigns.year')} htmlFor="campaign-year">
          <InputNumber id="campaign-year" data-testid="campaign-year" min={2000} max={2100} value={year} onChange={setYear} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={creating} disabled={year === null} data-testid="campaign-create">
          {t('ui.campaigns.create')}
        </Button>
      </Form>
      <ErrorAlert error={campaigns.error} />
      <Table<Campaign>
        data-testid="campaigns-table"
        rowKey="id"
        size="small"
        loading={campaigns.isFetching}
        columns={columns}
        dataSource={campaigns.data ?? []}
        pagination={false}
        locale={{ emptyText: t('ui.campaigns.empty') }}
      />
      <CampaignEditModal campaign={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </section>
  );
}
