// The README's commands do their own set-up (plain JavaScript for any Node 18+, no dependencies):
//   node scripts/run.js start|web|test|jinaq|bench [args]
// Under an older Node it installs Node 24 (scripts/node24.js) and re-runs itself there; then `npm ci` when
// node_modules is missing or older than package-lock.json; for `test`, Debian's Chromium, LibreOffice Calc and openpyxl
// (apt-get when root, else one line saying what to run); for `bench`, openpyxl and GNU time, which
// the import benchmark uses (without them it says so and measures the rest); then the task's steps, stopping at the
// first that fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedNode, envWithNode, installNode, NEEDED_MAJOR, rerunUnder, runningOnNode24, toolsDir } from './node24.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [task, ...extra] = process.argv.slice(2);

const node = process.execPath;
/** `bench` runs them all; `bench import` (or any of these names) only those named. */
const BENCHES = { import: 'bench/import.ts', bomb: 'bench/open-bomb.ts', summary: 'bench/summary.ts', backup: 'bench/backup.ts', grid: 'bench/grid.ts' };
const TASKS = {
  start: [[npm, 'run', 'build'], [node, 'scripts/start-electron.js', ...extra]],
  web: [[npm, 'run', 'build:renderer'], [node, 'main/web.ts', ...extra]],
  test: [
    [npm, 'run', 'typecheck'],
    [npm, 'run', 'test:unit'],
    [npm, 'run', 'build'],
    [node, 'scripts/check-package.js'],
    [npm, 'run', 'test:e2e', ...extra],
  ],
  jinaq: [[node, 'bin/jinaq.js', ...extra]],
  bench: (extra.length > 0 ? extra : Object.keys(BENCHES)).map((name) => [node, BENCHES[name]]),
};

function fail(line) {
  console.error(`Jinaq: ${line}`);
  process.exit(1);
}

function run(command, args) {
  // This Node's folder first on PATH, so the npm scripts and `npm` itself run under it too.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: envWithNode(process.execPath), shell: process.platform === 'win32' });
  if (result.error) fail(`${command} could not be started (${result.error.message})`);
  return result.status ?? 1;
}

function ensureNode24() {
  if (runningOnNode24()) return;
  const node = cachedNode() ?? installNode();
  if (!node) fail(`Node ${NEEDED_MAJOR} could not be installed into ${toolsDir()} (this is ${process.version}, npm's message is above): check the network and run the command again, or install Node.js ${NEEDED_MAJOR} from https://nodejs.org`);
  rerunUnder(node);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Stale: a package the project names directly is missing from node_modules or not the version package-lock.json pins. */
function packagesStale() {
  const pkg = readJson(path.join(root, 'package.json'));
  const lock = readJson(path.join(root, 'package-lock.json'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  return names.some((name) => {
    const installed = readJson(path.join(root, 'node_modules', name, 'package.json'));
    return installed?.version !== lock?.packages?.[`node_modules/${name}`]?.version;
  });
}

function ensurePackages() {
  if (!packagesStale()) return;
  console.error('Jinaq: installing the npm packages (npm ci)');
  if (run(npm, ['ci', '--loglevel=error']) !== 0) fail('npm ci failed (see above); run it again when the network is back');
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * Installs the Debian packages with apt-get when root; else, or when apt-get fails, returns the one line saying what
 * to run (`then`: what to do after, when the user installs them); null when they are installed.
 */
function aptInstall(missing, purpose, then) {
  const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !has('apt-get')) return `${purpose} need ${missing.join(' and ')}: run \`sudo apt-get update && sudo ${install}\`${then}`;
  console.error(`Jinaq: installing ${missing.join(', ')} from Debian`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) return `apt-get could not install ${missing.join(', ')}; run \`${install}\` and see why`;
  }
  return null;
}

const hasOpenpyxl = () => spawnSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/**
 * What the tests need from Debian: Chromium for the end-to-end tests, LibreOffice Calc for the round-trip tests,
 * openpyxl for reading back the region's workbooks Jinaq fills, as a region's own scripts would.
 */
function ensureTestTools() {
  if (process.platform !== 'linux') return;
  const missing = [
    existsSync('/usr/bin/chromium') ? null : 'chromium',
    has('soffice') ? null : 'libreoffice-calc',
    hasOpenpyxl() ? null : 'python3-openpyxl',
  ].filter(Boolean);
  if (missing.length === 0) return;
  const problem = aptInstall(missing, 'the tests', ', then npm test again');
  if (problem) fail(problem);
}

/** What the import benchmark compares Jinaq with (openpyxl, for Debian's Python 3) and measures memory with (GNU time). */
function ensureBenchTools() {
  if (process.platform !== 'linux' || !has('apt-get')) return;
  const missing = [hasOpenpyxl() ? null : 'python3-openpyxl', existsSync('/usr/bin/time') ? null : 'time'].filter(Boolean);
  if (missing.length === 0) return;
  const problem = aptInstall(missing, 'the side-by-side import benchmark and its memory figures', '');
  if (problem) console.error(`Jinaq: ${problem} (the benchmarks run without them)`);
}

if (!TASKS[task]) fail(`unknown task «${task ?? ''}»: use node scripts/run.js start|web|test|jinaq|bench`);
if (task === 'bench') {
  const unknown = extra.filter((name) => !BENCHES[name]);
  if (unknown.length > 0) fail(`unknown benchmark «${unknown.join(', ')}»: use ${Object.keys(BENCHES).join(', ')}`);
}
ensureNode24();
ensurePackages();
if (task === 'test') ensureTestTools();
if (task === 'bench' && (extra.length === 0 || extra.includes('import'))) ensureBenchTools();
for (const [command, ...args] of TASKS[task]) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}
