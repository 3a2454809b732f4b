// The department's own part of an item no school is among the executors of: its status and a note.
import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXECUTION_STATUSES, type ExecutionStatus, type PlanItem } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { change } from '../../data/cache.ts';

interface OwnValues {
  status: ExecutionStatus;
  note: string;
}

export function OwnExecutionForm({ campaignId, item }: { campaignId: string; item: PlanItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { error, saving, run } = useSubmit();

  const save = async (values: OwnValues) => {
    await run(async () => {
      await change('plans.setOwnExecution', { campaignId, id: item.id, status: values.status, note: values.note ?? '' });
      void message.success(t('ui.execution.own.saved'));
    });
  };

  return (
    <Form<OwnValues>
      layout="vertical"
      name={`ownExecution-${item.id}`}
      initialValues={{ status: item.ownStatus, note: item.ownNote }}
      onFinish={(values) => void save(values)}
      style={{ maxWidth: 720 }}
      data-testid="own-execution"
    >
      <Typography.Text strong>{t('ui.execution.own.title')}</Typography.Text>
      <ErrorAlert error={error} testId="own-error" />
      <Form.Item name="status" label={t('ui.execution.own.status')}>
        <Radio.Group
          optionType="button"
          data-testid="own-status"
          options={EXECUTION_STATUSES.map((value) => ({ value, label: t(`ui.execution.status.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('ui.execution.own.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} showCount data-testid="own-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="own-save">
        {t('ui.common.save')}
      </Button>
    </Form>
  );
}
