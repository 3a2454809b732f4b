// The handler table: every method of shared/api/, implemented by calling services, in the order of the domains.
// A missing or extra handler is a compile error; every input is validated before a handler sees it.
import type { Kysely } from 'kysely';
import { api, isApiName, type ApiArgs, type ApiError, type ApiName, type ApiOutput, type ApiResult } from '../shared/api/index.ts';
import type { Database } from './db/schema.ts';
import { CallGate } from './call-gate.ts';
import { AppError } from './errors.ts';
import type { DatabaseSession } from './db/session.ts';
import { storageError } from './db/storage-errors.ts';
import type { Platform } from './platform.ts';
import { createCampaign, listCampaigns, setCampaignForm, updateCampaign } from './services/campaigns.ts';
import { buildFormFile, copyForm, deleteForm, getFormRecord, importFormFile, listForms, saveForm } from './services/forms.ts';
import { getPlanExecution, setExecution } from './services/execution.ts';
import { buildExecutionReport, buildPlanWorkbook, importPlan } from './services/plan-files.ts';
import {
  deletePlanItem, deletePlanSection, getPlan, movePlanItem, savePlanItem, savePlanSection, setOwnExecution, updatePlanHeader,
} from './services/plans.ts';
import { listAudit } from './services/audit.ts';
import { dismissImport } from './services/dismiss.ts';
import { firstSteps, noteTemplatesSaved } from './services/first-steps.ts';
import { acceptAsSchool, importHistory, importReports, reimportStored } from './services/imports.ts';
import { enterReport } from './services/manual-entry.ts';
import { listVersions, restoreVersion, returnForRevision } from './services/report-history.ts';
import { createSchool, importRegistry, listSchools, setSchoolActive, updateSchool } from './services/schools.ts';
import { getSettings, updateSettings } from './services/settings.ts';
import { getSummary } from './services/summary.ts';
import { buildBlankTemplate, buildRegionWorkbook, buildRegistryTemplate, buildResultsFile, buildSummaryWorkbook, buildTemplates } from './services/exports.ts';

export interface ApiContext {
  /** The database open now (a restore replaces it). */
  readonly db: Kysely<Database>;
  session: DatabaseSession;
  platform: Platform;
  gate: CallGate;
  /** Told of every error a handler did not expect (the caller logs it); the renderer gets only its message. */
  onInternalError?: (name: string, error: unknown) => void;
}

export function createApiContext(session: DatabaseSession, platform: Platform): ApiContext {
  return {
    get db() {
      return session.db;
    },
    session,
    platform,
    gate: new CallGate(),
  };
}

export type Handlers = { [K in ApiName]: (args: ApiArgs<K>, ctx: ApiContext) => Promise<ApiOutput<K>> };

