// The reminder for the schools that have not reported, in Russian and in Kazakh, each ready to copy into WhatsApp
// or an e-mail: the campaign, the schools' due date, the schools by name and the department's name.
import { useRef } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Typography } from 'antd';
import type { GetRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, DistrictSettings } from '../../../../shared/domain.ts';
import { tFor } from '../../../../shared/i18n.ts';
import { reminderText } from '../../../../shared/reminders.ts';
import { formatDate } from '../../components/format.ts';

type MessageLanguage = 'ru' | 'kk';
type TextAreaRef = GetRef<typeof Input.TextArea>;

const LANGUAGES: readonly MessageLanguage[] = ['ru', 'kk'];

interface Props {
  open: boolean;
  summary: CampaignSummary;
  settings: DistrictSettings | undefined;
  /** Today as YYYY-MM-DD in the office's time zone: past the due date the text asks for the report at once. */
  today: string;
  onClose: () => void;
}

/** The department signing the text, or the district when the department's name is not set. */
function signature(settings: DistrictSettings | undefined, lang: MessageLanguage): string {
  if (!settings) return '';
  return lang === 'kk' ? settings.departmentKk || settings.districtKk : settings.departmentRu || settings.districtRu;
}

function texts(summary: CampaignSummary, settings: DistrictSettings | undefined, today: string): Record<MessageLanguage, string> {
  const text = (lang: MessageLanguage) =>
    reminderText(tFor(lang), {
      campaignTitle: summary.campaign.title[lang],
      schools: summary.missing.map((school) => (lang === 'kk' ? school.nameKk || school.nameRu : school.nameRu) || school.shortName),
      dueDate: formatDate(summary.campaign.schoolDueOn),
      overdue: today > summary.campaign.schoolDueOn,
      department: signature(settings, lang),
    });
  return { ru: text('ru'), kk: text('kk') };
}

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
        <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`reminder-copy-${lang}`}>
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
        data-testid={`reminder-text-${lang}`}
      />
    </div>
  );
}

export function ReminderDialog({ open, summary, settings, today, onClose }: Props) {
  const { t } = useTranslation();
  const message = texts(summary, settings, today);
  const unsigned = settings !== undefined && !settings.departmentRu && !settings.departmentKk && !settings.districtRu && !settings.districtKk;
  return (
    <Modal
      open={open}
      title={t('ui.dashboard.reminder.title')}
      onCancel={onClose}
      width={760}
      footer={<Button onClick={onClose} data-testid="reminder-close">{t('ui.returnDialog.close')}</Button>}
      modalRender={(panel) => <div data-testid="reminder-dialog">{panel}</div>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('ui.dashboard.reminder.intro')}</Typography.Paragraph>
      {unsigned && <Alert type="info" showIcon className="reminder-unsigned" title={t('ui.dashboard.reminder.noDepartment')} />}
      {LANGUAGES.map((lang) => <MessageBlock key={lang} lang={lang} text={message[lang]} />)}
    </Modal>
  );
}
