// One section of the plan: its number and title with its own actions, and its items in a table.
import type { HTMLAttributes } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem, PlanSection } from '../../../../shared/plans/model.ts';
import { useLanguage } from '../../i18n.ts';
import { DeadlineText } from './DeadlineText.tsx';
import { ExecutorTags } from './ExecutorTags.tsx';
import { romanNumeral, textIn } from './planText.ts';

/** Below this width the table scrolls sideways instead of squeezing the titles. */
const MIN_TABLE_WIDTH = 1000;

interface Props {
  section: PlanSection;
  items: PlanItem[];
  campaignYear: number;
  /** The number of the plan's last item: it cannot move further down. */
  lastNumber: number;
  onAddItem: () => void;
  onRename: () => void;
  onDelete: () => void;
  onEditItem: (item: PlanItem) => void;
  onMoveItem: (item: PlanItem, direction: 'up' | 'down') => void;
  onDeleteItem: (item: PlanItem) => void;
}

function SchoolsCell({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  let text: string = t('ui.plan.schools.none');
  if (item.forSchools) text = item.assignTo === 'all' ? t('ui.plan.schools.all') : t('ui.plan.schools.chosen', { count: item.chosenSchoolIds.length });
  return <span data-testid="plan-item-schools">{text}</span>;
}

function ItemActions({ item, lastNumber, onEdit, onMove, onDelete }: {
  item: PlanItem;
  lastNumber: number;
  onEdit: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      <Tooltip title={t('ui.common.edit')}>
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('ui.common.edit')} onClick={onEdit} data-testid="plan-item-edit" />
      </Tooltip>
      <Tooltip title={t('ui.plan.actions.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('ui.plan.actions.moveUp')} disabled={item.number === 1} onClick={() => onMove('up')} data-testid="plan-item-up" />
      </Tooltip>
      <Tooltip title={t('ui.plan.actions.moveDown')}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={t('ui.plan.actions.moveDown')} disabled={item.number === lastNumber} onClick={() => onMove('down')} data-testid="plan-item-down" />
      </Tooltip>
      <Popconfirm
        title={t('ui.plan.actions.deleteItemConfirm', { number: item.number })}
        okText={t('ui.common.delete')}
        cancelText={t('ui.common.cancel')}
        okButtonProps={{ danger: true, 'data-testid': 'plan-item-delete-confirm' } as ButtonProps}
        onConfirm={onDelete}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.plan.actions.deleteItem')} data-testid="plan-item-delete" />
      </Popconfirm>
    </Space>
  );
}

export function PlanSectionTable(props: Props) {
  const { section, items, campaignYear, lastNumber } = props;
  const { t } = useTranslation();
  const { language } = useLanguage();
  const title = `${romanNumeral(section.number)}. ${textIn(section.title, language)}`;

  const columns: TableColumnsType<PlanItem> = [
    { key: 'number', dataIndex: 'number', title: t('ui.plan.columns.number'), width: 56, render: (n: number) => <span data-testid="plan-item-number">{n}</span> },
    { key: 'title', title: t('ui.plan.columns.title'), render: (_v, item) => <span data-testid="plan-item-title">{textIn(item.title, language)}</span> },
    {
      key: 'deadline',
      title: t('ui.plan.columns.deadline'),
      width: 190,
      render: (_v, item) => <DeadlineText deadline={item.deadline} writtenText={textIn(item.deadlineText, language)} campaignYear={campaignYear} />,
    },
    {
      key: 'executors',
      title: t('ui.plan.columns.executors'),
      width: 300,
      render: (_v, item) => (
        <Tooltip title={textIn(item.executorsText, language)} placement="topLeft">
          <div>
            <ExecutorTags executors={item.executors} />
          </div>
        </Tooltip>
      ),
    },
    { key: 'schools', title: t('ui.plan.columns.schools'), width: 150, render: (_v, item) => <SchoolsCell item={item} /> },
    {
      key: 'actions',
      title: t('ui.common.actions'),
      width: 140,
      render: (_v, item) => (
        <ItemActions
          item={item}
          lastNumber={lastNumber}
          onEdit={() => props.onEditItem(item)}
          onMove={(direction) => props.onMoveItem(item, direction)}
          onDelete={() => props.onDeleteItem(item)}
        />
      ),
    },
  ];

  return (
    <section data-testid="plan-section" data-number={section.number} aria-label={title}>
      <div className="toolbar">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-section-title">{title}</Typography.Title>
        <span className="toolbar-grow" />
        <Button size="small" icon={<PlusOutlined />} onClick={props.onAddItem} data-testid="plan-item-add">
          {t('ui.plan.actions.addItem')}
        </Button>
        <Button size="small" icon={<EditOutlined />} onClick={props.onRename} data-testid="plan-section-rename">
          {t('ui.plan.actions.renameSection')}
        </Button>
        <Popconfirm
          title={t('ui.plan.actions.deleteSectionConfirm', { title })}
          okText={t('ui.common.delete')}
          cancelText={t('ui.common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'plan-section-delete-confirm' } as ButtonProps}
          onConfirm={props.onDelete}
        >
          <Button size="small" danger icon={<DeleteOutlined />} data-testid="plan-section-delete">
            {t('ui.plan.actions.deleteSection')}
          </Button>
        </Popconfirm>
      </div>
      <Table<PlanItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: MIN_TABLE_WIDTH }}
        onRow={(item) => ({ 'data-testid': 'plan-item', 'data-number': item.number }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('ui.plan.empty') }}
      />
    </section>
  );
}
