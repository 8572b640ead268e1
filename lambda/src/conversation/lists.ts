import { EXERCISE_IDS, ROUTINE_IDS } from '../coach/ids';
import { listOf, say, type ListParam } from '../speech/plan';

/** The catalog's names as one list param, so a new exercise or routine joins every list. */
export const exerciseNames = (): ListParam =>
  listOf(EXERCISE_IDS.map((id) => say(`coach.exercise.${id}.plural`)));

export const routineNames = (): ListParam =>
  listOf(ROUTINE_IDS.map((id) => say('coach.routineListItem', { id })));
