// A plan item's executors as small tags in the user's language; schools stand out, since they get the item.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { organisationName } from '../../../../shared/plans/executors.ts';
import type { Executor } from '../../../../shared/plans/types.ts';

function tagColor(executor: Executor): string | undefined {
  if (executor.org === 'schools') return 'green';
  return executor.org === 'other' ? undefined : 'blue';
}

export function ExecutorTags({ executors, testId = 'plan-executors' }: { executors: Executor[]; testId?: string }) {
  const { t } = useTranslation();
  if (executors.length === 0) return <Typography.Text type="secondary" data-testid={testId}>{t('ui.plan.noExecutors')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {executors.map((executor, index) => {
        const name = executor.org === 'other' ? executor.name : organisationName(t, executor.org);
        return (
          <Tag key={index} color={tagColor(executor)} data-testid="executor" data-org={executor.org}>
            {executor.agreed ? t('plans.executor.agreed', { name }) : name}
          </Tag>
        );
      })}
    </Space>
  );
}
