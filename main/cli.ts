// `jinaq`: the command line over the same services as the app. Exit 0 on success,
// 1 when some input was rejected or could not be read, 2 on a usage error, 3 on an unexpected error (details logged).
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import type { ApiArgs, ApiName } from '../shared/api/index.ts';
import type { ImportOutcome } from '../shared/domain.ts';
import { formatMessage, tFor, type UiLanguage } from '../shared/i18n.ts';
import { MAX_FILE_BYTES } from '../shared/imports.ts';
import type { FileIssue } from '../shared/messages.ts';
import { consoleLanguage } from './cli-lang.ts';
import { OPTIONS } from './cli-options.ts';
import { DatabaseSession } from './db/session.ts';
import { logError } from './error-log.ts';
import { AppError } from './errors.ts';
import { checkedDatabasePath } from './paths.ts';
import type { SaveRequest } from './platform.ts';
import type { IncomingFile } from './services/imports.ts';
import type { PlanLanguage } from '../shared/plans/model.ts';
import { formatDeadline } from '../shared/plans/deadlines.ts';
import { formatExecutors } from '../shared/plans/executors.ts';
import type { Plan } from '../shared/plans/model.ts';

export const EXIT_OK = 0;
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNEXPECTED = 3;

class UsageError extends Error {}
/** A file named on the command line that cannot be read: said in one line, exit code 1. */
class UnreadableInput extends Error {}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

interface Command {
  t: TFunction;
  lang: UiLanguage;
  io: Io;
  options: Options;
  args: string[];
  database: DatabaseSession;
}

function required(command: Command, option: 'out' | 'campaign' | 'kind' | 'year' | 'form' | 'version'): string {
  const value = command.options[option];
  if (!value) throw new UsageError(command.t('messages.cli.missingOption', { option }));
  return value;
}

/** The CLI option that carries each input field of the API methods the commands stand for. */
const OPTION_OF_FIELD: Record<string, keyof Options> = { campaignId: 'campaign', id: 'form', kind: 'kind', year: 'year', version: 'version', lang: 'lang' };

/**
 * Option values checked by the input schema of the API method the command stands for (shared/api/), so the
 * command line accepts exactly what the app does; the first bad value is a usage error naming its option.
 */
async function checked<K extends ApiName>(command: Command, method: K, input: Record<string, unknown>): Promise<ApiArgs<K>> {
  const { api } = await import('../shared/api/index.ts');
  const parsed = api[method].input.safeParse(input);
  if (parsed.success) return parsed.data as ApiArgs<K>;
  const field = String(parsed.error.issues[0].path[0]);
  const option = OPTION_OF_FIELD[field] ?? field;
  throw new UsageError(command.t('messages.cli.badOption', { option, value: String(command.options[option as keyof Options] ?? input[field]) }));
}

/** A whole number from an option, or the text itself (for the schema to refuse). */
function numberOption(command: Command, option: 'year' | 'version'): number | string {
  const value = required(command, option);
  return /^\d+$/.test(value) ? Number(value) : value;
}

function writeSaved(command: Command, request: SaveRequest, target: string, asFolder: boolean): void {
  if (asFolder) {
    mkdirSync(target, { recursive: true });
    for (const file of request.files) writeFileSync(path.join(target, file.name), file.bytes);
    command.io.out(command.t('messages.cli.writtenMany', { count: request.files.length, dir: target }));
  } else {
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    writeFileSync(target, request.files[0].bytes);
    command.io.out(command.t('messages.cli.written', { path: target }));
  }
}

function issueJson(t: TFunction, issue: FileIssue) {
  return { sheet: issue.sheet ?? null, cell: issue.cell ?? null, code: issue.code ?? null, message: formatMessage(t, issue.message) };
}

function issueLine(t: TFunction, issue: FileIssue): string {
  const place = [issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet, issue.code].filter(Boolean).join(' · ');
  return `    ${place ? `${place}: ` : ''}${formatMessage(t, issue.message)}`;
}

