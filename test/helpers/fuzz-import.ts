// The import fuzzer, shared by test/unit/fuzz-import.test.ts (about 3 000 cases in every test run) and
// bench/fuzz.ts (as many as asked, for people): a district with real templates filled as schools fill them, each
// case a mutation of one of them (test/helpers/mutate-xlsx.ts) fed to the real import on a real SQLite file in a
// worker thread, and what must hold whatever the bytes: the import resolves within the bound with accepted,
// rejected or duplicate; a rejection says why with a message every language has; an accepted report is stored
// whole; the file is kept byte for byte; nothing is stored by a dry run; the database stays sound.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../main/db/open.ts';
import type { Database } from '../../main/db/schema.ts';
import { listSheetName } from '../../main/excel/layout/list-layout.ts';
import { openXlsx } from '../../main/excel/intake/open-workbook.ts';
import { readReport } from '../../main/excel/intake/report-reader.ts';
import { campaignForm, createCampaign, getCampaign, updateCampaign } from '../../main/services/campaigns.ts';
import { buildTemplates } from '../../main/services/exports.ts';
import { createSchool } from '../../main/services/schools.ts';
import { getPlan } from '../../main/services/plans.ts';
import { updateSettings } from '../../main/services/settings.ts';
import type { ImportOutcome } from '../../shared/domain.ts';
import { listTables, valueCells, type FormDefinition } from '../../shared/forms/types.ts';
import { formatMessage, tFor, UI_LANGUAGES } from '../../shared/i18n.ts';
import enMessages from '../../shared/locales/en/messages.json' with { type: 'json' };
import kkMessages from '../../shared/locales/kk/messages.json' with { type: 'json' };
import ruMessages from '../../shared/locales/ru/messages.json' with { type: 'json' };
import type { FileIssue } from '../../shared/messages.ts';
import { toTiyn } from '../../shared/numbers.ts';
import { tempDir } from './db.ts';
import { baseOf, caseSeed, mutate, Rng, type Base, type Mutation } from './mutate-xlsx.ts';
import { schoolFields } from './schools.ts';
import { fillListSheet, fillPlanPart, fillTemplate, validNik, validZabotaV2 } from './workbooks.ts';

/** A case running longer than this is taken as a hang: a detector, not a performance target. */
export const HANG_BOUND_MS = 10_000;
/** The worker's heap: a file that needs more is a memory bomb the reader let through. */
const WORKER_HEAP_MB = 1536;
/** The share of cases judged with «only check» (dryRun), which must store nothing. */
const DRY_RUN_SHARE = 0.15;

/** One case for the worker: the file, where it goes, and whether only to check it. */
export interface FuzzRequest {
  index: number;
  campaignId: string;
  name: string;
  bytes: Uint8Array;
  dryRun: boolean;
}

/**
 * The worker's answer: the outcome and what it found wrong in the database after it (checked there, since the
 * database is open in one process at a time), with the time of the import alone; or what the import threw.
 */
export type FuzzReply =
  | { kind: 'done'; outcome: ImportOutcome; ms: number; problems: string[]; kept: KeptFile | null }
  | { kind: 'threw'; error: string; ms: number };
type CaseResult = FuzzReply | { kind: 'hung'; ms: number } | { kind: 'died'; error: string; ms: number };

// ---------------------------------------------------------------------------------------------------------------
// The worker that imports

const WORKER_FILE = fileURLToPath(new URL('./fuzz-worker.ts', import.meta.url));

/** The import in a worker thread, restarted after a case that hung or took the thread down. */
export class ImportWorker {
  #file: string;
  #worker: Worker | null = null;

  constructor(databaseFile: string) {
    this.#file = databaseFile;
  }

