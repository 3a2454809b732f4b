// Values worth a second look, never blocking: a school far from the district's other schools (a z-score over the
// schools that reported the row, DHIS2's default threshold 3), or far from its own value a year earlier.

export const Z_SCORE_THRESHOLD = 3;
/** A year-over-year change is flagged when the value is this many times larger or smaller than last year's… */
export const YEAR_RATIO = 3;
/** …and the larger of the two is at least this much (2 → 7 children is no news; 20 → 70 is). */
export const YEAR_FLOOR = 10;

export interface SchoolValue {
  schoolId: number;
  value: number;
}

/** Schools whose value is more than the threshold standard deviations from the mean over all the schools given. */
export function districtOutliers(values: SchoolValue[], threshold = Z_SCORE_THRESHOLD): Array<SchoolValue & { zScore: number }> {
  if (values.length < 3) return [];
  const mean = values.reduce((sum, v) => sum + v.value, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v.value - mean) ** 2, 0) / values.length;
  const deviation = Math.sqrt(variance);
  if (deviation === 0) return [];
  return values
    .map((v) => ({ ...v, zScore: Math.round(((v.value - mean) / deviation) * 100) / 100 }))
    .filter((v) => Math.abs(v.zScore) > threshold);
}

/** Whether this year's value is far from last year's: YEAR_RATIO times up or down, and not a small number. */
export function farFromLastYear(value: number, previous: number): boolean {
  if (Math.max(value, previous) < YEAR_FLOOR) return false;
  if (value === 0 || previous === 0) return true;
  return value / previous >= YEAR_RATIO || previous / value >= YEAR_RATIO;
}