const READ_PROBLEMS = ['EACCES', 'ELOOP', 'ENOENT'] as const;

/** Why a file or folder could not be read, in the user's language (the system's code when it is a rare one). */
function readProblem(t: TFunction, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? String(error);
  const known = READ_PROBLEMS.find((problem) => problem === (code === 'EPERM' ? 'EACCES' : code));
  return known ? t(`messages.cli.readProblem.${known}`) : t('messages.cli.readProblem.other', { code });
}

function readInput(t: TFunction, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UnreadableInput(t('messages.cli.fileUnreadable', { path: file, reason: readProblem(t, error) }));
  }
}

/**
 * The workbooks at the paths, read one at a time as the import asks for the next: folders searched through (.xlsx,
 * and the .xls some schools still send, which the import converts or explains); Excel's own lock files (~$…) skipped.
 * A file named on the line is taken whatever it is. A file too large or unreadable, a folder that cannot be listed,
 * a link back to a folder already searched: each is told through `skip` and the rest go on.
 */
async function* workbookFiles(t: TFunction, paths: string[], skip: (line: string) => void): AsyncGenerator<IncomingFile> {
  const searched = new Set<string>();
  function* visit(p: string, named: boolean): Generator<IncomingFile> {
    let info;
    try {
      info = statSync(p);
    } catch (error) {
      return skip(t('messages.cli.fileUnreadable', { path: p, reason: readProblem(t, error) }));
    }
    if (info.isDirectory()) {
      const real = realpathSync(p);
      if (searched.has(real)) return skip(t('messages.cli.folderLoop', { path: p, target: real }));
      searched.add(real);
      let names;
      try {
        names = readdirSync(p).sort();
      } catch (error) {
        return skip(t('messages.cli.folderUnreadable', { path: p, reason: readProblem(t, error) }));
      }
      for (const name of names) yield* visit(path.join(p, name), false);
      return;
    }
    if (!named && !(/\.xlsx?$/i.test(p) && !path.basename(p).startsWith('~$'))) return;
    if (info.size > MAX_FILE_BYTES) {
      return skip(formatMessage(t, { key: 'import.fileTooLarge', params: { file: p, size: Math.round(info.size / 2 ** 20), limit: MAX_FILE_BYTES / 2 ** 20 } }));
    }
    try {
      yield { name: p, bytes: readFileSync(p) };
    } catch (error) {
      skip(t('messages.cli.fileUnreadable', { path: p, reason: readProblem(t, error) }));
    }
  }
  for (const p of paths) yield* visit(p, true);
}

function statusText(t: TFunction, outcome: ImportOutcome): string {
  const key = outcome.status === 'accepted' && outcome.hasWarnings ? 'acceptedWithWarnings' : outcome.status;
  return t(`messages.cli.status.${key}`);
}

async function runImport(command: Command): Promise<number> {
  const { t, io } = command;
  const campaignId = required(command, 'campaign');
  if (command.args.length === 0) throw new UsageError(t('messages.cli.missingOption', { option: 'PATH' }));
  let skipped = 0;
  const skip = (line: string) => {
    skipped++;
    io.err(line);
  };
  const files = workbookFiles(t, command.args, skip);
  const { importReports } = await import('./services/imports.ts');
  const outcomes = await importReports(command.database.db, campaignId, files, { dryRun: command.options['dry-run'] });
  if (outcomes.length === 0 && skipped === 0) throw new UsageError(t('messages.cli.noFiles', { paths: command.args.join(', ') }));
  if (command.options.json) {
    const json = outcomes.map((o) => ({
      file: o.file,
      status: o.status,
      school_bin: o.schoolBin,
      superseded: o.superseded,
      checked_only: o.checkedOnly,
      errors: o.errors.map((i) => issueJson(t, i)),
      warnings: o.warnings.map((i) => issueJson(t, i)),
    }));
    io.out(JSON.stringify(json, null, 2));
  } else {
    for (const o of outcomes) {
      io.out(t('messages.cli.importLine', { file: o.file, status: statusText(t, o), school: o.schoolName ? ` (${o.schoolName})` : '' }));
      for (const i of [...o.errors, ...o.warnings]) io.out(issueLine(t, i));
    }
    const count = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
    io.out(t('messages.cli.importTotals', { accepted: count('accepted'), rejected: count('rejected'), duplicate: count('duplicate') }));
    if (command.options['dry-run']) io.out(t('messages.cli.dryRun'));
  }
  return skipped > 0 || outcomes.some((o) => o.status === 'rejected') ? EXIT_REJECTED : EXIT_OK;
}

