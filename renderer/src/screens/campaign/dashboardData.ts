// What the campaign overview computes from the summary and the import log: pure functions, no React.
import type { CampaignSummary, Outlier } from '../../../../shared/domain.ts';
import type { ImportRecord } from '../../../../shared/imports.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Longer than this, the received chart keeps only the days something happened instead of every calendar day. */
const MAX_DENSE_DAYS = 92;

function dayNumber(iso: string): number {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Schools whose latest file is returned for revision (the log marks it so until the school's next file arrives). */
export function returnedSchools(history: ImportRecord[]): number {
  return new Set(history.filter((r) => r.state === 'returned' && r.schoolId !== null).map((r) => r.schoolId)).size;
}

interface DayPoint {
  date: string;
  /** Schools whose first accepted report came that day. */
  count: number;
  /** Schools reported by the end of that day. */
  total: number;
}

/**
 * Every day from the campaign's start (or the first report, when earlier) to the schools' due date (or the last
 * report, when later), so the due date always has its place on the axis. A span longer than three months keeps
 * only the days with reports and the due date.
 */
export function receivedSeries(days: CampaignSummary['receivedByDay'], startsOn: string, dueOn: string): DayPoint[] {
  const counts = new Map(days.map((d) => [d.date, d.count]));
  const first = Math.min(dayNumber(startsOn), ...days.map((d) => dayNumber(d.date)));
  const last = Math.max(dayNumber(dueOn), ...days.map((d) => dayNumber(d.date)));
  const dates =
    last - first <= MAX_DENSE_DAYS
      ? Array.from({ length: last - first + 1 }, (_, i) => isoOfDay(first + i))
      : [...new Set([...counts.keys(), dueOn])].sort();
  let total = 0;
  return dates.map((date) => {
    const count = counts.get(date) ?? 0;
    total += count;
    return { date, count, total };
  });
}

/** The mean of a row over the schools that reported it; undefined when none did. */
export function districtMean(summary: CampaignSummary, code: string): number | undefined {
  const values = summary.schools.flatMap((s) => (s.values[code] === undefined ? [] : [s.values[code]]));
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

/** How a district outlier compares with the mean: how many times above or below it, to one decimal. */
type Comparison = { kind: 'above' | 'below'; ratio: number } | { kind: 'far' };

export function compareWithMean(outlier: Outlier, mean: number | undefined): Comparison {
  if (mean === undefined || mean <= 0 || outlier.value <= 0) return { kind: 'far' };
  const above = outlier.value >= mean;
  const ratio = Math.round((above ? outlier.value / mean : mean / outlier.value) * 10) / 10;
  return ratio > 1 ? { kind: above ? 'above' : 'below', ratio } : { kind: 'far' };
}

/** A chart tooltip wraps its long labels instead of growing past the chart and pushing the page wider than the screen. */
export const WRAPPING_TOOLTIP = { wrapperStyle: { maxWidth: 320 }, contentStyle: { whiteSpace: 'normal' } } as const;
