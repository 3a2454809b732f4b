// Today as the office clock shows it: an office in Almaty at 02:00 is already in the new day, while UTC is not.

/** The date in the computer's own time zone, as YYYY-MM-DD. */
export function localIsoDate(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
