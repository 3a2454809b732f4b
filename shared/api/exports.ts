// The files the app writes for the user to save: templates for the schools, the summary and the plan for the region.
// Each answers with where the files went (desktop: saved; browser mode: a download).
import { z } from 'zod';
import type { SaveOutcome } from '../domain.ts';
import type { FileIssue } from '../messages.ts';
import { UI_LANGUAGES } from '../i18n.ts';
import { type Domain, change, returns } from './define.ts';
import { formVersion } from './forms.ts';
import { campaignId, fileIssue, filePayload, none, planLanguage, text } from './inputs.ts';

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

const saved = returns<SaveOutcome>();

export const exportsMethods = {
  /** Every school's template; notes that templates went out (the first steps). */
  'exports.templates': change({ input: campaignId, output: saved, changes: ['templates'] }),
  'exports.blankTemplate': change({ input: campaignId, output: saved, changes: [] }),
  'exports.summary': change({ input: campaignId.extend(planLanguage.shape), output: saved, changes: [] }),
  /** The region's own workbook with the district's totals in it, and what could not be placed there. */
  'exports.intoRegionWorkbook': change({
    input: campaignId.extend({ file: filePayload }),
    output: returns<{ outcome: SaveOutcome; unplaced: FileIssue[] }>(),
    changes: [],
  }),
  'exports.plan': change({ input: campaignId.extend(planLanguage.shape), output: saved, changes: [] }),
  'exports.executionReport': change({ input: campaignId.extend(planLanguage.shape), output: saved, changes: [] }),
  'exports.importResults': change({
    input: campaignId.extend({
      lang: z.enum(UI_LANGUAGES),
      checkedOnly: z.boolean().default(false),
      outcomes: z.array(importOutcome).min(1).max(5000),
    }),
    output: saved,
    changes: [],
  }),
  'exports.form': change({ input: formVersion, output: saved, changes: [] }),
  'exports.registryTemplate': change({ input: none, output: saved, changes: [] }),
} satisfies Domain<'exports'>;
