// The message for a school whose file was returned for revision, in Russian and in Kazakh, each ready to copy
// into WhatsApp or an e-mail.
import { useRef } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Typography } from 'antd';
import type { GetRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnMessage } from '../../../../shared/imports.ts';

interface Props {
  /** The returned file's name, shown in the title; null keeps the dialog closed. */
  file: string | null;
  message: ReturnMessage | null;
  onClose: () => void;
}

type MessageLanguage = keyof ReturnMessage;
type TextAreaRef = GetRef<typeof Input.TextArea>;

const LANGUAGES: readonly MessageLanguage[] = ['ru', 'kk'];

function MessageBlock({ lang, text }: { lang: MessageLanguage; text: string }) {
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
        <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`return-copy-${lang}`}>
          {t('ui.returnDialog.copy')}
        </Button>
      </div>
      <Input.TextArea
        ref={area}
        readOnly
        value={text}
        lang={lang}
        autoSize={{ minRows: 6, maxRows: 14 }}
        aria-label={t(`ui.returnDialog.${lang}`)}
        data-testid={`return-text-${lang}`}
      />
    </div>
  );
}

export function ReturnDialog({ file, message, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={file !== null && message !== null}
      title={t('ui.returnDialog.title', { file: file ?? '' })}
      onCancel={onClose}
      width={760}
      footer={<Button onClick={onClose} data-testid="return-close">{t('ui.returnDialog.close')}</Button>}
      modalRender={(panel) => <div data-testid="return-dialog">{panel}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ui.returnDialog.intro')}</Typography.Paragraph>
      {message && LANGUAGES.map((lang) => <MessageBlock key={lang} lang={lang} text={message[lang]} />)}
    </Modal>
  );
}
