// The tables a school fills below the rows: the plan's execution part (on or off), grid tables (rows × columns,
// GridTableEditor.tsx) and list tables such as the NIK publications, each with its title, size, row-count check and columns.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_LIST_ROWS, type FormProblem } from '../../../../shared/forms/check.ts';
import { hasPlanPart, LIST_COLUMN_TYPES, type FormTable, type Lang, type ListColumn, type ListTable } from '../../../../shared/forms/types.ts';
import { editAt, newColumn, newGridTable, newListTable, removeAt, withList, withOptional, type EditorPartProps } from './formEdits.ts';
import { GridTableCard } from './GridTableEditor.tsx';

type ListEdit = (update: (table: ListTable) => ListTable) => void;

interface ColumnRow {
  index: number;
  column: ListColumn;
}

function ColumnsTable({ table, editList, testId }: { table: ListTable; editList: ListEdit; testId: string }) {
  const { t } = useTranslation();
  const edit = (index: number, update: (column: ListColumn) => ListColumn) =>
    editList((list) => ({ ...list, columns: editAt(list.columns, index, update) }));
  const labelInput = (row: ColumnRow, lang: Lang) => (
    <Input
      value={row.column.label[lang]}
      lang={lang}
      maxLength={200}
      onChange={(event) => edit(row.index, (c) => ({ ...c, label: { ...c.label, [lang]: event.target.value } }))}
      data-testid={`${testId}-column-label-${lang}-${row.index}`}
    />
  );
  const columns: TableColumnsType<ColumnRow> = [
    {
      key: 'key',
      title: t('ui.forms.tables.column.key'),
      width: 130,
      render: (_v, row) => (
        <Input value={row.column.key} maxLength={40} onChange={(event) => edit(row.index, (c) => ({ ...c, key: event.target.value.trim() }))} data-testid={`${testId}-column-key-${row.index}`} />
      ),
    },
    { key: 'labelRu', title: t('ui.forms.tables.column.labelRu'), render: (_v, row) => labelInput(row, 'ru') },
    { key: 'labelKk', title: t('ui.forms.tables.column.labelKk'), render: (_v, row) => labelInput(row, 'kk') },
    {
      key: 'type',
      title: t('ui.forms.tables.column.type'),
      width: 130,
      render: (_v, row) => (
        <Select
          value={row.column.type}
          style={{ width: '100%' }}
          options={LIST_COLUMN_TYPES.map((type) => ({ value: type, label: t(`ui.forms.tables.columnTypes.${type}`) }))}
          onChange={(type) => edit(row.index, (c) => (type === 'text' ? { ...c, type } : withOptional({ ...c, type }, 'maxLength', undefined)))}
          data-testid={`${testId}-column-type-${row.index}`}
        />
      ),
    },
    {
      key: 'required',
      title: t('ui.forms.tables.column.required'),
      width: 100,
      align: 'center',
      render: (_v, row) => (
        <Checkbox checked={row.column.required} aria-label={t('ui.forms.tables.column.required')} onChange={(event) => edit(row.index, (c) => ({ ...c, required: event.target.checked }))} />
      ),
    },
    {
      key: 'maxLength',
      title: t('ui.forms.tables.column.maxLength'),
      width: 130,
      render: (_v, row) => (
        <InputNumber
          value={row.column.maxLength ?? null}
          min={1}
          max={5000}
          precision={0}
          disabled={row.column.type !== 'text'}
          onChange={(value) => edit(row.index, (c) => withOptional(c, 'maxLength', value ?? undefined))}
          data-testid={`${testId}-column-max-${row.index}`}
        />
      ),
    },
    {
      key: 'remove',
      width: 60,
      render: (_v, row) => (
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.forms.tables.column.remove')} onClick={() => editList((list) => ({ ...list, columns: removeAt(list.columns, row.index) }))} />
      ),
    },
  ];
  return (
    <>
      <Typography.Text strong>{t('ui.forms.tables.columns')}</Typography.Text>
      <Table<ColumnRow> rowKey="index" size="small" pagination={false} columns={columns} dataSource={table.columns.map((column, index) => ({ index, column }))} />
      <Button size="small" icon={<PlusOutlined />} onClick={() => editList((list) => ({ ...list, columns: [...list.columns, newColumn(list)] }))} data-testid={`${testId}-column-add`}>
        {t('ui.forms.tables.column.add')}
      </Button>
    </>
  );
}

interface ListTableProps extends EditorPartProps {
  table: ListTable;
  /** Its place among the form's tables. */
  index: number;
}

