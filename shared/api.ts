// The one API contract: every method's name, its input schema and its output type.
// main/api.ts implements it as a handler table; renderer/api.ts calls it over IPC or HTTP.
import { z } from 'zod';
import { CAMPAIGN_KINDS, INSTRUCTION_LANGUAGES, SCHOOL_TYPES } from './domain.ts';
import { UI_LANGUAGES } from './i18n.ts';
import type {
  Campaign, CampaignSummary, DistrictSettings, ImportOutcome, RegistryImportResult, SaveOutcome, School,
} from './domain.ts';
import { MAX_BACKUP_BASE64, type BackupList, type RestoreResult } from './backups.ts';
import { MAX_INDICATORS } from './forms/check.ts';
import { formDefinitionSchema } from './forms/schema.ts';
import type { FormDefinition, FormImportResult, FormRecord, FormSaveResult } from './forms/types.ts';
import type { FirstSteps } from './first-steps.ts';
import { MAX_FILE_BYTES, type AuditEntry, type ImportRecord, type ReportVersion, type ReturnMessage } from './imports.ts';
import type { FileIssue, Message } from './messages.ts';
import { isMessageKey } from './text-keys.ts';
import { ASSIGN_TO, EXECUTION_STATUSES, PLAN_LANGUAGES, type Plan, type PlanExecution } from './plans/model.ts';

const MAX_FILE_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024; // the largest workbook in base64, and a little more
const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().max(max);
/**
 * A map of at most `max` keys. zod has no maximum for records: the refinement is the bound, and the metadata says it
 * to whoever walks the schemas (test/unit/api-inputs.test.ts fails on a string, list or map without a maximum).
 */
function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V, max: number) {
  return z
    .record(key, value)
    .refine((map) => Object.keys(map).length <= max, { message: `Too many keys: expected at most ${max}` })
    .meta({ maxKeys: max });
}

export const filePayload = z.object({ name: text(260).min(1), base64: z.string().max(MAX_FILE_BASE64) });

export const schoolFields = z.object({
  bin: z.string().trim().max(20),
  nameRu: text(300),
  nameKk: text(300),
  shortName: text(100).min(1),
  type: z.enum(SCHOOL_TYPES),
  locality: text(200),
  director: text(200),
  phone: text(50),
  email: text(200),
  language: z.enum(INSTRUCTION_LANGUAGES),
});

const campaignId = z.object({ campaignId: z.string().min(1).max(60) });
const id = z.number().int().positive();
const both = (max: number) => z.object({ ru: text(max), kk: text(max) });
const count = z.number().int().min(0).max(1_000_000_000).nullable();
const planLanguage = z.object({ lang: z.enum(PLAN_LANGUAGES).default('both') });
const campaignDates = z.object({ startsOn: isoDate, endsOn: isoDate, schoolDueOn: isoDate, regionDueOn: isoDate });
const none = z.object({}).strict();
const fileIssue = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: text(100).optional(),
  cell: text(20).optional(),
  code: text(40).optional(),
  message: z.object({ key: text(100).refine(isMessageKey), params: boundedRecord(z.string().max(40), z.union([z.string().max(2000), z.number()]), 20).optional() }),
});
/** An import's outcome as the renderer shows it, sent back to be written as a workbook. */
const importOutcome = z.object({
  file: text(300),
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  hasWarnings: z.boolean(),
  schoolBin: text(20).nullable(),
  schoolName: text(300).nullable(),
  errors: z.array(fileIssue).max(1000),
  warnings: z.array(fileIssue).max(1000),
  superseded: z.boolean(),
  importId: z.number().int().nullable(),
  newSchool: z.object({ bin: text(20), name: text(300) }).nullable(),
  checkedOnly: z.boolean(),
});
const formVersion = z.object({ id: z.string().trim().min(1).max(40), version: z.number().int().min(1).max(1000) });

