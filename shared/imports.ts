// What the import keeps and shows: the log of every file, the versions of a school's report, the audit of values.
import type { ImportOutcome } from './domain.ts';
import type { FileIssue } from './messages.ts';

/**
 * The largest school file the import reads, checked before anything else (the renderer does not even send a larger
 * one). A filled template is tens of kilobytes; 20 MB is a file with photos pasted in, or not a report at all.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Where a file stands, as the import log filters it: accepted, accepted with warnings, returned to the school
 * for revision (until its next file arrives), rejected, a duplicate of a file already imported, or a rejected file
 * that was no school's report at all, dismissed by the specialist.
 */
export const IMPORT_STATES = ['accepted', 'acceptedWithWarnings', 'returned', 'rejected', 'duplicate', 'dismissed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** A file the school sent, or values a specialist typed in while the school dictated them. */
export type ReportSource = 'file' | 'manual';

/** One file as the import log keeps it. */
export interface ImportRecord extends ImportOutcome {
  id: number;
  importedAt: string;
  /** This file's report is the school's current one. */
  current: boolean;
  state: ImportState;
  source: ReportSource;
  returnedAt: string | null;
  dismissedAt: string | null;
  /** The OS user who imported it. */
  user: string;
  schoolId: number | null;
}

/** Rejected files the overview asks the specialist to answer. */
export interface OpenRejections {
  /** Per school whose latest file (or hand entry) was rejected and not yet returned to it: that file. */
  schools: ImportRecord[];
  /** Rejected files that named no known school and were not dismissed: not a report, or a school not in the registry. */
  unattributed: ImportRecord[];
}

/**
 * From the import log (newest first): the schools whose latest import was rejected, counted once however many
 * files they sent, and the rejected files that belong to no school. Duplicates answer nothing; a file returned for
 * revision is counted as returned, not here; a school's later accepted file or hand entry answers its rejection.
 */
export function openRejections(history: ImportRecord[]): OpenRejections {
  const latest = new Map<number, ImportRecord>();
  for (const record of history) {
    if (record.schoolId === null || record.status === 'duplicate') continue;
    if ((latest.get(record.schoolId)?.id ?? 0) < record.id) latest.set(record.schoolId, record);
  }
  return {
    schools: [...latest.values()].filter((record) => record.state === 'rejected').sort((a, b) => b.id - a.id),
    unattributed: history.filter((record) => record.schoolId === null && record.state === 'rejected'),
  };
}

/** A row code whose value differs between two versions of a report; null is a blank. */
export interface ValueChange {
  code: string;
  before: string | null;
  after: string | null;
}

/** One accepted report of a school in a campaign, oldest first, with what changed against the one before. */
export interface ReportVersion {
  reportId: number;
  importId: number;
  file: string;
  source: ReportSource;
  receivedAt: string;
  formVersion: number;
  current: boolean;
  changes: ValueChange[];
}

/** One change of a stored value: when, which value, from what to what, why, and by whom. */
export interface AuditEntry {
  id: number;
  at: string;
  schoolId: number;
  schoolName: string;
  code: string;
  before: string | null;
  after: string | null;
  reason: 'file' | 'manual' | 'restore';
  user: string;
  reportId: number;
  file: string;
}

/** The text to send the school with its report returned for revision, in both languages. */
export interface ReturnMessage {
  ru: string;
  kk: string;
}

/**
 * A file whose two mentions of its school disagree (the template's identification and the header, or the hidden
 * sheet and the «Comments» property): refused with one of these, naming both schools, until the specialist chooses.
 */
export const SCHOOL_DISAGREEMENTS = ['import.headerBinDisagrees', 'import.headerNameDisagrees', 'import.identificationDisagrees'] as const;

/** The schools a refused file may be accepted as ('reports.acceptAs'), from its disagreement's parameters. */
export function schoolChoicesOf(errors: FileIssue[]): Array<{ bin: string; name: string }> {
  const found = errors.find((e) => (SCHOOL_DISAGREEMENTS as readonly string[]).includes(e.message.key));
  const params = found?.message.params ?? {};
  return (['file', 'other'] as const)
    .map((side) => ({ bin: String(params[`${side}Bin`] ?? ''), name: String(params[`${side}School`] ?? '') }))
    .filter((choice) => /^\d{12}$/.test(choice.bin));
}
