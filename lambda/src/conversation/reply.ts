import type { ProgressChange } from '../progress';
import type { CardPlan, SpeechItem } from '../speech/plan';
import type { ConversationState } from './state';

/** What to say, neutral of any device: renderers turn it into SSML and a card (later APL). */
export interface Reply {
  readonly speech: readonly SpeechItem[];
  /** Said when the user stays silent; absent with `end`. */
  readonly reprompt?: readonly SpeechItem[];
  readonly end?: boolean;
  /** Shown in the Alexa app (an emergency's advice, to read after the session ends). */
  readonly card?: CardPlan;
}

/** Work the shell does for the reducer, whose result comes back as an event. */
export type Effect = 'removeUser';

/** One turn's decision: the next state, the reply, and the progress worth keeping. */
export interface StepResult {
  readonly state: ConversationState;
  readonly reply: Reply;
  readonly changes: readonly ProgressChange[];
  /** False when `changes` may wait for a later write (e.g. "heard the disclaimer"). */
  readonly worthWriting: boolean;
  readonly effect?: Effect;
}

export const result = (
  state: ConversationState,
  reply: Reply,
  changes: readonly ProgressChange[] = [],
  worthWriting = changes.length > 0,
): StepResult => ({ state, reply, changes, worthWriting });
