// The import fuzzer, longer than `npm test` runs it: as many mutated copies of real filled templates as asked, each
// through the real import on a real database (test/helpers/fuzz-import.ts), with cases per second, the outcomes per
// mutation family, why files were refused, and the slowest cases. Not part of `npm test`.
//
//   npm run fuzz                                     # 20 000 cases, a new seed
//   npm run fuzz -- 50000                            # as many cases as given
//   JINAQ_FUZZ_SEED=123 npm run fuzz                 # the same run again
//   JINAQ_FUZZ_SEED=123 JINAQ_FUZZ_CASE=4711 npm run fuzz   # one case of it again
//
// Every failure (a throw, a hang past 10 s, a message missing from a language, a report stored wrong…) is written to
// test-results/fuzz/ as the file and a note of what was done to it, named by the seed and the case number; the exit
// code is then 1.
import { cpus, loadavg, totalmem } from 'node:os';
import { finalProblems, FUZZ_RESULTS_DIR, outcomeTable, prepareDistrict, runFuzz, seedFromEnv } from '../test/helpers/fuzz-import.ts';

const count = Number(process.argv[2] ?? process.env.JINAQ_FUZZ_COUNT ?? 20_000);
const only = process.env.JINAQ_FUZZ_CASE === undefined ? undefined : Number(process.env.JINAQ_FUZZ_CASE);
const seed = seedFromEnv();

console.log(`import fuzzer: seed ${seed} (JINAQ_FUZZ_SEED=${seed} repeats it), ${only === undefined ? `${count} cases` : `case ${only} only`}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, load average ${loadavg()[0].toFixed(1)}`);
const district = await prepareDistrict();
try {
  const started = performance.now();
  let reported = started;
  const run = await runFuzz(district, {
    seed, count, only, slowestKept: 10,
    onProgress(done, progress) {
      if (performance.now() - reported < 10_000) return;
      reported = performance.now();
      console.log(`  ${done} cases, ${Math.round(done / ((reported - started) / 1000))}/s, ${progress.failures.length} failure(s)`);
    },
  });
  const final = await finalProblems(district, run.kept);
  console.log(`\n${run.cases} cases in ${(run.ms / 1000).toFixed(1)} s: ${(run.cases / (run.ms / 1000)).toFixed(1)} cases/s (load average now ${loadavg()[0].toFixed(1)})\n`);
  console.log(outcomeTable(run).join('\n'));
  console.log('\nwhy files were rejected (the first error):');
  for (const [key, n] of [...run.errorKeys].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(7)}  ${key}`);
  console.log('\nslowest cases (the import alone):');
  for (const slow of run.slowest) {
    console.log(`  ${slow.ms.toFixed(0).padStart(6)} ms  case ${slow.index} [${slow.kind}] → ${slow.outcome}\n             ${slow.description.slice(0, 200)}`);
  }
  const failures = [...run.failures, ...final];
  console.log(`\n${failures.length} failure(s)${failures.length > 0 ? ` (the files are in ${FUZZ_RESULTS_DIR}):` : ''}`);
  for (const failure of failures) console.log(failure);
  process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
  district.remove();
}
