import type { ExerciseId } from '../../../lambda/src/coach/ids';
import {
  addToPending,
  applyDelta,
  exerciseCompleted,
  exerciseStoppedForPain,
  type Moment,
  type Profile,
  type ProgressChange,
} from '../../../lambda/src/progress';

/** A moment at noon UTC on `day` (plus `minutes`), for a user in UTC. */
export const on = (day: string, minutes = 0): Moment => ({
  at: Date.parse(`${day}T12:00:00Z`) + minutes * 60_000,
  day,
});

let counter = 0;
/** Applies a change as its own delta (a fresh id each time). */
export const apply = (profile: Profile | undefined, change: ProgressChange): Profile => {
  counter += 1;
  const [delta] = addToPending([], change, `delta-${counter}`);
  if (!delta) throw new Error('no delta');
  return applyDelta(profile, delta);
};

export const done = (
  now: Moment,
  sessionId: string,
  exercise: ExerciseId = 'bridge',
  level = 0,
  seconds = 120,
) => exerciseCompleted(now, { sessionId, exercise, level, seconds });

export const hurt = (now: Moment, sessionId: string, exercise: ExerciseId = 'bridge', level = 0) =>
  exerciseStoppedForPain(now, { sessionId, exercise, level, seconds: 30 });

/** A profile with one session on each of the given days. */
export const activeOn = (days: readonly string[], profile?: Profile): Profile =>
  days.reduce<Profile | undefined>((p, day) => apply(p, done(on(day), `s-${day}`)), profile) as Profile;

/** The value, failing the test when it is missing. */
export const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('expected a value');
  return value;
};
