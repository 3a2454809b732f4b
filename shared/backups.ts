// Copies of the district's database: the automatic ones in the backup folder, and what a restore reports back.
import type { Message } from './messages.ts';

export const BACKUP_KINDS = ['daily', 'beforeUpdate', 'beforeRestore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** The largest database file a restore accepts from an upload (years of reports with their files are far smaller). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;
/** The same copy as the API carries it, in base64. */
export const MAX_BACKUP_BASE64 = Math.ceil(MAX_BACKUP_BYTES / 3) * 4;

export interface BackupInfo {
  /** The file's name in the backup folder. */
  name: string;
  kind: BackupKind;
  /** Local date (daily copies) or local date and time, as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS. */
  createdAt: string;
  bytes: number;
}

export interface BackupList {
  databaseFile: string;
  folder: string;
  backups: BackupInfo[];
  /** Why today's automatic copy could not be made, or null. */
  problem: Message | null;
}

/** What a database file holds, shown before and after a restore. */
export interface DatabaseContents {
  schools: number;
  campaigns: number;
  reports: number;
  /** When the newest file was imported (UTC, as SQLite stores it), or null. */
  lastImportAt: string | null;
}

export interface RestoreResult extends DatabaseContents {
  /** The copy of the database as it was just before the restore, in the backup folder. */
  keptAs: string;
}
