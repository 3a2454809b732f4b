// The database's tables as Kysely sees them (kept in step with migrations/).
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SchoolsTable {
  id: Generated<number>;
  bin: string;
  name_ru: string;
  name_kk: string;
  short_name: string;
  type: string;
  locality: string;
  director: string;
  phone: string;
  email: string;
  language: string;
  active: Generated<number>;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface CampaignsTable {
  id: string;
  kind: string;
  year: number;
  form_id: string;
  form_version: number;
  starts_on: string;
  ends_on: string;
  school_due_on: string;
  region_due_on: string;
  hashtag: Generated<string>;
  created_at: Generated<string>;
  templates_saved_at: string | null;
}

export interface FilesTable {
  id: Generated<number>;
  sha256: string;
  size: number;
  bytes: Buffer;
  received_at: Generated<string>;
}

export interface ImportsTable {
  id: Generated<number>;
  campaign_id: string;
  file_id: number;
  file_name: string;
  status: 'accepted' | 'rejected' | 'duplicate';
  has_warnings: number;
  school_id: number | null;
  school_bin: string | null;
  issues_json: string;
  imported_at: Generated<string>;
  returned_at: string | null;
  dismissed_at: string | null;
  source: Generated<'file' | 'manual'>;
  os_user: Generated<string>;
}

export interface ReportsTable {
  id: Generated<number>;
  campaign_id: string;
  school_id: number;
  import_id: number;
  form_id: string;
  form_version: number;
  received_at: string;
  is_current: number;
}

export interface ReportValuesTable {
  report_id: number;
  code: string;
  amount: number;
}

export type ExecutionStatusColumn = 'not_started' | 'done' | 'not_done';

export interface PlansTable {
  campaign_id: string;
  title_ru: string;
  title_kk: string;
  preamble_json: string;
  approved_on: string | null;
}

export interface PlanSectionsTable {
  id: Generated<number>;
  campaign_id: string;
  position: number;
  title_ru: string;
  title_kk: string;
}

export interface PlanItemsTable {
  id: Generated<number>;
  campaign_id: string;
  section_id: number;
  position: number;
  title_ru: string;
  title_kk: string;
  deadline_ru: string;
  deadline_kk: string;
  executors_ru: string;
  executors_kk: string;
  deadline_json: string;
  executors_json: string;
  assign_to: Generated<'all' | 'chosen'>;
  own_status: Generated<ExecutionStatusColumn>;
  own_note: Generated<string>;
}

export interface PlanItemSchoolsTable {
  item_id: number;
  school_id: number;
}

export interface ExecutionColumns {
  item_id: number;
  status: ExecutionStatusColumn;
  events: number | null;
  participants: number | null;
  description: string;
}

export interface ReportPlanRowsTable extends ExecutionColumns {
  report_id: number;
}

export interface PlanExecutionEntriesTable extends ExecutionColumns {
  school_id: number;
  updated_at: Generated<string>;
}

export interface FormsTable {
  id: string;
  version: number;
  definition: string;
  based_on: number | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ReportTextsTable {
  report_id: number;
  code: string;
  value: string;
}

export interface ReportListRowsTable {
  report_id: number;
  table_id: string;
  row_number: number;
  cells: string;
}

export interface ValueAuditTable {
  id: Generated<number>;
  campaign_id: string;
  school_id: number;
  code: string;
  old_value: string | null;
  new_value: string | null;
  report_id: number;
  reason: 'file' | 'manual' | 'restore';
  os_user: string;
  changed_at: Generated<string>;
}

export interface SchoolChoicesTable {
  id: Generated<number>;
  campaign_id: string;
  import_id: number;
  from_import_id: number;
  chosen_bin: string;
  other_bin: string;
  disagreement: string;
  os_user: string;
  chosen_at: Generated<string>;
}

export interface Database {
  settings: SettingsTable;
  schools: SchoolsTable;
  campaigns: CampaignsTable;
  files: FilesTable;
  imports: ImportsTable;
  reports: ReportsTable;
  report_values: ReportValuesTable;
  report_texts: ReportTextsTable;
  report_list_rows: ReportListRowsTable;
  forms: FormsTable;
  value_audit: ValueAuditTable;
  school_choices: SchoolChoicesTable;
  plans: PlansTable;
  plan_sections: PlanSectionsTable;
  plan_items: PlanItemsTable;
  plan_item_schools: PlanItemSchoolsTable;
  report_plan_rows: ReportPlanRowsTable;
  plan_execution_entries: PlanExecutionEntriesTable;
}
