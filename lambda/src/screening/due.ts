/**
 * When to ask again. Days are calendar days in the user's own time zone, as
 * 'YYYY-MM-DD' strings (the progress model's format); only the date of the last clear
 * screen is ever stored, never the answers. The six-week question's rule lives with the
 * progress model (progress/summary.ts, `sixWeekCheckDue`).
 */
import { addDays, daysBetween, isDay, type Day } from '../progress/days';

export const SCREEN_VALID_DAYS = 7;

/** A 'YYYY-MM-DD' that is a real date (2025-02-30 would otherwise roll over into March). */
const isRealDay = (v: string | undefined): v is Day => isDay(v) && addDays(v, 0) === v;

/**
 * True when the screen must run before exercise: never done, more than 7 days ago, or a
 * stored date we cannot trust (unreadable, or in the future): when in doubt, ask.
 */
export const screenDue = (lastClearDay: string | undefined, today: string): boolean => {
  if (!isRealDay(lastClearDay) || !isRealDay(today)) return true;
  const since = daysBetween(lastClearDay, today);
  return since < 0 || since > SCREEN_VALID_DAYS;
};
