// The message for a school whose file was returned for revision, in Russian and in Kazakh, each ready to copy
// into WhatsApp or an e-mail.
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CopyableMessage, MESSAGE_LANGUAGES } from '../../components/CopyableMessage.tsx';
import type { ReturnMessage } from '../../../../shared/imports.ts';

interface Props {
  /** The returned file's name, shown in the title; null keeps the dialog closed. */
  file: string | null;
  message: ReturnMessage | null;
  onClose: () => void;
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
      {message && MESSAGE_LANGUAGES.map((lang) => <CopyableMessage key={lang} lang={lang} testIdPrefix="return" text={message[lang]} />)}
    </Modal>
  );
}
