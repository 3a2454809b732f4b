// The school registry: search, add, edit, close or reopen, import from a workbook, an empty template to fill.
import { useMemo, useState } from 'react';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { School } from '../../../shared/domain.ts';
import { compareSchoolNames } from '../../../shared/school-names.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSaveAction } from '../components/useSaveAction.ts';
import { errorText } from '../i18n.ts';
import { RegistryImportModal } from './RegistryImportModal.tsx';
import { SchoolFormModal } from './SchoolFormModal.tsx';
import { change, useApiQuery } from '../data/cache.ts';

function matches(school: School, needle: string): boolean {
  if (!needle) return true;
  const haystack = [school.bin, school.shortName, school.nameRu, school.nameKk, school.locality, school.director, school.phone, school.email];
  return haystack.some((value) => value.toLowerCase().includes(needle));
}

/** A long text cut to the column's width, whole on hover. */
function withTooltip(text: string) {
  return <Tooltip placement="topLeft" title={text}>{text}</Tooltip>;
}

/** What the table leaves out: the full names in both languages, the e-mail and the language of teaching. */
function SchoolDetails({ school }: { school: School }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      data-testid="school-details"
      items={[
        { key: 'nameRu', label: t('ui.schools.columns.nameRu'), children: school.nameRu, span: 2 },
        { key: 'nameKk', label: t('ui.schools.columns.nameKk'), children: school.nameKk, span: 2 },
        { key: 'email', label: t('ui.schools.columns.email'), children: school.email },
        { key: 'language', label: t('ui.schools.columns.language'), children: t(`messages.language.${school.language}`) },
      ]}
    />
  );
}

export function SchoolsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schools = useApiQuery('schools.list', { includeClosed: true });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<School | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);

  const shown = useMemo(() => (schools.data ?? []).filter((s) => matches(s, search.trim().toLowerCase())), [schools.data, search]);

  const setActive = async (school: School, active: boolean) => {
    try {
      await change('schools.setActive', { id: school.id, active });
      void message.success(t(active ? 'ui.schools.reopened' : 'ui.schools.closedDone', { name: school.shortName }));
    } catch (caught) {
      void message.error(errorText(t, caught));
    }
  };

  const registryTemplate = useSaveAction(() => change('exports.registryTemplate', {}));

  const columns: TableColumnsType<School> = [
    { key: 'bin', dataIndex: 'bin', title: t('ui.schools.columns.bin'), width: 130 },
    { key: 'shortName', dataIndex: 'shortName', title: t('ui.schools.columns.shortName'), sorter: (a, b) => compareSchoolNames(a.shortName, b.shortName) },
    { key: 'type', dataIndex: 'type', title: t('ui.schools.columns.type'), width: 170, render: (type: School['type']) => t(`messages.schoolType.${type}`) },
    { key: 'locality', dataIndex: 'locality', title: t('ui.schools.columns.locality'), ellipsis: { showTitle: false }, render: withTooltip },
    { key: 'director', dataIndex: 'director', title: t('ui.schools.columns.director'), ellipsis: { showTitle: false }, render: withTooltip },
    { key: 'phone', dataIndex: 'phone', title: t('ui.schools.columns.phone'), width: 150 },
    {
      key: 'active',
      dataIndex: 'active',
      title: t('ui.schools.columns.status'),
      width: 110,
      render: (active: boolean) => <Tag color={active ? 'green' : 'default'}>{t(active ? 'ui.schools.status.active' : 'ui.schools.status.closed')}</Tag>,
    },
    {
      key: 'actions',
      title: t('ui.common.actions'),
      width: 200,
      render: (_value, school) => (
        <Space size={4}>
          <Button size="small" data-testid="school-edit" onClick={() => { setEditing(school); setFormOpen(true); }}>
            {t('ui.common.edit')}
          </Button>
          {school.active ? (
            <Popconfirm
              title={t('ui.schools.closeConfirm', { name: school.shortName })}
              okText={t('ui.schools.close')}
              cancelText={t('ui.common.cancel')}
              onConfirm={() => setActive(school, false)}
            >
              <Button size="small" danger data-testid="school-close">{t('ui.schools.close')}</Button>
            </Popconfirm>
          ) : (
            <Button size="small" data-testid="school-reopen" onClick={() => void setActive(school, true)}>
              {t('ui.schools.reopen')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const activeCount = (schools.data ?? []).filter((s) => s.active).length;

  return (
    <section aria-labelledby="schools-title">
      <Typography.Title level={2} id="schools-title">{t('ui.schools.title')}</Typography.Title>
      <div className="toolbar">
        <Input.Search
          allowClear
          className="toolbar-grow"
          style={{ maxWidth: 420 }}
          placeholder={t('ui.schools.searchPlaceholder')}
          aria-label={t('ui.schools.search')}
          data-testid="schools-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Typography.Text type="secondary" data-testid="schools-count">
          {t('ui.schools.count', { count: activeCount })}
        </Typography.Text>
        <span className="toolbar-grow" />
        <Button type="primary" icon={<PlusOutlined />} data-testid="school-add" onClick={() => { setEditing(null); setFormOpen(true); }}>
          {t('ui.schools.add')}
        </Button>
        <Button icon={<UploadOutlined />} data-testid="registry-import" onClick={() => setImportOpen(true)}>
          {t('ui.schools.importRegistry')}
        </Button>
        <Button icon={<DownloadOutlined />} data-testid="registry-template" loading={registryTemplate.busy} onClick={registryTemplate.save}>
          {t('ui.schools.downloadTemplate')}
        </Button>
      </div>
      <ErrorAlert error={schools.error} />
      <Table<School>
        data-testid="schools-table"
        rowKey="id"
        size="small"
        loading={schools.isFetching}
        columns={columns}
        dataSource={shown}
        expandable={{ expandedRowRender: (school) => <SchoolDetails school={school} /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('ui.schools.empty') }}
      />
      <SchoolFormModal
        open={formOpen}
        school={editing}
        onClose={() => setFormOpen(false)}
        onSaved={() => setFormOpen(false)}
      />
      <RegistryImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </section>
  );
}
