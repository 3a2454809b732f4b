// The schools' reports: importing the files they send, entering one by hand, and each report's history.
import { z } from 'zod';
import type { ImportOutcome } from '../domain.ts';
import { MAX_VALUE_CELLS } from '../forms/check.ts';
import type { AuditEntry, ImportRecord, ReportVersion, ReturnMessage } from '../imports.ts';
import { type Domain, change, query, returns } from './define.ts';
import { bin, boundedRecord, campaignId, filePayload, id } from './inputs.ts';

const REPORT_READS = ['reports', 'schools', 'campaigns'] as const;

export const reportsMethods = {
  'reports.history': query({ input: campaignId, output: returns<ImportRecord[]>(), reads: REPORT_READS }),
  'reports.versions': query({ input: campaignId.extend({ schoolId: id }), output: returns<ReportVersion[]>(), reads: REPORT_READS }),
  'reports.audit': query({ input: campaignId.extend({ schoolId: id.optional() }), output: returns<AuditEntry[]>(), reads: REPORT_READS }),
  'reports.import': change({
    input: campaignId.extend({ files: z.array(filePayload).min(1).max(500), dryRun: z.boolean().default(false) }),
    output: returns<ImportOutcome[]>(),
    changes: ['reports'],
  }),
  /** Reads stored files again (after the form or the registry changed). */
  'reports.reimport': change({ input: campaignId.extend({ importIds: z.array(id).min(1).max(500) }), output: returns<ImportOutcome[]>(), changes: ['reports'] }),
  /** The specialist's choice of school for a file whose identification and header disagree. */
  'reports.acceptAs': change({ input: campaignId.extend({ importId: id, bin }), output: returns<ImportOutcome>(), changes: ['reports'] }),
  /** Sets aside a refused file that is no report; answers with the history. */
  'reports.dismiss': change({ input: campaignId.extend({ importId: id }), output: returns<ImportRecord[]>(), changes: ['reports'] }),
  /** Makes an earlier version the school's current report; answers with the versions. */
  'reports.restore': change({ input: campaignId.extend({ reportId: id }), output: returns<ReportVersion[]>(), changes: ['reports'] }),
  /** The message that sends a rejected file back to its school; the history notes that it was returned. */
  'reports.return': change({ input: campaignId.extend({ importId: id }), output: returns<ReturnMessage>(), changes: ['reports'] }),
  'reports.enter': change({
    input: campaignId.extend({
      schoolId: id,
      // One value per cell of the form: a row code, or ROW.COLUMN in a grid (the manual entry screen sends them all).
      values: boundedRecord(z.string().max(25), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]), MAX_VALUE_CELLS),
      dryRun: z.boolean().default(false),
    }),
    output: returns<ImportOutcome>(),
    changes: ['reports'],
  }),
} satisfies Domain<'reports'>;