export const apiInputs = {
  'settings.get': none,
  'settings.update': z
    .object({
      districtRu: text(200),
      districtKk: text(200),
      regionRu: text(200),
      regionKk: text(200),
      regionCode: z.string().trim().max(2).regex(/^\d{0,2}$/),
      departmentRu: text(300),
      departmentKk: text(300),
      headName: text(200),
      departmentBin: z.string().trim().max(12).regex(/^(\d{12})?$/),
    })
    .partial(),
  'schools.list': z.object({ includeClosed: z.boolean().default(true) }),
  'schools.create': schoolFields,
  'schools.update': schoolFields.extend({ id: z.number().int().positive() }),
  'schools.setActive': z.object({ id: z.number().int().positive(), active: z.boolean() }),
  'schools.importRegistry': z.object({ file: filePayload }),
  'schools.saveRegistryTemplate': none,
  'campaigns.list': none,
  'firstSteps.get': none,
  'campaigns.create': z.object({ kind: z.enum(CAMPAIGN_KINDS), year: z.number().int().min(2000).max(2100) }),
  'campaigns.update': campaignDates.extend({ id: z.string().min(1).max(60), hashtag: text(60) }),
  'templates.save': campaignId,
  'reports.import': campaignId.extend({ files: z.array(filePayload).min(1).max(500), dryRun: z.boolean().default(false) }),
  'reports.history': campaignId,
  'reports.reimport': campaignId.extend({ importIds: z.array(id).min(1).max(500) }),
  'reports.acceptAs': campaignId.extend({ importId: id, bin: z.string().max(12).regex(/^\d{12}$/) }),
  'imports.dismiss': campaignId.extend({ importId: id }),
  'templates.saveBlank': campaignId,
  'summary.get': campaignId,
  'summary.save': campaignId.extend(planLanguage.shape),
  'plans.get': campaignId,
  'plans.saveItem': campaignId.extend({
    id: id.optional(),
    sectionId: id,
    title: both(2000),
    deadlineText: both(200),
    executorsText: both(1000),
    assignTo: z.enum(ASSIGN_TO).default('all'),
    chosenSchoolIds: z.array(id).max(2000).default([]),
  }),
  'plans.deleteItem': campaignId.extend({ id }),
  'plans.moveItem': campaignId.extend({ id, direction: z.enum(['up', 'down']) }),
  'plans.saveSection': campaignId.extend({ id: id.optional(), title: both(300) }),
  'plans.deleteSection': campaignId.extend({ id }),
  'plans.updateHeader': campaignId.extend({
    title: both(1000),
    preamble: z.array(z.object({ label: both(200), text: both(4000) })).max(20),
    approvedOn: isoDate.nullable(),
  }),
  'plans.setOwnExecution': campaignId.extend({ id, status: z.enum(EXECUTION_STATUSES), note: text(1000) }),
  'plans.import': campaignId.extend({ file: filePayload }),
  'plans.save': campaignId.extend(planLanguage.shape),
  'plans.execution': campaignId.extend({ today: isoDate.optional() }),
  'plans.setExecution': campaignId.extend({
    itemId: id,
    schoolId: id,
    status: z.enum(EXECUTION_STATUSES),
    events: count,
    participants: count,
    description: text(1000),
  }),
  'plans.saveExecutionReport': campaignId.extend(planLanguage.shape),
  'reports.saveResults': campaignId.extend({
    lang: z.enum(UI_LANGUAGES),
    checkedOnly: z.boolean().default(false),
    outcomes: z.array(importOutcome).min(1).max(5000),
  }),
  'reports.versions': campaignId.extend({ schoolId: id }),
  'reports.restore': campaignId.extend({ reportId: id }),
  'reports.return': campaignId.extend({ importId: id }),
  'reports.enter': campaignId.extend({
    schoolId: id,
    // One value per row code of the form (the manual entry screen sends them all).
    values: boundedRecord(z.string().max(12), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]), MAX_INDICATORS),
    dryRun: z.boolean().default(false),
  }),
  'reports.audit': campaignId.extend({ schoolId: id.optional() }),
  'campaigns.setForm': z.object({ id: z.string().min(1).max(60), formVersion: z.number().int().min(1).max(1000) }),
  'forms.list': none,
  'forms.get': formVersion,
  'forms.copy': formVersion,
  'forms.save': z.object({ form: formDefinitionSchema }),
  'forms.delete': formVersion,
  'forms.export': formVersion,
  'forms.import': z.object({ file: filePayload }),
  'backups.list': none,
  'backups.create': none,
  'backups.restore': z.object({ name: text(200).min(1) }),
  'backups.restoreFile': z.object({ file: z.object({ name: text(260).min(1), base64: z.string().max(MAX_BACKUP_BASE64) }) }),
} as const;

