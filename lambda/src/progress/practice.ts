import type { ExerciseId } from '../coach/ids';

/**
 * Practice toward a harder level, kept by time so that the order in which deltas land never
 * changes the answer: a clean session counts when it was recorded at or after `countFrom`, the
 * last time that level was set or its exercise was stopped for pain, made easier or had its
 * credit withdrawn. The store keeps the same records (see store/item.ts) and tidies them
 * with `settlePractice`, so both sides keep exactly the same.
 */
export interface LevelPractice {
  /** Clean sessions recorded before this instant (epoch ms) start over. */
  readonly countFrom: number;
  /** Sessions done at this level without trouble: session id → when it was last recorded so. */
  readonly clean: Readonly<Record<string, number>>;
}

/** One exercise's practice by level index. */
export type ExercisePractice = Readonly<Record<number, LevelPractice>>;

export const CLEAN_SESSIONS_KEPT = 5;

const byTime = ([a, x]: [string, number], [b, y]: [string, number]): number =>
  x - y || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The records worth keeping, given the exercise's current level and when it was set. Every
 * cut only grows as more deltas land (countFrom and the level's time only move later), so
 * tidying early drops nothing that would count later:
 * - at the current level, clean sessions before countFrom and beyond the newest few;
 * - at another level, also those before the current level was set: that level can only come
 *   back with a newer setting, which starts its count over. A record left with nothing newer
 *   than that is dropped whole, as is an empty one at the current level that never started over.
 */
export const settlePractice = (
  practice: ExercisePractice,
  level: number,
  levelSetAt: number,
): ExercisePractice => {
  const out: Record<number, LevelPractice> = {};
  for (const [key, record] of Object.entries(practice)) {
    const current = Number(key) === level;
    const countFrom = current ? record.countFrom : Math.max(record.countFrom, levelSetAt);
    const clean = Object.entries(record.clean)
      .filter(([, at]) => at >= countFrom)
      .sort(byTime)
      .slice(-CLEAN_SESSIONS_KEPT);
    if (clean.length > 0 || (current ? countFrom > 0 : record.countFrom > levelSetAt)) {
      out[Number(key)] = { countFrom, clean: Object.fromEntries(clean) };
    }
  }
  return out;
};

/** The sessions that count toward the level after `level` (settled practice), oldest first. */
export const cleanSessionsOf = (practice: ExercisePractice | undefined, level: number): string[] =>
  Object.entries(practice?.[level]?.clean ?? {})
    .sort(byTime)
    .map(([id]) => id);

/** Per exercise, as the profile holds it. */
export type PracticeByExercise = Readonly<Partial<Record<ExerciseId, ExercisePractice>>>;
