// Fuzzing the reader (issue 7, part 4): about 3 000 mutations of real filled templates — «Забота» and НИК with its
// publications list and plan part — bytes, zip entries and XML changed by a seeded PRNG (test/helpers/mutate-xlsx.ts),
// each fed to the real import on a real SQLite database (test/helpers/fuzz-import.ts). Whatever the bytes: the
// import resolves within the hang bound to accepted, rejected or duplicate; a rejection says why in a message that
// Russian, Kazakh and English all have (never the internal error); an accepted report is stored with the values the
// file holds; a dry run stores nothing; afterwards SQLite finds the database sound and every rejected file is kept
// byte for byte.
//
// The seed is fixed (printed); JINAQ_FUZZ_SEED runs another, JINAQ_FUZZ_COUNT sets the number of cases,
// JINAQ_FUZZ_CASE replays one case. A failing case is saved in test-results/fuzz/ (the file, and a note of what was
// done to it) under the seed and its number. The longer run for people is `npm run fuzz` (bench/fuzz.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finalProblems, HANG_BOUND_MS, ImportWorker, outcomeTable, prepareDistrict, runFuzz, seedFromEnv, type FuzzDistrict, type FuzzRun,
} from '../helpers/fuzz-import.ts';
import { partsOf, writeZip } from '../helpers/mutate-xlsx.ts';

// A fixed seed here, so that `npm test` is the same on every machine; `npm run fuzz` explores with a new seed each run.
const SEED = seedFromEnv(20261122);
const COUNT = Number(process.env.JINAQ_FUZZ_COUNT ?? 3000);
const ONLY = process.env.JINAQ_FUZZ_CASE === undefined ? undefined : Number(process.env.JINAQ_FUZZ_CASE);

let district: FuzzDistrict;
let run: FuzzRun | undefined;

beforeAll(async () => {
  console.log(`import fuzzer: seed ${SEED} (JINAQ_FUZZ_SEED=${SEED} repeats this run), ${ONLY === undefined ? `${COUNT} cases` : `case ${ONLY} only`}`);
  district = await prepareDistrict();
}, 120_000);
afterAll(() => district?.remove());

describe(`the import, fed mutated .xlsx files (seed ${SEED})`, () => {
  it('starts from files it accepts, as the app writes them and as the mutations zip them again', async () => {
    const worker = new ImportWorker(district.file);
    try {
      for (const { base, campaignId } of district.bases) {
        for (const [how, bytes] of [['as written', base.bytes], ['zipped again', writeZip(partsOf(base.bytes))]] as const) {
          const result = await worker.run({ index: -1, campaignId, name: `${base.label}.xlsx`, bytes, dryRun: true });
          expect(result.kind, `${base.label} ${how}`).toBe('done');
          if (result.kind === 'done') expect(result.outcome, `${base.label} ${how}`).toMatchObject({ status: 'accepted', errors: [] });
        }
      }
    } finally {
      await worker.stop();
    }
  }, 60_000);

  it(`gives each a clear outcome within ${HANG_BOUND_MS / 1000} s: accepted and stored whole, rejected with a message in ru, kk and en, or a duplicate`, async () => {
    run = await runFuzz(district, { seed: SEED, count: COUNT, only: ONLY, slowestKept: 3 });
    const slowest = run.slowest.map((slow) => `  ${slow.ms.toFixed(0)} ms: case ${slow.index} [${slow.kind}] → ${slow.outcome}; ${slow.description.slice(0, 160)}`);
    console.log([
      `import fuzzer: seed ${SEED}, ${run.cases} cases in ${(run.ms / 1000).toFixed(1)} s (${(run.cases / (run.ms / 1000)).toFixed(1)} cases/s), ${run.failures.length} failure(s)`,
      ...outcomeTable(run),
      'slowest cases:',
      ...slowest,
    ].join('\n'));
    expect(run.cases).toBe(ONLY === undefined ? COUNT : 1);
    expect(run.failures, `seed ${SEED} (JINAQ_FUZZ_SEED=${SEED}):\n${run.failures.join('\n')}`).toEqual([]);
  }, 900_000);

  it('leaves the database sound (PRAGMA integrity_check) with every rejected file kept byte for byte', async () => {
    expect(run, 'the fuzzing run above did not finish').toBeDefined();
    if (ONLY === undefined) expect(run!.kept.length).toBeGreaterThan(COUNT / 10);
    const problems = await finalProblems(district, run!.kept);
    expect(problems, `seed ${SEED}:\n${problems.join('\n')}`).toEqual([]);
  }, 120_000);
});