function ListTableCard({ form, change, table, index }: ListTableProps) {
  const { t } = useTranslation();
  const testId = `list-${index}`;
  const editList: ListEdit = (update) =>
    change((f) => ({ ...f, tables: editAt(f.tables ?? [], index, (item) => (item.kind === 'list' ? update(item) : item)) }));
  const counters = form.indicators.filter((indicator) => indicator.type === 'count').map((indicator) => ({ value: indicator.code, label: indicator.code }));
  const titleInput = (lang: Lang) => (
    <label className="form-field">
      <Typography.Text type="secondary">{t(lang === 'ru' ? 'ui.forms.tables.titleRu' : 'ui.forms.tables.titleKk')}</Typography.Text>
      <Input value={table.title[lang]} lang={lang} maxLength={300} onChange={(event) => editList((l) => ({ ...l, title: { ...l.title, [lang]: event.target.value } }))} data-testid={`${testId}-title-${lang}`} />
    </label>
  );
  const remove = (
    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => change((f) => withList(f, 'tables', removeAt(f.tables ?? [], index)))} data-testid={`${testId}-remove`}>
      {t('ui.forms.tables.remove')}
    </Button>
  );
  return (
    <Card size="small" title={t('ui.forms.tables.list', { id: table.id })} extra={remove} data-testid={testId}>
      <div className="stack">
        <div className="form-grid">
          {titleInput('ru')}
          {titleInput('kk')}
        </div>
        <div className="form-fields-row">
          <label className="form-field">
            <Typography.Text type="secondary">{t('ui.forms.tables.id')}</Typography.Text>
            <Input value={table.id} maxLength={40} onChange={(event) => editList((l) => ({ ...l, id: event.target.value.trim() }))} data-testid={`${testId}-id`} />
          </label>
          <label className="form-field">
            <Typography.Text type="secondary">{t('ui.forms.tables.maxRows')}</Typography.Text>
            <InputNumber value={table.maxRows} min={1} max={MAX_LIST_ROWS} precision={0} onChange={(value) => editList((l) => ({ ...l, maxRows: value ?? 0 }))} data-testid={`${testId}-max-rows`} />
          </label>
          <label className="form-field">
            <Typography.Text type="secondary">{t('ui.forms.tables.rowCountCode')}</Typography.Text>
            <Select
              value={table.rowCountCode}
              allowClear
              placeholder={t('ui.forms.tables.noRowCount')}
              style={{ minWidth: 160 }}
              options={counters}
              onChange={(code: string | undefined) => editList((l) => withOptional(l, 'rowCountCode', code || undefined))}
              data-testid={`${testId}-row-count`}
            />
          </label>
          <Checkbox checked={table.showHashtag ?? false} onChange={(event) => editList((l) => withOptional(l, 'showHashtag', event.target.checked || undefined))} data-testid={`${testId}-hashtag`}>
            {t('ui.forms.tables.showHashtag')}
          </Checkbox>
        </div>
        <ColumnsTable table={table} editList={editList} testId={testId} />
      </div>
    </Card>
  );
}

function togglePlanPart(tables: readonly FormTable[], on: boolean): FormTable[] {
  const lists = tables.filter((table) => table.kind !== 'planExecution');
  return on ? [{ kind: 'planExecution' }, ...lists] : lists;
}

function TableCard({ table, index, problems, ...props }: EditorPartProps & { table: FormTable; index: number; problems: FormProblem[] }) {
  if (table.kind === 'list') return <ListTableCard {...props} table={table} index={index} />;
  if (table.kind === 'grid') return <GridTableCard {...props} problems={problems} grid={table} index={index} />;
  return null;
}

export function TablesEditor({ form, change, problems }: EditorPartProps & { problems: FormProblem[] }) {
  const { t } = useTranslation();
  const tables = form.tables ?? [];
  return (
    <div className="stack" data-testid="form-tables">
      <Checkbox
        checked={hasPlanPart(form)}
        onChange={(event) => change((f) => withList(f, 'tables', togglePlanPart(f.tables ?? [], event.target.checked)))}
        data-testid="table-plan-execution"
      >
        {t('ui.forms.tables.planExecution')}
      </Checkbox>
      {tables.map((table, index) => (
        <TableCard key={index} form={form} change={change} problems={problems} table={table} index={index} />
      ))}
      <div className="toolbar">
        <Button icon={<PlusOutlined />} onClick={() => change((f) => withList(f, 'tables', [...(f.tables ?? []), newGridTable(f)]))} data-testid="grid-table-add">
          {t('ui.forms.grids.add')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => change((f) => withList(f, 'tables', [...(f.tables ?? []), newListTable(f)]))} data-testid="list-table-add">
          {t('ui.forms.tables.add')}
        </Button>
      </div>
    </div>
  );
}