  async #start(): Promise<Worker> {
    const worker = new Worker(WORKER_FILE, { workerData: { file: this.#file }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.#worker = worker;
    return worker;
  }

  async run(request: FuzzRequest, boundMs = HANG_BOUND_MS): Promise<CaseResult> {
    const worker = this.#worker ?? (await this.#start());
    const started = performance.now();
    return new Promise<CaseResult>((resolve) => {
      const finish = (result: CaseResult, restart: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!restart) return resolve(result);
        // Stopped for good before the next worker opens the database: it is open in one place at a time.
        this.#worker = null;
        void worker.terminate().then(() => resolve(result), () => resolve(result));
      };
      const onMessage = (reply: FuzzReply) => finish(reply, false);
      const onError = (error: Error) => finish({ kind: 'died', error: error.stack ?? error.message, ms: performance.now() - started }, true);
      const onExit = (code: number) => finish({ kind: 'died', error: `the worker exited with code ${code}`, ms: performance.now() - started }, true);
      const timer = setTimeout(() => finish({ kind: 'hung', ms: performance.now() - started }, true), boundMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  /** Lets the worker close the database and end. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('close');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The district and its valid files

interface FuzzBase {
  base: Base;
  campaignId: string;
  form: FormDefinition;
}

export interface FuzzDistrict {
  /** The database file, closed: the worker opens it (a Jinaq database is open in one place at a time). */
  file: string;
  bases: FuzzBase[];
  remove(): void;
}

/**
 * One school, a «Забота» and a НИК campaign, each school template as the app builds it, filled as a school fills
 * it: every value, two rows of the plan part, and for НИК two publications on the list sheet.
 */
export async function prepareDistrict(): Promise<FuzzDistrict> {
  const folder = tempDir('jinaq-fuzz-');
  const file = path.join(folder.dir, 'jinaq.sqlite');
  const { db, close } = await openDatabase(file);
  await updateSettings(db, { districtRu: 'г. Шахтинск', districtKk: 'Шахтинск қаласы' });
  await createSchool(db, schoolFields(1));
  const bases: FuzzBase[] = [];
  for (const [kind, year] of [['zabota', 2027], ['nik', 2026]] as const) {
    const created = await createCampaign(db, kind, year);
    await updateCampaign(db, created.id, { ...created, hashtag: `#${kind}${year}` });
    const campaign = await getCampaign(db, created.id);
    const form = await campaignForm(db, campaign);
    const template = (await buildTemplates(db, campaign.id)).files[0].bytes;
    const [first, second] = (await getPlan(db, campaign.id)).items.filter((item) => item.forSchools);
    let bytes = await fillTemplate(template, kind === 'zabota' ? validZabotaV2() : { ...validNik(), N01: 2 });
    bytes = await fillPlanPart(bytes, { [first.number]: ['Да / Иә', 3, 40, 'Пресс-релиз на сайте школы'], [second.number]: ['Нет / Жоқ'] });
    if (kind === 'nik') {
      bytes = await fillListSheet(bytes, listSheetName(listTables(form)[0]), [
        [new Date(Date.UTC(2026, 5, 2)), 'Instagram школы', 'Бала еңбегіне жол жоқ!', 'https://instagram.com/p/abc'],
        ['03.06.2026', 'Газета «Шахтинский вестник»', 'Стоп детскому труду', 'shahtinsk-vestnik.kz/news/12'],
      ]);
    }
    bases.push({ base: baseOf(kind, new Uint8Array(bytes)), campaignId: campaign.id, form });
  }
  await close();
  return { file, bases, remove: folder.remove };
}

// ---------------------------------------------------------------------------------------------------------------
// Cases and what must hold for each

interface FuzzCase {
  index: number;
  seed: number;
  mutation: Mutation;
  target: FuzzBase;
  dryRun: boolean;
  name: string;
}

function makeCase(district: FuzzDistrict, runSeed: number, index: number): FuzzCase {
  const seed = caseSeed(runSeed, index);
  const r = new Rng(seed);
  const target = r.pick(district.bases);
  const dryRun = r.chance(DRY_RUN_SHARE);
  const mutation = mutate(target.base, r);
  return { index, seed, mutation, target, dryRun, name: `fuzz-${index}.xlsx` };
}

type Tree = { readonly [key: string]: unknown };
const MESSAGE_TABLES: Record<(typeof UI_LANGUAGES)[number], Tree> = { ru: ruMessages, kk: kkMessages, en: enMessages };

/** The key is a text of the table, or the base of its plural forms. */
function hasMessage(table: Tree, key: string): boolean {
  const steps = key.split('.');
  const last = steps.pop()!;
  let node: unknown = table;
  for (const step of steps) node = node !== null && typeof node === 'object' ? (node as Tree)[step] : undefined;
  if (node === null || typeof node !== 'object') return false;
  const parent = node as Tree;
  return typeof parent[last] === 'string' || typeof parent[`${last}_other`] === 'string';
}

/** What is wrong with how an issue reads: a key missing from a language, the internal error, a hole in the text. */
function issueProblems(issue: FileIssue): string[] {
  const key = issue.message.key;
  if (key === 'api.internal') return [`the internal-error message: ${JSON.stringify(issue.message.params)}`];
  const problems: string[] = [];
  for (const lng of UI_LANGUAGES) {
    if (!hasMessage(MESSAGE_TABLES[lng], key)) problems.push(`message key «${key}» is not in the ${lng} messages`);
    else {
      const text = formatMessage(tFor(lng), issue.message);
      if (/\{\{|\}\}|messages\./.test(text)) problems.push(`message «${key}» in ${lng} reads with a hole: ${text.slice(0, 200)}`);
    }
  }
  return problems;
}

export interface Counts {
  imports: number;
  reports: number;
}

export async function counts(db: Kysely<Database>): Promise<Counts> {
  const imports = await db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const reports = await db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { imports: Number(imports.n), reports: Number(reports.n) };
}

/** What the app's own reader makes of the bytes: the values and texts an accepted report must have stored. */
async function readAgain(bytes: Uint8Array, form: FormDefinition): Promise<{ values: Map<string, number>; texts: Map<string, string> } | null> {
  const opened = await openXlsx(bytes, 'again.xlsx');
  if (!opened.ok) return null;
  const read = readReport(opened.workbook, form);
  if (!read.ok) return null;
  const money = new Set(valueCells(form).filter((i) => i.type === 'money').map((i) => i.code));
  return {
    values: new Map([...read.report.values].map(([code, value]) => [code, money.has(code) ? toTiyn(value) : value])),
    texts: read.report.texts,
  };
}

const sortedEntries = <T>(map: Map<string, T>) => JSON.stringify([...map].sort(([a], [b]) => a.localeCompare(b)));

/** An accepted report: stored once, current, with the values and texts the file holds. */
async function storedReportProblems(db: Kysely<Database>, request: FuzzRequest, form: FormDefinition, outcome: ImportOutcome): Promise<string[]> {
  const report = await db.selectFrom('reports').selectAll().where('import_id', '=', outcome.importId!).executeTakeFirst();
  if (!report) return ['accepted, but no report is stored for its import'];
  const problems: string[] = [];
  if (report.is_current !== 1) problems.push('accepted, but its report is not the current one');
  if (report.campaign_id !== request.campaignId) problems.push(`accepted into campaign ${report.campaign_id}`);
  const school = await db.selectFrom('schools').select('bin').where('id', '=', report.school_id).executeTakeFirst();
  if (school?.bin !== outcome.schoolBin) problems.push(`the report is stored for БИН ${school?.bin}, the outcome says ${outcome.schoolBin}`);
  const values = new Map((await db.selectFrom('report_values').select(['code', 'amount']).where('report_id', '=', report.id).execute()).map((v) => [v.code, v.amount]));
  const texts = new Map((await db.selectFrom('report_texts').select(['code', 'value']).where('report_id', '=', report.id).execute()).map((v) => [v.code, v.value]));
  const codes = new Set(valueCells(form).map((i) => i.code));
  for (const [code, amount] of values) {
    if (!codes.has(code)) problems.push(`stored value for unknown row code ${code}`);
    if (!Number.isSafeInteger(amount) || amount < 0) problems.push(`stored value ${code} = ${amount} is not a non-negative integer`);
  }
  // An entity a DOCTYPE defined must never have been expanded into what is stored (billion laughs, /etc/passwd).
  const lists = await db.selectFrom('report_list_rows').select('cells').where('report_id', '=', report.id).execute();
  const plans = await db.selectFrom('report_plan_rows').select('description').where('report_id', '=', report.id).execute();
  const stored = [...texts.values(), ...lists.map((row) => row.cells), ...plans.map((row) => row.description)].join('\n');
  if (/(lol){4}|root:[^:\n]*:0:0:/.test(stored)) problems.push(`an entity was expanded into the stored report: ${stored.slice(0, 200)}`);
  const expected = await readAgain(request.bytes, form);
  if (!expected) problems.push('accepted, but the same bytes do not read again');
  else {
    if (sortedEntries(values) !== sortedEntries(expected.values)) problems.push(`stored values ${sortedEntries(values)} differ from the file's ${sortedEntries(expected.values)}`);
    if (sortedEntries(texts) !== sortedEntries(expected.texts)) problems.push(`stored texts differ from the file's: ${sortedEntries(texts).slice(0, 300)}`);
  }
  return problems;
}

/** A rejected file to find kept byte for byte at the end. */
interface KeptFile {
  index: number;
  importId: number;
  sha256: string;
  size: number;
}

/**
 * Everything wrong after one import, as sentences (none when it is fine), and the rejected file to look for at
 * the end. Runs where the import ran, on the same connection.
 */
export async function outcomeProblems(db: Kysely<Database>, request: FuzzRequest, form: FormDefinition, outcome: ImportOutcome, before: Counts): Promise<{ problems: string[]; kept: KeptFile | null }> {
  const problems: string[] = [];
  if (!['accepted', 'rejected', 'duplicate'].includes(outcome.status)) problems.push(`status ${JSON.stringify(outcome.status)}`);
  if (outcome.status === 'rejected' && outcome.errors.length === 0) problems.push('rejected without an error');
  if (outcome.status !== 'rejected' && outcome.errors.length > 0) problems.push(`${outcome.status} with errors`);
  for (const issue of [...outcome.errors, ...outcome.warnings]) problems.push(...issueProblems(issue));
  const after = await counts(db);
  const stored = request.dryRun ? 0 : 1;
  if (after.imports - before.imports !== stored) problems.push(`${after.imports - before.imports} import record(s) written, expected ${stored}`);
  const reports = outcome.status === 'accepted' && !request.dryRun ? 1 : 0;
  if (after.reports - before.reports !== reports) problems.push(`${after.reports - before.reports} report(s) stored, expected ${reports}`);
  if ((outcome.importId === null) !== request.dryRun) problems.push(`import id ${outcome.importId} for a ${request.dryRun ? 'dry run' : 'stored import'}`);
  if (request.dryRun || problems.length > 0) return { problems, kept: null };
  if (outcome.status === 'accepted') problems.push(...(await storedReportProblems(db, request, form, outcome)));
  if (outcome.status !== 'rejected') return { problems, kept: null };
  const sha256 = createHash('sha256').update(request.bytes).digest('hex');
  return { problems, kept: { index: request.index, importId: outcome.importId!, sha256, size: request.bytes.byteLength } };
}

/** What a case's result says is wrong: a hang, a crash, a throw, or what the worker found. */
function resultProblems(result: CaseResult): string[] {
  switch (result.kind) {
    case 'hung':
      return [`no answer within ${HANG_BOUND_MS} ms (hang)`];
    case 'died':
      return [`the import took its thread down: ${result.error}`];
    case 'threw':
      return [`the import threw: ${result.error}`];
    case 'done':
      return result.problems;
  }
}

/** After the run: SQLite finds the file sound, and every rejected file is there as it came. */
export async function finalProblems(district: FuzzDistrict, kept: KeptFile[]): Promise<string[]> {
  const { db, close } = await openDatabase(district.file);
  try {
    return await soundAndKept(db, kept);
  } finally {
    await close();
  }
}

async function soundAndKept(db: Kysely<Database>, kept: KeptFile[]): Promise<string[]> {
  const problems: string[] = [];
  const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  const verdict = integrity.rows.map((row) => row.integrity_check).join('; ');
  if (verdict !== 'ok') problems.push(`PRAGMA integrity_check: ${verdict}`);
  const foreign = await sql`PRAGMA foreign_key_check`.execute(db);
  if (foreign.rows.length > 0) problems.push(`PRAGMA foreign_key_check: ${JSON.stringify(foreign.rows.slice(0, 5))}`);
  for (const file of kept) {
    const row = await db
      .selectFrom('imports')
      .innerJoin('files', 'files.id', 'imports.file_id')
      .select(['imports.status', 'files.size', 'files.sha256', 'files.bytes'])
      .where('imports.id', '=', file.importId)
      .executeTakeFirst();
    const actual = row ? createHash('sha256').update(row.bytes).digest('hex') : null;
    if (!row || row.status !== 'rejected' || row.size !== file.size || row.bytes.byteLength !== file.size || actual !== file.sha256) {
      problems.push(`case ${file.index}: the rejected file is not kept byte for byte (import ${file.importId}: ${row ? `${row.status}, ${row.bytes.byteLength} bytes` : 'missing'})`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// A run

export const FUZZ_RESULTS_DIR = fileURLToPath(new URL('../../test-results/fuzz/', import.meta.url));

/** Keeps the offending file and what was done to it, named by the run's seed and the case number. */
function saveCase(runSeed: number, fuzzCase: FuzzCase, problems: string[]): string {
  mkdirSync(FUZZ_RESULTS_DIR, { recursive: true });
  const stem = path.join(FUZZ_RESULTS_DIR, `seed-${runSeed}-case-${fuzzCase.index}-${fuzzCase.mutation.kind}`);
  writeFileSync(`${stem}.xlsx`, fuzzCase.mutation.bytes);
  const note = [`seed ${runSeed}, case ${fuzzCase.index} (case seed ${fuzzCase.seed})`, `campaign ${fuzzCase.target.campaignId}${fuzzCase.dryRun ? ', dry run' : ''}`, fuzzCase.mutation.description, '', ...problems];
  writeFileSync(`${stem}.txt`, `${note.join('\n')}\n`);
  return `${stem}.xlsx`;
}

interface Slow {
  index: number;
  ms: number;
  kind: string;
  description: string;
  outcome: string;
}

export interface FuzzRun {
  seed: number;
  cases: number;
  ms: number;
  /** Mutation kind → outcome → count: «accepted», «rejected», «duplicate», or «failed» (a hang, a throw, a check). */
  outcomes: Map<string, Map<string, number>>;
  /** Message key of the first error of a rejection → count. */
  errorKeys: Map<string, number>;
  slowest: Slow[];
  failures: string[];
  kept: KeptFile[];
}

interface RunOptions {
  seed: number;
  count: number;
  /** Only this case (a replay); all cases when absent. */
  only?: number;
  slowestKept?: number;
  onProgress?(done: number, run: FuzzRun): void;
}

/** JINAQ_FUZZ_SEED when set; otherwise `fallback`, or a new seed each run when there is none. */
export function seedFromEnv(fallback?: number): number {
  const text = process.env.JINAQ_FUZZ_SEED;
  if (text && /^\d+$/.test(text)) return Number(text) >>> 0;
  return fallback ?? (Date.now() ^ (process.pid << 16)) >>> 0;
}

/** Runs the cases one after another on the district; collects outcomes, the slowest cases and every failure. */
export async function runFuzz(district: FuzzDistrict, options: RunOptions): Promise<FuzzRun> {
  const run: FuzzRun = { seed: options.seed, cases: 0, ms: 0, outcomes: new Map(), errorKeys: new Map(), slowest: [], failures: [], kept: [] };
  const worker = new ImportWorker(district.file);
  const started = performance.now();
  const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  try {
    const indexes = options.only === undefined ? Array.from({ length: options.count }, (_, i) => i) : [options.only];
    for (const index of indexes) {
      const fuzzCase = makeCase(district, options.seed, index);
      const { name, dryRun, mutation, target } = fuzzCase;
      const result = await worker.run({ index, campaignId: target.campaignId, name, bytes: mutation.bytes, dryRun });
      const problems = resultProblems(result);
      if (result.kind === 'done' && result.kept) run.kept.push(result.kept);
      const status = result.kind === 'done' ? result.outcome.status : result.kind;
      const perKind = run.outcomes.get(mutation.kind) ?? new Map<string, number>();
      run.outcomes.set(mutation.kind, perKind);
      bump(perKind, problems.length > 0 ? 'failed' : status);
      if (result.kind === 'done' && result.outcome.status === 'rejected') bump(run.errorKeys, result.outcome.errors[0]?.message.key ?? '(none)');
      run.slowest.push({ index, ms: result.ms, kind: mutation.kind, description: mutation.description, outcome: result.kind === 'done' ? `${status} ${result.outcome.errors[0]?.message.key ?? ''}`.trim() : status });
      run.slowest = run.slowest.sort((a, b) => b.ms - a.ms).slice(0, options.slowestKept ?? 5);
      if (problems.length > 0) {
        const saved = run.failures.length < 50 ? saveCase(options.seed, fuzzCase, problems) : '(not saved: over 50 failures)';
        run.failures.push(`case ${index} [${mutation.kind}] ${mutation.description}${dryRun ? ' (dry run)' : ''}\n    ${problems.join('\n    ')}\n    file: ${saved}`);
      }
      run.cases++;
      options.onProgress?.(run.cases, run);
    }
  } finally {
    await worker.stop();
  }
  run.ms = performance.now() - started;
  return run;
}

/** Outcome counts per mutation family and kind, as lines of a table. */
export function outcomeTable(run: FuzzRun): string[] {
  const columns = ['accepted', 'rejected', 'duplicate', 'failed'];
  const lines = [`${'mutation'.padEnd(26)}${columns.map((c) => c.padStart(10)).join('')}`];
  const kinds = [...run.outcomes.keys()].sort();
  for (const kind of kinds) {
    const counts = run.outcomes.get(kind)!;
    const row = columns.map((column) => counts.get(column) ?? 0);
    lines.push(`${kind.padEnd(26)}${row.map((n) => String(n).padStart(10)).join('')}`);
  }
  return lines;
}
