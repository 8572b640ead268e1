import { addDays, daysBetween, type Day } from './days';

export interface Streaks {
  /** Consecutive active days ending today, or yesterday (a streak stays alive until a whole day is missed). */
  readonly current: number;
  readonly best: number;
}

/** Current and best run of consecutive active days. `activeDays` need not be sorted or unique. */
export const streaks = (activeDays: Iterable<Day>, today: Day): Streaks => {
  const days = [...new Set(activeDays)].filter((d) => d <= today).sort();
  let best = 0;
  let run = 0;
  let previous: Day | undefined;
  for (const day of days) {
    run = previous !== undefined && daysBetween(previous, day) === 1 ? run + 1 : 1;
    best = Math.max(best, run);
    previous = day;
  }
  const last = days[days.length - 1];
  const live = last !== undefined && (last === today || last === addDays(today, -1));
  return { current: live ? run : 0, best };
};
