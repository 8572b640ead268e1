/**
 * When to ask again. Days are calendar days in the user's own time zone, as
 * 'YYYY-MM-DD' strings (the progress model's format); only the date of the last clear
 * screen is ever stored, never the answers.
 */

/** Days since the Unix epoch for 'YYYY-MM-DD', or undefined if it is not a real date. */
const dayNumber = (day: string | undefined): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Rejects 2025-02-30 and the like, which Date.UTC would silently roll over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / 86_400_000);
};

/** Days between two days, or undefined if either is not a valid day. */
export const daysBetween = (from: string | undefined, to: string): number | undefined => {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
};

export const SCREEN_VALID_DAYS = 7;
export const SIX_WEEKS_DAYS = 42;

/**
 * True when the screen must run before exercise: never done, more than 7 days ago, or a
 * stored date we cannot trust (unreadable, or in the future): when in doubt, ask.
 */
export const screenDue = (lastClearDay: string | undefined, today: string): boolean => {
  const since = daysBetween(lastClearDay, today);
  return since === undefined || since < 0 || since > SCREEN_VALID_DAYS;
};

/**
 * True when the six-week question should be asked: at least six weeks since first use,
 * and not asked before (`alreadyAsked` is the only thing stored: never the answer).
 */
export const sixWeekDue = (
  firstUseDay: string | undefined,
  today: string,
  alreadyAsked: boolean,
): boolean => {
  if (alreadyAsked) return false;
  const since = daysBetween(firstUseDay, today);
  return since !== undefined && since >= SIX_WEEKS_DAYS;
};
