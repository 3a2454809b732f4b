// The district's settings: the district's and the region's names in Russian and Kazakh (on templates and the
// summary), the region's code (in the NIK hashtag), and the department and its head (in signature blocks);
// below them, the database's backups.
import { useEffect } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PlainTextKey } from '../../../shared/text-keys.ts';
import { checkBin } from '../../../shared/bin.ts';
import type { DistrictSettings } from '../../../shared/domain.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSubmit } from '../components/useSubmit.ts';
import { BackupsSection } from './settings/BackupsSection.tsx';
import { change, useApiQuery } from '../data/cache.ts';

type TextSetting = Exclude<keyof DistrictSettings, 'regionCode'>;

interface TextSettingProps {
  field: TextSetting;
  /** As long as the API allows. */
  max: number;
  /** The language the value is written in, when it is one. */
  lang?: 'ru' | 'kk';
  hintKey?: PlainTextKey;
}

function TextSettingItem({ field, max, lang, hintKey }: TextSettingProps) {
  const { t } = useTranslation();
  return (
    <Form.Item name={field} label={t(`ui.settings.${field}`)} extra={hintKey ? t(hintKey) : undefined}>
      <Input maxLength={max} data-testid={`settings-${field}`} lang={lang} />
    </Form.Item>
  );
}

/** The BIN check's reason at the field itself, as the server would refuse it; a blank BIN is allowed. */
function binAtField(value: string | undefined, t: TFunction): Promise<void> {
  const bin = value?.trim() ?? '';
  const problem = bin === '' ? null : checkBin(bin);
  return problem ? Promise.reject(new Error(t(`messages.bin.${problem}`))) : Promise.resolve();
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useApiQuery('settings.get', {});
  const [form] = Form.useForm<DistrictSettings>();
  const { error, saving, run } = useSubmit();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (values: DistrictSettings) => {
    await run(async () => {
      await change('settings.update', values);
      void message.success(t('ui.settings.saved'));
    });
  };

  return (
    <section aria-labelledby="settings-title" style={{ maxWidth: 760 }} className="stack">
      <Typography.Title level={2} id="settings-title">{t('ui.settings.title')}</Typography.Title>
      <ErrorAlert error={settings.error ?? error} testId="settings-error" />
      <Form
        form={form}
        layout="vertical"
        name="settings"
        className="settings-form"
        scrollToFirstError={{ block: 'center' }}
        onFinish={(values) => void save(values)}
        disabled={!settings.data}
      >
        <TextSettingItem field="districtRu" max={200} lang="ru" hintKey="ui.settings.districtHint" />
        <TextSettingItem field="districtKk" max={200} lang="kk" />
        <TextSettingItem field="regionRu" max={200} lang="ru" />
        <TextSettingItem field="regionKk" max={200} lang="kk" />
        <Form.Item
          name="regionCode"
          label={t('ui.settings.regionCode')}
          extra={t('ui.settings.regionCodeHint')}
          rules={[{ pattern: /^\s*(\d{2})?\s*$/, message: t('ui.settings.regionCodeInvalid') }]}
        >
          <Input maxLength={2} inputMode="numeric" style={{ width: 80 }} data-testid="settings-regionCode" />
        </Form.Item>
        <TextSettingItem field="departmentRu" max={300} lang="ru" hintKey="ui.settings.departmentHint" />
        <TextSettingItem field="departmentKk" max={300} lang="kk" />
        <TextSettingItem field="headName" max={200} hintKey="ui.settings.headNameHint" />
        <Form.Item
          name="departmentBin"
          label={t('ui.settings.departmentBin')}
          extra={t('ui.settings.departmentBinHint')}
          rules={[{ validator: (_, value?: string) => binAtField(value, t) }]}
        >
          <Input maxLength={12} inputMode="numeric" style={{ width: 160 }} data-testid="settings-departmentBin" />
        </Form.Item>
        {/* Stays in sight at the screen's bottom edge: the form is taller than an office screen. */}
        <div className="settings-save-bar">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
            {t('ui.common.save')}
          </Button>
        </div>
      </Form>
      <BackupsSection />
    </section>
  );
}
