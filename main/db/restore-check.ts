// A file offered for a restore is checked in a worker thread under a time bound: a file made so that a check never
// ends is refused once the bound passes, and the app goes on.
// A worker stuck inside one SQLite call cannot be stopped (better-sqlite3 has no sqlite3_interrupt, and its SQLite is
// built without a progress handler); that is why the worker runs none of the file's own SQL before the schema is
// proven Jinaq's (main/db/restore-check-worker.ts), so every call it makes ends, the bound keeping the app free.
import { Worker } from 'node:worker_threads';
import type { DatabaseContents } from '../../shared/backups.ts';
import { AppError } from '../errors.ts';
import type { CheckReply, CheckRequest } from './restore-check-worker.ts';

/** Generous: a district's database of several years is checked in seconds. */
export const RESTORE_CHECK_BOUND_MS = 30_000;

// Run from the sources, the worker is the .ts beside this file; the desktop bundle has it beside main.mjs
// (scripts/build-electron.js).
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './restore-check-worker.ts' : './restore-check-worker.mjs', import.meta.url);

/** What the file holds, once it passed every check; an AppError naming what is wrong otherwise. */
export function checkRestoreCandidate(request: CheckRequest, boundMs = RESTORE_CHECK_BOUND_MS): Promise<DatabaseContents> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: request });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new AppError('invalid_input', 'backup.checkTimedOut', { file: request.shownName, seconds: Math.ceil(boundMs / 1000) })));
    }, boundMs);
    worker.once('message', (reply: CheckReply) => {
      settle(() => (reply.ok ? resolve(reply.contents) : reject(new AppError(reply.code, reply.key, reply.params))));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the restore check stopped without an answer (exit code ${code})`))));
  });
}
