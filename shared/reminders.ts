// The reminder a district sends the schools that have not reported yet: the campaign, the due date and the schools
// by name, ready to paste into WhatsApp or an e-mail. Pure, so the app and the tests word it the same way.
import type { TFunction } from 'i18next';
import { nestedQuotes } from './format.ts';

export interface ReminderFacts {
  campaignTitle: string;
  /** The schools that have not reported, by name, in the language of the text. */
  schools: string[];
  /** DD.MM.YYYY: the schools' due date. */
  dueDate: string;
  /** The due date has passed (by the office's clock): the text asks for the report at once. */
  overdue: boolean;
  /** The department's name, signing the text; left out when empty. */
  department: string;
}

export function reminderText(t: TFunction, facts: ReminderFacts): string {
  const intro = facts.overdue ? 'messages.reminder.introOverdue' : 'messages.reminder.intro';
  const request = facts.overdue ? 'messages.reminder.requestOverdue' : 'messages.reminder.request';
  const lines = [
    t('messages.reminder.greeting'),
    t(intro, { campaign: nestedQuotes(facts.campaignTitle), date: facts.dueDate }),
    '',
    ...(facts.schools.length > 0 ? [t('messages.reminder.schools'), ...facts.schools.map((name, i) => `${i + 1}. ${name}`), ''] : []),
    t(request),
    t('messages.reminder.thanks'),
    ...(facts.department.trim() ? [facts.department.trim()] : []),
  ];
  return lines.join('\n').trim();
}
