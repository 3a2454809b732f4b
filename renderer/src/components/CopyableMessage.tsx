// A message in one language, read-only, with a Copy button: for texts the specialist pastes into WhatsApp or an
// e-mail (a file returned for revision, a reminder to the schools that have not reported).
import { useRef } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Typography } from 'antd';
import type { GetRef } from 'antd';
import { useTranslation } from 'react-i18next';

export type MessageLanguage = 'ru' | 'kk';
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ['ru', 'kk'];

type TextAreaRef = GetRef<typeof Input.TextArea>;

interface Props {
  lang: MessageLanguage;
  text: string;
  /** Test ids: `<prefix>-copy-<lang>` and `<prefix>-text-<lang>`. */
  testIdPrefix: string;
}

export function CopyableMessage({ lang, text, testIdPrefix }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const area = useRef<TextAreaRef>(null);

  /** Selects the whole text, so the user can copy it with the keyboard. */
  const select = () => {
    const element = area.current?.resizableTextArea?.textArea;
    element?.focus();
    element?.select();
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      void message.success(t('ui.returnDialog.copied'));
    } catch {
      // The clipboard API is missing or refused (an insecure page, no permission): leave the text selected instead.
      select();
      void message.info(t('ui.returnDialog.selected'));
    }
  };

  return (
    <div className="return-message">
      <div className="return-message-head">
        <Typography.Text strong>{t(`ui.returnDialog.${lang}`)}</Typography.Text>
        <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`${testIdPrefix}-copy-${lang}`}>
          {t('ui.returnDialog.copy')}
        </Button>
      </div>
      <Input.TextArea
        ref={area}
        readOnly
        value={text}
        lang={lang}
        autoSize={{ minRows: 6, maxRows: 16 }}
        aria-label={t(`ui.returnDialog.${lang}`)}
        data-testid={`${testIdPrefix}-text-${lang}`}
      />
    </div>
  );
}
