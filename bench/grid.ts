// npm run bench:grid — a district of 600 schools on a form of 20 one-value rows and a 20 × 8 grid: `jinaq import` of
// the 600 filled templates as a whole process, then the summary and the district export of the imported campaign as
// the app makes them (getSummary, buildSummaryWorkbook), 5 runs each. The console shows every run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../main/db/open.ts';
import { createCampaign, setCampaignForm } from '../main/services/campaigns.ts';
import { buildSummaryWorkbook, buildTemplates } from '../main/services/exports.ts';
import { copyForm, saveForm } from '../main/services/forms.ts';
import { createSchool } from '../main/services/schools.ts';
import { getSummary } from '../main/services/summary.ts';
import type { FormDefinition, GridTable, Indicator } from '../shared/forms/types.ts';
import { schoolFields } from '../test/helpers/schools.ts';
import { fillTemplate } from '../test/helpers/workbooks.ts';

const SCHOOLS = 600;
const GRID_ROWS = 20;
const GRID_COLUMNS = 8;
const ONE_VALUE_ROWS = 20;
const RUNS = 5;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const code = (prefix: string, n: number) => `${prefix}${String(n).padStart(2, '0')}`;

function benchForm(base: FormDefinition): FormDefinition {
  const indicators: Indicator[] = Array.from({ length: ONE_VALUE_ROWS }, (_, i) => ({
    code: code('B', i + 1), label: { ru: `Показатель ${i + 1}`, kk: `Көрсеткіш ${i + 1}` }, type: 'count', required: i < 5,
  }));
  const grid: GridTable = {
    kind: 'grid',
    id: 'bench',
    title: { ru: 'Таблица по категориям', kk: 'Санаттар бойынша кесте' },
    rows: Array.from({ length: GRID_ROWS }, (_, i) => ({ code: code('G', i + 1), label: { ru: `Строка ${i + 1}`, kk: `Жол ${i + 1}` }, required: i === 0 })),
    columns: Array.from({ length: GRID_COLUMNS }, (_, i) => ({
      code: String(i + 1), label: { ru: `Графа ${i + 1}`, kk: `Баған ${i + 1}` }, type: i === GRID_COLUMNS - 1 ? ('money' as const) : ('count' as const),
    })),
  };
  return {
    ...base,
    indicators,
    rules: [
      { id: 'B-R1', text: 'B02 <= B01', severity: 'error' },
      { id: 'G-R1', text: '*.1 >= *.2', severity: 'error' },
      { id: 'G-R2', text: 'G01.* >= G02.*', severity: 'error' },
      { id: 'G-R3', text: '*.2..7 >= *.1', severity: 'warning' },
    ],
    tables: [grid],
  };
}

/** A school's report: every cell filled, valid, a little different per school. */
function values(n: number): Record<string, number> {
  const k = 1 + (n % 7);
  const filled: Record<string, number> = {};
  for (let i = 1; i <= ONE_VALUE_ROWS; i++) filled[code('B', i)] = i === 1 ? 100 + k : k;
  for (let r = 1; r <= GRID_ROWS; r++) {
    for (let c = 1; c <= GRID_COLUMNS; c++) filled[`${code('G', r)}.${c}`] = c === GRID_COLUMNS ? 1000.5 * k : r === 1 ? 10 * k : k;
  }
  return filled;
}

async function time(label: string, action: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await action();
    times.push(Math.round(performance.now() - started));
  }
  console.log(`${label}: ${times.join(', ')} ms (median ${[...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]} ms)`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinaq-bench-grid-'));
  const dbFile = path.join(dir, 'district.sqlite');
  try {
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    const database = await openDatabase(dbFile);
    for (let n = 1; n <= SCHOOLS; n++) await createSchool(database.db, schoolFields(n));
    const copy = await copyForm(database.db, 'zabota', 1);
    const form = benchForm(copy.form);
    await saveForm(database.db, form);
    const campaign = await createCampaign(database.db, 'zabota', 2027);
    await setCampaignForm(database.db, campaign.id, form.version);
    const { files } = await buildTemplates(database.db, campaign.id);
    await database.close();
    const reports = path.join(dir, 'reports');
    mkdirSync(reports);
    for (const [i, file] of files.entries()) writeFileSync(path.join(reports, `${String(i).padStart(4, '0')}.xlsx`), await fillTemplate(file.bytes, values(i)));
    console.log(`${files.length} filled reports of ${ONE_VALUE_ROWS} rows and a ${GRID_ROWS} × ${GRID_COLUMNS} grid; load average ${loadavg()[0].toFixed(2)}`);

    const started = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'bin', 'jinaq.js'), 'import', '--campaign', campaign.id, '--db', dbFile, reports], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    if (run.status !== 0) throw new Error(`jinaq import exited with ${run.status}:\n${run.stderr}${run.stdout.slice(-2000)}`);
    console.log(`jinaq import of ${files.length} reports (whole process): ${Math.round(performance.now() - started)} ms`);

    const imported = await openDatabase(dbFile);
    const summary = await getSummary(imported.db, campaign.id);
    if (summary.reported !== SCHOOLS) throw new Error(`${summary.reported} of ${SCHOOLS} reports imported`);
    await time('summary (getSummary)', () => getSummary(imported.db, campaign.id));
    await time('district export (buildSummaryWorkbook)', () => buildSummaryWorkbook(imported.db, campaign.id));
    console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
    await imported.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
