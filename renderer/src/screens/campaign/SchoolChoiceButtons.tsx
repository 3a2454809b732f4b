// A file refused because it names two schools (its template's identification and its header disagree): one button
// per school, «accept as the report of school X» (ui.import.acceptAs), so the specialist decides whose report it is
// ('reports.acceptAs').
import { CheckOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { schoolChoicesOf } from '../../../../shared/imports.ts';
import type { FileIssue } from '../../../../shared/messages.ts';

interface Props {
  errors: FileIssue[];
  /** The BIN being accepted as, while its call runs. */
  busyBin: string | null;
  onChoose: (bin: string) => void;
}

export function SchoolChoiceButtons({ errors, busyBin, onChoose }: Props) {
  const { t } = useTranslation();
  const choices = schoolChoicesOf(errors);
  if (choices.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {choices.map((choice) => (
        <Button
          key={choice.bin}
          size="small"
          icon={<CheckOutlined />}
          loading={busyBin === choice.bin}
          disabled={busyBin !== null && busyBin !== choice.bin}
          onClick={() => onChoose(choice.bin)}
          data-testid="import-accept-as"
          data-bin={choice.bin}
        >
          {t('ui.import.acceptAs', { school: choice.name || choice.bin })}
        </Button>
      ))}
    </Space>
  );
}
