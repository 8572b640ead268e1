import type { ExerciseId } from '../coach/ids';
import { addDays, daysBetween, startOfWeek, type Day } from './days';
import type { Profile } from './profile';
import { streaks } from './streaks';

export interface WeekSummary {
  readonly sessionsThisWeek: number;
  readonly minutesThisWeek: number;
  readonly daysActiveThisWeek: number;
  readonly sessionsTotal: number;
  readonly minutesTotal: number;
  readonly currentStreak: number;
  readonly bestStreak: number;
  readonly activeToday: boolean;
  /** Days since the last active day (0 = today); undefined when never active. */
  readonly daysSinceActive: number | undefined;
  /** Most-completed exercises first (at most three), with their completion counts. */
  readonly topExercises: readonly { readonly exercise: ExerciseId; readonly count: number }[];
}

const minutes = (seconds: number): number => Math.round(seconds / 60);

/** Progress as the user would ask about it ("how am I doing?"), for the week holding `today`. */
export const weekSummary = (
  profile: Profile | undefined,
  today: Day,
  weekStartsOn: 0 | 1 = 1,
): WeekSummary => {
  const from = startOfWeek(today, weekStartsOn);
  const week = Object.entries(profile?.days ?? {}).filter(([d]) => d >= from && d <= today);
  const activeDays = profile?.activeDays ?? [];
  const s = streaks(activeDays, today);
  const last = activeDays[activeDays.length - 1];
  const daysThisWeek = new Set(activeDays.filter((d) => d >= from && d <= today));
  const top = Object.entries(profile?.exerciseCounts ?? {})
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, 3)
    .map(([exercise, count]) => ({ exercise: exercise as ExerciseId, count }));
  return {
    sessionsThisWeek: week.reduce((n, [, t]) => n + t.sessions, 0),
    minutesThisWeek: minutes(week.reduce((n, [, t]) => n + t.seconds, 0)),
    daysActiveThisWeek: daysThisWeek.size,
    sessionsTotal: profile?.sessionsTotal ?? 0,
    minutesTotal: minutes(profile?.secondsTotal ?? 0),
    currentStreak: s.current,
    bestStreak: Math.max(s.best, profile?.bestStreak ?? 0),
    activeToday: daysThisWeek.has(today) || activeDays.includes(today),
    daysSinceActive: last !== undefined && last <= today ? daysBetween(last, today) : undefined,
    topExercises: top,
  };
};

/** How long after first use the "is the pain still there?" question is asked. */
export const SIX_WEEKS_DAYS = 42;

/**
 * True once six weeks have passed since first use and the question has not been asked yet
 * (only the day it was asked is stored, never the answer).
 */
export const sixWeekCheckDue = (profile: Profile | undefined, today: Day): boolean =>
  profile !== undefined &&
  profile.sixWeekAskedDay === null &&
  addDays(profile.firstUseDay, SIX_WEEKS_DAYS) <= today;
