import { habitMenu } from '../advice/habits';
import { onsetFromAnswer, reliefPlan } from '../advice/relief';
import type { AdviceAwaiting, AdviceTurn } from '../advice/turn';
import { maxLevel } from '../coach/catalog';
import { isExerciseId } from '../coach/ids';
import { declineLevel, raiseLevel, resumeChanged, type ProgressChange } from '../progress';
import { answerSixWeek } from '../screening/sixWeeks';
import { say, type SpeechItem } from '../speech/plan';
import { begin } from './begin';
import type { Context } from './context';
import type { Event } from './event';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Mode } from './state';

/** A yes/no question the coach asked that is not a health question. */
export type OfferMode = Extract<
  Mode,
  { kind: 'offerRelief' | 'advice' | 'sixWeek' | 'resumeOffer' | 'levelUp' | 'deleteData' }
>;

export const advise = (state: ConversationState, advice: AdviceTurn): StepResult =>
  result(
    { ...withoutMode(state), mode: { kind: 'advice', awaiting: advice.awaiting } },
    { speech: advice.plan.items, reprompt: advice.reprompt.items },
  );

export const whatNext = (
  state: ConversationState,
  lead: readonly SpeechItem[],
  changes: readonly ProgressChange[] = [],
): StepResult =>
  result(
    withoutMode(state),
    { speech: [...lead, say('progress.offer.anythingElse')], reprompt: [say('common.reprompt')] },
    changes,
  );

const ADVICE_REPROMPTS: Readonly<Record<AdviceAwaiting, string>> = {
  onset: 'advice.relief.askOnsetReprompt',
  'pelvic-tilts': 'advice.relief.offerTiltsReprompt',
  'topic-or-routine': 'advice.habits.offerReprompt',
  topic: 'advice.habits.menuReprompt',
};

/** The short form of the open question, with the answers it takes. */
export const offerReprompt = (mode: OfferMode): SpeechItem => {
  switch (mode.kind) {
    case 'offerRelief':
      return say('screening.offerTipsReprompt');
    case 'advice':
      return say(ADVICE_REPROMPTS[mode.awaiting]);
    case 'sixWeek':
      return say('screening.sixWeeks.reprompt');
    case 'resumeOffer':
      return say('progress.offer.resumeReprompt');
    case 'levelUp':
      return say('progress.offer.levelUpReprompt', { id: mode.exerciseId });
    case 'deleteData':
      return say('progress.delete.confirmReprompt');
  }
};

/** Anything but an answer: the question again, with the answers it takes. */
const askAgain = (state: ConversationState, mode: OfferMode): StepResult =>
  result(state, {
    speech: [say('conversation.notCaught'), offerReprompt(mode)],
    reprompt: [offerReprompt(mode)],
  });

/**
 * The answer to an open yes/no question. Only yes, no, not sure and repeat reach here:
 * a request ("start my stretches") drops the question and is handled as asked.
 */
export const answerOffer = (
  state: ConversationState,
  mode: OfferMode,
  event: Event,
  ctx: Context,
): StepResult => {
  if (event.kind === 'help' || (event.kind === 'command' && event.command === 'repeat')) {
    return result(state, { speech: [offerReprompt(mode)], reprompt: [offerReprompt(mode)] });
  }
  if (event.kind !== 'answer') return askAgain(state, mode);
  const { answer } = event;
  const after = withoutMode(state);
  switch (mode.kind) {
    case 'offerRelief':
      return answer === 'no' ? whatNext(after, []) : advise(after, reliefPlan(undefined));
    case 'advice':
      switch (mode.awaiting) {
        case 'onset':
          return advise(after, reliefPlan(onsetFromAnswer(answer)));
        case 'pelvic-tilts':
          return answer === 'yes'
            ? begin(after, { type: 'exercise', exercise: 'pelvic-tilt' }, ctx)
            : whatNext(after, []);
        default:
          return answer === 'yes' ? advise(after, habitMenu()) : whatNext(after, []);
      }
    case 'sixWeek': {
      // The answer is acted on (a physio or doctor), never kept.
      const six = answerSixWeek(answer);
      return whatNext(after, six.plan.items);
    }
    case 'resumeOffer':
      if (answer === 'unsure') return askAgain(state, mode);
      if (answer === 'yes')
        return begin(after, { type: 'routine', routine: mode.routine, fromBlock: mode.fromBlock }, ctx);
      // "No" starts the same routine fresh and forgets the old place.
      return begin(
        after,
        { type: 'routine', routine: mode.routine },
        ctx,
        [say('progress.offer.resumeDeclined')],
        [resumeChanged(ctx.moment, null)],
      );
    case 'levelUp': {
      if (answer === 'unsure') return askAgain(state, mode);
      if (!isExerciseId(mode.exerciseId)) return whatNext(after, []);
      const id = mode.exerciseId;
      if (answer === 'no')
        return whatNext(after, [say('progress.offer.levelUpDeclined')], [declineLevel(ctx.moment, id)]);
      const to = Math.min(mode.to, maxLevel(id));
      const from = ctx.levels[id] ?? 0;
      return whatNext(
        after,
        [say('progress.offer.levelUpAccepted', { id })],
        [raiseLevel(ctx.moment, { exercise: id, from, to })],
      );
    }
    case 'deleteData':
      if (answer === 'unsure') return askAgain(state, mode);
      if (answer === 'no') return whatNext(after, [say('progress.delete.kept')]);
      return { ...result({ ...after, mode: { kind: 'deleting' } }, { speech: [] }), effect: 'removeUser' };
  }
};

/** The shell ran the confirmed delete. */
export const removed = (state: ConversationState, ok: boolean): StepResult =>
  ok
    ? whatNext({ ...withoutMode(state), exerciseMs: {} }, [say('progress.delete.done')])
    : whatNext(state, [say('progress.delete.failed')]);
