import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n.ts';

/** An error from the API (or the way to it), in the UI language. */
export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  return <Alert type="error" showIcon role="alert" data-testid={testId} title={errorText(t, error)} />;
}
