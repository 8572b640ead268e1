import { ROUTINES } from '../coach/catalog';
import type { CoachEvent } from '../coach/engine';
import type { ProgressChange } from '../progress';
import { gate } from '../screening/gate';
import { askPainBefore, noStrengthOffer, PAIN_ANSWER_VALID_MS } from '../screening/pain';
import { startScreen } from '../screening/screen';
import { say, type SpeechItem } from '../speech/plan';
import { runCoach } from './coaching';
import type { Context } from './context';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Start } from './state';

/** The quick relief routine and its exercises stay open when pain is high. */
const isGentle = (start: Start): boolean =>
  start.type === 'continue' ||
  (start.type === 'routine' && start.routine === 'quick-relief') ||
  (start.type === 'exercise' && ROUTINES['quick-relief'].includes(start.exercise));

/** The same start, in the easier versions (a routine interrupted goes on as it was). */
export const easierStart = (start: Start): Start =>
  start.type === 'continue' ? start : { ...start, easier: true };

const eventFor = (start: Start, ctx: Context, easier: boolean): CoachEvent => {
  switch (start.type) {
    case 'routine':
      return {
        type: 'startRoutine',
        routine: start.routine,
        levels: ctx.levels,
        ...(start.fromBlock ? { fromBlock: start.fromBlock } : {}),
        ...(easier ? { easier } : {}),
      };
    case 'exercise':
      return {
        type: 'startExercise',
        exercise: start.exercise,
        levels: ctx.levels,
        ...(easier ? { easier } : {}),
      };
    case 'continue':
      return { type: 'resume' };
  }
};

/** The pain answer given in the last few minutes of this session, if any. */
const recentPain = (state: ConversationState, ctx: Context) =>
  state.pain && ctx.now - state.pain.at < PAIN_ANSWER_VALID_MS ? state.pain : undefined;

/**
 * Every exercise starts here, through the safety gate (screening/gate.ts), whatever asked
 * for it (a routine, one exercise, a resume, a relief offer, later a touch): a red flag in
 * this session refuses, a missing or week-old screen runs first, pain too high for
 * strength work offers gentle work instead, the pain question is asked unless answered
 * in the last few minutes, and only then does the coach start, in the easier versions
 * when the pain asks for it. `prefix` is spoken first (e.g. the screen's outcome);
 * `changes` ride along (e.g. the date of a clear screen).
 */
export const begin = (
  state: ConversationState,
  start: Start,
  ctx: Context,
  prefix: readonly SpeechItem[] = [],
  changes: readonly ProgressChange[] = [],
): StepResult => {
  const recent = recentPain(state, ctx);
  const lastClearDay = ctx.profile?.lastClearScreenDay ?? undefined;
  const decision = gate({
    ...(state.safety ? { sessionOutcome: state.safety } : {}),
    ...(lastClearDay ? { lastClearDay } : {}),
    today: ctx.moment.day,
    askPain: start.type !== 'continue' && !recent,
    painHigh: state.noStrength === true,
    gentle: isGentle(start),
  });
  switch (decision) {
    case 'refuse':
      return result(
        { ...withoutMode(state), mode: { kind: 'offerRelief' } },
        { speech: [...prefix, say('screening.gate.refuse')], reprompt: [say('screening.offerTipsReprompt')] },
        changes,
      );
    case 'screen': {
      const screen = startScreen({ reason: lastClearDay ? 'weekly' : 'first-time' });
      return result(
        { ...state, mode: { kind: 'screen', screen: screen.state, then: start } },
        { speech: [...prefix, ...screen.plan.items], reprompt: screen.reprompt.items },
        changes,
      );
    }
    case 'offer-relief': {
      const offer = noStrengthOffer();
      return result(
        { ...withoutMode(state), mode: { kind: 'offerRelief' } },
        {
          speech: [...prefix, ...offer.plan.items],
          reprompt: offer.reprompt.items,
        },
        changes,
      );
    }
    case 'ask-pain': {
      const ask = askPainBefore();
      return result(
        { ...state, mode: { kind: 'painBefore', then: start } },
        { speech: [...prefix, ...ask.plan.items], reprompt: ask.reprompt.items },
        changes,
      );
    }
    case 'go': {
      // Pain of 4 or more in the last few minutes: the easier versions.
      const easier =
        start.type !== 'continue' &&
        (start.easier === true ||
          (recent !== undefined && recent.answer !== 'fine' && recent.answer !== 'skip'));
      return runCoach(withoutMode(state), eventFor(start, ctx, easier), ctx, prefix, changes);
    }
  }
};
