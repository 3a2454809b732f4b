import type { ImportOutcome } from './domain.ts';

/** One file as the import log keeps it. */
export interface ImportRecord extends ImportOutcome {
  id: number;
  importedAt: string;
  /** This file's report is the school's current one. */
  current: boolean;
}