export interface ApiOutputs {
  'settings.get': DistrictSettings;
  'settings.update': DistrictSettings;
  'schools.list': School[];
  'schools.create': School;
  'schools.update': School;
  'schools.setActive': School;
  'schools.importRegistry': RegistryImportResult;
  'schools.saveRegistryTemplate': SaveOutcome;
  'campaigns.list': Campaign[];
  'firstSteps.get': FirstSteps;
  'campaigns.create': Campaign;
  'campaigns.update': Campaign;
  'templates.save': SaveOutcome;
  'reports.import': ImportOutcome[];
  'reports.history': ImportRecord[];
  'reports.reimport': ImportOutcome[];
  'reports.acceptAs': ImportOutcome;
  'imports.dismiss': ImportRecord[];
  'templates.saveBlank': SaveOutcome;
  'summary.get': CampaignSummary;
  'summary.save': SaveOutcome;
  'plans.get': Plan;
  'plans.saveItem': Plan;
  'plans.deleteItem': Plan;
  'plans.moveItem': Plan;
  'plans.saveSection': Plan;
  'plans.deleteSection': Plan;
  'plans.updateHeader': Plan;
  'plans.setOwnExecution': Plan;
  'plans.import': PlanImportResult;
  'plans.save': SaveOutcome;
  'plans.execution': PlanExecution;
  'plans.setExecution': PlanExecution;
  'plans.saveExecutionReport': SaveOutcome;
  'reports.saveResults': SaveOutcome;
  'reports.versions': ReportVersion[];
  'reports.restore': ReportVersion[];
  'reports.return': ReturnMessage;
  'reports.enter': ImportOutcome;
  'reports.audit': AuditEntry[];
  'campaigns.setForm': Campaign;
  'forms.list': FormRecord[];
  'forms.get': FormRecord;
  'forms.copy': FormRecord;
  'forms.save': FormSaveResult;
  'forms.delete': FormRecord[];
  'forms.export': SaveOutcome;
  'forms.import': FormImportResult;
  'backups.list': BackupList;
  'backups.create': SaveOutcome;
  'backups.restore': RestoreResult;
  'backups.restoreFile': RestoreResult;
}

/** A plan read from a workbook replaces the campaign's plan only when the whole file is right. */
export interface PlanImportResult {
  replaced: boolean;
  items: number;
  problems: FileIssue[];
  plan: Plan;
}

export type ApiName = keyof typeof apiInputs;
/** What a caller passes (defaults may be left out). */
export type ApiInput<K extends ApiName> = z.input<(typeof apiInputs)[K]>;
/** What a handler receives, after validation and defaults. */
export type ApiArgs<K extends ApiName> = z.output<(typeof apiInputs)[K]>;
export type ApiOutput<K extends ApiName> = ApiOutputs[K];

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'storage' | 'unknown_method' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: Message;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Compile-time check that the two halves of the contract name the same methods. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
export const contractIsComplete: SameKeys<typeof apiInputs, ApiOutputs> = true;
