// The plan's header: its title in both languages, the date the head approved it, and the lines under the
// title (motto, purpose, tasks…), each a label and a text in both languages.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../../shared/forms/types.ts';
import type { Plan } from '../../../../shared/plans/model.ts';
import type { PlanPreambleLine } from '../../../../shared/plans/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DISPLAY_DATE } from '../CampaignEditModal.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { change } from '../../data/cache.ts';

interface HeaderValues {
  title: Bilingual;
  approvedOn: Dayjs | null;
  preamble: PlanPreambleLine[];
}

interface Props {
  plan: Plan;
  onClose: () => void;
  onSaved: () => void;
}

const ISO = 'YYYY-MM-DD';

function bothOrEmpty(text: Partial<Bilingual> | undefined): Bilingual {
  return { ru: text?.ru ?? '', kk: text?.kk ?? '' };
}

export function PlanHeaderModal({ plan, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HeaderValues>();
  const { error, saving, run } = useSubmit();

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await change('plans.updateHeader', {
        campaignId: plan.campaignId,
        title: bothOrEmpty(values.title),
        approvedOn: values.approvedOn ? values.approvedOn.format(ISO) : null,
        preamble: (values.preamble ?? []).map((line) => ({ label: bothOrEmpty(line?.label), text: bothOrEmpty(line?.text) })),
      });
      void message.success(t('ui.plan.header.saved'));
      onSaved();
    });
  };

  const initialValues: HeaderValues = {
    title: plan.title,
    approvedOn: plan.approvedOn ? dayjs(plan.approvedOn, ISO) : null,
    preamble: plan.preamble,
  };

  const textArea = (lang: 'ru' | 'kk', max: number, testId: string) => (
    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={max} lang={lang} data-testid={testId} />
  );

  return (
    <Modal
      open
      title={t('ui.plan.header.title')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      width={960}
      okButtonProps={{ 'data-testid': 'header-save' } as ButtonProps}
      data-testid="plan-header-modal"
    >
      <Form form={form} layout="vertical" name="planHeader" initialValues={initialValues}>
        <ErrorAlert error={error} testId="header-error" />
        <div className="form-grid">
          <Form.Item name={['title', 'ru']} label={t('ui.plan.header.planTitleRu')}>
            {textArea('ru', 1000, 'header-title-ru')}
          </Form.Item>
          <Form.Item name={['title', 'kk']} label={t('ui.plan.header.planTitleKk')}>
            {textArea('kk', 1000, 'header-title-kk')}
          </Form.Item>
          <Form.Item name="approvedOn" label={t('ui.plan.header.approvedOn')} extra={t('ui.plan.header.approvedOnHint')}>
            <DatePicker format={DISPLAY_DATE} data-testid="header-approved-on" style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t('ui.plan.header.preamble')}</Typography.Title>
        <Form.List name="preamble">
          {(lines, { add, remove }) => (
            <div className="stack">
              {lines.map((line) => (
                <Card
                  key={line.key}
                  size="small"
                  data-testid="header-line"
                  extra={
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(line.name)}>
                      {t('ui.plan.header.removeLine')}
                    </Button>
                  }
                >
                  <div className="form-grid">
                    <Form.Item name={[line.name, 'label', 'ru']} label={t('ui.plan.header.labelRu')}>
                      <Input maxLength={200} lang="ru" />
                    </Form.Item>
                    <Form.Item name={[line.name, 'label', 'kk']} label={t('ui.plan.header.labelKk')}>
                      <Input maxLength={200} lang="kk" />
                    </Form.Item>
                    <Form.Item name={[line.name, 'text', 'ru']} label={t('ui.plan.header.textRu')}>
                      {textArea('ru', 4000, 'header-line-text-ru')}
                    </Form.Item>
                    <Form.Item name={[line.name, 'text', 'kk']} label={t('ui.plan.header.textKk')}>
                      {textArea('kk', 4000, 'header-line-text-kk')}
                    </Form.Item>
                  </div>
                </Card>
              ))}
              {lines.length < 20 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ label: { ru: '', kk: '' }, text: { ru: '', kk: '' } })} data-testid="header-add-line">
                  {t('ui.plan.header.addLine')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
