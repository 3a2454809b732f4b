// The message for a school whose file was returned for revision, in Russian and in Kazakh, each ready to copy
// into WhatsApp or an e-mail.
import { useTranslation } from 'react-i18next';
import { MessagesModal } from '../../components/CopyableMessage.tsx';
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
    <MessagesModal
      open={file !== null && message !== null}
      title={t('ui.returnDialog.title', { file: file ?? '' })}
      intro={t('ui.returnDialog.intro')}
      messages={message}
      testIdPrefix="return"
      onClose={onClose}
    />
  );
}
