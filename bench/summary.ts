// npm run bench:summary — the district summary and the region's workbook of a region-sized campaign: 600 schools,
// 40 rows each, in a database that also holds five years of history (two campaigns a year, every school's report
// sent twice — a first file and a correction). Data is written straight into SQLite the way the import stores it;
// the measured calls are the app's own (getSummary, buildSummaryWorkbook). Each is run 5 times; the console shows all.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../main/db/open.ts';
import { createCampaign } from '../main/services/campaigns.ts';
import { buildSummaryWorkbook } from '../main/services/exports.ts';
import { copyForm, saveForm } from '../main/services/forms.ts';
import { createSchool } from '../main/services/schools.ts';
import { schoolFields } from '../test/helpers/schools.ts';
import { getSummary } from '../main/services/summary.ts';
import type { FormDefinition } from '../shared/forms/types.ts';

const SCHOOLS = 600;
const YEARS = [2023, 2024, 2025, 2026, 2027];
const EXTRA_ROWS = 17; // zabota's 23 rows + 17 = 40

async function time<T>(label: string, runs: number, action: () => Promise<T>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(Math.round(performance.now() - started));
  }
  console.log(`${label}: ${times.join(', ')} ms (median ${[...times].sort((a, b) => a - b)[Math.floor(runs / 2)]} ms)`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinaq-bench-summary-'));
  const database = await openDatabase(path.join(dir, 'district.sqlite'));
  try {
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    for (let n = 1; n <= SCHOOLS; n++) {
      await createSchool(database.db, schoolFields(n));
    }
    const copy = await copyForm(database.db, 'zabota', 1);
    const extra = Array.from({ length: EXTRA_ROWS }, (_, i) => ({
      code: `Z${40 + i}`, label: { ru: `Показатель ${40 + i}`, kk: `Көрсеткіш ${40 + i}` }, type: 'count' as const, required: false,
    }));
    const form: FormDefinition = { ...copy.form, indicators: [...copy.form.indicators, ...extra] };
    await saveForm(database.db, form);
    const codes = form.indicators.filter((i) => i.type === 'count' || i.type === 'money').map((i) => i.code);

    const raw = database.raw;
    const fileId = Number(raw.prepare("INSERT INTO files (sha256, size, bytes) VALUES ('bench', 0, x'')").run().lastInsertRowid);
    const insertImport = raw.prepare("INSERT INTO imports (campaign_id, file_id, file_name, status, school_id, school_bin) VALUES (?, ?, 'bench.xlsx', 'accepted', ?, ?)");
    const insertReport = raw.prepare('INSERT INTO reports (campaign_id, school_id, import_id, form_id, form_version, received_at, is_current) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertValue = raw.prepare('INSERT INTO report_values (report_id, code, amount) VALUES (?, ?, ?)');
    const schools = raw.prepare('SELECT id, bin FROM schools').all() as Array<{ id: number; bin: string }>;
    let rows = 0;
    for (const year of YEARS) {
      for (const kind of ['zabota', 'nik'] as const) {
        const campaign = await createCampaign(database.db, kind, year);
        const campaignCodes = kind === 'zabota' ? codes : ['N01', 'N02', 'N03', 'N04', 'N05', 'N06', 'N07', 'N08'];
        raw.transaction(() => {
          for (const school of schools) {
            for (const current of [0, 1]) {
              const importId = Number(insertImport.run(campaign.id, fileId, school.id, school.bin).lastInsertRowid);
              const at = `${campaign.schoolDueOn}T0${current + 5}:00:00.000Z`;
              const reportId = Number(insertReport.run(campaign.id, school.id, importId, campaign.formId, campaign.formVersion, at, current).lastInsertRowid);
              for (const [i, code] of campaignCodes.entries()) insertValue.run(reportId, code, (school.id * 7 + i * 13 + year) % 500);
              rows += campaignCodes.length;
            }
          }
        })();
      }
    }
    console.log(`History: ${YEARS.length} years × 2 campaigns × ${SCHOOLS} schools × 2 reports; ${rows} stored values`);
    await time(`Summary of zabota-2027 (${SCHOOLS} schools × ${codes.length} rows)`, 5, () => getSummary(database.db, 'zabota-2027'));
    await time('Export of zabota-2027 (the region workbook, bytes ready)', 5, () => buildSummaryWorkbook(database.db, 'zabota-2027'));
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
