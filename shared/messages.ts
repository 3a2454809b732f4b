// Messages travel as a key and parameters and are put into words by whoever shows them,
// so a stored import result reads in whatever language the user switches to later.
import type { MessageKey } from './text-keys.ts';

export type { MessageKey };

export type MessageParams = Record<string, string | number>;

export interface Message {
  /** A key under `messages` in the locale files, e.g. "import.notANumber": one that does not exist is a type error. */
  key: MessageKey;
  params?: MessageParams;
}

export type Severity = 'error' | 'warning';

/** One problem found in a file, placed as precisely as the file allows. */
export interface FileIssue {
  severity: Severity;
  sheet?: string;
  cell?: string;
  code?: string;
  message: Message;
}

export function issue(severity: Severity, key: MessageKey, params?: MessageParams, where: Omit<FileIssue, 'severity' | 'message'> = {}): FileIssue {
  return { severity, ...where, message: { key, params } };
}
