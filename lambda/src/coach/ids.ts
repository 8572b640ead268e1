/** Stable ids of the catalog: slot value ids in the interaction model use these verbatim. */
export const EXERCISE_IDS = [
  'pelvic-tilt',
  'bridge',
  'clamshell',
  'bird-dog',
  'dead-bug',
  'hip-flexor-stretch',
  'hamstring-stretch',
] as const;
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export const ROUTINE_IDS = ['quick-relief', 'strength', 'full'] as const;
export type RoutineId = (typeof ROUTINE_IDS)[number];

export const PACE_IDS = ['slower', 'normal', 'faster'] as const;
export type PaceId = (typeof PACE_IDS)[number];

export const isExerciseId = (v: unknown): v is ExerciseId => EXERCISE_IDS.includes(v as ExerciseId);
export const isRoutineId = (v: unknown): v is RoutineId => ROUTINE_IDS.includes(v as RoutineId);
export const isPaceId = (v: unknown): v is PaceId => PACE_IDS.includes(v as PaceId);
