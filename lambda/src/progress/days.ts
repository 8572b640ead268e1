/**
 * Calendar days as 'YYYY-MM-DD' strings in the user's own time zone. Strings sort in date
 * order and survive JSON (session attributes) and DynamoDB unchanged.
 */

export type Day = string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (v: unknown): v is Day => typeof v === 'string' && DAY_PATTERN.test(v);

// Building a formatter costs about 0.1 ms and every turn needs one; they hold nothing of a
// user's, so one per zone is kept (a bounded few: a container serves a handful of zones).
const formatters = new Map<string, Intl.DateTimeFormat>();
const FORMATTERS_KEPT = 64;

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  const known = formatters.get(zone);
  if (known) return known;
  const made = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  if (formatters.size < FORMATTERS_KEPT) formatters.set(zone, made);
  return made;
};

const formatDay = (zone: string, epochMs: number): Day => {
  const parts = formatterFor(zone).formatToParts(epochMs);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/**
 * The calendar day of an instant in an IANA time zone ("America/Los_Angeles"). A missing
 * or unknown zone falls back to UTC: a streak counted a few hours off beats a crash.
 */
export const dayInZone = (epochMs: number, timeZone: string | undefined): Day => {
  if (timeZone) {
    try {
      return formatDay(timeZone, epochMs);
    } catch {
      // RangeError: invalid time zone; fall through to UTC.
    }
  }
  return new Date(epochMs).toISOString().slice(0, 10);
};

const toUtcMs = (day: Day): number => Date.parse(`${day}T00:00:00Z`);

/** The day `n` days after `day` (negative n goes back). */
export const addDays = (day: Day, n: number): Day =>
  new Date(toUtcMs(day) + n * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: Day, to: Day): number => Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: Day): number => new Date(toUtcMs(day)).getUTCDay();

/** First day of the week holding `day`; weeks start on Monday (1) or Sunday (0) by locale. */
export const startOfWeek = (day: Day, weekStartsOn: 0 | 1 = 1): Day =>
  addDays(day, -((weekday(day) - weekStartsOn + 7) % 7));

export const minDay = (a: Day | null | undefined, b: Day | null | undefined): Day | null =>
  a && b ? (a < b ? a : b) : (a ?? b ?? null);

export const maxDay = (a: Day | null | undefined, b: Day | null | undefined): Day | null =>
  a && b ? (a > b ? a : b) : (a ?? b ?? null);
