// The plan-execution part of a school's report: its columns and the longest description, for the writer that
// makes it and the reader that reads it back.
export const PLAN_COLUMNS = { number: 1, titleRu: 2, titleKk: 3, status: 4, events: 5, participants: 6, description: 7 } as const;
export const DESCRIPTION_LIMIT = 1000;
