import type { ExerciseId, RoutineId } from './ids';

/**
 * The exercise catalog as data (doses from CONTENT.md). Words live in i18n under
 * `coach.exercise.<id>.*`; this file holds only what the engine needs to time and count.
 * Adding an exercise = an entry here, its id in ids.ts, its words in i18n, a slot value.
 */

/** One dose of an exercise. Levels progress per CONTENT.md "Progression". */
export interface Level {
  /** Reps per set and side (stretches: 1). */
  readonly reps: number;
  readonly sets: number;
  /** Hold at the top of each rep, or the stretch hold. */
  readonly holdMs: number;
  /** i18n key suffix of a harder variant's instructions (coach.exercise.<id>.variant.<v>). */
  readonly variant?: string;
  /**
   * i18n group of the side words when this dose moves other limbs than the exercise's usual
   * ones (coach.exercise.<id>.<sides>.left / .right / .limb.*); default `side`.
   */
  readonly sides?: string;
  /** Movement words per rep, cycled (keys under coach.move.*); default the exercise's `move`. */
  readonly moves?: readonly string[];
  /** Return word (coach.move.*); default the exercise's `back`. */
  readonly back?: string;
}

/**
 * The easier version of an exercise (CONTENT.md: pain 4–5, "make it easier"): fewer reps and
 * shorter holds for strength moves, the same 30 s hold for a stretch. Its words live under
 * coach.exercise.<id>.easier.* (position, movement, cue, side.*). It keeps the sets
 * of the level it replaces, so a run's block list keeps its shape when it switches mid-way.
 */
export type Easier = Omit<Level, 'sets' | 'variant' | 'sides'>;

export interface Exercise {
  readonly id: ExerciseId;
  /** `reps`: counted reps with a short hold; `stretch`: one long hold counted out loud. */
  readonly kind: 'reps' | 'stretch';
  /** Done on the left and then the right side. */
  readonly sided: boolean;
  /** Movement words, keys under coach.move.* ("lift" / "lower"). */
  readonly move: string;
  readonly back: string;
  /** Time to return slowly after the hold (CONTENT.md: "lower slowly"). */
  readonly returnMs: number;
  /** Time to change sides (roll over, swap knees) before the other side's first movement; 0 if nothing moves. */
  readonly switchMs: number;
  readonly levels: readonly Level[];
  readonly easier: Easier;
}

export const CATALOG: Readonly<Record<ExerciseId, Exercise>> = {
  'pelvic-tilt': {
    id: 'pelvic-tilt',
    kind: 'reps',
    sided: false,
    move: 'tilt',
    back: 'release',
    returnMs: 1500,
    switchMs: 0,
    levels: [
      { reps: 8, sets: 1, holdMs: 2000 },
      { reps: 10, sets: 1, holdMs: 3000 },
      { reps: 10, sets: 2, holdMs: 5000 },
    ],
    // A smaller movement, a shorter hold.
    easier: { reps: 6, holdMs: 1500 },
  },
  bridge: {
    id: 'bridge',
    kind: 'reps',
    sided: false,
    move: 'lift',
    back: 'lower',
    returnMs: 2000,
    switchMs: 0,
    levels: [
      { reps: 10, sets: 2, holdMs: 3000 },
      { reps: 10, sets: 2, holdMs: 5000 },
      { reps: 8, sets: 2, holdMs: 3000, variant: 'singleLeg' },
    ],
    // Lift halfway, a short hold.
    easier: { reps: 8, holdMs: 2000 },
  },
  clamshell: {
    id: 'clamshell',
    kind: 'reps',
    sided: true,
    move: 'open',
    back: 'close',
    returnMs: 1500,
    switchMs: 4000,
    levels: [
      { reps: 10, sets: 2, holdMs: 1500 },
      { reps: 12, sets: 2, holdMs: 2000 },
      { reps: 10, sets: 2, holdMs: 2000, variant: 'band' },
    ],
    // A smaller opening.
    easier: { reps: 8, holdMs: 1000 },
  },
  'bird-dog': {
    id: 'bird-dog',
    kind: 'reps',
    sided: true,
    move: 'reach',
    back: 'return',
    returnMs: 1500,
    switchMs: 0,
    levels: [
      { reps: 6, sets: 1, holdMs: 5000 },
      { reps: 8, sets: 1, holdMs: 8000 },
      { reps: 10, sets: 1, holdMs: 10000 },
    ],
    // Arm only, then leg only: the reps alternate.
    easier: { reps: 6, holdMs: 3000, moves: ['reachArm', 'reachLeg'] },
  },
  'dead-bug': {
    id: 'dead-bug',
    kind: 'reps',
    sided: true,
    move: 'lowerLimb',
    back: 'bringBack',
    returnMs: 1500,
    switchMs: 0,
    levels: [
      { reps: 8, sets: 2, holdMs: 2000 },
      { reps: 10, sets: 2, holdMs: 3000 },
      { reps: 8, sets: 2, holdMs: 3000, variant: 'armAndLeg', sides: 'armAndLegSide' },
    ],
    // Heel slides, the foot near the floor.
    easier: { reps: 8, holdMs: 1000, moves: ['slideHeel'], back: 'slideBack' },
  },
  'hip-flexor-stretch': {
    id: 'hip-flexor-stretch',
    kind: 'stretch',
    sided: true,
    move: 'holdStretch',
    back: 'relax',
    returnMs: 0,
    switchMs: 4000,
    // ACSM: 10–30 s holds, about 60 s per stretch in total; no harder level.
    levels: [{ reps: 1, sets: 2, holdMs: 30000 }],
    // Standing, a hand on a chair, one foot back: the hold stays 30 s.
    easier: { reps: 1, holdMs: 30000 },
  },
  'hamstring-stretch': {
    id: 'hamstring-stretch',
    kind: 'stretch',
    sided: true,
    move: 'holdStretch',
    back: 'relax',
    returnMs: 0,
    // Lower the leg, move the towel to the other foot, bend the first knee.
    switchMs: 5000,
    // ACSM: 10–30 s holds, about 60 s per stretch in total; no harder level.
    levels: [{ reps: 1, sets: 2, holdMs: 30000 }],
    // The raised knee more bent: the hold stays 30 s.
    easier: { reps: 1, holdMs: 30000 },
  },
};

export const ROUTINES: Readonly<Record<RoutineId, readonly ExerciseId[]>> = {
  // CONTENT.md: the article calls for hamstring flexibility; both stretches ease the pull on the pelvis.
  'quick-relief': ['pelvic-tilt', 'hip-flexor-stretch', 'hamstring-stretch'],
  strength: ['bridge', 'clamshell', 'bird-dog', 'dead-bug'],
  full: [
    'pelvic-tilt',
    'hip-flexor-stretch',
    'hamstring-stretch',
    'bridge',
    'clamshell',
    'bird-dog',
    'dead-bug',
  ],
};

export const maxLevel = (id: ExerciseId): number => CATALOG[id].levels.length - 1;

/** The dose at a level, clamped to the levels that exist (a stored level may outlive a catalog change). */
export const levelOf = (id: ExerciseId, level: number): Level => {
  const levels = CATALOG[id].levels;
  const clamped = Math.max(0, Math.min(levels.length - 1, Math.floor(level)));
  return levels[clamped] as Level;
};

/** The dose coached: the level's, or the easier version with the level's sets. */
export const doseOf = (id: ExerciseId, level: number, easier = false): Level => {
  const base = levelOf(id, level);
  return easier ? { ...CATALOG[id].easier, sets: base.sets } : base;
};
