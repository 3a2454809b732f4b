// npm run bench:backup — what the backups cost on a big district's database: the daily copy at start (online
// backup + integrity_check of the copy), a copy for the user, and a restore. The database: 600 schools, one real
// «Забота» import of 600 filled reports, and nine more years of kept original files (random bytes of the same
// size), about what a large district collects in ten years.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { backupTo } from '../main/db/backup.ts';
import { openDatabase } from '../main/db/open.ts';
import { DatabaseSession } from '../main/db/session.ts';
import { createCampaign } from '../main/services/campaigns.ts';
import { buildTemplates } from '../main/services/exports.ts';
import { importReports } from '../main/services/imports.ts';
import { createSchool } from '../main/services/schools.ts';
import { schoolFields } from '../test/helpers/schools.ts';
import { fillTemplate } from '../test/helpers/workbooks.ts';

const SCHOOLS = 600;
const YEARS = 10;

async function prepare(file: string): Promise<void> {
  const database = await openDatabase(file);
  for (let n = 1; n <= SCHOOLS; n++) {
    await createSchool(database.db, schoolFields(n));
  }
  await createCampaign(database.db, 'zabota', 2027);
  const { files } = await buildTemplates(database.db, 'zabota-2027');
  const reports = await Promise.all(files.map(async (f, n) => ({ name: f.name, bytes: await fillTemplate(f.bytes, { Z01: 300 + n }) })));
  await importReports(database.db, 'zabota-2027', reports);
  const average = reports.reduce((sum, r) => sum + r.bytes.length, 0) / reports.length;
  const insert = database.raw.prepare('INSERT INTO files (sha256, size, bytes) VALUES (?, ?, ?)');
  database.raw.transaction(() => {
    for (let i = 0; i < SCHOOLS * (YEARS - 1); i++) {
      const bytes = randomBytes(Math.round(average));
      insert.run(`padding-${i}`, bytes.length, bytes);
    }
  })();
  await database.close();
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: Math.round(performance.now() - started), value };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'jinaq-bench-backup-'));
  try {
    const file = path.join(work, 'district.sqlite');
    console.log(`Preparing ${SCHOOLS} schools, ${SCHOOLS} imported reports and ${YEARS - 1} more years of kept files…`);
    await prepare(file);
    const megabytes = (target: string) => (statSync(target).size / 2 ** 20).toFixed(1);
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; database ${megabytes(file)} MB`);
    for (let run = 1; run <= 3; run++) {
      const backups = path.join(work, `backups-${run}`);
      const plain = await timed(async () => (await openDatabase(file, { backupDir: backups })).close());
      const daily = await timed(async () => DatabaseSession.open(file, { backupDir: backups, dailyBackup: true }));
      const session = daily.value;
      const copy = await timed(() => session.copyForUser());
      const target = path.join(work, 'copy.sqlite');
      const toFile = await timed(() => backupTo(session.raw, target));
      const restore = await timed(() => session.restoreFile(target));
      await session.close();
      console.log(
        `run ${run}: start without the daily copy ${plain.ms} ms, with it ${daily.ms} ms; a copy for the user ${copy.ms} ms ` +
          `(${(copy.value.bytes.length / 2 ** 20).toFixed(1)} MB); backup to a file ${toFile.ms} ms; restore ${restore.ms} ms`,
      );
      rmSync(backups, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
