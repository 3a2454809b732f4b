// npm run bench:import — how long importing filled «Забота» reports takes, and how much memory it needs.
// The parent prepares one district (600 schools, their templates filled as schools fill them) once, then runs
// each measurement in a fresh child process on a fresh copy of the database, so that time and peak memory
// are the import's own. Numbers go to the console; BENCHMARKS.md keeps them with the machine and the method.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../main/db/open.ts';
import { createCampaign } from '../main/services/campaigns.ts';
import { buildTemplates } from '../main/services/exports.ts';
import { importReports } from '../main/services/imports.ts';
import { createSchool } from '../main/services/schools.ts';
import { schoolFields } from '../test/helpers/schools.ts';
import { fillTemplate } from '../test/helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
const SIZES = [100, 600];
const SCHOOLS = Math.max(...SIZES);

/** A school's values: a valid «Забота» report, a little different per school. */
function values(n: number): Record<string, number> {
  const k = 1 + (n % 7);
  return {
    Z01: 300 + n, Z02: 4 * k, Z03: 3 * k, Z04: 10 * k, Z05: 8 * k, Z06: 2 * k, Z07: 5 * k,
    Z10: 20 * k, Z11: 10 * k, Z12: 6 * k, Z13: 2 * k, Z14: k, Z15: k, Z20: 10 * k, Z21: 5 * k, Z22: 5 * k, Z23: 0, Z24: 0,
    Z30: 150000.5 * k, Z31: 100000 * k, Z32: 50000.5 * k, Z33: 0, Z34: 2,
  };
}

async function prepare(dir: string): Promise<void> {
  const database = await openDatabase(path.join(dir, 'district.sqlite'));
  for (let n = 1; n <= SCHOOLS; n++) {
    await createSchool(database.db, schoolFields(n));
  }
  await createCampaign(database.db, 'zabota', 2027);
  const { files } = await buildTemplates(database.db, CAMPAIGN);
  await database.close();
  mkdirSync(path.join(dir, 'files'));
  for (const [i, file] of files.entries()) writeFileSync(path.join(dir, 'files', `${String(i).padStart(4, '0')}.xlsx`), await fillTemplate(file.bytes, values(i)));
}

/** In the child: import the first `count` files into a copy of the prepared database; print time and peak memory. */
async function measure(dir: string, count: number): Promise<void> {
  const db = path.join(dir, `run-${count}.sqlite`);
  copyFileSync(path.join(dir, 'district.sqlite'), db);
  const database = await openDatabase(db);
  const names = readdirSync(path.join(dir, 'files')).sort().slice(0, count);
  const started = performance.now();
  const files = names.map((name) => ({ name, bytes: readFileSync(path.join(dir, 'files', name)) }));
  const outcomes = await importReports(database.db, CAMPAIGN, files);
  const ms = performance.now() - started;
  await database.close();
  const accepted = outcomes.filter((o) => o.status === 'accepted').length;
  console.log(JSON.stringify({ count, accepted, ms: Math.round(ms), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main(): Promise<void> {
  const [mode, dir, count] = process.argv.slice(2);
  if (mode === '--measure') return measure(dir, Number(count));
  // JINAQ_BENCH_DIR keeps the prepared district between runs (for profiling); otherwise a temporary folder.
  const kept = process.env.JINAQ_BENCH_DIR;
  const work = kept ?? mkdtempSync(path.join(tmpdir(), 'jinaq-bench-import-'));
  try {
    if (!kept || !existsSync(path.join(work, 'district.sqlite'))) {
      console.log(`Preparing ${SCHOOLS} schools and their filled «Забота» reports…`);
      mkdirSync(work, { recursive: true });
      await prepare(work);
    }
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    const self = fileURLToPath(import.meta.url);
    for (const size of SIZES) {
      for (let run = 1; run <= 3; run++) {
        const line = execFileSync(process.execPath, [self, '--measure', work, String(size)], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
        const result = JSON.parse(line) as { count: number; accepted: number; ms: number; peakMb: number };
        console.log(`${result.count} reports (run ${run}): ${result.ms} ms, ${result.accepted} accepted, peak memory ${result.peakMb} MB`);
      }
    }
  } finally {
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
}

await main();
