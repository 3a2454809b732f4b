// The open database of a running app (desktop, browser mode, CLI) and what is done to it as a whole:
// copies for the user, and a restore that swaps the file under the app after keeping the current one.
import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BackupList, RestoreResult } from '../../shared/backups.ts';
import { AppError } from '../errors.ts';
import type { OutputFile } from '../platform.ts';
import { automaticBackup, backupTo, listBackups, manualBackupName } from './backup.ts';
import { defaultMigrationsDir } from './migrate.ts';
import { openDatabase, type Database, type OpenedDatabase, type OpenOptions } from './open.ts';
import { checkRestoreCandidate, type StartCheckProcess } from './restore-check.ts';

export interface SessionOptions extends OpenOptions {
  /** How long the checks of a file offered for a restore may take (default RESTORE_CHECK_BOUND_MS). */
  restoreCheckMs?: number;
  /** How the check's process is started: Node's fork by default, Electron's utility process in the desktop app. */
  startCheckProcess?: StartCheckProcess;
}

export class DatabaseSession {
  private opened: OpenedDatabase;
  private readonly options: SessionOptions;

  private constructor(opened: OpenedDatabase, options: SessionOptions) {
    this.opened = opened;
    this.options = options;
  }

  static async open(file: string, options: SessionOptions = {}): Promise<DatabaseSession> {
    return new DatabaseSession(await openDatabase(file, options), options);
  }

  /** A session over a database opened already (with the options it was opened with). */
  static over(opened: OpenedDatabase, options: SessionOptions = {}): DatabaseSession {
    return new DatabaseSession(opened, options);
  }

  /** Always the database open now: a restore replaces it. */
  get db(): Kysely<Database> {
    return this.opened.db;
  }

  /** The better-sqlite3 handle under the database open now. */
  get raw(): BetterSqlite3.Database {
    return this.opened.raw;
  }

  get file(): string {
    return this.opened.file;
  }

  private get now(): Date {
    return this.options.now?.() ?? new Date();
  }

  list(): BackupList {
    const problem = this.opened.backupProblem;
    return {
      databaseFile: path.resolve(this.opened.file),
      folder: this.opened.backupDir,
      backups: listBackups(this.opened.backupDir),
      problem: problem ? { key: problem.key, params: problem.params } : null,
    };
  }

  /** A verified copy the user takes away, e.g. to a USB stick. */
  async copyForUser(): Promise<OutputFile> {
    const name = manualBackupName(this.now);
    const temporary = path.join(os.tmpdir(), `jinaq-${process.pid}-${Date.now()}-${name}`);
    try {
      await backupTo(this.opened.raw, temporary);
      return { name, bytes: readFileSync(temporary) };
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  /** A verified copy at a path of the user's choosing (the CLI's `backup --out`). */
  backupTo(target: string): Promise<void> {
    return backupTo(this.opened.raw, target);
  }

  /** Restores one of the automatic copies, named as `list()` names it. */
  async restoreBackup(name: string): Promise<RestoreResult> {
    const backup = this.list().backups.find((candidate) => candidate.name === name);
    if (!backup) throw new AppError('not_found', 'backup.unknown', { file: name });
    return this.restoreFile(path.join(this.opened.backupDir, backup.name));
  }

  async restoreFile(source: string): Promise<RestoreResult> {
    const staging = this.stagingFile();
    try {
      copyFileSync(source, staging);
    } catch (error) {
      throw new AppError('not_found', 'backup.cannotRead', { file: source, details: error instanceof Error ? error.message : String(error) });
    }
    return this.restoreStaged(staging, path.basename(source));
  }

  async restoreBytes(name: string, bytes: Uint8Array): Promise<RestoreResult> {
    const staging = this.stagingFile();
    writeFileSync(staging, bytes);
    return this.restoreStaged(staging, name);
  }

  close(): Promise<void> {
    return this.opened.close();
  }

  private stagingFile(): string {
    return `${path.resolve(this.opened.file)}.restoring`;
  }

  /**
   * Keeps the current database in the backup folder, then puts the staged file in its place and opens it
   * (an older backup is migrated, with its own copy first). If the new file will not open, the kept one goes back.
   */
  private async restoreStaged(staging: string, shownName: string): Promise<RestoreResult> {
    const file = path.resolve(this.opened.file);
    try {
      const migrationsDir = this.options.migrationsDir ?? defaultMigrationsDir();
      const contents = await checkRestoreCandidate({ file: staging, shownName, migrationsDir }, this.options.restoreCheckMs, this.options.startCheckProcess);
      const keptAs = await automaticBackup(this.opened.raw, this.opened.backupDir, 'beforeRestore', this.now);
      const reopenOptions = { ...this.options, dailyBackup: false };
      const backupDir = this.opened.backupDir;
      await this.opened.close();
      try {
        for (const leftover of [`${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
        renameSync(staging, file);
        this.opened = await openDatabase(file, reopenOptions);
      } catch (error) {
        copyFileSync(path.join(backupDir, keptAs), file);
        this.opened = await openDatabase(file, reopenOptions);
        throw error;
      }
      return { keptAs, ...contents };
    } finally {
      rmSync(staging, { force: true });
      rmSync(`${staging}-journal`, { force: true });
    }
  }
}
