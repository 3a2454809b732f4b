// The district's name in Russian and Kazakh, as it appears on templates and the summary.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DistrictSettings } from '../../../shared/domain.ts';
import { call } from '../../api.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useQuery } from '../components/useQuery.ts';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useQuery('settings.get', {});
  const [form] = Form.useForm<DistrictSettings>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (values: DistrictSettings) => {
    setSaving(true);
    setError(undefined);
    try {
      await call('settings.update', values);
      void message.success(t('ui.settings.saved'));
      await settings.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="settings-title" style={{ maxWidth: 640 }}>
      <Typography.Title level={2} id="settings-title">{t('ui.settings.title')}</Typography.Title>
      <ErrorAlert error={settings.error ?? error} testId="settings-error" />
      <Form form={form} layout="vertical" name="settings" onFinish={(values) => void save(values)} disabled={!settings.data}>
        <Form.Item name="districtRu" label={t('ui.settings.districtRu')} extra={t('ui.settings.districtHint')}>
          <Input maxLength={200} data-testid="settings-districtRu" lang="ru" />
        </Form.Item>
        <Form.Item name="districtKk" label={t('ui.settings.districtKk')}>
          <Input maxLength={200} data-testid="settings-districtKk" lang="kk" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
          {t('ui.common.save')}
        </Button>
      </Form>
    </section>
  );
}
