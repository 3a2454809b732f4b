// The columns an import outcome is shown with, in the results of an import and in the history.
import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain.ts';
import { IssueList } from './IssueList.tsx';
import { StatusTag } from './StatusTag.tsx';

export function useOutcomeColumns<T extends ImportOutcome>(): TableColumnsType<T> {
  const { t } = useTranslation();
  return [
    { key: 'file', dataIndex: 'file', title: t('ui.import.columns.file'), render: (file: string) => <span data-testid="import-file">{file}</span> },
    {
      key: 'school',
      title: t('ui.import.columns.school'),
      render: (_v, o) => (
        <span data-testid="import-school">
          {o.schoolName ?? ''}
          {o.schoolBin ? <Typography.Text type="secondary"> {o.schoolBin}</Typography.Text> : null}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('ui.import.columns.status'),
      render: (_v, o) => (
        <>
          <StatusTag outcome={o} />
          {o.superseded && <Typography.Text type="secondary">{t('ui.import.superseded')}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'issues',
      title: t('ui.import.columns.issues'),
      render: (_v, o) => <IssueList issues={[...o.errors, ...o.warnings]} testId="import-issues" />,
    },
  ];
}

