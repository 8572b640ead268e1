import type { Levels } from './blocks';
import type { ExerciseId, PaceId, RoutineId } from './ids';

/**
 * The coaching state of one Alexa session, plain JSON (kept in session attributes).
 * The block list is derived from `exercises` + `levels`, never stored.
 */
export interface Run {
  readonly exercises: readonly ExerciseId[];
  /** Absent when a single exercise was asked for. */
  readonly routine?: RoutineId;
  readonly levels: Levels;
  /** The block the user is in (or has just finished, when `finished`). */
  readonly index: number;
  /** The step (rep) to continue from within that block. */
  readonly step: number;
  /** The block at `index` was spoken to its end. */
  readonly finished: boolean;
  readonly paused: boolean;
  /** When the block at `index` started speaking (epoch ms), and where its steps fall (ms offsets). */
  readonly spokenAt?: number;
  readonly marks?: readonly (number | null)[];
  readonly startedAt: number;
  /** Blocks completed in this run, and the exercise ids finished (for progress). */
  readonly doneBlocks: number;
  /** Exercises coached in their easier version in this run (pain 4–5, "make it easier"). */
  readonly easier?: readonly ExerciseId[];
  /**
   * The question that closed the last response described the position of the block after
   * `index` ("Next is the clamshell. Lie on your side… Say ready when you're there."):
   * after a yes, that block starts with the movement, not the position again.
   */
  readonly positioned?: boolean;
  /**
   * The block at `index` was interrupted before its first movement: its opening (position,
   * movement) was not heard, so picking it up speaks the opening again.
   */
  readonly unheard?: boolean;
}

export interface CoachState {
  readonly pace: PaceId;
  readonly run?: Run;
}

export const initialCoachState = (pace: PaceId = 'normal'): CoachState => ({ pace });
