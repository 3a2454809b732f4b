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
  created_at: Generated<string>;
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

export interface Database {
  settings: SettingsTable;
  schools: SchoolsTable;
  campaigns: CampaignsTable;
  files: FilesTable;
  imports: ImportsTable;
  reports: ReportsTable;
  report_values: ReportValuesTable;
}
