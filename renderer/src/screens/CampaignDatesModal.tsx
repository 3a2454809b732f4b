// The four dates of a campaign: start, end, the schools' due date and the district's due date to the region.
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignDates } from '../../../shared/domain.ts';
import { call } from '../../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';

export const DATE_FIELDS = ['startsOn', 'endsOn', 'schoolDueOn', 'regionDueOn'] as const satisfies ReadonlyArray<keyof CampaignDates>;
const ISO = 'YYYY-MM-DD';
export const DISPLAY_DATE = 'DD.MM.YYYY';

type DateValues = Record<keyof CampaignDates, Dayjs>;

interface Props {
  campaign: Campaign | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CampaignDatesModal({ campaign, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DateValues>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!campaign) return;
    setError(undefined);
    form.setFieldsValue(Object.fromEntries(DATE_FIELDS.map((f) => [f, dayjs(campaign[f], ISO)])) as DateValues);
  }, [campaign, form]);

  const submit = async () => {
    if (!campaign) return;
    const values = await form.validateFields();
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, values[f].format(ISO)])) as Record<string, string> as unknown as CampaignDates;
    setSaving(true);
    try {
      await call('campaigns.update', { id: campaign.id, hashtag: campaign.hashtag, ...dates });
      void message.success(t('ui.campaigns.dates.saved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={campaign !== null}
      title={t('ui.campaigns.dates.title')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'dates-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="dates">
        <ErrorAlert error={error} testId="dates-error" />
        {DATE_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`ui.campaigns.columns.${field}`)} rules={[{ required: true, message: t('ui.campaigns.dates.required') }]}>
            <DatePicker format={DISPLAY_DATE} data-testid={`date-${field}`} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
