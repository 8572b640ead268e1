import type { ExerciseId, PaceId } from '../coach/ids';
import type { ProgressChange } from './delta';
import type { Moment } from './moment';
import type { ResumePoint } from './profile';

/**
 * Builders for the changes a session records. Each returns a ProgressChange to fold into
 * the pending delta (see pending.ts).
 */

export interface ExerciseDone {
  readonly sessionId: string;
  readonly exercise: ExerciseId;
  /** The level it was done at (0-based index into the catalog's levels). */
  readonly level: number;
  /** Time spent on it, seconds. */
  readonly seconds: number;
}

const activity = (now: Moment, done: ExerciseDone, clean: boolean): ProgressChange => ({
  at: now.at,
  day: now.day,
  sessions: [{ id: done.sessionId, day: now.day }],
  seconds: { [now.day]: Math.max(0, Math.round(done.seconds)) },
  practice: [{ exercise: done.exercise, level: done.level, sessionId: done.sessionId, clean }],
});

/**
 * The exercise was completed (all its sets/sides) without a stop for pain. Done in its
 * easier version it counts as done, but not as a clean session toward a harder level.
 */
export const exerciseCompleted = (now: Moment, done: ExerciseDone, clean = true): ProgressChange => ({
  ...activity(now, done, clean),
  completions: { [done.exercise]: 1 },
});

/**
 * The exercise was stopped because it hurt. Only its effect is kept (the session does not
 * count toward a harder level and earlier clean sessions start over); the pain itself,
 * and any rating, is never part of the change.
 */
export const exerciseStoppedForPain = (now: Moment, done: ExerciseDone): ProgressChange =>
  activity(now, done, false);

/**
 * Pain of 4 or more came after the exercise was done this session: the session earns it no
 * credit toward a harder level after all (only this effect is kept, never the pain).
 */
export const creditWithdrawn = (
  now: Moment,
  done: Pick<ExerciseDone, 'sessionId' | 'exercise' | 'level'>,
): ProgressChange => ({
  at: now.at,
  day: now.day,
  practice: [{ exercise: done.exercise, level: done.level, sessionId: done.sessionId, clean: false }],
});

export const paceChanged = (now: Moment, pace: PaceId): ProgressChange => ({
  at: now.at,
  day: now.day,
  pace: { value: pace, updatedAt: now.at },
});

/** Remember where to resume, or forget it (null) once the routine is finished. */
export const resumeChanged = (now: Moment, point: ResumePoint | null): ProgressChange => ({
  at: now.at,
  day: now.day,
  resume: { value: point, updatedAt: now.at },
});

/** The safety check came out clear today: only the date is kept. */
export const screenCleared = (now: Moment): ProgressChange => ({
  at: now.at,
  day: now.day,
  clearScreenDay: now.day,
});

/**
 * A red flag was reported: forget the last clear screen so the next exercise screens again.
 * Nothing of the answer is kept; the item looks like one never screened.
 */
export const screenForgotten = (now: Moment): ProgressChange => ({
  at: now.at,
  day: now.day,
  clearScreenDay: null,
});

export const disclaimerHeard = (now: Moment): ProgressChange => ({
  at: now.at,
  day: now.day,
  disclaimerHeard: true,
});

/** The six-week question was asked (the answer is never kept). */
export const sixWeekAsked = (now: Moment): ProgressChange => ({
  at: now.at,
  day: now.day,
  sixWeekAskedDay: now.day,
});
