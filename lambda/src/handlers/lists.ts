import { EXERCISE_IDS, ROUTINE_IDS } from '../coach/ids';
import type { Turn } from './turn';

/** "a, b, and c" in the user's language, from the catalog (adding an exercise updates every list). */
const listOf = (turn: Turn, keys: readonly string[]): string =>
  new Intl.ListFormat(turn.locale, { style: 'long', type: 'conjunction' }).format(keys.map((k) => turn.t(k)));

export const exerciseNames = (turn: Turn): string =>
  listOf(
    turn,
    EXERCISE_IDS.map((id) => `coach.exercise.${id}.plural`),
  );

export const routineNames = (turn: Turn): string =>
  listOf(
    turn,
    ROUTINE_IDS.map((id) => `coach.routine.${id}`),
  );
