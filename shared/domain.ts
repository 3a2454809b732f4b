// The domain's shapes as the API carries them: JSON-safe, dates as ISO strings (YYYY-MM-DD).
import type { FileIssue, Message } from './messages.ts';
import type { Bilingual, GridTable, Indicator, ListRow, ListTable } from './forms/types.ts';

export const SCHOOL_TYPES = ['general', 'gymnasium', 'lyceum', 'school_gymnasium', 'small', 'other'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const INSTRUCTION_LANGUAGES = ['kk', 'ru', 'kk_ru', 'other'] as const;
export type InstructionLanguage = (typeof INSTRUCTION_LANGUAGES)[number];

export interface SchoolFields {
  bin: string;
  nameRu: string;
  nameKk: string;
  shortName: string;
  type: SchoolType;
  locality: string;
  director: string;
  phone: string;
  email: string;
  language: InstructionLanguage;
}

export interface School extends SchoolFields {
  id: number;
  active: boolean;
}

export interface RowProblem {
  row: number;
  message: Message;
}

export interface RegistryImportResult {
  added: number;
  updated: number;
  problems: RowProblem[];
  /** Set when the file as a whole could not be read (not a workbook, no header row). */
  fileProblem?: Message;
}

export const CAMPAIGN_KINDS = ['zabota', 'nik'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export interface CampaignDates {
  startsOn: string;
  endsOn: string;
  schoolDueOn: string;
  regionDueOn: string;
}

export interface Campaign extends CampaignDates {
  id: string;
  kind: CampaignKind;
  year: number;
  formId: string;
  formVersion: number;
  title: Bilingual;
  /** Printed on the forms and the plan; the НИК's is #НИКYYYY_RR (RR: the region's code). */
  hashtag: string;
}

export interface DistrictSettings {
  districtRu: string;
  districtKk: string;
  regionRu: string;
  regionKk: string;
  /** Two digits, as in the НИК hashtag #НИК2025_09. */
  regionCode: string;
  /** The department's full name for signature blocks: ГУ «Отдел образования города Шахтинска». */
  departmentRu: string;
  departmentKk: string;
  /** The head of the department, who approves plans and signs reports. */
  headName: string;
  /** The department's БИН: how a region running Jinaq knows this district's summary. */
  departmentBin: string;
}

export const DISTRICT_SETTING_KEYS = [
  'districtRu', 'districtKk', 'regionRu', 'regionKk', 'regionCode', 'departmentRu', 'departmentKk', 'headName', 'departmentBin',
] as const satisfies ReadonlyArray<keyof DistrictSettings>;

export type ImportStatus = 'accepted' | 'rejected' | 'duplicate';

export interface ImportOutcome {
  file: string;
  status: ImportStatus;
  /** Accepted with at least one warning. */
  hasWarnings: boolean;
  schoolBin: string | null;
  schoolName: string | null;
  errors: FileIssue[];
  warnings: FileIssue[];
  /** A newer report of this school replaced an older one. */
  superseded: boolean;
  /** The import's record, to judge the kept file again later (null when nothing was recorded). */
  importId: number | null;
  /** A school not yet in the registry, as the file names it: the app offers to add it and import again. */
  newSchool: { bin: string; name: string } | null;
  /** Checked only (a dry run): nothing was stored. */
  checkedOnly: boolean;
}

export interface SchoolReportRow {
  schoolId: number;
  bin: string;
  shortName: string;
  nameRu: string;
  nameKk: string;
  receivedAt: string | null;
  /** Row code → value in natural units (yes = 1, no = 0); absent when not reported. */
  values: Record<string, number>;
  /** Row code → a reported text, date (YYYY-MM-DD) or URL. */
  texts: Record<string, string>;
  /** The school's first accepted report came after the schools' due date. */
  late: boolean;
}

/** A row of the summary: an indicator of the campaign's form, or of an older version some report was made with. */
export interface SummaryIndicator extends Indicator {
  /** The form version the label comes from: the campaign's own unless the code is only in older versions. */
  version: number;
}

/** A list table's rows from every school's current report, school by school. */
export interface SummaryList {
  table: ListTable;
  rows: Array<{ schoolId: number; shortName: string; cells: ListRow }>;
}

export interface CampaignSummary {
  campaign: Campaign;
  expected: number;
  reported: number;
  /** The form's value cells (one-value rows, then grid cells "H03.2"), then codes only older versions had. */
  indicators: SummaryIndicator[];
  /** The grids of the form and of older versions in use, to lay their cells out as grids (newest version's first). */
  grids: GridTable[];
  /** Row code → total over the latest accepted report of every school (numeric rows only). */
  totals: Record<string, number>;
  /** The form's rules checked on the totals. */
  ruleIssues: FileIssue[];
  schools: SchoolReportRow[];
  lists: SummaryList[];
  missing: Array<Pick<School, 'id' | 'bin' | 'shortName' | 'nameRu' | 'nameKk'>>;
  /** Completeness and timeliness as DHIS2 counts them: on time = first accepted by the schools' due date. */
  onTime: number;
  late: number;
  /** The same kind of campaign a year earlier, for the year-over-year column; null when there was none. */
  previous: { campaignId: string; year: number; reported: number; totals: Record<string, number> } | null;
  /** Values far from the district's other schools or from the school's own last year: warnings, never blocking. */
  outliers: Outlier[];
  /** Schools whose first accepted report came in on each day (YYYY-MM-DD, the office's time zone), oldest first. */
  receivedByDay: Array<{ date: string; count: number }>;
}

/**
 * A value worth a second look. `district`: its z-score over the schools that reported the row is beyond the
 * threshold (3, DHIS2's default). `lastYear`: it is far from the school's own value a year earlier.
 */
export type Outlier = {
  schoolId: number;
  shortName: string;
  code: string;
  value: number;
} & ({ kind: 'district'; zScore: number } | { kind: 'lastYear'; previous: number });

/** A file travelling through the API: its name and its bytes in base64. */
export interface FilePayload {
  name: string;
  base64: string;
}

/** Where a produced file went: saved by the desktop app, or handed to the browser to download. */
export type SaveOutcome =
  | { kind: 'saved'; location: string; count: number }
  | { kind: 'download'; file: FilePayload; count: number }
  | { kind: 'cancelled' };
