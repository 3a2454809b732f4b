// A grid table of the form (rows × columns): its id and title, its rows (code, labels, required — in every column or
// only in some), its columns (number, caption, type, unit, order) and, in a small preview of the grid, its closed cells:
// a click closes a cell (shaded «X», as the template prints it) or opens it again. The form's problems that concern
// the grid are listed under it.
import { memo, useCallback } from 'react';
import { ArrowDownOutlined, ArrowLeftOutlined, ArrowRightOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_CODE, ROW_CODE, type FormProblem } from '../../../../shared/forms/check.ts';
import { cellCode, INDICATOR_TYPES, isRequiredCell, type Bilingual, type GridColumn, type GridRow, type GridTable, type Lang } from '../../../../shared/forms/types.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { FormProblemList } from './FormProblemList.tsx';
import {
  editAt, moveAt, newGridColumn, newGridRow, removeAt, removeGridColumn, removeGridRow, renameGridColumn, renameGridRow, toggleClosed, withList,
  withOptional, type EditorPartProps,
} from './formEdits.ts';

type GridEdit = (update: (grid: GridTable) => GridTable) => void;

interface PartProps {
  grid: GridTable;
  edit: GridEdit;
  testId: string;
}

function repeatedOf(codes: string[]): Set<string> {
  return new Set(codes.filter((code, i) => codes.indexOf(code) !== i));
}

function BilingualInput({ value, lang, max, onChange, testId }: { value: Bilingual; lang: Lang; max: number; onChange: (text: string) => void; testId: string }) {
  return (
    <Input.TextArea
      value={value[lang]}
      lang={lang}
      autoSize={{ minRows: 1, maxRows: 3 }}
      maxLength={max}
      status={value[lang].trim() ? undefined : 'error'}
      onChange={(event) => onChange(event.target.value)}
      data-testid={testId}
    />
  );
}

function PartTitle({ title, hint }: { title: string; hint: string }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Paragraph type="secondary" className="grid-edit-hint">{hint}</Typography.Paragraph>
    </div>
  );
}

interface LineProps {
  edit: GridEdit;
  testId: string;
  index: number;
  last: boolean;
  /** The code is not a code, or another one has it too. */
  badCode: boolean;
}

/** One row of the grid; memoized, so that typing in one row re-renders that row only. */
const RowLine = memo(function RowLine({ edit, testId, row, index, last, badCode, columns }: LineProps & { row: GridRow; columns: GridColumn[] }) {
  const { t } = useTranslation();
  const editRow = (update: (row: GridRow) => GridRow) => edit((g) => ({ ...g, rows: editAt(g.rows, index, update) }));
  const move = (direction: -1 | 1) => edit((g) => ({ ...g, rows: moveAt(g.rows, index, direction) }));
  const id = `${testId}-row`;
  return (
    <tr data-testid={`${id}-${index}`} data-code={row.code}>
      <td>
        <Input
          value={row.code}
          maxLength={12}
          aria-label={t('ui.forms.grids.row.code')}
          status={badCode ? 'error' : undefined}
          onChange={(event) => edit((g) => renameGridRow(g, index, event.target.value.trim().toUpperCase()))}
          data-testid={`${id}-code-${index}`}
        />
      </td>
      {(['ru', 'kk'] as const).map((lang) => (
        <td key={lang}>
          <BilingualInput value={row.label} lang={lang} max={500} onChange={(text) => editRow((r) => ({ ...r, label: { ...r.label, [lang]: text } }))} testId={`${id}-label-${lang}-${index}`} />
        </td>
      ))}
      <td className="form-table-center">
        <Checkbox
          checked={row.required}
          aria-label={t('ui.forms.grids.row.required')}
          onChange={(event) => editRow((r) => (event.target.checked ? { ...r, required: true } : withOptional({ ...r, required: false }, 'requiredColumns', undefined)))}
          data-testid={`${id}-required-${index}`}
        />
      </td>
      <td>
        <Select<string[]>
          mode="multiple"
          value={row.requiredColumns ?? []}
          disabled={!row.required}
          style={{ width: '100%' }}
          placeholder={t('ui.forms.grids.row.allColumns')}
          aria-label={t('ui.forms.grids.row.requiredColumns')}
          options={columns.map((column) => ({ value: column.code, label: column.code }))}
          onChange={(codes) => editRow((r) => withOptional(r, 'requiredColumns', codes.length > 0 ? codes : undefined))}
          data-testid={`${id}-required-columns-${index}`}
        />
      </td>
      <td>
        <Space size={0}>
          <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('ui.forms.indicators.moveUp')} onClick={() => move(-1)} data-testid={`${id}-up-${index}`} />
          <Button type="text" icon={<ArrowDownOutlined />} disabled={last} aria-label={t('ui.forms.indicators.moveDown')} onClick={() => move(1)} data-testid={`${id}-down-${index}`} />
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.forms.grids.row.remove')} onClick={() => edit((g) => removeGridRow(g, index))} data-testid={`${id}-remove-${index}`} />
        </Space>
      </td>
    </tr>
  );
});