async function runSchools(command: Command): Promise<number> {
  const { t, io, database } = command;
  const [sub, file] = command.args;
  const { importRegistry, listSchools } = await import('./services/schools.ts');
  if (sub === 'list') {
    const schools = await listSchools(database.db);
    if (command.options.json) io.out(JSON.stringify(schools, null, 2));
    else for (const s of schools) io.out([s.bin, s.shortName, s.locality, s.active ? '' : '×'].join('\t').trimEnd());
    return EXIT_OK;
  }
  if (sub === 'template') {
    const { buildRegistryTemplate } = await import('./services/exports.ts');
    writeSaved(command, await buildRegistryTemplate(), required(command, 'out'), false);
    return EXIT_OK;
  }
  if (sub === 'import' && file) {
    const result = await importRegistry(database.db, readInput(t, file), path.basename(file));
    if (result.fileProblem) {
      io.err(formatMessage(t, result.fileProblem));
      return EXIT_REJECTED;
    }
    io.out(t('messages.cli.registryImported', { added: result.added, updated: result.updated, problems: result.problems.length }));
    for (const problem of result.problems) io.out(`    ${formatMessage(t, problem.message)}`);
    return result.problems.length > 0 ? EXIT_REJECTED : EXIT_OK;
  }
  throw new UsageError(t('messages.cli.unknownCommand', { command: ['schools', sub].filter(Boolean).join(' ') }));
}

async function runCampaign(command: Command): Promise<number> {
  const { t, io, database } = command;
  const [sub] = command.args;
  const { createCampaign, listCampaigns } = await import('./services/campaigns.ts');
  if (sub === 'list') {
    const campaigns = await listCampaigns(database.db);
    if (command.options.json) io.out(JSON.stringify(campaigns, null, 2));
    else for (const c of campaigns) io.out([c.id, c.startsOn, c.endsOn, c.schoolDueOn].join('\t'));
    return EXIT_OK;
  }
  if (sub === 'create') {
    const { kind, year } = await checked(command, 'campaigns.create', { kind: required(command, 'kind'), year: numberOption(command, 'year') });
    const campaign = await createCampaign(database.db, kind, year);
    io.out(campaign.id);
    return EXIT_OK;
  }
  throw new UsageError(t('messages.cli.unknownCommand', { command: ['campaign', sub].filter(Boolean).join(' ') }));
}

async function runSummary(command: Command): Promise<number> {
  const { t, io } = command;
  const { getSummary } = await import('./services/summary.ts');
  const summary = await getSummary(command.database.db, required(command, 'campaign'));
  if (command.options.json) {
    const { campaign, expected, reported, missing, totals } = summary;
    io.out(JSON.stringify({ campaign: campaign.id, expected, reported, missing: missing.map((m) => m.bin), totals }, null, 2));
    return EXIT_OK;
  }
  io.out(t('messages.cli.summaryHeader', { campaign: summary.campaign.id, reported: summary.reported, expected: summary.expected }));
  for (const [code, total] of Object.entries(summary.totals)) io.out(`${code}\t${total}`);
  if (summary.missing.length > 0) io.out(t('messages.cli.missingSchools', { list: summary.missing.map((m) => m.shortName).join(', ') }));
  return EXIT_OK;
}

