// A message in one language, read-only, with a Copy button: for texts the specialist pastes into WhatsApp or an
// e-mail (a file returned for revision, a reminder to the schools that have not reported); and the dialog that
// shows such a message in each language.
import { useRef, type ReactNode } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Typography } from 'antd';
import type { GetRef } from 'antd';
import { useTranslation } from 'react-i18next';

export type MessageLanguage = 'ru' | 'kk';

/** The user's own language first: Kazakh before Russian in the Kazakh UI. */
function messageLanguages(uiLanguage: string): MessageLanguage[] {
  return uiLanguage === 'kk' ? ['kk', 'ru'] : ['ru', 'kk'];
}

type TextAreaRef = GetRef<typeof Input.TextArea>;

interface Props {
  lang: MessageLanguage;
  text: string;
  /** Test ids: `<prefix>-copy-<lang>` and `<prefix>-text-<lang>`. */
  testIdPrefix: string;
}

function CopyableMessage({ lang, text, testIdPrefix }: Props) {
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

interface MessagesModalProps {
  open: boolean;
  title: string;
  intro: string;
  /** The text in each language; null shows none. */
  messages: Record<MessageLanguage, string> | null;
  /** Test ids: `<prefix>-dialog`, `<prefix>-close` and those of each CopyableMessage. */
  testIdPrefix: string;
  onClose: () => void;
  /** Shown between the intro and the messages. */
  children?: ReactNode;
}

/** A dialog with an intro and the message in each language, each ready to copy. */
export function MessagesModal({ open, title, intro, messages, testIdPrefix, onClose, children }: MessagesModalProps) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      width={760}
      footer={<Button onClick={onClose} data-testid={`${testIdPrefix}-close`}>{t('ui.returnDialog.close')}</Button>}
      modalRender={(panel) => <div data-testid={`${testIdPrefix}-dialog`}>{panel}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      {children}
      {messages && messageLanguages(i18n.language).map((lang) => <CopyableMessage key={lang} lang={lang} testIdPrefix={testIdPrefix} text={messages[lang]} />)}
    </Modal>
  );
}
