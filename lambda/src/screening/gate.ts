import { screenDue } from './due';
import { exerciseAllowed, type Outcome } from './questions';

/** What must happen before any exercise is coached. */
export type GateDecision =
  /** A red flag was reported in this session: no exercise, whatever is asked. */
  | 'refuse'
  /** No clear screen in the last 7 days (or ever): screen first. */
  | 'screen'
  /** Pain of 8 or more this session: offer the gentle relief routine and tips instead. */
  | 'offer-relief'
  /** Before a routine: ask how the pain is right now. */
  | 'ask-pain'
  | 'go';

export interface GateInput {
  /** The worst outcome of a screen in this session (never stored). */
  readonly sessionOutcome?: Outcome;
  /** The date of the last clear screen, from progress (undefined: never, or unknown). */
  readonly lastClearDay?: string;
  readonly today: string;
  /** A routine asks about pain first; a single exercise (or one already asked about) does not. */
  readonly askPain: boolean;
  /** Pain of 8 or more was reported this session (session only, never stored). */
  readonly painHigh?: boolean;
  /** What was asked is gentle relief work (the quick relief routine or its exercises). */
  readonly gentle: boolean;
}

/**
 * The one safety gate every exercise start goes through (CONTENT.md): a red flag in this
 * session refuses, a stale or missing screen screens, then the pain question, then go.
 */
export const gate = (input: GateInput): GateDecision => {
  if (input.sessionOutcome && !exerciseAllowed(input.sessionOutcome)) return 'refuse';
  const clearedNow = input.sessionOutcome !== undefined;
  if (!clearedNow && screenDue(input.lastClearDay, input.today)) return 'screen';
  if (input.painHigh && !input.gentle) return 'offer-relief';
  return input.askPain ? 'ask-pain' : 'go';
};
