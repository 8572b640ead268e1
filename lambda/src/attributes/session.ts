import type { HandlerInput } from 'ask-sdk-core';
import type { AdviceAwaiting } from '../advice/turn';
import type { ExerciseId, RoutineId } from '../coach/ids';
import { initialCoachState, type CoachState } from '../coach/state';
import type { PendingProgress, Profile } from '../progress';
import type { Outcome } from '../screening/questions';
import type { ScreenState } from '../screening/screen';

/**
 * Everything the skill keeps for the length of one Alexa session, in session attributes.
 * Health answers (the screen's state and outcome, pain numbers) live here only, never in
 * the store or the logs, and vanish with the session.
 */
export interface SessionState {
  readonly coach: CoachState;
  /** What the user's next answer is for. */
  readonly mode?: Mode;
  /** The worst screen outcome of this session (health data: session only). */
  readonly safety?: Outcome;
  /** How the pain was before a routine: only whether it was 8 or more (session only). */
  readonly pain?: 'high' | 'ok';
  /** Exercises stopped for pain this session, so they don't count toward a harder level. */
  readonly painStopped?: readonly ExerciseId[];
  /** Time spent per exercise this session (ms), for progress when an exercise completes. */
  readonly exerciseMs?: Readonly<Partial<Record<ExerciseId, number>>>;
  readonly user?: UserSession;
}

/** What the coach wants to start once the safety gate lets it. */
export type Start =
  | { readonly type: 'routine'; readonly routine: RoutineId; readonly fromBlock?: number }
  | { readonly type: 'exercise'; readonly exercise: ExerciseId }
  /** Carry on with the routine that was interrupted (after a symptom check mid-routine). */
  | { readonly type: 'continue' };

export type Mode =
  | { readonly kind: 'screen'; readonly screen: ScreenState; readonly then?: Start }
  | { readonly kind: 'painBefore'; readonly then: Start }
  | { readonly kind: 'painDuring' }
  | { readonly kind: 'painIdle' }
  | { readonly kind: 'offerRelief' }
  | { readonly kind: 'advice'; readonly awaiting: AdviceAwaiting }
  | { readonly kind: 'sixWeek' }
  | { readonly kind: 'resumeOffer'; readonly routine: RoutineId; readonly fromBlock: number }
  | { readonly kind: 'levelUp'; readonly exerciseId: ExerciseId; readonly to: number }
  | { readonly kind: 'deleteData' };

/** The user's stored progress as this session sees it. */
export interface UserSession {
  /** As last read or written (null: no profile stored; undefined: the read failed). */
  readonly profile?: Profile | null;
  /** Changes not yet written: they ride here until the store takes them. */
  readonly pending: PendingProgress;
  /** A pending change worth a write (not just "heard the disclaimer"). */
  readonly dirty: boolean;
  readonly timeZone: string;
  /** An opaque id of this Alexa session for counting sessions (not the Alexa user id). */
  readonly sessionKey: string;
  /** The user has been told once that progress may not be saved right now. */
  readonly warned: boolean;
}

const KEY = 'coach';

/** The session state inside raw session attributes (a fresh one when absent or not ours). */
export const sessionFrom = (attrs: Readonly<Record<string, unknown>> | undefined): SessionState => {
  const stored = attrs?.[KEY] as SessionState | undefined;
  return stored && typeof stored === 'object' && stored.coach ? stored : { coach: initialCoachState() };
};

export const readSession = (input: HandlerInput): SessionState =>
  sessionFrom(input.attributesManager.getSessionAttributes<Record<string, unknown>>());

export const writeSession = (input: HandlerInput, state: SessionState): void => {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
  input.attributesManager.setSessionAttributes({ ...attrs, [KEY]: state });
};

export const withoutMode = (state: SessionState): SessionState => {
  const { mode: _mode, ...rest } = state;
  return rest;
};
