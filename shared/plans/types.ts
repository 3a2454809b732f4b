// A campaign's plan of activities («план мероприятий» / «іс-шаралар жоспары»): sections of numbered items,
// each with a deadline and responsible executors as the documents write them, and in structured form.
import type { Bilingual } from '../forms/types.ts';

/** A deadline as parsed from the text of a plan (dates as YYYY-MM-DD). */
export type Deadline =
  | { kind: 'date'; date: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'until'; date: string }
  | { kind: 'month'; from: string; to: string }
  | { kind: 'ongoing' }
  | { kind: 'agreed' }
  | { kind: 'unparsed'; text: string };

export const ORGANISATIONS = [
  'education_department',
  'schools',
  'additional_education',
  'police',
  'akimat',
  'ngo',
  'resource_center',
  'clinic',
  'employment',
  'labour_inspection',
  'internal_policy',
  'media',
  'parents',
  'juvenile_commission',
] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

/** One responsible executor: a known organisation, or one named in words; «по согласованию» kept per executor. */
export type Executor =
  | { org: Organisation; agreed: boolean }
  | { org: 'other'; name: string; agreed: boolean };

/** A plan item as a built-in plan or an imported file gives it: texts in both languages. */
export interface PlanItemText {
  title: Bilingual;
  /** The deadline as written («1–12 июня» / «1-12 маусым»). */
  deadline: Bilingual;
  /** The executors as written («Отдел образования, НПО (по согласованию)»). */
  executors: Bilingual;
}

export interface PlanSectionSeed {
  title: Bilingual;
  items: PlanItemText[];
}

/** The lines under a plan's title: motto, purpose, tasks, target groups… («Девиз кампании: …»). */
export interface PlanPreambleLine {
  label: Bilingual;
  text: Bilingual;
}

/** A built-in plan as a campaign is created with it. `{{year}}` and `{{hashtag}}` in texts are filled in. */
export interface PlanSeed {
  title: Bilingual;
  preamble: PlanPreambleLine[];
  sections: PlanSectionSeed[];
}
