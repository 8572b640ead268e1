import type { Say, SpeechPlan } from '../speech/plan';

/** What the coach waits for after an advice turn, so the handler knows what "yes" means. */
export type AdviceAwaiting =
  /** "Did it start in the last two days?" — yes → recent, no → older. */
  | 'onset'
  /** "Would you like a few pelvic tilts now?" — yes → the handler starts them. */
  | 'pelvic-tilts'
  /** Another habit topic, or a routine. */
  | 'topic-or-routine'
  /** Which habit topic. */
  | 'topic';

export interface AdviceTurn {
  /** The advice, or the question that must be answered before it. */
  readonly plan: SpeechPlan;
  /** What it offers next ("…or a routine?"): left out when an exercise is waiting to go on. */
  readonly offer?: Say;
  readonly reprompt: SpeechPlan;
  readonly awaiting: AdviceAwaiting;
}
