// A button that writes a plan document, with the document's language beside it: Kazakh, Russian or both.
import { useState } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanLanguage } from '../../../../shared/plans/model.ts';
import type { SaveOutcome } from '../../../../shared/domain.ts';
import { useSaveAction } from '../../components/useSaveAction.ts';

// The order the menu offers them: both languages first, as most plans go out.
const LANGUAGES = ['both', 'kk', 'ru'] as const satisfies readonly PlanLanguage[];

interface Props {
  label: string;
  testId: string;
  produce: (lang: PlanLanguage) => Promise<SaveOutcome>;
}

export function DocumentExportButton({ label, testId, produce }: Props) {
  const { t } = useTranslation();
  const [lang, setLang] = useState<PlanLanguage>('both');
  const { busy, save } = useSaveAction(() => produce(lang));
  return (
    <Space.Compact>
      <Select<PlanLanguage>
        aria-label={t('ui.documentLanguage.label')}
        data-testid={`${testId}-lang`}
        value={lang}
        onChange={setLang}
        style={{ minWidth: 160 }}
        options={LANGUAGES.map((value) => ({ value, label: t(`ui.documentLanguage.${value}`) }))}
      />
      <Button type="primary" icon={<FileExcelOutlined />} loading={busy} onClick={save} data-testid={testId}>
        {label}
      </Button>
    </Space.Compact>
  );
}
