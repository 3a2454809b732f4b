// A campaign's editable details: its four dates (start, end, the schools' due date, the district's due date
// to the region), its hashtag, printed on the forms and the plan, and the version of its form.
import { useEffect, useMemo } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignDates } from '../../../shared/domain.ts';
import { formProblems } from '../../../shared/forms/check.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSubmit } from '../components/useSubmit.ts';
import { labelLanguage, useLanguage } from '../i18n.ts';
import { change, useApiQuery } from '../data/cache.ts';

export const DATE_FIELDS = ['startsOn', 'endsOn', 'schoolDueOn', 'regionDueOn'] as const satisfies ReadonlyArray<keyof CampaignDates>;
const ISO = 'YYYY-MM-DD';
export const DISPLAY_DATE = 'DD.MM.YYYY';

type EditValues = Record<keyof CampaignDates, Dayjs> & { hashtag: string; formVersion: number };

/** The versions of the campaign's form to choose from; one with problems is shown but cannot be chosen. */
function FormVersionItem({ formId }: { formId: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const forms = useApiQuery('forms.list', {});
  // Checking every version is the costly part: only when the list or the form changes, not on every render.
  const versions = useMemo(
    () =>
      (forms.data ?? [])
        .filter((record) => record.form.id === formId)
        .map((record) => ({ form: record.form, broken: formProblems(record.form).length > 0 })),
    [forms.data, formId],
  );
  const options = versions.map(({ form, broken }) => {
    const label = t('ui.campaigns.edit.formVersionOption', { version: form.version, title: form.title[labelLanguage(language)] });
    return { value: form.version, label: broken ? `${label} (${t('ui.campaigns.edit.formVersionBroken')})` : label, disabled: broken };
  });
  return (
    <Form.Item name="formVersion" label={t('ui.campaigns.edit.formVersion')} extra={t('ui.campaigns.edit.formVersionHint')}>
      <Select loading={forms.isFetching} options={options} data-testid="campaign-form-version" />
    </Form.Item>
  );
}

interface Props {
  campaign: Campaign | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CampaignEditModal({ campaign, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { error, setError, saving, run } = useSubmit();

  useEffect(() => {
    if (!campaign) return;
    setError(undefined);
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, dayjs(campaign[f], ISO)])) as Record<keyof CampaignDates, Dayjs>;
    form.setFieldsValue({ ...dates, hashtag: campaign.hashtag, formVersion: campaign.formVersion });
  }, [campaign, form]);

  const submit = async () => {
    if (!campaign) return;
    const values = await form.validateFields();
    const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, values[f].format(ISO)])) as Record<keyof CampaignDates, string>;
    await run(async () => {
      await change('campaigns.update', { id: campaign.id, hashtag: values.hashtag ?? '', ...dates });
      if (values.formVersion !== campaign.formVersion) {
        await change('campaigns.setForm', { id: campaign.id, formVersion: values.formVersion });
        void message.success(t('ui.campaigns.edit.formChanged', { version: values.formVersion }));
      }
      void message.success(t('ui.campaigns.edit.saved'));
      onSaved();
    });
  };

  return (
    <Modal
      open={campaign !== null}
      title={t('ui.campaigns.edit.title')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'dates-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="campaignEdit">
        <ErrorAlert error={error} testId="dates-error" />
        {DATE_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`ui.campaigns.columns.${field}`)} rules={[{ required: true, message: t('ui.campaigns.edit.required') }]}>
            <DatePicker format={DISPLAY_DATE} data-testid={`date-${field}`} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="hashtag" label={t('ui.campaigns.columns.hashtag')} extra={t('ui.campaigns.edit.hashtagHint')}>
          <Input maxLength={60} data-testid="campaign-hashtag-input" />
        </Form.Item>
        {campaign && <FormVersionItem formId={campaign.formId} />}
      </Form>
    </Modal>
  );
}
