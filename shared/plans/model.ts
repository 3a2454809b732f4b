// A campaign's plan and its execution as the API carries them.
import type { Bilingual } from '../forms/types.ts';
import type { FileIssue } from '../messages.ts';
import type { Deadline, Executor, PlanPreambleLine } from './types.ts';

export const EXECUTION_STATUSES = ['not_started', 'done', 'not_done'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The languages a plan document is written in: one of them, or both on two sheets. */
export const PLAN_LANGUAGES = ['kk', 'ru', 'both'] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

export const ASSIGN_TO = ['all', 'chosen'] as const;
export type AssignTo = (typeof ASSIGN_TO)[number];

export interface PlanSection {
  id: number;
  /** I, II, III… in print: the section's place, from 1. */
  number: number;
  title: Bilingual;
}

export interface PlanItem {
  id: number;
  /** The item's number in the plan: its place in order, from 1 (renumbered after every change). */
  number: number;
  sectionId: number;
  title: Bilingual;
  deadlineText: Bilingual;
  deadline: Deadline;
  executorsText: Bilingual;
  executors: Executor[];
  /** Schools are among the executors, so the item is handed to schools. */
  forSchools: boolean;
  assignTo: AssignTo;
  /** The schools chosen when `assignTo` is 'chosen'. */
  chosenSchoolIds: number[];
  /** The department's own part of the item. */
  ownStatus: ExecutionStatus;
  ownNote: string;
}

export interface Plan {
  campaignId: string;
  title: Bilingual;
  preamble: PlanPreambleLine[];
  /** The date the head approved the plan (YYYY-MM-DD), printed in the «УТВЕРЖДАЮ / БЕКІТЕМІН» block. */
  approvedOn: string | null;
  sections: PlanSection[];
  items: PlanItem[];
}

export interface ExecutionFields {
  status: ExecutionStatus;
  events: number | null;
  participants: number | null;
  description: string;
}

/** What one school did on one item: from its current report, entered by hand, or nothing yet. */
export interface ExecutionEntry extends ExecutionFields {
  itemId: number;
  schoolId: number;
  source: 'report' | 'manual' | 'none';
  /** When the report came or the entry was made. */
  updatedAt: string | null;
  overdue: boolean;
}

/** One item's execution over the schools it was handed to. */
export interface ItemProgress {
  itemId: number;
  assigned: number;
  done: number;
  notDone: number;
  notStarted: number;
  events: number;
  participants: number;
  /** Past its deadline and not done by everyone it was handed to (or, without schools, by the department). */
  overdue: boolean;
  descriptions: Array<{ schoolId: number; text: string }>;
}

export interface PlanExecution {
  campaignId: string;
  /** The date overdue items are judged against (YYYY-MM-DD). */
  today: string;
  schools: Array<{ id: number; shortName: string; nameRu: string; nameKk: string }>;
  /** One entry per item and school it is handed to. */
  entries: ExecutionEntry[];
  items: ItemProgress[];
}

/** A plan read from a workbook replaces the campaign's plan only when the whole file is right. */
export interface PlanImportResult {
  replaced: boolean;
  items: number;
  problems: FileIssue[];
  plan: Plan;
}
