// A school's reports in a campaign over time: every accepted version with what it changed, an older one
// restored as current, and a report returned to the school for revision with the message to send it.
import type { Kysely } from 'kysely';
import { tFor } from '../../shared/i18n.ts';
import type { ReportVersion, ReturnMessage } from '../../shared/imports.ts';
import type { FileIssue } from '../../shared/messages.ts';
import { returnMessageText } from '../../shared/returns.ts';
import type { Database } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { displayDate } from '../excel/layout/report-layout.ts';
import { osUser } from '../os-user.ts';
import { recordChanges, reportValueTexts, valueChanges } from './audit.ts';
import { getCampaign } from './campaigns.ts';
import { currentReportOf } from './report-store.ts';
import { getSettings } from './settings.ts';

export async function listVersions(db: Kysely<Database>, campaignId: string, schoolId: number): Promise<ReportVersion[]> {
  await getCampaign(db, campaignId);
  const rows = await db
    .selectFrom('reports')
    .innerJoin('imports', 'imports.id', 'reports.import_id')
    .select(['reports.id', 'reports.import_id', 'reports.received_at', 'reports.form_version', 'reports.is_current', 'imports.file_name', 'imports.source'])
    .where('reports.campaign_id', '=', campaignId)
    .where('reports.school_id', '=', schoolId)
    .orderBy('reports.id')
    .execute();
  const versions: ReportVersion[] = [];
  let before = new Map<string, string>();
  for (const row of rows) {
    const values = await reportValueTexts(db, row.id);
    versions.push({
      reportId: row.id, importId: row.import_id, file: row.file_name, source: row.source, receivedAt: row.received_at,
      formVersion: row.form_version, current: row.is_current === 1, changes: valueChanges(before, values),
    });
    before = values;
  }
  return versions;
}

/** Makes an older accepted report of the school its current one again; the audit records each value that changes. */
export async function restoreVersion(db: Kysely<Database>, campaignId: string, reportId: number): Promise<ReportVersion[]> {
  // Read and switched in one transaction, so a file imported meanwhile is either replaced here or replaces this.
  const schoolId = await db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').select(['id', 'school_id', 'is_current']).where('id', '=', reportId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!report) throw new AppError('not_found', 'import.reportNotFound', { id: reportId });
    if (report.is_current === 1) return report.school_id;
    const previous = await currentReportOf(trx, campaignId, report.school_id);
    if (previous) await trx.updateTable('reports').set({ is_current: 0 }).where('id', '=', previous.id).execute();
    await trx.updateTable('reports').set({ is_current: 1 }).where('id', '=', reportId).execute();
    await recordChanges(trx, { campaignId, schoolId: report.school_id, before: previous?.id ?? null, after: reportId, reason: 'restore', user: osUser() });
    return report.school_id;
  });
  return listVersions(db, campaignId, schoolId);
}

/**
 * Marks an imported file «returned for revision» (until the school's next file arrives) and gives the message to
 * send the school, in Russian and Kazakh, listing every problem of the file with its sheet, cell and row code.
 */
export async function returnForRevision(db: Kysely<Database>, campaignId: string, importId: number): Promise<ReturnMessage> {
  const campaign = await getCampaign(db, campaignId);
  const row = await db
    .selectFrom('imports')
    .leftJoin('schools', 'schools.id', 'imports.school_id')
    .select(['imports.id', 'imports.file_name', 'imports.issues_json', 'imports.returned_at', 'imports.status', 'imports.source', 'schools.short_name'])
    .where('imports.id', '=', importId)
    .where('imports.campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'import.notFound', { id: importId });
  if (!row.short_name) throw new AppError('conflict', 'import.returnNoSchool');
  // Only a file the school sent can go back to it: a duplicate points to the file it repeats, a hand entry has none.
  if (row.status === 'duplicate' || row.source === 'manual') throw new AppError('conflict', 'import.returnNotAFile');
  if (!row.returned_at) await db.updateTable('imports').set({ returned_at: new Date().toISOString() }).where('id', '=', importId).execute();
  const settings = await getSettings(db);
  const issues = JSON.parse(row.issues_json) as FileIssue[];
  const text = (lang: 'ru' | 'kk') =>
    returnMessageText(tFor(lang), {
      campaignTitle: campaign.title[lang],
      schoolName: row.short_name ?? '',
      file: row.file_name,
      dueDate: displayDate(campaign.schoolDueOn),
      department: (lang === 'kk' ? settings.departmentKk : settings.departmentRu) || (lang === 'kk' ? settings.districtKk : settings.districtRu),
      issues,
    });
  return { ru: text('ru'), kk: text('kk') };
}
