// Several files at once are read on worker threads and stored in their order: the same outcomes, values and
// stored rows as importing each file alone on the calling thread; and a file's reading survives the trip between
// threads unchanged.
import { zabotaV1Campaign } from '../helpers/campaigns.ts';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open.ts';
import { readHere } from '../../main/excel/intake/file-reading.ts';
import { readInOrder } from '../../main/excel/intake/open-workers.ts';
import { createCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { importReports, importTarget } from '../../main/services/imports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getSummary } from '../../main/services/summary.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { tempDatabase } from '../helpers/db.ts';
import { schoolFields } from '../helpers/schools.ts';
import { fillTemplate, validZabota } from '../helpers/workbooks.ts';

const CAMPAIGN = 'zabota-2027';
type Database = Awaited<ReturnType<typeof tempDatabase>>;
let databases: Database[] = [];

async function district(): Promise<{ database: Database; templates: Uint8Array[] }> {
  const database = await tempDatabase();
  databases.push(database);
  for (let n = 1; n <= 6; n++) await createSchool(database.db, schoolFields(n));
  await zabotaV1Campaign(database.db, 2027);
  return { database, templates: (await buildTemplates(database.db, CAMPAIGN)).files.map((f) => f.bytes) };
}

beforeEach(() => {
  databases = [];
});
afterEach(async () => {
  for (const database of databases) await database.remove();
});

/** What an outcome says, without the ids a database hands out and the times it was stored at. */
const said = (outcome: ImportOutcome) =>
  JSON.parse(JSON.stringify({ ...outcome, importId: outcome.importId === null ? null : 'stored' }).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'then'));

describe('several files on worker threads', () => {
  it('give the outcomes, in order, and the summary that importing each file alone gives', async () => {
    const one = await district();
    const files = [
      { name: 'a.xlsx', bytes: await fillTemplate(one.templates[0], validZabota()) },
      { name: 'b.xlsx', bytes: await fillTemplate(one.templates[1], { ...validZabota(), Z03: 10_000 }) },
      { name: 'not-a-workbook.xlsx', bytes: new TextEncoder().encode('Отчёт будет завтра') },
      { name: 'c.xlsx', bytes: await fillTemplate(one.templates[2], { ...validZabota(2), Z01: '1 500 чел.' }) },
      { name: 'a again.xlsx', bytes: await fillTemplate(one.templates[0], validZabota()) },
      { name: 'd.xlsx', bytes: await fillTemplate(one.templates[3], validZabota(3)) },
      { name: 'e.xlsx', bytes: await fillTemplate(one.templates[4], validZabota(4)) },
    ];
    files[4].bytes = files[0].bytes; // the same file sent twice
    // The same district twice: the templates carry it.
    const twinFile = path.join(one.database.dir, 'twin.sqlite');
    await sql`VACUUM INTO ${twinFile}`.execute(one.database.db);
    const twin = await openDatabase(twinFile);
    const together = await importReports(one.database.db, CAMPAIGN, files);

    const alone: ImportOutcome[] = [];
    for (const file of files) alone.push(...(await importReports(twin.db, CAMPAIGN, [file])));

    expect(together.map((o) => [o.file, o.status])).toEqual([
      ['a.xlsx', 'accepted'], ['b.xlsx', 'rejected'], ['not-a-workbook.xlsx', 'rejected'], ['c.xlsx', 'accepted'],
      ['a again.xlsx', 'duplicate'], ['d.xlsx', 'accepted'], ['e.xlsx', 'accepted'],
    ]);
    expect(together.map(said)).toEqual(alone.map(said));
    const summary = async (database: { db: Database['db'] }) => {
      const { totals, reported, missing } = await getSummary(database.db, CAMPAIGN);
      return { totals, reported, missing: missing.map((school) => school.bin) };
    };
    expect(await summary(one.database)).toEqual(await summary(twin));
    await twin.close();
  });

  it('read the files only as fast as they are parsed, and stop their threads when the import ends early', async () => {
    const { database, templates } = await district();
    const bytes = await fillTemplate(templates[0], validZabota());
    let read = 0;
    function* files() {
      for (let n = 0; n < 100; n++) {
        read++;
        yield { name: `${n}.xlsx`, bytes };
      }
    }
    const readings = readInOrder(files(), await importTarget(database.db, CAMPAIGN), 2);
    const first = await readings.next();
    expect(first.value?.file.name).toBe('0.xlsx');
    expect((await first.value!.reading).ok).toBe(true);
    expect(read).toBeLessThanOrEqual(6);
    await readings.return(undefined);
  });
  it('read the files on the calling thread when a thread cannot start or dies', async () => {
    const { database, templates } = await district();
    const good = await fillTemplate(templates[0], validZabota());
    const files = [{ name: 'a.xlsx', bytes: good }, { name: 'b.txt', bytes: new TextEncoder().encode('нет отчёта') }, { name: 'c.xlsx', bytes: good }];
    const broken = new URL('data:text/javascript,throw new Error("a thread that cannot start")');
    const read = [];
    for await (const { file, reading } of readInOrder(files, await importTarget(database.db, CAMPAIGN), 2, broken)) read.push([file.name, (await reading).ok]);
    expect(read).toEqual([['a.xlsx', true], ['b.txt', false], ['c.xlsx', true]]);
  });
});

describe('a file read on a thread', () => {
  it('is read as on the calling thread: form, values, cells, problems, plan rows', async () => {
    const { database, templates } = await district();
    const files = [
      { name: 'a.xlsx', bytes: await fillTemplate(templates[0], { ...validZabota(), Z01: '500', Z02: null }) },
      { name: 'b.xlsx', bytes: await fillTemplate(templates[1], { ...validZabota(), Z03: 10_000 }) },
      { name: 'c.txt', bytes: new TextEncoder().encode('нет отчёта') },
    ];
    const context = await importTarget(database.db, CAMPAIGN);
    const onThreads = [];
    for await (const { reading } of readInOrder(files, context, 2)) onThreads.push(await reading);
    const here = await Promise.all(files.map((file) => readHere(file, context)));
    expect(onThreads).toEqual(here);
    expect(onThreads.map((reading) => reading.ok)).toEqual([true, true, false]);
  });
});