function RowsPart({ grid, edit, testId, formRowCodes }: PartProps & { formRowCodes: string[] }) {
  const { t } = useTranslation();
  const repeated = repeatedOf(formRowCodes);
  const headers = ['code', 'labelRu', 'labelKk', 'required', 'requiredColumns', 'actions'] as const;
  return (
    <div className="stack">
      <Typography.Text strong>{t('ui.forms.grids.rows')}</Typography.Text>
      <div className="form-table-scroll">
        <table className="form-table grid-edit-table">
          <thead>
            <tr>
              {headers.map((key) => (
                <th key={key} scope="col" className={`grid-edit-${key}`}>{key === 'actions' ? '' : t(`ui.forms.grids.row.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, index) => (
              <RowLine
                key={index}
                edit={edit}
                testId={testId}
                row={row}
                columns={grid.columns}
                index={index}
                last={index === grid.rows.length - 1}
                badCode={!ROW_CODE.test(row.code) || repeated.has(row.code)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The unit with one language changed; none at all when both are empty. */
function unitWith(unit: Bilingual | undefined, lang: Lang, text: string): Bilingual | undefined {
  const next = { ru: unit?.ru ?? '', kk: unit?.kk ?? '', [lang]: text };
  return next.ru || next.kk ? next : undefined;
}

/** One column; memoized as the rows are. */
const ColumnLine = memo(function ColumnLine({ edit, testId, column, index, last, badCode }: LineProps & { column: GridColumn }) {
  const { t } = useTranslation();
  const editColumn = (update: (column: GridColumn) => GridColumn) => edit((g) => ({ ...g, columns: editAt(g.columns, index, update) }));
  const move = (direction: -1 | 1) => edit((g) => ({ ...g, columns: moveAt(g.columns, index, direction) }));
  const id = `${testId}-column`;
  const unitInput = (lang: Lang) => (
    <Input
      value={column.unit?.[lang] ?? ''}
      lang={lang}
      maxLength={40}
      placeholder={t(`ui.forms.indicators.unitPlaceholder.${lang}`)}
      onChange={(event) => editColumn((c) => withOptional(c, 'unit', unitWith(c.unit, lang, event.target.value)))}
      data-testid={`${id}-unit-${lang}-${index}`}
    />
  );
  return (
    <tr data-testid={`${id}-${index}`} data-code={column.code}>
      <td>
        <Input
          value={column.code}
          maxLength={4}
          aria-label={t('ui.forms.grids.column.code')}
          status={badCode ? 'error' : undefined}
          onChange={(event) => edit((g) => renameGridColumn(g, index, event.target.value.trim().toUpperCase()))}
          data-testid={`${id}-code-${index}`}
        />
      </td>
      {(['ru', 'kk'] as const).map((lang) => (
        <td key={lang}>
          <BilingualInput value={column.label} lang={lang} max={200} onChange={(text) => editColumn((c) => ({ ...c, label: { ...c.label, [lang]: text } }))} testId={`${id}-label-${lang}-${index}`} />
        </td>
      ))}
      <td>
        <Select
          value={column.type}
          style={{ width: '100%' }}
          aria-label={t('ui.forms.grids.column.type')}
          options={INDICATOR_TYPES.map((type) => ({ value: type, label: t(`ui.forms.types.${type}`) }))}
          onChange={(type) => editColumn((c) => ({ ...c, type }))}
          data-testid={`${id}-type-${index}`}
        />
      </td>
      <td>
        <Space vertical size={4}>
          {unitInput('ru')}
          {unitInput('kk')}
        </Space>
      </td>
      <td>
        <Space size={0}>
          <Button type="text" icon={<ArrowLeftOutlined />} disabled={index === 0} aria-label={t('ui.forms.grids.column.left')} onClick={() => move(-1)} data-testid={`${id}-left-${index}`} />
          <Button
            type="text"
            icon={<ArrowRightOutlined />}
            disabled={last}
            aria-label={t('ui.forms.grids.column.right')}
            onClick={() => move(1)}
            data-testid={`${id}-right-${index}`}
          />
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.forms.grids.column.remove')} onClick={() => edit((g) => removeGridColumn(g, index))} data-testid={`${id}-remove-${index}`} />
        </Space>
      </td>
    </tr>
  );
});

function ColumnsPart({ grid, edit, testId }: PartProps) {
  const { t } = useTranslation();
  const repeated = repeatedOf(grid.columns.map((column) => column.code));
  const headers = ['code', 'labelRu', 'labelKk', 'type', 'unit', 'actions'] as const;
  return (
    <div className="stack">
      <PartTitle title={t('ui.forms.grids.columns')} hint={t('ui.forms.grids.columnsHint')} />
      <div className="form-table-scroll">
        <table className="form-table grid-edit-table">
          <thead>
            <tr>
              {headers.map((key) => (
                <th key={key} scope="col" className={`grid-edit-column-${key}`}>{key === 'actions' ? '' : t(`ui.forms.grids.column.${key}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.columns.map((column, index) => (
              <ColumnLine
                key={index}
                edit={edit}
                testId={testId}
                column={column}
                index={index}
                last={index === grid.columns.length - 1}
                badCode={!COLUMN_CODE.test(column.code) || repeated.has(column.code)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface PreviewRowProps {
  row: GridRow;
  columns: GridColumn[];
  closed: string[] | undefined;
  lang: Lang;
  edit: GridEdit;
  testId: string;
}

/** A row of the preview: its code and label, then a button per column that closes or opens the cell. */
const PreviewRow = memo(function PreviewRow({ row, columns, closed, lang, edit, testId }: PreviewRowProps) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row" className="grid-preview-row" title={row.label[lang]}>
        <span className="grid-preview-code">{row.code}</span> {row.label[lang]}
      </th>
      {columns.map((column, index) => {
        const cell = cellCode(row.code, column.code);
        const isClosed = closed?.includes(cell) ?? false;
        const required = !isClosed && isRequiredCell(row, column.code);
        const state = t(isClosed ? 'ui.forms.grids.cellClosed' : required ? 'ui.forms.grids.cellRequired' : 'ui.forms.grids.cellOpen', { cell });
        return (
          <td key={index} className={isClosed ? 'grid-preview-closed' : undefined}>
            <Button
              type="text"
              className="grid-preview-cell"
              aria-pressed={isClosed}
              aria-label={state}
              title={state}
              onClick={() => edit((g) => toggleClosed(g, cell))}
              data-testid={`${testId}-cell-${cell}`}
              data-closed={isClosed}
              data-required={required}
            >
              {isClosed ? 'X' : required ? '*' : ''}
            </Button>
          </td>
        );
      })}
    </tr>
  );
});

/** The grid as the template prints it: column numbers across, row codes down; a click closes or opens a cell. */
function GridPreview({ grid, edit, testId }: PartProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  return (
    <div className="stack">
      <PartTitle title={t('ui.forms.grids.preview')} hint={t('ui.forms.grids.previewHint')} />
      <div className="grid-preview-scroll">
        <table className="grid-preview" data-testid={`${testId}-preview`}>
          <thead>
            <tr>
              <th scope="col" />
              {grid.columns.map((column, index) => (
                <th key={index} scope="col" title={column.label[lang]} data-testid={`${testId}-preview-column-${index}`}>{column.code}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, rowIndex) => (
              <PreviewRow key={rowIndex} row={row} columns={grid.columns} closed={grid.closed} lang={lang} edit={edit} testId={testId} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface GridCardProps extends EditorPartProps {
  grid: GridTable;
  /** Its place among the form's tables. */
  index: number;
  /** The form's problems: those about this grid, its rows and its columns are listed under it. */
  problems: FormProblem[];
}

export function GridTableCard({ form, change, grid, index, problems }: GridCardProps) {
  const { t } = useTranslation();
  const testId = `grid-${index}`;
  const edit = useCallback<GridEdit>(
    (update) => change((f) => ({ ...f, tables: editAt(f.tables ?? [], index, (item) => (item.kind === 'grid' ? update(item) : item)) })),
    [change, index],
  );
  const formRowCodes = [...form.indicators.map((i) => i.code), ...(form.tables ?? []).flatMap((table) => (table.kind === 'grid' ? table.rows.map((row) => row.code) : []))];
  const own = new Set([grid.id, ...grid.rows.map((row) => row.code)]);
  const gridProblems = problems.filter((problem) => own.has(problem.where));
  const titleInput = (lang: Lang) => (
    <label className="form-field">
      <Typography.Text type="secondary">{t(lang === 'ru' ? 'ui.forms.tables.titleRu' : 'ui.forms.tables.titleKk')}</Typography.Text>
      <Input
        value={grid.title[lang]}
        lang={lang}
        maxLength={300}
        status={grid.title[lang].trim() ? undefined : 'error'}
        onChange={(event) => edit((g) => ({ ...g, title: { ...g.title, [lang]: event.target.value } }))}
        data-testid={`${testId}-title-${lang}`}
      />
    </label>
  );
  const remove = (
    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => change((f) => withList(f, 'tables', removeAt(f.tables ?? [], index)))} data-testid={`${testId}-remove`}>
      {t('ui.forms.tables.remove')}
    </Button>
  );
  const parts = { grid, edit, testId };
  return (
    <Card size="small" title={t('ui.forms.grids.title', { id: grid.id })} extra={remove} data-testid={testId} data-id={grid.id}>
      <div className="stack">
        <div className="grid-edit-head">
          <label className="form-field">
            <Typography.Text type="secondary">{t('ui.forms.tables.id')}</Typography.Text>
            <Input value={grid.id} maxLength={40} status={grid.id.trim() ? undefined : 'error'} onChange={(event) => edit((g) => ({ ...g, id: event.target.value.trim() }))} data-testid={`${testId}-id`} />
          </label>
          {titleInput('ru')}
          {titleInput('kk')}
        </div>
        <RowsPart {...parts} formRowCodes={formRowCodes} />
        <Button size="small" icon={<PlusOutlined />} onClick={() => change((f) => ({ ...f, tables: editAt(f.tables ?? [], index, (item) => (item.kind === 'grid' ? { ...item, rows: [...item.rows, newGridRow(f, item)] } : item)) }))} data-testid={`${testId}-row-add`}>
          {t('ui.forms.grids.row.add')}
        </Button>
        <ColumnsPart {...parts} />
        <Button size="small" icon={<PlusOutlined />} onClick={() => edit((g) => ({ ...g, columns: [...g.columns, newGridColumn(g)] }))} data-testid={`${testId}-column-add`}>
          {t('ui.forms.grids.column.add')}
        </Button>
        <GridPreview {...parts} />
        <FormProblemList problems={gridProblems} testId={`${testId}-problems`} />
      </div>
    </Card>
  );
}
