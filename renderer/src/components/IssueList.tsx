import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMessage } from '../../../shared/i18n.ts';
import type { FileIssue } from '../../../shared/messages.ts';

/** Where an issue is: "Sheet!B7 · Z03", as precisely as the file allowed. */
export function issuePlace(issue: FileIssue): string {
  const cell = issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : (issue.cell ?? issue.sheet ?? '');
  return [cell, issue.code ?? ''].filter(Boolean).join(' · ');
}

/** Errors and warnings of one file: "sheet!cell · code · message". */
export function IssueList({ issues, testId }: { issues: FileIssue[]; testId?: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul className="issue-list" data-testid={testId}>
      {issues.map((issue, index) => {
        const place = issuePlace(issue);
        return (
          <li key={index} data-testid={`issue-${issue.severity}`}>
            <Typography.Text type={issue.severity === 'error' ? 'danger' : 'warning'}>
              {place ? `${place} · ` : ''}
              {formatMessage(t, issue.message)}
            </Typography.Text>
          </li>
        );
      })}
    </ul>
  );
}
