// The reminder for the schools that have not reported, in Russian and in Kazakh, each ready to copy into WhatsApp
// or an e-mail: the campaign, the schools' due date, the schools by name and the department's name.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { MessagesModal, type MessageLanguage } from '../../components/CopyableMessage.tsx';
import type { CampaignSummary, DistrictSettings } from '../../../../shared/domain.ts';
import { tFor } from '../../../../shared/i18n.ts';
import { reminderText } from '../../../../shared/reminders.ts';
import { formatDate } from '../../components/format.ts';

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

export function ReminderDialog({ open, summary, settings, today, onClose }: Props) {
  const { t } = useTranslation();
  const message = texts(summary, settings, today);
  const unsigned = settings !== undefined && !settings.departmentRu && !settings.departmentKk && !settings.districtRu && !settings.districtKk;
  return (
    <MessagesModal
      open={open}
      title={t('ui.dashboard.reminder.title')}
      intro={t('ui.dashboard.reminder.intro')}
      messages={message}
      testIdPrefix="reminder"
      onClose={onClose}
    >
      {unsigned && <Alert type="info" showIcon className="reminder-unsigned" title={t('ui.dashboard.reminder.noDepartment')} />}
    </MessagesModal>
  );
}
