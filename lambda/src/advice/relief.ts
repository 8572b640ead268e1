import { plan, say } from '../speech/plan';
import type { AdviceTurn } from './turn';

/**
 * Quick relief advice (CONTENT.md "Immediate relief"). Cold is offered for comfort only
 * (the evidence for it is thin), heat for stiffness or after 48 hours (small short-term
 * benefit), gentle movement over bed rest, and medicine only as "ask a doctor or
 * pharmacist": no doses, no names. Each heat or cold line carries its safety line.
 */

export const ONSET_IDS = ['recent', 'older'] as const;
/** 'recent': started within the last two days; 'older': before that (PainOnset slot ids). */
export type Onset = (typeof ONSET_IDS)[number];

export const isOnset = (v: unknown): v is Onset => ONSET_IDS.includes(v as Onset);

/**
 * The answer to "did it start in the last two days?". "Not sure" gets the recent advice:
 * its cold option is wrapped and optional, and it also says when to switch to heat, so it
 * is the safe one for either case.
 */
export const onsetFromAnswer = (answer: 'yes' | 'no' | 'unsure'): Onset =>
  answer === 'no' ? 'older' : 'recent';

export const reliefPlan = (onset: Onset | undefined): AdviceTurn => {
  if (onset === undefined) {
    return {
      plan: plan(say('advice.relief.askOnset')),
      reprompt: plan(say('advice.relief.askOnsetReprompt')),
      awaiting: 'onset',
    };
  }
  const temperature =
    onset === 'recent'
      ? [
          say('advice.relief.cold.what'),
          say('advice.relief.cold.how'),
          say('advice.relief.heat.later'),
          say('advice.relief.heat.safety'),
        ]
      : [say('advice.relief.heat.what'), say('advice.relief.heat.safety')];
  return {
    plan: plan(
      temperature,
      say('advice.relief.move'),
      say('advice.relief.medicine'),
      say('advice.relief.safetyNet'),
    ),
    offer: say('advice.relief.offerTilts'),
    reprompt: plan(say('advice.relief.offerTiltsReprompt')),
    awaiting: 'pelvic-tilts',
  };
};
