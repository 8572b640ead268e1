import { SIX_WEEKS_DAYS } from '../progress/summary';
import { plan, say, type Say, type SpeechPlan } from '../speech/plan';
import type { ScreenAnswer } from './screen';

/**
 * Six weeks after first use, ask once whether the pain is still there (CONTENT.md: pain
 * lasting beyond six weeks deserves a professional look). The answer is not stored.
 */

export interface SixWeekStep {
  readonly plan: SpeechPlan;
  /** Present while the question still awaits an answer. */
  readonly reprompt?: SpeechPlan;
  /** True once answered (the handler records that it was asked, not the answer). */
  readonly done: boolean;
}

const REPROMPT = (): SpeechPlan => plan(say('screening.sixWeeks.reprompt'));
/** "About six weeks": the weeks of the rule that asks (progress's SIX_WEEKS_DAYS). */
const ASK = (): Say => say('screening.sixWeeks.ask', { weeks: Math.round(SIX_WEEKS_DAYS / 7) });

export const sixWeekQuestion = (): { readonly plan: SpeechPlan; readonly reprompt: SpeechPlan } => ({
  plan: plan(ASK()),
  reprompt: REPROMPT(),
});

export const answerSixWeek = (answer: ScreenAnswer): SixWeekStep => {
  switch (answer) {
    case 'yes':
    case 'unsure': // as in the screen: when unsure, the careful answer is to get it looked at
      return { plan: plan(say('screening.sixWeeks.recommend')), done: true };
    case 'no':
      return { plan: plan(say('screening.sixWeeks.better')), done: true };
    case 'repeat':
      return {
        plan: plan(ASK()),
        reprompt: REPROMPT(),
        done: false,
      };
    default:
      return {
        plan: plan(say('screening.reask.first'), ASK()),
        reprompt: REPROMPT(),
        done: false,
      };
  }
};
