import { addToPending, exerciseCompleted, type ProgressDelta } from '../../lambda/src/progress';
import type { ExerciseId } from '../../lambda/src/coach/ids';

/** Fixed clock: 2026-03-10 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);
export const moment = (at = T0) => ({ at, day: new Date(at).toISOString().slice(0, 10) });

/** The delta of a session in which one exercise was completed. */
export const completed = (
  id: string,
  exercise: ExerciseId = 'bridge',
  sessionId = id,
  at = T0,
): ProgressDelta => {
  const [delta] = addToPending(
    [],
    exerciseCompleted(moment(at), { sessionId, exercise, level: 0, seconds: 60 }),
    id,
  );
  if (!delta) throw new Error('no delta');
  return delta;
};
