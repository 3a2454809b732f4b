// A file offered for a restore is checked in a process of its own under a time bound: a file made so that a check
// never ends is refused once the bound passes, the process is killed, and the app goes on.
// A process, not a worker thread: a thread stuck inside one SQLite call cannot be stopped (better-sqlite3 has no
// sqlite3_interrupt, and its SQLite is built without a progress handler), and Node waits for it at exit. The worker
// also runs none of the file's own SQL before the schema is proven Jinaq's (main/db/restore-check-worker.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseContents } from '../../shared/backups.ts';
import { AppError } from '../errors.ts';
import type { CheckReply, CheckRequest } from './restore-check-worker.ts';

/** Generous: a district's database of several years is checked in seconds. */
export const RESTORE_CHECK_BOUND_MS = 30_000;

/** A started check: what the platform's process API gives (Node's child process, Electron's utility process). */
export interface CheckProcess {
  pid?: number;
  send(request: CheckRequest): void;
  onReply(listener: (reply: CheckReply) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts the worker script as a process. The desktop app passes Electron's utilityProcess (main/electron/). */
export type StartCheckProcess = (script: string) => CheckProcess;

/** Node's own: `fork` runs the script under the same Node (the CLI, browser mode, the tests). */
export const forkCheckProcess: StartCheckProcess = (script) => {
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return {
    pid: child.pid,
    send: (request) => child.send(request),
    onReply: (listener) => child.once('message', (reply) => listener(reply as CheckReply)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
};

// Run from the sources, the worker is the .ts beside this file; the desktop bundle has it beside main.mjs
// (scripts/build-electron.js).
const WORKER = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './restore-check-worker.ts' : './restore-check-worker.mjs', import.meta.url));

/** What the file holds, once it passed every check; an AppError naming what is wrong otherwise. */
export function checkRestoreCandidate(
  request: CheckRequest, boundMs = RESTORE_CHECK_BOUND_MS, start: StartCheckProcess = forkCheckProcess,
): Promise<DatabaseContents> {
  return new Promise((resolve, reject) => {
    const check = start(WORKER);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      check.kill();
      outcome();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new AppError('invalid_input', 'backup.checkTimedOut', { file: request.shownName, seconds: Math.ceil(boundMs / 1000) })));
    }, boundMs);
    check.onReply((reply) => settle(() => (reply.ok ? resolve(reply.contents) : reject(new AppError(reply.code, reply.key, reply.params)))));
    check.onExit((code) => settle(() => reject(new Error(`the restore check stopped without an answer (exit code ${code})`))));
    check.send(request);
  });
}
