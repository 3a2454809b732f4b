// Add or edit one plan item: both languages side by side, the section, who among the schools gets it,
// and a live preview of how the deadline and the executors are understood.
import { App, Card, Descriptions, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { ButtonProps, FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlainTextKey } from '../../../../shared/text-keys.ts';
import type { Campaign } from '../../../../shared/domain.ts';
import type { Bilingual } from '../../../../shared/forms/types.ts';
import { parseDeadline } from '../../../../shared/plans/deadlines.ts';
import { includesSchools, parseExecutors } from '../../../../shared/plans/executors.ts';
import { ASSIGN_TO, type AssignTo, type PlanItem, type PlanSection } from '../../../../shared/plans/model.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n.ts';
import { DeadlineText } from './DeadlineText.tsx';
import { ExecutorTags } from './ExecutorTags.tsx';
import { decidingHalf, romanNumeral, textIn } from './planText.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { change, useApiQuery } from '../../data/cache.ts';

interface ItemValues {
  sectionId: number;
  title: Bilingual;
  deadlineText: Bilingual;
  executorsText: Bilingual;
  assignTo: AssignTo;
  chosenSchoolIds: number[];
}

/** What the modal is opened for: an existing item, or a new one in a section. */
export type ItemEditing = { item: PlanItem } | { sectionId: number };

interface Props {
  campaign: Campaign;
  sections: PlanSection[];
  editing: ItemEditing;
  onClose: () => void;
  onSaved: () => void;
}

const EMPTY_TEXT: Bilingual = { ru: '', kk: '' };

function initialValues(editing: ItemEditing): ItemValues {
  if ('item' in editing) {
    const { sectionId, title, deadlineText, executorsText, assignTo, chosenSchoolIds } = editing.item;
    return { sectionId, title, deadlineText, executorsText, assignTo, chosenSchoolIds };
  }
  return {
    sectionId: editing.sectionId,
    title: EMPTY_TEXT,
    deadlineText: EMPTY_TEXT,
    executorsText: EMPTY_TEXT,
    assignTo: 'all',
    chosenSchoolIds: [],
  };
}

/** The Russian and Kazakh halves of one field, watched as they are typed. */
function useWatchedText(form: ReturnType<typeof Form.useForm<ItemValues>>[0], field: 'deadlineText' | 'executorsText'): Bilingual {
  const ru = Form.useWatch([field, 'ru'], form) as string | undefined;
  const kk = Form.useWatch([field, 'kk'], form) as string | undefined;
  return { ru: ru ?? '', kk: kk ?? '' };
}

function PreviewSource({ lang }: { lang: 'ru' | 'kk' }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary"> · {t(`ui.plan.item.previewFrom.${lang}`)}</Typography.Text>;
}

export function PlanItemModal({ campaign, sections, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const { error, saving, run } = useSubmit();
  const schools = useApiQuery('schools.list', { includeClosed: false });

  const deadlineSource = decidingHalf(useWatchedText(form, 'deadlineText'));
  const executorsSource = decidingHalf(useWatchedText(form, 'executorsText'));
  const deadline = parseDeadline(deadlineSource.text, campaign.year);
  const executors = parseExecutors(executorsSource.text);
  const forSchools = includesSchools(executors);
  const assignTo = Form.useWatch('assignTo', form) as AssignTo | undefined;

  const eitherLanguage = (field: keyof Pick<ItemValues, 'title'>, messageKey: PlainTextKey): FormRule => ({ getFieldValue }) => ({
    validator: async () => {
      const text = getFieldValue(field) as Bilingual | undefined;
      if (!text?.ru?.trim() && !text?.kk?.trim()) throw new Error(t(messageKey));
    },
  });

  const submit = async () => {
    await form.validateFields();
    // Every value, also those of fields hidden now (the schools' part when no school is an executor).
    const values = form.getFieldsValue(true) as ItemValues;
    await run(async () => {
      await change('plans.saveItem', { campaignId: campaign.id, id: 'item' in editing ? editing.item.id : undefined, ...values });
      void message.success(t('ui.plan.item.saved'));
      onSaved();
    });
  };

  const textItem = (field: 'title' | 'deadlineText' | 'executorsText', lang: 'ru' | 'kk', label: string, max: number) => (
    <Form.Item
      name={[field, lang]}
      label={label}
      rules={field === 'title' && lang === 'ru' ? [eitherLanguage('title', 'ui.plan.item.titleRequired')] : undefined}
      dependencies={field === 'title' && lang === 'ru' ? [['title', 'kk']] : undefined}
    >
      <Input.TextArea
        autoSize={{ minRows: field === 'title' ? 3 : 1, maxRows: 8 }}
        maxLength={max}
        lang={lang}
        data-testid={`item-${field}-${lang}`}
      />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={'item' in editing ? t('ui.plan.item.titleEdit', { number: editing.item.number }) : t('ui.plan.item.titleAdd')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      width={960}
      okButtonProps={{ 'data-testid': 'item-save' } as ButtonProps}
      data-testid="plan-item-modal"
    >
      <Form form={form} layout="vertical" name="planItem" initialValues={initialValues(editing)} className="form-grid">
        <ErrorAlert error={error} testId="item-error" />
        {textItem('title', 'ru', t('ui.plan.item.titleRu'), 2000)}
        {textItem('title', 'kk', t('ui.plan.item.titleKk'), 2000)}
        {textItem('deadlineText', 'ru', t('ui.plan.item.deadlineRu'), 200)}
        {textItem('deadlineText', 'kk', t('ui.plan.item.deadlineKk'), 200)}
        {textItem('executorsText', 'ru', t('ui.plan.item.executorsRu'), 1000)}
        {textItem('executorsText', 'kk', t('ui.plan.item.executorsKk'), 1000)}
        <Card size="small" title={t('ui.plan.item.preview')} style={{ gridColumn: '1 / -1', marginBottom: 16 }} data-testid="item-preview">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'deadline',
                label: t('ui.plan.item.previewDeadline'),
                children: (
                  <span>
                    <DeadlineText deadline={deadline} writtenText={deadlineSource.text} campaignYear={campaign.year} testId="item-preview-deadline" />
                    <PreviewSource lang={deadlineSource.lang} />
                  </span>
                ),
              },
              {
                key: 'executors',
                label: t('ui.plan.item.previewExecutors'),
                children: (
                  <span>
                    <ExecutorTags executors={executors} testId="item-preview-executors" />
                    <PreviewSource lang={executorsSource.lang} />
                  </span>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary" data-testid="item-preview-schools">
            {t(forSchools ? 'ui.plan.item.forSchools' : 'ui.plan.item.notForSchools')}
          </Typography.Text>
        </Card>
        <Form.Item name="sectionId" label={t('ui.plan.item.section')}>
          <Select
            data-testid="item-section"
            options={sections.map((section) => ({ value: section.id, label: `${romanNumeral(section.number)}. ${textIn(section.title, language)}` }))}
          />
        </Form.Item>
        {forSchools ? (
          <Form.Item name="assignTo" label={t('ui.plan.item.assignTo')}>
            <Radio.Group data-testid="item-assign-to" options={ASSIGN_TO.map((value) => ({ value, label: t(`ui.plan.item.assign.${value}`) }))} />
          </Form.Item>
        ) : (
          <div />
        )}
        {forSchools && assignTo === 'chosen' && (
          <Form.Item
            name="chosenSchoolIds"
            label={t('ui.plan.item.schools')}
            rules={[{ required: true, type: 'array', min: 1, message: t('ui.plan.item.schoolsRequired') }]}
            style={{ gridColumn: '1 / -1' }}
          >
            <Select
              mode="multiple"
              data-testid="item-schools"
              loading={schools.isFetching}
              optionFilterProp="label"
              options={(schools.data ?? []).map((school) => ({ value: school.id, label: school.shortName }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
