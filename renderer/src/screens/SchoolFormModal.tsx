// Add or edit one school of the registry. The BIN is checked here as it is typed; the main process checks again.
import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkBin, normalizeBin } from '../../../shared/bin.ts';
import { INSTRUCTION_LANGUAGES, SCHOOL_TYPES, type School, type SchoolFields } from '../../../shared/domain.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useSubmit } from '../components/useSubmit.ts';
import { change } from '../data/cache.ts';

const EMPTY: SchoolFields = {
  bin: '', nameRu: '', nameKk: '', shortName: '', type: 'general', locality: '', director: '', phone: '', email: '', language: 'kk',
};

const TEXT_FIELDS = ['nameRu', 'nameKk', 'locality', 'director', 'phone', 'email'] as const;

interface Props {
  /** The school to edit; null to add a new one. */
  school: School | null;
  /** For a new school: what is already known of it (the BIN and name a school's file gave). */
  initial?: Partial<SchoolFields>;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

export function SchoolFormModal({ school, initial, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SchoolFields>();
  const { error, setError, saving, run } = useSubmit();

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue(school ? { ...school } : { ...EMPTY, ...initial });
  }, [open, school, initial, form]);

  const rulesFor = (field: (typeof TEXT_FIELDS)[number]): Rule[] => {
    if (field === 'email') return [{ type: 'email', message: t('ui.schools.form.badEmail') }];
    if (field !== 'nameRu') return [];
    return [
      ({ getFieldValue }) => ({
        validator: async (_rule, value: string | undefined) => {
          const nameKk = getFieldValue('nameKk') as string | undefined;
          if (!value?.trim() && !nameKk?.trim()) throw new Error(t('messages.schools.nameRequired'));
        },
      }),
    ];
  };

  const textItem = (field: (typeof TEXT_FIELDS)[number]) => (
    <Form.Item key={field} name={field} label={t(`ui.schools.columns.${field}`)} rules={rulesFor(field)} dependencies={field === 'nameRu' ? ['nameKk'] : undefined}>
      <Input maxLength={300} data-testid={`school-${field}`} type={field === 'email' ? 'email' : 'text'} />
    </Form.Item>
  );

  const submit = async () => {
    const fields = { ...EMPTY, ...(await form.validateFields()) };
    fields.bin = normalizeBin(fields.bin);
    await run(async () => {
      if (school) await change('schools.update', { ...fields, id: school.id });
      else await change('schools.create', fields);
      void message.success(t(school ? 'ui.schools.form.updated' : 'ui.schools.form.created', { name: fields.shortName }));
      onSaved();
    });
  };

  return (
    <Modal
      open={open}
      title={t(school ? 'ui.schools.form.titleEdit' : 'ui.schools.form.titleAdd')}
      okText={t('ui.common.save')}
      cancelText={t('ui.common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'school-form-save' } as ButtonProps}
      data-testid="school-form"
    >
      <Form form={form} layout="vertical" name="school" className="form-grid" onFinish={() => void submit().catch(() => undefined)}>
        <ErrorAlert error={error} testId="school-form-error" />
        <Form.Item
          name="bin"
          label={t('ui.schools.columns.bin')}
          required
          extra={t('ui.schools.form.binHelp')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const problem = checkBin(normalizeBin(value ?? ''));
                if (problem) throw new Error(t(`messages.bin.${problem}`));
              },
            },
          ]}
        >
          <Input inputMode="numeric" maxLength={20} autoFocus data-testid="school-bin" />
        </Form.Item>
        <Form.Item name="shortName" label={t('ui.schools.columns.shortName')} rules={[{ required: true, whitespace: true, message: t('messages.schools.shortNameRequired') }]}>
          <Input maxLength={100} data-testid="school-shortName" />
        </Form.Item>
        {TEXT_FIELDS.slice(0, 2).map(textItem)}
        <Form.Item name="type" label={t('ui.schools.columns.type')}>
          <Select data-testid="school-type" options={SCHOOL_TYPES.map((type) => ({ value: type, label: t(`messages.schoolType.${type}`) }))} />
        </Form.Item>
        <Form.Item name="language" label={t('ui.schools.columns.language')}>
          <Select
            data-testid="school-language"
            options={INSTRUCTION_LANGUAGES.map((lng) => ({ value: lng, label: t(`messages.language.${lng}`) }))}
          />
        </Form.Item>
        {TEXT_FIELDS.slice(2).map(textItem)}
        {/* Enter in any field submits, as in any ordinary form. */}
        <button type="submit" hidden tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  );
}
