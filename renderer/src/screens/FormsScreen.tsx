// The report forms: every version, built in or the district's own, with copying to a new version, export to
// and import from a .jinaq-form.json file, and deleting a version nobody collects.
import { useState } from 'react';
import { CopyOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, EyeOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormRecord } from '../../../shared/forms/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { navigate } from '../components/router.ts';
import { useSaveAction } from '../components/useSaveAction.ts';
import { errorText, labelLanguage, useLanguage } from '../i18n.ts';
import { FormImportModal } from './forms/FormImportModal.tsx';
import { RegionFormModal } from './forms/RegionFormModal.tsx';
import { OriginTags, StateTag } from './forms/FormTags.tsx';
import { useCopyForm } from './forms/useCopyForm.ts';
import { useCampaignTitles } from '../components/useCampaignTitles.ts';
import { change, useApiQuery } from '../data/cache.ts';
import { RefreshButton } from '../components/RefreshButton.tsx';

const keyOf = (record: FormRecord) => `${record.form.id}-${record.form.version}`;

function openEditor(record: FormRecord): void {
  navigate({ screen: 'form', id: record.form.id, version: record.form.version });
}

function ExportButton({ record }: { record: FormRecord }) {
  const { t } = useTranslation();
  const { busy, save } = useSaveAction(() => change('exports.form', { id: record.form.id, version: record.form.version }));
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={save} data-testid={`form-export-${keyOf(record)}`}>
      {t('ui.forms.actions.export')}
    </Button>
  );
}

interface ActionsProps {
  record: FormRecord;
  onCopy: (record: FormRecord) => void;
  onDelete: (record: FormRecord) => void;
}

function RowActions({ record, onCopy, onDelete }: ActionsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { version, title } = record.form;
  return (
    <Space wrap size="small">
      <Button size="small" icon={record.editable ? <EditOutlined /> : <EyeOutlined />} onClick={() => openEditor(record)} data-testid={`form-open-${keyOf(record)}`}>
        {t(record.editable ? 'ui.forms.actions.open' : 'ui.forms.actions.view')}
      </Button>
      <Button size="small" icon={<CopyOutlined />} title={t('ui.forms.actions.copyHint')} onClick={() => onCopy(record)} data-testid={`form-copy-${keyOf(record)}`}>
        {t('ui.forms.actions.copy')}
      </Button>
      <ExportButton record={record} />
      {record.editable && (
        <Popconfirm
          title={t('ui.forms.actions.deleteConfirm', { title: title[labelLanguage(language)], version })}
          okText={t('ui.common.delete')}
          cancelText={t('ui.common.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'form-delete-confirm' } as ButtonProps}
          onConfirm={() => onDelete(record)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} data-testid={`form-delete-${keyOf(record)}`}>
            {t('ui.forms.actions.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function useColumns(actions: Omit<ActionsProps, 'record'>): TableColumnsType<FormRecord> {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const campaignTitle = useCampaignTitles();
  return [
    { key: 'title', title: t('ui.forms.columns.title'), render: (_v, record) => record.form.title[labelLanguage(language)] },
    { key: 'version', title: t('ui.forms.columns.version'), render: (_v, record) => t('ui.forms.versionTag', { version: record.form.version }), width: 80 },
    // The id names the form in its files; it stays behind the title.
    { key: 'id', title: t('ui.forms.columns.id'), render: (_v, record) => <Typography.Text type="secondary"><code>{record.form.id}</code></Typography.Text>, width: 100 },
    { key: 'origin', title: t('ui.forms.columns.origin'), render: (_v, record) => <OriginTags record={record} /> },
    {
      key: 'usedBy',
      title: t('ui.forms.columns.usedBy'),
      render: (_v, record) =>
        record.usedBy.length === 0 ? (
          <Typography.Text type="secondary">{t('ui.forms.notUsed')}</Typography.Text>
        ) : (
          record.usedBy.map((campaignId) => <Tag key={campaignId} data-testid="form-used-by" data-campaign={campaignId}>{campaignTitle(campaignId)}</Tag>)
        ),
    },
    { key: 'state', title: t('ui.forms.columns.state'), render: (_v, record) => <StateTag record={record} /> },
    { key: 'actions', title: t('ui.common.actions'), render: (_v, record) => <RowActions record={record} {...actions} /> },
  ];
}

export function FormsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const forms = useApiQuery('forms.list', {});
  const [importing, setImporting] = useState(false);
  const [fromRegion, setFromRegion] = useState(false);

  const copy = useCopyForm();

  const remove = async (record: FormRecord) => {
    try {
      await change('forms.delete', { id: record.form.id, version: record.form.version });
      void message.success(t('ui.forms.actions.deleted'));
    } catch (caught) {
      void message.error(errorText(t, caught));
      // The list may be out of date (the reason it was refused): read it again.
      await forms.refetch();
    }
  };

  const columns = useColumns({ onCopy: (record) => void copy(record), onDelete: (record) => void remove(record) });

  return (
    <section aria-labelledby="forms-title" className="stack">
      <Typography.Title level={2} id="forms-title" data-testid="forms-title">{t('ui.forms.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ui.forms.intro')}</Typography.Paragraph>
      <div className="toolbar">
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="form-import">
          {t('ui.forms.actions.import')}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => setFromRegion(true)} data-testid="form-from-region">
          {t('ui.forms.region.button')}
        </Button>
        <RefreshButton />
      </div>
      <ErrorAlert error={forms.error} testId="forms-error" />
      <Table<FormRecord>
        data-testid="forms-table"
        rowKey={keyOf}
        size="small"
        loading={forms.isPending}
        columns={columns}
        dataSource={forms.data ?? []}
        pagination={false}
        onRow={(record) => ({ 'data-testid': `form-row-${keyOf(record)}` }) as HTMLAttributes<HTMLElement>}
      />
      {importing && <FormImportModal onClose={() => setImporting(false)} />}
      {fromRegion && <RegionFormModal onClose={() => setFromRegion(false)} />}
    </section>
  );
}
