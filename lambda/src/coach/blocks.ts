import { CATALOG, doseOf, type Level } from './catalog';
import type { ExerciseId } from './ids';

export type Side = 'left' | 'right';

/**
 * One unit of speech: one exercise, one side, one set. One response speaks one block,
 * so a response stays short and the user can steer between blocks.
 */
export interface Block {
  readonly exerciseId: ExerciseId;
  readonly level: number;
  readonly dose: Level;
  /** 1-based set number. */
  readonly set: number;
  readonly side?: Side;
  /** First block of this exercise: the exercise is introduced in full. */
  readonly first: boolean;
  /** Last block of this exercise. */
  readonly last: boolean;
  /** Coached in the easier version (its own dose and words, coach.exercise.<id>.easier.*). */
  readonly easier?: boolean;
}

/** Levels per exercise (0-based); missing means the starting level. */
export type Levels = Partial<Record<ExerciseId, number>>;

/**
 * The block list of a run, derived (never stored) from its exercises and levels. An
 * exercise in `easier` gets the easier dose; the number of blocks does not change with it.
 */
export const buildBlocks = (
  exercises: readonly ExerciseId[],
  levels: Levels,
  easier: readonly ExerciseId[] = [],
): Block[] =>
  exercises.flatMap((exerciseId) => {
    const level = levels[exerciseId] ?? 0;
    const isEasier = easier.includes(exerciseId);
    const dose = doseOf(exerciseId, level, isEasier);
    const sides: (Side | undefined)[] = CATALOG[exerciseId].sided ? ['left', 'right'] : [undefined];
    const parts: Omit<Block, 'first' | 'last'>[] = [];
    for (let set = 1; set <= dose.sets; set += 1) {
      for (const side of sides) {
        parts.push({
          exerciseId,
          level,
          dose,
          set,
          ...(side ? { side } : {}),
          ...(isEasier ? { easier: true } : {}),
        });
      }
    }
    return parts.map((p, i) => ({ ...p, first: i === 0, last: i === parts.length - 1 }));
  });

/** Index of the first block of the exercise after the one at `index`, or the block count. */
export const nextExerciseIndex = (blocks: readonly Block[], index: number): number => {
  const current = blocks[index]?.exerciseId;
  let i = index;
  while (i < blocks.length && blocks[i]?.exerciseId === current) i += 1;
  return i;
};