function planJson(plan: Plan) {
  const sectionOf = new Map(plan.sections.map((section) => [section.id, section]));
  return {
    campaign: plan.campaignId,
    title: plan.title,
    sections: plan.sections.map((section) => ({ number: section.number, title: section.title })),
    items: plan.items.map((item) => {
      const section = sectionOf.get(item.sectionId)!;
      return {
        number: item.number,
        section: { number: section.number, title: section.title },
        title: item.title,
        deadline: { ...item.deadline, text: item.deadlineText },
        executors: item.executors,
        executors_text: item.executorsText,
        for_schools: item.forSchools,
      };
    }),
  };
}

function printPlan(command: Command, plan: Plan): void {
  const { t, io } = command;
  const lang = command.lang === 'kk' ? 'kk' : 'ru';
  for (const section of plan.sections) {
    io.out(`${section.number}. ${section.title[lang] || section.title.ru}`);
    for (const item of plan.items.filter((i) => i.sectionId === section.id)) {
      const deadline = formatDeadline(t, item.deadline);
      const flag = item.deadline.kind === 'unparsed' ? ` ${t('messages.cli.unparsedDeadline')}` : '';
      io.out(`  ${item.number}. ${item.title[lang] || item.title.ru}\n     ${deadline}${flag} · ${formatExecutors(t, item.executors)}`);
    }
  }
}

/** The language of a document the command writes (`export --lang kk|ru|both`): both when not given. */
async function documentLanguage(command: Command): Promise<PlanLanguage> {
  return (await checked(command, 'exports.plan', { campaignId: required(command, 'campaign'), lang: command.options.lang })).lang;
}

async function runPlan(command: Command): Promise<number> {
  const { t, io, database } = command;
  const [sub, file] = command.args;
  const campaignId = required(command, 'campaign');
  const { buildPlanWorkbook, importPlan } = await import('./services/plan-files.ts');
  if (sub === undefined) {
    const { getPlan } = await import('./services/plans.ts');
    const plan = await getPlan(database.db, campaignId);
    if (command.options.json) io.out(JSON.stringify(planJson(plan), null, 2));
    else printPlan(command, plan);
    return EXIT_OK;
  }
  if (sub === 'export') {
    writeSaved(command, await buildPlanWorkbook(database.db, campaignId, await documentLanguage(command)), required(command, 'out'), false);
    return EXIT_OK;
  }
  if (sub === 'import' && file) {
    const result = await importPlan(database.db, campaignId, { name: path.basename(file), bytes: readInput(t, file) });
    if (command.options.json) io.out(JSON.stringify({ replaced: result.replaced, items: result.items, problems: result.problems.map((i) => issueJson(t, i)) }, null, 2));
    else if (result.replaced) io.out(t('messages.cli.planImported', { count: result.items }));
    else for (const problem of result.problems) io.out(issueLine(t, problem));
    return result.replaced ? EXIT_OK : EXIT_REJECTED;
  }
  throw new UsageError(t('messages.cli.unknownCommand', { command: ['plan', sub].filter(Boolean).join(' ') }));
}

