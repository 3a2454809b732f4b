// The columns an import outcome is shown with, in the results of an import and in the history.
import { Typography } from 'antd';
import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../shared/domain.ts';
import type { ImportRecord } from '../../../shared/imports.ts';
import { formatDateTime } from './format.ts';
import { IssueList } from './IssueList.tsx';
import { StatusTag } from './StatusTag.tsx';

/** Every column an outcome can be shown with, to be picked and ordered by each table. */
interface OutcomeColumnSet<T extends ImportOutcome> {
  file: TableColumnType<T>;
  school: TableColumnType<T>;
  status: TableColumnType<T>;
  /** Errors and warnings together. */
  issues: TableColumnType<T>;
  errors: TableColumnType<T>;
  warnings: TableColumnType<T>;
}

/** A hand entry by when it was typed in, not by the name its record is stored under. */
function fileText(file: string, outcome: ImportOutcome | ImportRecord, t: TFunction): string {
  if ('source' in outcome && outcome.source === 'manual') return t('ui.import.manualEntry', { date: formatDateTime(outcome.importedAt) });
  return file;
}

export function useOutcomeColumnSet<T extends ImportOutcome>(): OutcomeColumnSet<T> {
  const { t } = useTranslation();
  return {
    file: { key: 'file', dataIndex: 'file', title: t('ui.import.columns.file'), render: (file: string, o) => <span className="import-file-name" data-testid="import-file">{fileText(file, o, t)}</span> },
    school: {
      key: 'school',
      title: t('ui.import.columns.school'),
      render: (_v, o) => (
        <span data-testid="import-school">
          {o.schoolName ?? ''}
          {o.schoolBin ? <Typography.Text type="secondary"> {o.schoolBin}</Typography.Text> : null}
        </span>
      ),
    },
    status: {
      key: 'status',
      title: t('ui.import.columns.status'),
      render: (_v, o) => (
        <>
          <StatusTag outcome={o} />
          {o.superseded && <Typography.Text type="secondary">{t('ui.import.superseded')}</Typography.Text>}
        </>
      ),
    },
    issues: {
      key: 'issues',
      title: t('ui.import.columns.issues'),
      render: (_v, o) => <IssueList issues={[...o.errors, ...o.warnings]} testId="import-issues" />,
    },
    errors: {
      key: 'errors',
      title: t('ui.import.batch.errors'),
      render: (_v, o) => <IssueList issues={o.errors} testId="import-errors" />,
    },
    warnings: {
      key: 'warnings',
      title: t('ui.import.batch.warnings'),
      render: (_v, o) => <IssueList issues={o.warnings} testId="import-warnings" />,
    },
  };
}

