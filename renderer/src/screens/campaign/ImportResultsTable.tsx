// The outcome of each file of a batch: sortable by school, file and outcome, narrowed by outcome and by a search
// on the school or file name, and saved as a workbook ('exports.importResults').
import { useMemo, useState } from 'react';
import { FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Radio, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../../shared/domain.ts';
import { currentLanguage } from '../../i18n.ts';
import { IssueList } from '../../components/IssueList.tsx';
import { useOutcomeColumnSet } from '../../components/outcomeColumns.tsx';
import { SHOWN_OUTCOMES, shownOutcome, type ShownOutcome } from '../../components/StatusTag.tsx';
import { useSaveAction } from '../../components/useSaveAction.ts';
import { SchoolChoiceButtons } from './SchoolChoiceButtons.tsx';
import type { BatchRow } from './useBatchImport.ts';
import { change } from '../../data/cache.ts';

type StatusFilter = ShownOutcome | 'all';

interface Props {
  campaignId: string;
  rows: BatchRow[];
  checkedOnly: boolean;
  /** Disables saving while the batch still runs. */
  running: boolean;
  onAddSchool: (row: BatchRow) => void;
  /** Accepts a file that names two schools as the report of the one chosen. */
  onChooseSchool: (row: BatchRow, bin: string) => void;
  /** The row and BIN being accepted as, while the call runs. */
  choosing: { key: number; bin: string } | null;
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
const bySchool = (a: BatchRow, b: BatchRow) => byText(a.schoolName ?? '', b.schoolName ?? '');
const byFile = (a: BatchRow, b: BatchRow) => byText(a.file, b.file);
const byOutcome = (a: BatchRow, b: BatchRow) => SHOWN_OUTCOMES.indexOf(shownOutcome(a)) - SHOWN_OUTCOMES.indexOf(shownOutcome(b));

function matches(row: BatchRow, status: StatusFilter, search: string): boolean {
  if (status !== 'all' && shownOutcome(row) !== status) return false;
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [row.file, row.schoolName ?? '', row.schoolBin ?? ''].some((text) => text.toLocaleLowerCase().includes(needle));
}

/** The outcome as sent back to be written: the row's key is the screen's own. */
function outcomeOf({ key: _key, ...outcome }: BatchRow): ImportOutcome {
  return outcome;
}

function useColumns({ onAddSchool, onChooseSchool, choosing }: Pick<Props, 'onAddSchool' | 'onChooseSchool' | 'choosing'>): TableColumnsType<BatchRow> {
  const { t } = useTranslation();
  const set = useOutcomeColumnSet<BatchRow>();
  // What to do about a refused file stands under its errors, where the eye already is.
  const errorsAndRemedy: TableColumnsType<BatchRow>[number] = {
    ...set.errors,
    render: (_v, row) => (
      <>
        <IssueList issues={row.errors} testId="import-errors" />
        {(row.newSchool || (row.importId !== null && !row.checkedOnly)) && (
          <div className="import-remedy">
            {row.newSchool && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onAddSchool(row)} data-testid="import-add-school">
                {t('ui.import.addSchool')}
              </Button>
            )}
            {row.importId !== null && !row.checkedOnly && (
              <SchoolChoiceButtons errors={row.errors} busyBin={choosing?.key === row.key ? choosing.bin : null} onChoose={(bin) => onChooseSchool(row, bin)} />
            )}
          </div>
        )}
      </>
    ),
  };
  return [
    { ...set.school, sorter: bySchool, width: 190 },
    { ...set.file, sorter: byFile, width: 190 },
    { ...set.status, sorter: byOutcome, width: 170 },
    errorsAndRemedy,
    set.warnings,
  ];
}

function StatusFilterButtons({ rows, value, onChange }: { rows: BatchRow[]; value: StatusFilter; onChange: (value: StatusFilter) => void }) {
  const { t } = useTranslation();
  const count = (status: StatusFilter) => rows.filter((row) => status === 'all' || shownOutcome(row) === status).length;
  const label = (status: StatusFilter) => (status === 'all' ? t('ui.import.batch.all') : t(`ui.import.status.${status}`));
  const options = (['all', ...SHOWN_OUTCOMES] as const).map((status) => ({
    value: status,
    label: t('ui.import.batch.filterOption', { label: label(status), count: count(status) }),
    disabled: status !== value && count(status) === 0,
  }));
  return (
    <Radio.Group
      optionType="button"
      size="small"
      value={value}
      options={options}
      onChange={(event) => onChange(event.target.value as StatusFilter)}
      data-testid="import-filter-status"
    />
  );
}

export function ImportResultsTable({ campaignId, rows, checkedOnly, running, onAddSchool, onChooseSchool, choosing }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const shown = useMemo(() => rows.filter((row) => matches(row, status, search)), [rows, status, search]);
  const columns = useColumns({ onAddSchool, onChooseSchool, choosing });
  const { busy: saving, save } = useSaveAction(() =>
    change('exports.importResults', { campaignId, lang: currentLanguage(), checkedOnly, outcomes: rows.map(outcomeOf) }),
  );

  return (
    <>
      <div className="toolbar">
        <StatusFilterButtons rows={rows} value={status} onChange={setStatus} />
        <Input
          className="import-search"
          prefix={<SearchOutlined aria-hidden />}
          allowClear
          placeholder={t('ui.import.batch.search')}
          aria-label={t('ui.import.batch.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="import-search"
        />
        <span className="toolbar-grow" />
        <Button icon={<FileExcelOutlined />} loading={saving} disabled={running || rows.length === 0} onClick={save} data-testid="import-results-save">
          {t('ui.import.batch.save')}
        </Button>
      </div>
      <Table<BatchRow>
        data-testid="import-results"
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('ui.import.batch.nothingFound') }}
      />
    </>
  );
}
