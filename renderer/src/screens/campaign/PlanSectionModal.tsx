// Add a section to the plan or rename one: its title in both languages.
import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../shared/forms/types.ts';
import type { PlanSection } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { change } from '../../data/cache.ts';

interface Props {
  campaignId: string;
  /** The section to rename; null for a new one. */
  section: PlanSection | null;
  onClose: () => void;
  onSaved: () => void;
}

export function PlanSectionModal({ campaignId, section, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: Bilingual }>();
  const { error, saving, run } = useSubmit();

  const submit = async () => {
    const { title } = await form.validateFields();
    await run(async () => {
      await change('plans.saveSection', { campaignId, id: section?.id, title: { ru: title.ru ?? '', kk: title.kk ?? '' } });
      void message.success(t('ui.plan.section.saved'));
      onSaved();
    });
  };

  return (
    <Modal
      open
      title={section ? t('ui.plan.section.titleEdit', { number: section.number }) : t('ui.plan.section.titleAdd')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      width={760}
      okButtonProps={{ 'data-testid': 'section-save' } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        name="planSection"
        className="form-grid"
        initialValues={{ title: section?.title ?? { ru: '', kk: '' } }}
        onFinish={() => void submit().catch(() => undefined)}
      >
        <ErrorAlert error={error} testId="section-error" />
        <Form.Item
          name={['title', 'ru']}
          label={t('ui.plan.section.titleRu')}
          dependencies={[['title', 'kk']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                const kk = getFieldValue(['title', 'kk']) as string | undefined;
                if (!value?.trim() && !kk?.trim()) throw new Error(t('ui.plan.section.required'));
              },
            }),
          ]}
        >
          <Input maxLength={300} lang="ru" autoFocus data-testid="section-title-ru" />
        </Form.Item>
        <Form.Item name={['title', 'kk']} label={t('ui.plan.section.titleKk')}>
          <Input maxLength={300} lang="kk" data-testid="section-title-kk" />
        </Form.Item>
        {/* Enter in either field saves. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
