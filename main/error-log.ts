// Details of an unexpected error go to a log file, never to the user's screen or the browser:
// jinaq-errors.log beside the database, else (that folder missing or read-only) in the OS temp folder.
import { appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ERROR_LOG_NAME = 'jinaq-errors.log';

/** Appends the time, what was being done and the error's stack to the log; returns the log file's path. */
export function logError(databaseFile: string, context: string, error: unknown): string {
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const entry = `[${new Date().toISOString()}] ${context}\n${details}\n\n`;
  const places = [...(databaseFile ? [path.dirname(path.resolve(databaseFile))] : []), os.tmpdir()];
  for (const dir of places) {
    const file = path.join(dir, ERROR_LOG_NAME);
    try {
      appendFileSync(file, entry);
      return file;
    } catch {
      // this folder cannot take it: the next one
    }
  }
  return path.join(os.tmpdir(), ERROR_LOG_NAME);
}
