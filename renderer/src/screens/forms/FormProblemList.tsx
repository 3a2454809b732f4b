// A form's problems as a list: where (a row code, a rule's number, a table) and what is wrong, in the UI language.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormProblem } from '../../../../shared/forms/check.ts';
import { formatMessage } from '../../../../shared/i18n.ts';

export function FormProblemList({ problems, testId }: { problems: FormProblem[]; testId?: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="issue-list" data-testid={testId}>
      {problems.map((problem, index) => (
        <li key={index} data-testid="form-problem">
          <Typography.Text type="danger">
            <Typography.Text strong type="danger">{problem.where || t('ui.forms.editor.wholeForm')}</Typography.Text>
            {' · '}
            {formatMessage(t, problem.message)}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
