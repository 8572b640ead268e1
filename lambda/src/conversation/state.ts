import type { AdviceAwaiting } from '../advice/turn';
import type { ExerciseId, RoutineId } from '../coach/ids';
import { initialCoachState, type CoachState } from '../coach/state';
import type { PainBand } from '../screening/pain';
import type { Outcome } from '../screening/questions';
import type { ScreenState } from '../screening/screen';

/**
 * What the conversation keeps for one Alexa session (plain JSON, in session attributes).
 * Health answers (the screen's state and outcome, whether pain was high) live here only,
 * never in the store or the logs, and vanish with the session.
 */
export interface ConversationState {
  readonly coach: CoachState;
  /** The question the coach is waiting on an answer to, if any. */
  readonly mode?: Mode;
  /** The worst screen outcome of this session (health data: session only). */
  readonly safety?: Outcome;
  /** The last answer to the pain question and when (session only): not asked again soon. */
  readonly pain?: { readonly answer: PainBand | 'skip'; readonly at: number };
  /** Pain too high for strength work this session (8+ before, 6+ during): gentle work only. */
  readonly noStrength?: boolean;
  /** Pain of 4 or more was reported, or an exercise stopped for it: no credit toward a harder level. */
  readonly troubled?: boolean;
  /** Exercises completed this session, so credit can be withdrawn if trouble comes later. */
  readonly completed?: readonly { readonly exercise: ExerciseId; readonly level: number }[];
  /** Exercises stopped for pain this session, so they don't count toward a harder level. */
  readonly painStopped?: readonly ExerciseId[];
  /** Time spent per exercise this session (ms), for progress when an exercise completes. */
  readonly exerciseMs?: Readonly<Partial<Record<ExerciseId, number>>>;
  /** Routines (or single exercises) coached to their end this session: counted for operators. */
  readonly routinesDone?: number;
}

/** What the coach wants to start once the safety gate lets it. */
export type Start =
  | {
      readonly type: 'routine';
      readonly routine: RoutineId;
      readonly fromBlock?: number;
      readonly easier?: boolean;
    }
  | { readonly type: 'exercise'; readonly exercise: ExerciseId; readonly easier?: boolean }
  /** Carry on with the routine that was interrupted (after a symptom check mid-routine). */
  | { readonly type: 'continue' };

/** Each mode is one open question; its answer is decided by the mode before anything else. */
export type Mode =
  | { readonly kind: 'screen'; readonly screen: ScreenState; readonly then?: Start }
  /** "Did you mean a new symptom?" after a symptom word Alexa could not resolve. */
  | { readonly kind: 'symptomConfirm'; readonly then?: Start }
  | { readonly kind: 'painBefore'; readonly then: Start; readonly unclear?: number }
  | { readonly kind: 'painDuring'; readonly unclear?: number }
  | { readonly kind: 'painIdle'; readonly unclear?: number }
  /** Pain of 4–5 mid-exercise: "the easier version of this one, or skip it?" (block held still). */
  | { readonly kind: 'painEase' }
  /** Pain of 6–7 before exercise: "the gentle relief routine, or the easier versions?" */
  | { readonly kind: 'painChoice'; readonly then: Start }
  | { readonly kind: 'offerRelief' }
  | { readonly kind: 'advice'; readonly awaiting: AdviceAwaiting }
  | { readonly kind: 'sixWeek' }
  | { readonly kind: 'resumeOffer'; readonly routine: RoutineId; readonly fromBlock: number }
  | { readonly kind: 'levelUp'; readonly exerciseId: ExerciseId; readonly to: number }
  | { readonly kind: 'deleteData' }
  /** The delete was confirmed; the shell runs it and reports back with a `removed` event. */
  | { readonly kind: 'deleting' };

export type ModeKind = Mode['kind'];

/** Modes whose answers are health answers: their turns log no event name. */
export const HEALTH_MODES: ReadonlySet<ModeKind> = new Set([
  'screen',
  'symptomConfirm',
  'sixWeek',
  'painBefore',
  'painDuring',
  'painIdle',
  'painEase',
  'painChoice',
]);

export const initialState = (pace?: CoachState['pace']): ConversationState => ({
  coach: initialCoachState(pace),
});

export const withoutMode = (state: ConversationState): ConversationState => {
  const { mode: _mode, ...rest } = state;
  return rest;
};
