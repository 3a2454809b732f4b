// Two imports of the same file at once — two windows, two browser tabs — store one report: one import is accepted,
// the other recorded as a duplicate, whatever the interleaving; the database itself holds one accepted import per file
// and one current report per school.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import path from 'node:path';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importHistory, importReports } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { startWebServer } from '../../main/web.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { tempDir } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
let folder: ReturnType<typeof tempDir>;
let file: string;
let report: Uint8Array;

/** A district with one school and that school's filled report, in a database file no one holds open. */
beforeEach(async () => {
  folder = tempDir('jinaq-concurrent-');
  file = path.join(folder.dir, 'jinaq.sqlite');
  const database = await openDatabase(file);
  await createSchool(database.db, schoolFields(1));
  await zabotaV1Campaign(database.db, 2027);
  const [template] = (await buildTemplates(database.db, CAMPAIGN)).files;
  report = await fillTemplate(template.bytes, validZabota());
  await database.close();
});
afterEach(() => folder.remove());

function statuses(outcomes: ImportOutcome[]): string[] {
  return outcomes.map((outcome) => outcome.status).sort();
}

/** What the database holds for the campaign: imports by status, reports, current reports per school. */
async function stored() {
  const database = await openDatabase(file);
  try {
    const raw = database.raw;
    return {
      imports: raw.prepare('SELECT status FROM imports WHERE campaign_id = ? ORDER BY status').pluck().all(CAMPAIGN),
      reports: raw.prepare('SELECT count(*) FROM reports WHERE campaign_id = ?').pluck().get(CAMPAIGN),
      currentBySchool: raw.prepare('SELECT count(*) FROM reports WHERE campaign_id = ? AND is_current = 1 GROUP BY school_id').pluck().all(CAMPAIGN),
      history: (await importHistory(database.db, CAMPAIGN)).map((record) => [record.state, record.current]).sort(),
    };
  } finally {
    await database.close();
  }
}

const ONE_REPORT = {
  imports: ['accepted', 'duplicate'],
  reports: 1,
  currentBySchool: [1],
  history: [['accepted', true], ['duplicate', false]],
};

describe('the same file imported twice at once', () => {
  it('through the service on one database: one accepted, one duplicate, one report', async () => {
    const database = await openDatabase(file);
    const outcomes = await Promise.all([
      importReports(database.db, CAMPAIGN, [{ name: 'school1.xlsx', bytes: report }]),
      importReports(database.db, CAMPAIGN, [{ name: 'school1 (copy).xlsx', bytes: report }]),
    ]).finally(() => database.close());
    expect(statuses(outcomes.flat())).toEqual(['accepted', 'duplicate']);
    const duplicate = outcomes.flat().find((outcome) => outcome.status === 'duplicate')!;
    expect(duplicate).toMatchObject({ schoolName: 'Школа №1', superseded: false, checkedOnly: false, importId: expect.any(Number) });
    expect(duplicate.warnings.map((warning) => warning.message.key)).toEqual(['import.duplicateFile']);
    expect(await stored()).toEqual(ONE_REPORT);
  });

  it('from two browser tabs, as two HTTP calls to browser mode at once: one accepted, one duplicate', async () => {
    const running = await startWebServer({ dbFile: file, port: 0, rendererDir: folder.dir, dailyBackup: false });
    const port = Number(new URL(running.url).port);
    const call = (name: string) =>
      new Promise<{ ok: boolean; value: ImportOutcome[] }>((resolve, reject) => {
        const body = JSON.stringify({ campaignId: CAMPAIGN, files: [{ name, base64: Buffer.from(report).toString('base64') }] });
        const req = request(
          { host: '127.0.0.1', port, path: '/api/reports.import', method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Jinaq-Token': running.token } },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(JSON.parse(text)));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const answers = await Promise.all([call('tab1.xlsx'), call('tab2.xlsx')]).finally(() => running.close());
    expect(answers.map((answer) => answer.ok)).toEqual([true, true]);
    expect(statuses(answers.flatMap((answer) => answer.value))).toEqual(['accepted', 'duplicate']);
    expect(await stored()).toEqual(ONE_REPORT);
  });
});

describe('the database itself', () => {
  it('refuses a second accepted import of a file in a campaign and a second current report of a school', async () => {
    const database = await openDatabase(file);
    try {
      await importReports(database.db, CAMPAIGN, [{ name: 'school1.xlsx', bytes: report }]);
      const raw = database.raw;
      const first = raw.prepare('SELECT id, file_id, school_id, school_bin FROM imports').get() as { id: number; file_id: number; school_id: number; school_bin: string };
      const insertImport = raw.prepare(
        "INSERT INTO imports (campaign_id, file_id, file_name, status, school_id, school_bin) VALUES (?, ?, 'again.xlsx', ?, ?, ?)",
      );
      expect(() => insertImport.run(CAMPAIGN, first.file_id, 'accepted', first.school_id, first.school_bin)).toThrow(/UNIQUE constraint failed/);
      // A duplicate or a rejected import of the same file is recorded as often as it comes.
      const second = insertImport.run(CAMPAIGN, first.file_id, 'rejected', first.school_id, first.school_bin).lastInsertRowid;
      insertImport.run(CAMPAIGN, first.file_id, 'duplicate', first.school_id, first.school_bin);
      const insertReport = raw.prepare(
        "INSERT INTO reports (campaign_id, school_id, import_id, form_id, form_version, received_at, is_current) VALUES (?, ?, ?, 'zabota', 1, '2027-01-01', ?)",
      );
      expect(() => insertReport.run(CAMPAIGN, first.school_id, second, 1)).toThrow(/UNIQUE constraint failed/);
      expect(() => insertReport.run(CAMPAIGN, first.school_id, second, 0)).not.toThrow();
    } finally {
      await database.close();
    }
  });
});
