// A plan item's deadline in the user's language; a deadline the program could not read keeps its text
// and gets a warning tag, since nothing can be overdue without a date.
import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDeadline } from '../../../../shared/plans/deadlines.ts';
import type { Deadline } from '../../../../shared/plans/types.ts';

interface Props {
  deadline: Deadline;
  /** The text as written, in the UI language when there is one: shown for an unread deadline, a hint for a read one. */
  writtenText: string;
  campaignYear: number;
  testId?: string;
}

export function DeadlineText({ deadline, writtenText, campaignYear, testId = 'plan-deadline' }: Props) {
  const { t } = useTranslation();
  // The text as written stays at hand: the two languages of a plan may disagree (NIK 2025, item 19).
  if (deadline.kind !== 'unparsed') return <span data-testid={testId} title={writtenText}>{formatDeadline(t, deadline, campaignYear)}</span>;
  return (
    <span data-testid={testId}>
      {writtenText}{' '}
      <Tooltip title={t('ui.plan.deadlineUnparsedHint')}>
        <Tag color="warning" icon={<WarningOutlined />} tabIndex={0} data-testid="deadline-unparsed">
          {t('ui.plan.deadlineUnparsed')}
        </Tag>
      </Tooltip>
    </span>
  );
}
