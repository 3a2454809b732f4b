// A machine whose Node is older than 24 (Debian's /usr/bin/node): the `jinaq` command and the launcher behind
// `npm start` / `npm run web` / `npm test` re-run under the cached Node 24, or say in one line what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/db.ts';

const root = path.resolve(import.meta.dirname, '../..');
const OLD_NODE = '/usr/bin/node';
const oldMajor = existsSync(OLD_NODE) ? Number(spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.replace(/^v/, '').split('.')[0]) : null;
const skipReason = oldMajor === null ? `${OLD_NODE} is absent` : oldMajor >= 24 ? `${OLD_NODE} is Node ${oldMajor}, not older than 24` : null;
const NODE_ERROR = /ERR_|^\s+at .+[:(]/m;

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, remove } = tempDir()));
afterEach(() => remove());

function underOldNode(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(OLD_NODE, args, { cwd: root, encoding: 'utf8', env: { ...process.env, JINAQ_LANG: 'ru', ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe.skipIf(skipReason !== null)(`under an older Node (${skipReason ?? `${OLD_NODE}, Node ${oldMajor}`})`, () => {
  // This Node 24 (the one running the tests) stands for the cached one: JINAQ_TOOLS_DIR's layout, Node in node24/node_modules/node/bin.
  const tools = path.resolve(path.dirname(process.execPath), '../../../..');

  it('jinaq --help re-runs under the cached Node 24 and prints the real help', () => {
    const result = underOldNode(['bin/jinaq.js', '--help'], { JINAQ_TOOLS_DIR: tools });
    expect(result.code).toBe(0);
    expect(`${result.out}${result.err}`).not.toMatch(NODE_ERROR);
    expect(result.err).toContain('jinaq import --campaign ID PATH...');
  });

  it('jinaq --help without Node 24 installed says in one line what to run', () => {
    const result = underOldNode(['bin/jinaq.js', '--help'], { JINAQ_TOOLS_DIR: dir });
    expect(result.code).toBe(2);
    expect(`${result.out}${result.err}`).not.toMatch(NODE_ERROR);
    expect(result.err.trim().split('\n')).toEqual([expect.stringMatching(/^Jinaq needs Node\.js 24 or newer \(this is v\d+\.\d+\.\d+\)\. Run `npm start` in the Jinaq folder once/)]);
  });

  it('the launcher checks the version, re-runs under Node 24 and runs the task', () => {
    const result = underOldNode(['scripts/run.js', 'jinaq', '--help'], { JINAQ_TOOLS_DIR: tools });
    expect(result.code).toBe(0);
    expect(`${result.out}${result.err}`).not.toMatch(NODE_ERROR);
    expect(result.err).toContain('jinaq import --campaign ID PATH...');
  });

  it('the launcher, when Node 24 cannot be installed, says so in one line after saying what it tried', () => {
    const result = underOldNode(['scripts/run.js', 'jinaq', '--help'], { JINAQ_TOOLS_DIR: dir, PATH: dir });
    expect(result.code).toBe(1);
    expect(`${result.out}${result.err}`).not.toMatch(NODE_ERROR);
    expect(result.err.trim().split('\n')).toEqual([
      `Jinaq: installing Node 24 into ${path.join(dir, 'node24')} (once; this Node is ${spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()})`,
      expect.stringMatching(/^Jinaq: Node 24 could not be installed into .*: check the network and run the command again, or install Node\.js 24 from https:\/\/nodejs\.org$/),
    ]);
  });
});
