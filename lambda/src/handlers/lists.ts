import { EXERCISE_IDS, ROUTINE_IDS } from '../coach/ids';
import type { Turn } from './turn';

/** "a, b, and c" in the user's language, built from the catalog so a new exercise joins every list. */
const listOf = (turn: Turn, items: readonly string[]): string =>
  new Intl.ListFormat(turn.locale, { style: 'long', type: 'conjunction' }).format(items);

export const exerciseNames = (turn: Turn): string =>
  listOf(
    turn,
    EXERCISE_IDS.map((id) => turn.t(`coach.exercise.${id}.plural`)),
  );

export const routineNames = (turn: Turn): string =>
  listOf(
    turn,
    ROUTINE_IDS.map((id) => turn.t('coach.routineListItem', { id })),
  );
