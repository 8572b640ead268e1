import { habitMenu } from '../advice/habits';
import { onsetFromAnswer, reliefPlan } from '../advice/relief';
import type { AdviceAwaiting, AdviceTurn } from '../advice/turn';
import { maxLevel } from '../coach/catalog';
import { isExerciseId } from '../coach/ids';
import { declineLevel, raiseLevel, resumeChanged, type ProgressChange } from '../progress';
import { answerSixWeek } from '../screening/sixWeeks';
import { say, type SpeechItem } from '../speech/plan';
import { begin } from './begin';
import { runCoach } from './coaching';
import type { Context } from './context';
import type { Event } from './event';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Mode } from './state';

/** A yes/no question the coach asked that is not a health question. */
export type OfferMode = Extract<
  Mode,
  { kind: 'offerRelief' | 'advice' | 'sixWeek' | 'resumeOffer' | 'levelUp' | 'deleteData' }
>;

/**
 * Advice, then what it offers next. With an exercise held still mid-routine the offer is
 * left out: the answer ends by saying how to go back to that exercise (see `whatNext`).
 */
export const advise = (state: ConversationState, advice: AdviceTurn, ctx: Context): StepResult =>
  advice.offer === undefined || !state.coach.run
    ? result(
        { ...withoutMode(state), mode: { kind: 'advice', awaiting: advice.awaiting } },
        {
          speech: [...advice.plan.items, ...(advice.offer ? [advice.offer] : [])],
          reprompt: advice.reprompt.items,
        },
      )
    : whatNext(state, advice.plan.items, ctx);

/**
 * An answer given, then the way on: "anything else?", or, with an exercise held still
 * mid-routine, where it is held and "say resume", so nobody loses their place to a question.
 */
export const whatNext = (
  state: ConversationState,
  lead: readonly SpeechItem[],
  ctx: Context,
  changes: readonly ProgressChange[] = [],
): StepResult =>
  state.coach.run
    ? runCoach(withoutMode(state), { type: 'pause' }, ctx, lead, changes)
    : result(
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
 * The answer to an open yes/no question. Only yes, no, not sure, repeat and help reach here
 * (and, at the resume offer, "resume" and "how many are left"): a request ("start my
 * stretches") drops the question and is handled as asked.
 */
export const answerOffer = (
  state: ConversationState,
  mode: OfferMode,
  event: Event,
  ctx: Context,
): StepResult => {
  if (
    event.kind === 'help' ||
    event.kind === 'whereAmI' ||
    (event.kind === 'command' && event.command === 'repeat')
  ) {
    return result(state, { speech: [offerReprompt(mode)], reprompt: [offerReprompt(mode)] });
  }
  // "Resume", "carry on" at "pick up where you stopped?" is the yes it asks for.
  const resumes = mode.kind === 'resumeOffer' && event.kind === 'command' && event.command === 'resume';
  if (event.kind !== 'answer' && !resumes) return askAgain(state, mode);
  const answer = event.kind === 'answer' ? event.answer : 'yes';
  const after = withoutMode(state);
  switch (mode.kind) {
    case 'offerRelief':
      return answer === 'no' ? whatNext(after, [], ctx) : advise(after, reliefPlan(undefined), ctx);
    case 'advice':
      switch (mode.awaiting) {
        case 'onset':
          return advise(after, reliefPlan(onsetFromAnswer(answer)), ctx);
        case 'pelvic-tilts':
          return answer === 'yes'
            ? begin(after, { type: 'exercise', exercise: 'pelvic-tilt' }, ctx)
            : whatNext(after, [], ctx);
        default:
          return answer === 'yes' ? advise(after, habitMenu(), ctx) : whatNext(after, [], ctx);
      }
    case 'sixWeek': {
      // The answer is acted on (a physio or doctor), never kept.
      const six = answerSixWeek(answer);
      return whatNext(after, six.plan.items, ctx);
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
      if (!isExerciseId(mode.exerciseId)) return whatNext(after, [], ctx);
      const id = mode.exerciseId;
      if (answer === 'no')
        return whatNext(after, [say('progress.offer.levelUpDeclined')], ctx, [declineLevel(ctx.moment, id)]);
      const to = Math.min(mode.to, maxLevel(id));
      const from = ctx.levels[id] ?? 0;
      return whatNext(after, [say('progress.offer.levelUpAccepted', { id })], ctx, [
        raiseLevel(ctx.moment, { exercise: id, from, to }),
      ]);
    }
    case 'deleteData':
      if (answer === 'unsure') return askAgain(state, mode);
      if (answer === 'no') return whatNext(after, [say('progress.delete.kept')], ctx);
      return { ...result({ ...after, mode: { kind: 'deleting' } }, { speech: [] }), effect: 'removeUser' };
  }
};

/** The shell ran the confirmed delete. */
export const removed = (state: ConversationState, ok: boolean, ctx: Context): StepResult =>
  ok
    ? whatNext({ ...withoutMode(state), exerciseMs: {} }, [say('progress.delete.done')], ctx)
    : whatNext(state, [say('progress.delete.failed')], ctx);
