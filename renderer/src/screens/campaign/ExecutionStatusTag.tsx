// Done / not done / not started, as a coloured tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExecutionStatus } from '../../../../shared/plans/model.ts';

const COLOR: Record<ExecutionStatus, string> = { done: 'green', not_done: 'red', not_started: 'default' };

export function ExecutionStatusTag({ status, testId = 'execution-status' }: { status: ExecutionStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid={testId} data-status={status}>
      {t(`ui.execution.status.${status}`)}
    </Tag>
  );
}
