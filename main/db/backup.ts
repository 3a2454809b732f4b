// Copies of the database: made with SQLite's online backup (safe while the app works), written under a
// temporary name, checked with `PRAGMA integrity_check` and only then given their real name.
// The automatic ones live in `backups/` next to the database: one a day, and one before every update or restore.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { localIsoDate } from '../../shared/dates.ts';
import type { BackupInfo, BackupKind } from '../../shared/backups.ts';
import { AppError } from '../errors.ts';
import { openSqlite } from './connection.ts';

/** How many copies of each kind are kept; the oldest go first. */
export const BACKUPS_KEPT: Record<BackupKind, number> = { daily: 14, beforeUpdate: 4, beforeRestore: 4 };

const FILE_PREFIX: Record<BackupKind, string> = { daily: 'jinaq-daily-', beforeUpdate: 'jinaq-before-update-', beforeRestore: 'jinaq-before-restore-' };
const BACKUP_NAME = /^jinaq-(daily|before-update|before-restore)-(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2})(\d{2}))?\.sqlite$/;
const KIND_OF_PREFIX: Record<string, BackupKind> = { daily: 'daily', 'before-update': 'beforeUpdate', 'before-restore': 'beforeRestore' };

export function defaultBackupDir(databaseFile: string): string {
  return path.join(path.dirname(path.resolve(databaseFile)), 'backups');
}

function localTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** `jinaq-daily-2026-11-22.sqlite`, `jinaq-before-update-2026-11-22-093005.sqlite`: sorted by name = sorted by time. */
export function backupFileName(kind: BackupKind, at: Date): string {
  const day = localIsoDate(at);
  return kind === 'daily' ? `${FILE_PREFIX.daily}${day}.sqlite` : `${FILE_PREFIX[kind]}${day}-${localTime(at)}.sqlite`;
}

/** A name for a copy the user takes away (a USB stick): the district can keep many side by side. */
export function manualBackupName(at: Date): string {
  return `jinaq-backup-${localIsoDate(at)}-${localTime(at)}.sqlite`;
}

function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, prefix, day, hh, mm, ss] = match;
  return { kind: KIND_OF_PREFIX[prefix], createdAt: hh ? `${day}T${hh}:${mm}:${ss}` : day };
}

/** Opens a copy, makes it one self-contained file (no -wal beside it) and checks every page of it. */
function verifyCopy(file: string): void {
  const copy = openSqlite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new AppError('conflict', 'backup.damaged', { file, details: String(result) });
  } finally {
    copy.close();
  }
}

/** Removes a copy that went wrong and whatever SQLite left beside it; a folder that cannot be written is left as it is. */
function removeQuietly(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      rmSync(name, { force: true });
    } catch {
      // Nothing to clean where nothing could be written.
    }
  }
}

/** Writes a verified copy of the open database to `target` (replacing a file of that name only once the copy is good). */
export async function backupTo(raw: BetterSqlite3.Database, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    removeQuietly(partial);
    await raw.backup(partial);
    verifyCopy(partial);
    renameSync(partial, target);
  } catch (error) {
    removeQuietly(partial);
    if (error instanceof AppError) throw error;
    throw new AppError('conflict', 'backup.failed', { file: target, details: error instanceof Error ? error.message : String(error) });
  }
}

/** The copies in the folder, newest first; none when the folder is missing or cannot be read. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    backups.push({ name, ...parsed, bytes: statSync(path.join(dir, name)).size });
  }
  return backups.sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest copies of a kind (BACKUPS_KEPT) and deletes the rest. */
export function pruneBackups(dir: string, kind: BackupKind): void {
  const ofKind = listBackups(dir).filter((backup) => backup.kind === kind);
  for (const old of ofKind.slice(BACKUPS_KEPT[kind])) rmSync(path.join(dir, old.name), { force: true });
}

/** An automatic copy into the backup folder, then the oldest of its kind pruned. Returns the copy's name. */
export async function automaticBackup(raw: BetterSqlite3.Database, dir: string, kind: BackupKind, at: Date): Promise<string> {
  const name = backupFileName(kind, at);
  await backupTo(raw, path.join(dir, name));
  pruneBackups(dir, kind);
  return name;
}

/** The first start of a day makes that day's copy; later starts find it there. */
export async function dailyBackup(raw: BetterSqlite3.Database, dir: string, at: Date): Promise<string | null> {
  if (existsSync(path.join(dir, backupFileName('daily', at)))) return null;
  return automaticBackup(raw, dir, 'daily', at);
}
