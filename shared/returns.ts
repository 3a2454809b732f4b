// The message a district sends a school with its report returned for revision: every problem with its place,
// ready to paste into WhatsApp or an e-mail. Pure, so the app, the CLI and the tests word it the same way.
import type { TFunction } from 'i18next';
import { nestedQuotes } from './format.ts';
import { formatMessage } from './i18n.ts';
import type { FileIssue } from './messages.ts';

export interface ReturnFacts {
  campaignTitle: string;
  schoolName: string;
  file: string;
  /** DD.MM.YYYY: by when the corrected file is due. */
  dueDate: string;
  department: string;
  issues: FileIssue[];
}

function placeOf(t: TFunction, issue: FileIssue): string {
  const parts = [
    issue.sheet ? t('messages.return.sheet', { sheet: issue.sheet }) : '',
    issue.cell ? t('messages.return.cell', { cell: issue.cell }) : '',
    issue.code ? t('messages.return.code', { code: issue.code }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

export function returnMessageText(t: TFunction, facts: ReturnFacts): string {
  const errors = facts.issues.filter((i) => i.severity === 'error');
  const warnings = facts.issues.filter((i) => i.severity === 'warning');
  const list = (issues: FileIssue[], from: number) => issues.map((issue, i) => `${from + i}. ${placeOf(t, issue)}${formatMessage(t, issue.message)}`);
  const lines = [
    t('messages.return.greeting'),
    t('messages.return.intro', { campaign: nestedQuotes(facts.campaignTitle), school: nestedQuotes(facts.schoolName), file: facts.file }),
    '',
    ...(errors.length > 0 ? [t('messages.return.errors'), ...list(errors, 1), ''] : []),
    ...(warnings.length > 0 ? [t('messages.return.warnings'), ...list(warnings, errors.length + 1), ''] : []),
    ...(facts.issues.length === 0 ? [t('messages.return.noIssues'), ''] : []),
    t('messages.return.resend', { date: facts.dueDate }),
    facts.department,
  ];
  return lines.join('\n').trim();
}