async function runForms(command: Command): Promise<number> {
  const { t, io, database } = command;
  const [sub, file] = command.args;
  const { buildFormFile, importFormFile, listForms } = await import('./services/forms.ts');
  if (sub === 'list') {
    const records = await listForms(database.db);
    if (command.options.json) io.out(JSON.stringify(records.map(({ form, ...record }) => ({ id: form.id, version: form.version, title: form.title, ...record })), null, 2));
    else for (const { form, builtIn, usedBy } of records) io.out([`${form.id} v${form.version}`, form.title[command.lang === 'kk' ? 'kk' : 'ru'], builtIn ? '*' : '', usedBy.join(',')].join('\t').trimEnd());
    return EXIT_OK;
  }
  if (sub === 'export') {
    const { id, version } = await checked(command, 'exports.form', { id: required(command, 'form'), version: numberOption(command, 'version') });
    writeSaved(command, await buildFormFile(database.db, id, version), required(command, 'out'), false);
    return EXIT_OK;
  }
  if (sub === 'import' && file) {
    const result = await importFormFile(database.db, readInput(t, file));
    if (result.record) {
      io.out(t(`messages.cli.formImported.${result.outcome}`, { form: `${result.record.form.id} v${result.record.form.version}` }));
      return EXIT_OK;
    }
    io.err(t('messages.cli.formRefused'));
    for (const problem of result.problems) io.err(`    ${[problem.where, formatMessage(t, problem.message)].filter(Boolean).join(': ')}`);
    return EXIT_REJECTED;
  }
  if (sub === 'from-xlsx' && file) return runFormFromXlsx(command, file);
  throw new UsageError(t('messages.cli.unknownCommand', { command: ['forms', sub].filter(Boolean).join(' ') }));
}

/**
 * `forms from-xlsx`: the form the region's workbook proposes, and what was guessed and why. With --out it is written
 * as a form file to look over (and `forms import` later); without, it is added to the database as `forms import`
 * adds a file; --dry-run only tells. A file that cannot be read as a form saves nothing: the message says what was missing.
 */
async function runFormFromXlsx(command: Command, file: string): Promise<number> {
  const { t, io, options } = command;
  if (options.id !== undefined && !/^[a-z][a-z0-9_-]{0,39}$/.test(options.id)) throw new UsageError(t('messages.cli.badOption', { option: 'id', value: options.id }));
  const { proposeRegionForm } = await import('./services/region-forms.ts');
  const { proposal, notes, problem } = await proposeRegionForm({ name: path.basename(file), bytes: readInput(t, file) }, { sheet: options.sheet, id: options.id }, command.database.db);
  if (!proposal) {
    io.err(formatMessage(t, problem!));
    io.err(t('messages.cli.regionFormRefused'));
    return EXIT_REJECTED;
  }
  io.out(t('messages.cli.regionFormGuessed', { form: `${proposal.id} v${proposal.version}`, title: proposal.title.ru, titleKk: proposal.title.kk }));
  for (const note of notes) io.out(`    ${formatMessage(t, note)}`);
  if (options['dry-run']) {
    io.out(t('messages.cli.dryRun'));
    return EXIT_OK;
  }
  const { formFile, importFormFile } = await import('./services/forms.ts');
  const saved = await formFile(proposal);
  if (options.out) {
    writeSaved(command, saved, options.out, false);
    return EXIT_OK;
  }
  const result = await importFormFile(command.database.db, saved.files[0].bytes);
  if (result.record) {
    io.out(t(`messages.cli.formImported.${result.outcome}`, { form: `${result.record.form.id} v${result.record.form.version}` }));
    const { CAMPAIGN_KIND_INFO } = await import('../shared/campaigns.ts');
    if (!Object.values(CAMPAIGN_KIND_INFO).some((kind) => kind.formId === proposal.id)) io.out(t('messages.cli.regionFormIdHint'));
    return EXIT_OK;
  }
  io.err(t('messages.cli.formRefused'));
  for (const refusal of result.problems) io.err(`    ${[refusal.where, formatMessage(t, refusal.message)].filter(Boolean).join(': ')}`);
  return EXIT_REJECTED;
}

