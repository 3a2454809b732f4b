// npm run bench:import — Jinaq's import of filled «Забота» reports, side by side with what a specialist could script.
// The parent prepares one district once (600 schools, their templates filled as schools fill them, saved as files),
// then measures whole processes, each run interleaved with the others so that a change of load hits them alike:
//   - `jinaq import` (bin/jinaq.js, the real CLI) of 300 files on a fresh copy of the database: recognise, validate, store;
//   - bench/openpyxl-sum.py: openpyxl opens the same 300 files and sums the same value cells, nothing else — in its
//     default mode (the whole workbook, as most scripts do) and in its streaming read-only mode (the faster);
//   - bench/inflate.py: Python inflates every zip entry of the same 300 files — the floor of any reader;
//   - `jinaq import` of 600 files; start-up: `jinaq --help`, `jinaq import` of one file, and Node's own start.
// Wall time is measured around each process; its CPU time (user + system) and peak memory (maximum resident set) come
// from GNU time. The median of JINAQ_BENCH_RUNS runs (3) is reported, with the ratios the targets of issue 17 set.
// BENCHMARKS.md keeps the numbers.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../main/db/open.ts';
import { createCampaign } from '../main/services/campaigns.ts';
import { buildTemplates } from '../main/services/exports.ts';
import { createSchool } from '../main/services/schools.ts';
import { schoolFields } from '../test/helpers/schools.ts';
import { fillTemplate, validZabotaV2 } from '../test/helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
const SIDE_BY_SIDE = 300;
const LARGE = 600;
const RUNS = Number(process.env.JINAQ_BENCH_RUNS ?? 3);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jinaq = path.join(root, 'bin', 'jinaq.js');
const GNU_TIME = '/usr/bin/time';

/**
 * A school's values: a valid report of the form a new «Забота» campaign collects (version 2: the one-value rows and
 * the help grid), a little different per school.
 */
function values(n: number): Record<string, number> {
  const k = 1 + (n % 7);
  const report = validZabotaV2(k);
  return { ...report, Z01: report.Z01 + n };
}

const reports = (dir: string, count: number) => path.join(dir, `reports-${count}`);
const fileName = (i: number) => `${String(i).padStart(4, '0')}.xlsx`;

/** The district's database, and its filled reports in folders of 600, 300 and 1 (the smaller ones linked). */
async function prepare(dir: string): Promise<void> {
  const database = await openDatabase(path.join(dir, 'district.sqlite'));
  for (let n = 1; n <= LARGE; n++) await createSchool(database.db, schoolFields(n));
  await createCampaign(database.db, 'zabota', 2027);
  const { files } = await buildTemplates(database.db, CAMPAIGN);
  await database.close();
  for (const count of [LARGE, SIDE_BY_SIDE, 1]) mkdirSync(reports(dir, count));
  for (const [i, file] of files.entries()) {
    const target = path.join(reports(dir, LARGE), fileName(i));
    writeFileSync(target, await fillTemplate(file.bytes, values(i)));
    for (const count of [SIDE_BY_SIDE, 1]) if (i < count) linkSync(target, path.join(reports(dir, count), fileName(i)));
  }
}

/** The sum of the values the first `count` files hold: what the openpyxl script must find. */
function expectedSum(count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) for (const v of Object.values(values(i))) sum += v;
  return sum;
}

interface Measured {
  ms: number;
  /** User and system CPU time: steadier than wall time on a machine shared with other work. */
  cpuMs: number | null;
  peakMb: number | null;
  stdout: string;
}

