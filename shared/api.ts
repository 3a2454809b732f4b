// The one API contract: every method's name, its input schema and its output type.
// main/api.ts implements it as a handler table; renderer/api.ts calls it over IPC or HTTP.
import { z } from 'zod';
import { CAMPAIGN_KINDS, INSTRUCTION_LANGUAGES, SCHOOL_TYPES } from './domain.ts';
import type {
  Campaign, CampaignSummary, DistrictSettings, ImportOutcome, RegistryImportResult, SaveOutcome, School,
} from './domain.ts';
import type { ImportRecord } from './imports.ts';
import type { Message } from './messages.ts';

const MAX_FILE_BASE64 = 28_000_000; // a 20 MB workbook in base64, and a little more
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().max(max);

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
const campaignDates = z.object({ startsOn: isoDate, endsOn: isoDate, schoolDueOn: isoDate, regionDueOn: isoDate });
const none = z.object({}).strict();

export const apiInputs = {
  'settings.get': none,
  'settings.update': z.object({ districtRu: text(200), districtKk: text(200) }),
  'schools.list': z.object({ includeClosed: z.boolean().default(true) }),
  'schools.create': schoolFields,
  'schools.update': schoolFields.extend({ id: z.number().int().positive() }),
  'schools.setActive': z.object({ id: z.number().int().positive(), active: z.boolean() }),
  'schools.importRegistry': z.object({ file: filePayload }),
  'schools.saveRegistryTemplate': none,
  'campaigns.list': none,
  'campaigns.create': z.object({ kind: z.enum(CAMPAIGN_KINDS), year: z.number().int().min(2000).max(2100) }),
  'campaigns.updateDates': campaignDates.extend({ id: z.string().min(1).max(60) }),
  'templates.save': campaignId,
  'reports.import': campaignId.extend({ files: z.array(filePayload).min(1).max(500) }),
  'reports.history': campaignId,
  'summary.get': campaignId,
  'summary.save': campaignId,
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
  'campaigns.create': Campaign;
  'campaigns.updateDates': Campaign;
  'templates.save': SaveOutcome;
  'reports.import': ImportOutcome[];
  'reports.history': ImportRecord[];
  'summary.get': CampaignSummary;
  'summary.save': SaveOutcome;
}

export type ApiName = keyof typeof apiInputs;
/** What a caller passes (defaults may be left out). */
export type ApiInput<K extends ApiName> = z.input<(typeof apiInputs)[K]>;
/** What a handler receives, after validation and defaults. */
export type ApiArgs<K extends ApiName> = z.output<(typeof apiInputs)[K]>;
export type ApiOutput<K extends ApiName> = ApiOutputs[K];

export type ApiErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unknown_method' | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: Message;
  details?: unknown;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Compile-time check that the two halves of the contract name the same methods. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : never;
export const contractIsComplete: SameKeys<typeof apiInputs, ApiOutputs> = true;
