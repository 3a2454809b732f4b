// The campaign's plan of activities: its header, its sections of numbered items, editing of both,
// the plan read from a workbook, and the plan written as one in Kazakh, Russian or both.
import { useState } from 'react';
import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/domain.ts';
import type { Plan, PlanItem, PlanSection } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate } from '../../components/format.ts';
import { errorText, useLanguage } from '../../i18n.ts';
import { DocumentExportButton } from './DocumentExportButton.tsx';
import { PlanHeaderModal } from './PlanHeaderModal.tsx';
import { PlanImportModal } from './PlanImportModal.tsx';
import { PlanItemModal, type ItemEditing } from './PlanItemModal.tsx';
import { PlanSectionModal } from './PlanSectionModal.tsx';
import { PlanSectionTable } from './PlanSectionTable.tsx';
import { textIn } from './planText.ts';
import { change, useApiQuery } from '../../data/cache.ts';
import { RefreshButton } from '../../components/RefreshButton.tsx';

/** Which dialog is open, if any. */
type Dialog =
  | { kind: 'item'; editing: ItemEditing }
  | { kind: 'section'; section: PlanSection | null }
  | { kind: 'header' }
  | { kind: 'import' };

function PlanHeader({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div data-testid="plan-header">
      <Typography.Title level={3} data-testid="plan-title">{textIn(plan.title, language)}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="plan-approved-on">
        {plan.approvedOn ? t('ui.plan.approvedOn', { date: formatDate(plan.approvedOn) }) : t('ui.plan.notApproved')}
      </Typography.Paragraph>
      {plan.preamble.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={plan.preamble.map((line, index) => ({ key: index, label: textIn(line.label, language), children: textIn(line.text, language) }))}
        />
      )}
    </div>
  );
}

export function PlanTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = useApiQuery('plans.get', { campaignId: campaign.id });
  const [dialog, setDialog] = useState<Dialog | null>(null);

  /** Runs a change and tells that it was done, or why it was refused. */
  const act = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) void message.success(done);
    } catch (caught) {
      void message.error(errorText(t, caught));
    }
  };
  const close = () => setDialog(null);

  const campaignId = campaign.id;
  const moveItem = (item: PlanItem, direction: 'up' | 'down') => void act(() => change('plans.moveItem', { campaignId, id: item.id, direction }));
  const deleteItem = (item: PlanItem) => void act(() => change('plans.deleteItem', { campaignId, id: item.id }), t('ui.plan.actions.itemDeleted'));
  const deleteSection = (section: PlanSection) =>
    void act(() => change('plans.deleteSection', { campaignId, id: section.id }), t('ui.plan.actions.sectionDeleted'));

  const data = plan.data;
  const lastNumber = data?.items.length ?? 0;

  return (
    <div className="stack">
      <div className="toolbar">
        <Button icon={<EditOutlined />} disabled={!data} onClick={() => setDialog({ kind: 'header' })} data-testid="plan-header-edit">
          {t('ui.plan.actions.editHeader')}
        </Button>
        <Button icon={<PlusOutlined />} disabled={!data} onClick={() => setDialog({ kind: 'section', section: null })} data-testid="plan-section-add">
          {t('ui.plan.actions.addSection')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setDialog({ kind: 'import' })} data-testid="plan-import">
          {t('ui.plan.actions.import')}
        </Button>
        <DocumentExportButton
          label={t('ui.plan.actions.export')}
          testId="plan-export"
          produce={(lang) => change('exports.plan', { campaignId, lang })}
        />
        <RefreshButton />
      </div>
      <ErrorAlert error={plan.error} testId="plan-error" />
      {!data && plan.isFetching && <Spin />}
      {data && (
        <>
          <PlanHeader plan={data} />
          {data.sections.length === 0 && <Empty description={t('ui.plan.noSections')} />}
          {data.sections.map((section) => (
            <PlanSectionTable
              key={section.id}
              section={section}
              items={data.items.filter((item) => item.sectionId === section.id)}
              campaignYear={campaign.year}
              lastNumber={lastNumber}
              onAddItem={() => setDialog({ kind: 'item', editing: { sectionId: section.id } })}
              onRename={() => setDialog({ kind: 'section', section })}
              onDelete={() => deleteSection(section)}
              onEditItem={(item) => setDialog({ kind: 'item', editing: { item } })}
              onMoveItem={moveItem}
              onDeleteItem={deleteItem}
            />
          ))}
        </>
      )}
      {dialog?.kind === 'item' && data && (
        <PlanItemModal campaign={campaign} sections={data.sections} editing={dialog.editing} onClose={close} onSaved={close} />
      )}
      {dialog?.kind === 'section' && (
        <PlanSectionModal campaignId={campaignId} section={dialog.section} onClose={close} onSaved={close} />
      )}
      {dialog?.kind === 'header' && data && <PlanHeaderModal plan={data} onClose={close} onSaved={close} />}
      {dialog?.kind === 'import' && <PlanImportModal campaignId={campaignId} onClose={close} />}
    </div>
  );
}
