// The restore check's process in the desktop app: Electron's utility process. Node's fork cannot be used here — it
// needs ELECTRON_RUN_AS_NODE, which the runAsNode fuse turns off (electron-builder.yml).
import { utilityProcess } from 'electron';
import type { StartCheckProcess } from '../db/restore-check.ts';
import type { CheckReply } from '../db/restore-check-worker.ts';

export const utilityCheckProcess: StartCheckProcess = (script) => {
  const child = utilityProcess.fork(script, [], { stdio: ['ignore', 'ignore', 'inherit'], serviceName: 'Jinaq restore check' });
  return {
    pid: child.pid,
    send: (request) => child.postMessage(request),
    onReply: (listener) => child.once('message', (reply: CheckReply) => listener(reply)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
};
