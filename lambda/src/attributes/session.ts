import type { HandlerInput } from 'ask-sdk-core';
import { initialCoachState, type CoachState } from '../coach/state';

/**
 * Everything the skill keeps for the length of one Alexa session, in session attributes.
 * Health answers live here only (never in the store or logs) and vanish with the session.
 */
export interface SessionState {
  readonly coach: CoachState;
  /** The yes/no question the coach last asked, so "yes" and "no" mean the right thing. */
  readonly pending?: Pending;
}

export type Pending =
  | { readonly kind: 'resume' }
  | { readonly kind: 'levelUp'; readonly exerciseId: string }
  | { readonly kind: 'deleteData' };

const KEY = 'coachSession';

export const readSession = (input: HandlerInput): SessionState => {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
  const stored = attrs[KEY] as SessionState | undefined;
  return stored ?? { coach: initialCoachState() };
};

export const writeSession = (input: HandlerInput, state: SessionState): void => {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
  input.attributesManager.setSessionAttributes({ ...attrs, [KEY]: state });
};