const COMMANDS: Record<string, (command: Command) => Promise<number>> = {
  forms: runForms,
  schools: runSchools,
  campaign: runCampaign,
  plan: runPlan,
  import: runImport,
  summary: runSummary,
  templates: async (command) => {
    const campaignId = required(command, 'campaign');
    const { buildBlankTemplate, buildTemplates } = await import('./services/exports.ts');
    const request = command.options.blank ? await buildBlankTemplate(command.database.db, campaignId) : await buildTemplates(command.database.db, campaignId);
    writeSaved(command, request, required(command, 'out'), true);
    return EXIT_OK;
  },
  backup: async (command) => {
    const out = required(command, 'out');
    await command.database.backupTo(out);
    command.io.out(command.t('messages.cli.written', { path: out }));
    return EXIT_OK;
  },
  restore: async (command) => {
    const [file] = command.args;
    if (!file) throw new UsageError(command.t('messages.cli.missingOption', { option: 'FILE' }));
    const { keptAs, schools, campaigns, reports } = await command.database.restoreFile(file);
    command.io.out(command.t('messages.cli.restored', { file, schools, campaigns, reports, keptAs }));
    return EXIT_OK;
  },
  export: async (command) => {
    const out = required(command, 'out');
    if (command.options.into) return exportIntoRegionWorkbook(command, command.options.into, out);
    const { buildSummaryWorkbook } = await import('./services/exports.ts');
    writeSaved(command, await buildSummaryWorkbook(command.database.db, required(command, 'campaign'), undefined, await documentLanguage(command)), out, false);
    return EXIT_OK;
  },
};

/**
 * `export --into REGION.xlsx`: the region's own workbook filled. What could not be placed is printed before the file is
 * written; the file is written all the same (the specialist types the rest by hand), and a total left out exits 1.
 */
async function exportIntoRegionWorkbook(command: Command, into: string, out: string): Promise<number> {
  const { t, io } = command;
  const bytes = readInput(t, into);
  const { buildRegionWorkbook } = await import('./services/exports.ts');
  const { request, unplaced, convertedFrom } = await buildRegionWorkbook(command.database.db, required(command, 'campaign'), { name: path.basename(into), bytes });
  if (convertedFrom) io.out(t('messages.cli.regionFileConverted', { file: path.basename(into), format: `.${convertedFrom}` }));
  if (unplaced.length > 0) io.out(t('messages.cli.unplaced', { count: unplaced.length }));
  for (const problem of unplaced) io.out(issueLine(t, problem));
  writeSaved(command, request, out, false);
  return unplaced.some((problem) => problem.severity === 'error') ? EXIT_REJECTED : EXIT_OK;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], io: Io = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const t = tFor(consoleLanguage());
    io.err(`${(error as Error).message}\n\n${t('messages.cli.usage')}`);
    return EXIT_USAGE;
  }
  const { values: options, positionals } = parsed;
  // `plan export --lang kk|ru|both` names the document's language; kk and ru serve the console too.
  const lang = consoleLanguage(options.lang);
  const t = tFor(lang);
  const [name, ...args] = positionals;
  const run = name ? COMMANDS[name] : undefined;
  if (options.help || !run) {
    if (name && !run) io.err(t('messages.cli.unknownCommand', { command: name }));
    io.err(t('messages.cli.usage'));
    return options.help ? EXIT_OK : EXIT_USAGE;
  }
  let file: string;
  try {
    file = checkedDatabasePath(options.db);
  } catch (error) {
    io.err(error instanceof AppError ? formatMessage(t, { key: error.key, params: error.params }) : String(error));
    return EXIT_USAGE;
  }
  let database: DatabaseSession | undefined;
  try {
    database = await DatabaseSession.open(file);
    return await run({ t, lang, io, options, args, database });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return EXIT_USAGE;
    }
    if (error instanceof UnreadableInput) {
      io.err(error.message);
      return EXIT_REJECTED;
    }
    if (error instanceof AppError) {
      io.err(formatMessage(t, { key: error.key, params: error.params }));
      return EXIT_REJECTED;
    }
    // Never a stack on the screen: one line saying what happened, the details in the log.
    const log = logError(file, `jinaq ${argv.join(' ')}`, error);
    io.err(t('messages.cli.unexpected', { message: error instanceof Error ? error.message : String(error), log }));
    return EXIT_UNEXPECTED;
  } finally {
    await database?.close();
  }
}