function fromBase64(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

export const handlers: Handlers = {
  // settings
  'settings.get': (_args, { db }) => getSettings(db),
  'settings.update': (args, { db }) => updateSettings(db, args),
  // schools
  'schools.list': (args, { db }) => listSchools(db, args.includeClosed),
  'schools.create': (args, { db }) => createSchool(db, args),
  'schools.update': ({ id, ...fields }, { db }) => updateSchool(db, id, fields),
  'schools.setActive': (args, { db }) => setSchoolActive(db, args.id, args.active),
  'schools.importRegistry': ({ file }, { db }) => importRegistry(db, fromBase64(file.base64), file.name),
  // campaigns
  'campaigns.list': (_args, { db }) => listCampaigns(db),
  'campaigns.firstSteps': (_args, { db }) => firstSteps(db),
  'campaigns.create': (args, { db }) => createCampaign(db, args.kind, args.year),
  'campaigns.update': ({ id, ...changes }, { db }) => updateCampaign(db, id, changes),
  'campaigns.setForm': (args, { db }) => setCampaignForm(db, args.id, args.formVersion),
  // forms
  'forms.list': (_args, { db }) => listForms(db),
  'forms.get': (args, { db }) => getFormRecord(db, args.id, args.version),
  'forms.copy': (args, { db }) => copyForm(db, args.id, args.version),
  'forms.save': (args, { db }) => saveForm(db, args.form),
  'forms.delete': async (args, { db }) => {
    await deleteForm(db, args.id, args.version);
    return listForms(db);
  },
  'forms.import': ({ file }, { db }) => importFormFile(db, fromBase64(file.base64)),
  'forms.fromXlsx': async ({ file, sheet, id }, { db }) => {
    const { proposeRegionForm } = await import('./services/region-forms.ts');
    return proposeRegionForm({ name: file.name, bytes: fromBase64(file.base64) }, { sheet, id }, db);
  },
  // plans
  'plans.get': (args, { db }) => getPlan(db, args.campaignId),
  'plans.execution': (args, { db }) => getPlanExecution(db, args.campaignId, args.today),
  'plans.saveItem': ({ campaignId, id, ...item }, { db }) => savePlanItem(db, campaignId, id, item),
  'plans.deleteItem': (args, { db }) => deletePlanItem(db, args.campaignId, args.id),
  'plans.moveItem': (args, { db }) => movePlanItem(db, args.campaignId, args.id, args.direction),
  'plans.saveSection': (args, { db }) => savePlanSection(db, args.campaignId, args.id, args.title),
  'plans.deleteSection': (args, { db }) => deletePlanSection(db, args.campaignId, args.id),
  'plans.updateHeader': ({ campaignId, ...header }, { db }) => updatePlanHeader(db, campaignId, header),
  'plans.setOwnExecution': (args, { db }) => setOwnExecution(db, args.campaignId, args.id, args.status, args.note),
  'plans.import': ({ campaignId, file }, { db }) => importPlan(db, campaignId, { name: file.name, bytes: fromBase64(file.base64) }),
  'plans.setExecution': ({ campaignId, itemId, schoolId, ...fields }, { db }) => setExecution(db, campaignId, itemId, schoolId, fields),
  // reports
  'reports.history': (args, { db }) => importHistory(db, args.campaignId),
  'reports.versions': (args, { db }) => listVersions(db, args.campaignId, args.schoolId),
  'reports.audit': (args, { db }) => listAudit(db, args.campaignId, args.schoolId),
  'reports.import': (args, { db }) =>
    importReports(db, args.campaignId, args.files.map((file) => ({ name: file.name, bytes: fromBase64(file.base64) })), { dryRun: args.dryRun }),
  'reports.reimport': (args, { db }) => reimportStored(db, args.campaignId, args.importIds),
  'reports.acceptAs': (args, { db }) => acceptAsSchool(db, args.campaignId, { importId: args.importId, bin: args.bin }),
  'reports.dismiss': async (args, { db }) => {
    await dismissImport(db, args.campaignId, args.importId);
    return importHistory(db, args.campaignId);
  },
  'reports.restore': (args, { db }) => restoreVersion(db, args.campaignId, args.reportId),
  'reports.return': (args, { db }) => returnForRevision(db, args.campaignId, args.importId),
  'reports.enter': (args, { db }) => enterReport(db, args.campaignId, args.schoolId, args.values, { dryRun: args.dryRun }),
  // summary
  'summary.get': (args, { db }) => getSummary(db, args.campaignId),
  // exports: files for the user to save
  'exports.templates': async (args, { db, platform }) => {
    const outcome = await platform.saveFiles(await buildTemplates(db, args.campaignId));
    if (outcome.kind !== 'cancelled') await noteTemplatesSaved(db, args.campaignId);
    return outcome;
  },
  'exports.blankTemplate': async (args, { db, platform }) => platform.saveFiles(await buildBlankTemplate(db, args.campaignId)),
  'exports.summary': async (args, { db, platform }) => platform.saveFiles(await buildSummaryWorkbook(db, args.campaignId, undefined, args.lang)),
  'exports.intoRegionWorkbook': async (args, { db, platform }) => {
    const { request, unplaced } = await buildRegionWorkbook(db, args.campaignId, { name: args.file.name, bytes: Buffer.from(args.file.base64, 'base64') });
    return { outcome: await platform.saveFiles(request), unplaced };
  },
  'exports.plan': async (args, { db, platform }) => platform.saveFiles(await buildPlanWorkbook(db, args.campaignId, args.lang)),
  'exports.executionReport': async (args, { db, platform }) => platform.saveFiles(await buildExecutionReport(db, args.campaignId, args.lang)),
  'exports.importResults': async (args, { platform }) => platform.saveFiles(await buildResultsFile(args.campaignId, args.outcomes, args.lang, args.checkedOnly)),
  'exports.form': async (args, { db, platform }) => platform.saveFiles(await buildFormFile(db, args.id, args.version)),
  'exports.registryTemplate': async (_args, { platform }) => platform.saveFiles(await buildRegistryTemplate()),
  // backups
  'backups.list': async (_args, { session }) => session.list(),
  'backups.create': async (_args, { session, platform }) => {
    const copy = await session.copyForUser();
    return platform.saveFiles({ files: [copy], bundleName: copy.name });
  },
  'backups.restore': (args, { session }) => session.restoreBackup(args.name),
  'backups.restoreFile': ({ file }, { session }) => session.restoreBytes(file.name, fromBase64(file.base64)),
};

/** Methods that replace the database file: they wait for the calls using it and run alone. */
const REPLACE_DATABASE: ReadonlySet<ApiName> = new Set(['backups.restore', 'backups.restoreFile']);

function errorOf(error: unknown, databaseFile: string): ApiError {
  if (error instanceof AppError) return { code: error.code, message: { key: error.key, params: error.params } };
  // A disk that filled up or went read-only while the app ran: the transaction was rolled back, nothing half-written.
  const storage = storageError(error, databaseFile);
  if (storage) return errorOf(storage, databaseFile);
  const details = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: { key: 'api.internal', params: { details } } };
}

/** Validates the input, calls the handler, and returns the value or a typed error — never throws. */
export async function dispatch(ctx: ApiContext, name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) return { ok: false, error: { code: 'unknown_method', message: { key: 'api.unknownMethod', params: { name } } } };
  // No input at all is {}; null, a number, a string or an array is an input of the wrong type.
  const parsed = api[name].input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_input', message: { key: 'api.invalidInput', params: { details } }, details: parsed.error.issues } };
  }
  try {
    const handler = handlers[name] as (args: unknown, ctx: ApiContext) => Promise<unknown>;
    const call = () => handler(parsed.data, ctx);
    return { ok: true, value: await (REPLACE_DATABASE.has(name) ? ctx.gate.alone(call) : ctx.gate.beside(call)) };
  } catch (error) {
    const failure = errorOf(error, ctx.session.file);
    if (failure.code === 'internal') ctx.onInternalError?.(name, error);
    return { ok: false, error: failure };
  }
}
