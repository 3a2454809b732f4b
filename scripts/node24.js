// Node 24 for Jinaq whatever Node started it (plain JavaScript that Node 18 and later can run, no dependencies):
// the one set-up path of the README's commands, bin/jinaq.js and .ci/run. Jinaq's sources are TypeScript that only
// Node 24 runs directly; an older Node re-runs the same command under Node 24 from the npm registry, kept in
// $JINAQ_TOOLS_DIR/node24 (default ~/.cache/jinaq-tools/node24).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NEEDED_MAJOR = 24;

export function toolsDir() {
  return process.env.JINAQ_TOOLS_DIR || path.join(os.homedir(), '.cache', 'jinaq-tools');
}

export function cachedNodeBinDir() {
  return path.join(toolsDir(), 'node24', 'node_modules', 'node', 'bin');
}

export function majorOf(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** The cached Node 24's path when it is there and answers as v24, else null. */
export function cachedNode() {
  const node = path.join(cachedNodeBinDir(), process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) return null;
  const answer = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return answer.status === 0 && majorOf(answer.stdout.trim()) === NEEDED_MAJOR ? node : null;
}

/** Installs Node 24 from the npm registry into the tools folder; returns its path, or null (npm said why). */
export function installNode() {
  const prefix = path.join(toolsDir(), 'node24');
  console.error(`Jinaq: installing Node ${NEEDED_MAJOR} into ${prefix} (once; this Node is ${process.version})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', prefix, '--no-save', '--loglevel=error', `node@${NEEDED_MAJOR}`], { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0 ? cachedNode() : null;
}

/** The environment of a child run under Node 24: its folder first on PATH, so `npm` and `node` inside are Node 24 too. */
export function envWithNode(node) {
  return { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
}

/** Runs this same script again under `node` with the same arguments, and exits with its exit code. */
export function rerunUnder(node) {
  const result = spawnSync(node, process.argv.slice(1), { stdio: 'inherit', env: envWithNode(node) });
  process.exit(result.status ?? 1);
}

export const runningOnNode24 = () => majorOf(process.version) >= NEEDED_MAJOR;

/** The one line said when Node 24 is neither running nor installed, and cannot be installed here. */
export function needNodeLine() {
  return `Jinaq needs Node.js ${NEEDED_MAJOR} or newer (this is ${process.version}). Run \`npm start\` in the Jinaq folder once (it installs Node ${NEEDED_MAJOR} into ${path.join(toolsDir(), 'node24')}), or install Node.js ${NEEDED_MAJOR} from https://nodejs.org.`;
}
