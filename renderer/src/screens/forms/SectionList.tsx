// The form's sections: an id the rows refer to and a title in both languages. Renaming or removing a section
// carries its rows along (they follow the new id, or are left without a section).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSection, Lang } from '../../../../shared/forms/types.ts';
import { editAt, newSection, reassignSection, removeAt, withList, type EditorPartProps } from './formEdits.ts';

interface Row {
  index: number;
  section: FormSection;
}

export function SectionList({ form, change }: EditorPartProps) {
  const { t } = useTranslation();
  const sections = form.sections ?? [];

  const rename = (index: number, id: string) =>
    change((f) => {
      const list = f.sections ?? [];
      const old = list[index].id;
      const takenByOther = list.some((section, i) => i !== index && section.id === old);
      const indicators = takenByOther || list.some((section) => section.id === id) ? f.indicators : reassignSection(f.indicators, old, id);
      return { ...withList(f, 'sections', editAt(list, index, (section) => ({ ...section, id }))), indicators };
    });
  const retitle = (index: number, lang: Lang, text: string) =>
    change((f) => withList(f, 'sections', editAt(f.sections ?? [], index, (section) => ({ ...section, title: { ...section.title, [lang]: text } }))));
  const remove = (index: number) =>
    change((f) => {
      const list = f.sections ?? [];
      return { ...withList(f, 'sections', removeAt(list, index)), indicators: reassignSection(f.indicators, list[index].id, undefined) };
    });
  const add = () => change((f) => withList(f, 'sections', [...(f.sections ?? []), newSection(f)]));

  const titleInput = (row: Row, lang: Lang) => (
    <Input
      value={row.section.title[lang]}
      lang={lang}
      maxLength={300}
      status={row.section.title[lang].trim() ? undefined : 'error'}
      onChange={(event) => retitle(row.index, lang, event.target.value)}
      data-testid={`section-title-${lang}-${row.index}`}
    />
  );

  const columns: TableColumnsType<Row> = [
    {
      key: 'id',
      title: t('ui.forms.sections.id'),
      width: 160,
      render: (_v, row) => (
        <Input value={row.section.id} maxLength={40} onChange={(event) => rename(row.index, event.target.value.trim())} data-testid={`section-id-${row.index}`} />
      ),
    },
    { key: 'ru', title: t('ui.forms.sections.titleRu'), render: (_v, row) => titleInput(row, 'ru') },
    { key: 'kk', title: t('ui.forms.sections.titleKk'), render: (_v, row) => titleInput(row, 'kk') },
    {
      key: 'remove',
      width: 60,
      render: (_v, row) => (
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('ui.forms.sections.remove')} onClick={() => remove(row.index)} data-testid={`section-remove-${row.index}`} />
      ),
    },
  ];

  return (
    <div className="stack" data-testid="form-sections">
      <Typography.Paragraph type="secondary">{t('ui.forms.sections.hint')}</Typography.Paragraph>
      {sections.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('ui.forms.sections.empty')}</Typography.Paragraph>
      ) : (
        <Table<Row> rowKey="index" size="small" pagination={false} columns={columns} dataSource={sections.map((section, index) => ({ index, section }))} />
      )}
      <Button icon={<PlusOutlined />} onClick={add} data-testid="section-add">
        {t('ui.forms.sections.add')}
      </Button>
    </div>
  );
}
