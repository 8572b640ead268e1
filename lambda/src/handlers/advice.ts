import type { RequestHandler } from 'ask-sdk-core';
import { withoutMode, type SessionState } from '../attributes/session';
import { habitMenu, habitPlan, isHabitTopic } from '../advice/habits';
import { isOnset, onsetFromAnswer, reliefPlan } from '../advice/relief';
import type { AdviceTurn } from '../advice/turn';
import { say } from '../speech/plan';
import { answerOf, isIntent, resolveSlot } from '../util/requests';
import { begin } from './begin';
import type { SkillDeps } from './deps';
import { handler, modeOf } from './handler';
import type { Turn } from './turn';

const advise = (turn: Turn, session: SessionState, advice: AdviceTurn) =>
  turn.answer(
    { ...session, mode: { kind: 'advice', awaiting: advice.awaiting } },
    { speech: advice.plan.items, reprompt: advice.reprompt.items },
  );

/** "what helps right now" / "ice or heat?" */
export const reliefTipsHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'ReliefTipsIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'onset');
      return advise(
        turn,
        withoutMode(turn.session),
        reliefPlan(slot.status === 'match' && isOnset(slot.id) ? slot.id : undefined),
      );
    },
  );

/** "how should I sit", "tips for sleeping", "how do I lift", "how often should I take breaks" */
export const habitsHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'HabitsIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'topic');
      const topic = slot.status === 'match' && isHabitTopic(slot.id) ? slot.id : undefined;
      return advise(turn, withoutMode(turn.session), topic ? habitPlan(topic) : habitMenu());
    },
  );

const ANSWERS = ['AMAZON.YesIntent', 'AMAZON.NoIntent', 'UnsureIntent'];

/** Yes / no / not sure to an advice question ("did it start in the last two days?", "a few pelvic tilts?"). */
export const adviceAnswerHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => (modeOf(input) === 'advice' || modeOf(input) === 'offerRelief') && isIntent(input, ...ANSWERS),
    (turn) => {
      const mode = turn.session.mode;
      const session = withoutMode(turn.session);
      const heard = answerOf(turn.input);
      const answer = heard === 'yes' || heard === 'no' ? heard : 'unsure';
      const whatNext = () =>
        turn.answer(session, { speech: [say('common.whatNext')], reprompt: [say('common.reprompt')] });
      if (mode?.kind === 'offerRelief')
        return answer === 'no' ? whatNext() : advise(turn, session, reliefPlan(undefined));
      if (mode?.kind !== 'advice') return whatNext();
      switch (mode.awaiting) {
        case 'onset':
          return advise(turn, session, reliefPlan(onsetFromAnswer(answer)));
        case 'pelvic-tilts':
          return answer === 'yes'
            ? begin(turn, session, { type: 'exercise', exercise: 'pelvic-tilt' })
            : whatNext();
        default:
          return answer === 'yes' ? advise(turn, session, habitMenu()) : whatNext();
      }
    },
  );
