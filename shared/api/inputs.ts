// Pieces the methods' input schemas share. Every string, list and map has a maximum
// (test/unit/api-inputs.test.ts fails on one without).
import { z } from 'zod';
import { MAX_FILE_BYTES } from '../imports.ts';
import { PLAN_LANGUAGES } from '../plans/model.ts';
import { isMessageKey } from '../text-keys.ts';

const MAX_FILE_BASE64 = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 1024; // the largest workbook in base64, and a little more

export const isoDate = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/);
export const text = (max: number) => z.string().trim().max(max);
/** A database row's id. */
export const id = z.number().int().positive();
/** A text in both languages of the documents. */
export const both = (max: number) => z.object({ ru: text(max), kk: text(max) });
export const none = z.object({}).strict();
export const campaignId = z.object({ campaignId: z.string().min(1).max(60) });
export const planLanguage = z.object({ lang: z.enum(PLAN_LANGUAGES).default('both') });
export const bin = z.string().max(12).regex(/^\d{12}$/);

/**
 * A map of at most `max` keys. zod has no maximum for records: the refinement is the bound, and the metadata says it
 * to whoever walks the schemas.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.core.SomeType>(key: K, value: V, max: number) {
  return z
    .record(key, value)
    .refine((map) => Object.keys(map).length <= max, { message: `Too many keys: expected at most ${max}` })
    .meta({ maxKeys: max });
}

/** A file the user picked or dropped, as the API carries file bytes. */
export const filePayload = z.object({ name: text(260).min(1), base64: z.string().max(MAX_FILE_BASE64) });

/** A message as main sends it (a locale key and its values), sent back to be written into a workbook. */
export const fileIssue = z.object({
  severity: z.enum(['error', 'warning']),
  sheet: text(100).optional(),
  cell: text(20).optional(),
  code: text(40).optional(),
  message: z.object({ key: text(100).refine(isMessageKey), params: boundedRecord(z.string().max(40), z.union([z.string().max(2000), z.number()]), 20).optional() }),
});
