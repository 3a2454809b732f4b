// What one school did on one plan item, entered by hand (a phone call, a paper report): status, how many
// events and participants, and a description.
import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXECUTION_STATUSES, type ExecutionEntry, type ExecutionFields } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { change } from '../../data/cache.ts';

interface Props {
  campaignId: string;
  entry: ExecutionEntry;
  schoolName: string;
  itemNumber: number;
  onClose: () => void;
  onSaved: () => void;
}

const MAX_COUNT = 1_000_000_000;

export function ExecutionEntryModal({ campaignId, entry, schoolName, itemNumber, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExecutionFields>();
  const { error, saving, run } = useSubmit();

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await change('plans.setExecution', {
        campaignId,
        itemId: entry.itemId,
        schoolId: entry.schoolId,
        status: values.status,
        events: values.events ?? null,
        participants: values.participants ?? null,
        description: values.description ?? '',
      });
      void message.success(t('ui.execution.entry.saved'));
      onSaved();
    });
  };

  const { status, events, participants, description } = entry;
  return (
    <Modal
      open
      title={t('ui.execution.entry.title', { school: schoolName, number: itemNumber })}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      okButtonProps={{ 'data-testid': 'entry-save' } as ButtonProps}
      data-testid="execution-entry-modal"
    >
      <Form form={form} layout="vertical" name="executionEntry" initialValues={{ status, events, participants, description }}>
        <ErrorAlert error={error} testId="entry-error" />
        <Form.Item name="status" label={t('ui.execution.entry.status')}>
          <Radio.Group
            optionType="button"
            data-testid="entry-status"
            options={EXECUTION_STATUSES.map((value) => ({ value, label: t(`ui.execution.status.${value}`) }))}
          />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="events" label={t('ui.execution.entry.events')}>
            <InputNumber min={0} max={MAX_COUNT} precision={0} style={{ width: '100%' }} data-testid="entry-events" />
          </Form.Item>
          <Form.Item name="participants" label={t('ui.execution.entry.participants')}>
            <InputNumber min={0} max={MAX_COUNT} precision={0} style={{ width: '100%' }} data-testid="entry-participants" />
          </Form.Item>
        </div>
        <Form.Item name="description" label={t('ui.execution.entry.description')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={1000} showCount data-testid="entry-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