/** Runs a whole process; wall time around it; its CPU time and peak resident set from GNU time when the machine has it. */
function runProcess(command: string, args: string[]): Measured {
  const withTime = existsSync(GNU_TIME);
  const report = path.join(tmpdir(), `jinaq-bench-rss-${process.pid}`);
  const [exe, argv] = withTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const result: SpawnSyncReturns<string> = spawnSync(exe, argv, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, cwd: root });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}${result.stdout.slice(-2000)}`);
  if (!withTime) return { ms, cpuMs: null, peakMb: null, stdout: result.stdout };
  const [kb, user, system] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(report, { force: true });
  return { ms, cpuMs: (user + system) * 1000, peakMb: Math.round(kb / 1024), stdout: result.stdout };
}

/** A fresh copy of the district's database, no report imported yet. */
function freshDatabase(dir: string): string {
  const db = path.join(dir, 'run.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  copyFileSync(path.join(dir, 'district.sqlite'), db);
  return db;
}

const importArgs = (dir: string, count: number) => ['import', '--campaign', CAMPAIGN, '--db', freshDatabase(dir), reports(dir, count)];

/** `jinaq import` of a folder on a fresh copy of the district's database. */
const jinaqImport = (dir: string, count: number): Measured => runProcess(process.execPath, [jinaq, ...importArgs(dir, count)]);

/** bench/openpyxl-sum.py over the side-by-side folder, its sum checked: the same cells as Jinaq reads, no fewer. */
function openpyxlSum(python: string, dir: string, expected: number, options: string[]): Measured {
  const measured = runProcess(python, [path.join(root, 'bench', 'openpyxl-sum.py'), ...options, reports(dir, SIDE_BY_SIDE)]);
  const { files, sum } = JSON.parse(measured.stdout) as { files: number; sum: number };
  if (files !== SIDE_BY_SIDE || Math.abs(sum - expected) > 1e-6 * expected) throw new Error(`openpyxl read ${files} files summing to ${sum}; expected ${SIDE_BY_SIDE} summing to ${expected}`);
  return measured;
}

/** The first Python 3 that imports openpyxl (Debian's python3-openpyxl is /usr/bin/python3's), else any Python 3. */
function findPython(): { python: string | null; openpyxl: string | null } {
  let fallback: string | null = null;
  for (const python of ['/usr/bin/python3', 'python3']) {
    const answer = spawnSync(python, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
    if (answer.error) continue;
    if (answer.status === 0) return { python, openpyxl: answer.stdout.trim() };
    fallback ??= python;
  }
  return { python: fallback, openpyxl: null };
}

interface Row {
  label: string;
  runs: Measured[];
  target?: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianMs = (row: Row) => median(row.runs.map((r) => r.ms));
function medianOf(row: Row, measure: 'cpuMs' | 'peakMb'): number | null {
  const xs = row.runs.map((r) => r[measure]);
  return xs.every((x) => x !== null) ? median(xs as number[]) : null;
}
const medianMb = (row: Row) => medianOf(row, 'peakMb');

function printTable(rows: Row[]): void {
  const cells = rows.map((row) => [
    row.label,
    `${Math.round(medianMs(row))} ms`,
    medianOf(row, 'cpuMs') === null ? 'n/a' : `${Math.round(medianOf(row, 'cpuMs')!)} ms`,
    medianMb(row) === null ? 'n/a' : `${medianMb(row)} MB`,
    row.runs.map((r) => Math.round(r.ms)).join(', '),
    row.target ?? '',
  ]);
  const header = ['what (whole process)', 'median', 'CPU', 'peak memory', 'runs (ms)', 'target'];
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 || c >= 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  console.log(['', line(header), ...cells.map(line)].join('\n'));
}

function ratio(label: string, a: Row, b: Row | undefined, target: string, meets: (r: number) => boolean): void {
  if (!b) return;
  const r = medianMs(a) / medianMs(b);
  const [cpuA, cpuB] = [medianOf(a, 'cpuMs'), medianOf(b, 'cpuMs')];
  const cpu = cpuA !== null && cpuB ? `; of CPU time ${(cpuA / cpuB).toFixed(2)}` : '';
  console.log(`${label}: ${r.toFixed(2)} of wall time (target ${target}: ${meets(r) ? 'met' : 'not met'})${cpu}`);
}

function commit(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', 'main', 'shared', 'bin'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  return dirty ? `${head} with uncommitted changes in main/, shared/ or bin/` : head;
}

/** The package a loaded file belongs to (`@scope/name` or `name`), or null for Jinaq's own files and Node's. */
function packageOf(url: string): string | null {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const [first, second] = url.slice(at + '/node_modules/'.length).split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

/** What a command loads, in two lines: modules by origin and the largest packages; which of our files import which package. */
function describeLoads(label: string, dir: string, args: string[]): void {
  const record = path.join(dir, 'loaded-modules.json');
  const result = spawnSync(process.execPath, ['--import', path.join(root, 'bench', 'loaded-modules.ts'), jinaq, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, JINAQ_BENCH_MODULES: record } });
  if (result.status !== 0) throw new Error(`${label} exited with ${result.status}: ${result.stderr}`);
  const { loaded, imports } = JSON.parse(readFileSync(record, 'utf8')) as { loaded: string[]; imports: [string, string][] };
  const perPackage = new Map<string, number>();
  for (const url of loaded) {
    const name = packageOf(url);
    if (name) perPackage.set(name, (perPackage.get(name) ?? 0) + 1);
  }
  const own = loaded.filter((url) => url.startsWith('file:') && !packageOf(url)).length;
  const packaged = [...perPackage.values()].reduce((a, b) => a + b, 0);
  const largest = [...perPackage].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, n]) => `${name} ${n}`).join(', ');
  console.log(`${label} loads ${loaded.length} modules: ${own} of Jinaq's, ${loaded.length - own - packaged} of Node's, ${packaged} from ${perPackage.size} packages (most: ${largest})`);
  const importers = new Map<string, Set<string>>();
  for (const [specifier, parent] of imports) {
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
    if (!importers.has(name)) importers.set(name, new Set());
    importers.get(name)!.add(path.relative(root, fileURLToPath(parent)));
  }
  const byWhom = [...importers].sort().map(([name, files]) => `${name} (${files.size > 3 ? `${files.size} files` : [...files].join(', ')})`);
  console.log(`  packages Jinaq's files import: ${byWhom.join('; ')}`);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  // JINAQ_BENCH_DIR keeps the prepared district between runs (for profiling; a new or empty folder the first time);
  // otherwise a temporary folder.
  const kept = process.env.JINAQ_BENCH_DIR;
  const work = kept ?? mkdtempSync(path.join(tmpdir(), 'jinaq-bench-import-'));
  try {
    if (!kept || !existsSync(path.join(reports(work, LARGE), fileName(LARGE - 1)))) {
      console.log(`Preparing ${LARGE} schools and their filled «Забота» reports…`);
      mkdirSync(work, { recursive: true });
      await prepare(work);
    }
    const { python, openpyxl } = findPython();
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; commit ${commit()}`);
    if (!python) console.log('No Python 3 here: only Jinaq is measured (install python3 and python3-openpyxl for the side-by-side).');
    else if (!openpyxl) console.log(`${python} has no openpyxl: openpyxl is not measured (as root: apt-get install python3-openpyxl; or npm run bench:import, which installs it).`);
    else console.log(`Python: ${python}, openpyxl ${openpyxl}`);
    if (!existsSync(GNU_TIME)) console.log(`No ${GNU_TIME}: CPU time and peak memory are not measured (Debian's package «time»).`);
    console.log(`Load average before: ${load()}`);

    const expected = expectedSum(SIDE_BY_SIDE);
    const rows = {
      jinaq: { label: `jinaq import, ${SIDE_BY_SIDE} files`, runs: [] } as Row,
      openpyxl: openpyxl ? ({ label: `openpyxl read and sum, ${SIDE_BY_SIDE} files`, runs: [] } as Row) : undefined,
      openpyxlStream: openpyxl ? ({ label: `openpyxl read-only, ${SIDE_BY_SIDE} files`, runs: [] } as Row) : undefined,
      inflate: python ? ({ label: `Python inflate, ${SIDE_BY_SIDE} files`, runs: [] } as Row) : undefined,
      large: { label: `jinaq import, ${LARGE} files`, runs: [], target: '< 3000 ms, < 300 MB' } as Row,
      help: { label: 'jinaq --help', runs: [] } as Row,
      one: { label: 'jinaq import, 1 file', runs: [] } as Row,
      node: { label: 'node -e 0 (Node alone)', runs: [] } as Row,
    };
    const node = process.execPath;
    for (let run = 1; run <= RUNS; run++) {
      rows.jinaq.runs.push(jinaqImport(work, SIDE_BY_SIDE));
      if (rows.openpyxl) rows.openpyxl.runs.push(openpyxlSum(python!, work, expected, []));
      if (rows.openpyxlStream) rows.openpyxlStream.runs.push(openpyxlSum(python!, work, expected, ['--read-only']));
      if (rows.inflate) rows.inflate.runs.push(runProcess(python!, [path.join(root, 'bench', 'inflate.py'), reports(work, SIDE_BY_SIDE)]));
      rows.large.runs.push(jinaqImport(work, LARGE));
      rows.help.runs.push(runProcess(node, [jinaq, '--help']));
      rows.one.runs.push(jinaqImport(work, 1));
      rows.node.runs.push(runProcess(node, ['-e', '0']));
      console.log(`run ${run} of ${RUNS} done (load average ${load()})`);
    }

    printTable(Object.values(rows).filter((row): row is Row => row !== undefined));
    console.log('');
    ratio('jinaq import / openpyxl', rows.jinaq, rows.openpyxl, '≤ 0.5', (r) => r <= 0.5);
    ratio('jinaq import / openpyxl read-only', rows.jinaq, rows.openpyxlStream, '≤ 0.5', (r) => r <= 0.5);
    ratio('jinaq import / Python inflate', rows.jinaq, rows.inflate, '≤ 10', (r) => r <= 10);
    const largeMb = medianMb(rows.large);
    console.log(`jinaq import of ${LARGE} files: ${Math.round(medianMs(rows.large))} ms, ${largeMb ?? 'n/a'} MB (target < 3000 ms and < 300 MB: ${medianMs(rows.large) < 3000 && largeMb !== null && largeMb < 300 ? 'met' : 'not met'})`);
    console.log(`Load average after: ${load()}`);
    console.log('');
    describeLoads('jinaq --help', work, ['--help']);
    describeLoads('jinaq import of 1 file', work, importArgs(work, 1));
    if (kept) console.log(`\nTo profile: cp ${work}/district.sqlite ${work}/run.sqlite && node --cpu-prof --cpu-prof-dir=${work}/profiles bin/jinaq.js import --campaign ${CAMPAIGN} --db ${work}/run.sqlite ${reports(work, SIDE_BY_SIDE)}`);
  } finally {
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
}

await main();
