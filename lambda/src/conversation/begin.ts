import { ROUTINES } from '../coach/catalog';
import type { CoachEvent } from '../coach/engine';
import type { ProgressChange } from '../progress';
import { gate } from '../screening/gate';
import { askPainBeforeRoutine, painBeforeRoutine, RELIEF_THRESHOLD } from '../screening/pain';
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

const eventFor = (start: Start, ctx: Context): CoachEvent => {
  switch (start.type) {
    case 'routine':
      return {
        type: 'startRoutine',
        routine: start.routine,
        levels: ctx.levels,
        ...(start.fromBlock ? { fromBlock: start.fromBlock } : {}),
      };
    case 'exercise':
      return { type: 'startExercise', exercise: start.exercise, levels: ctx.levels };
    case 'continue':
      return { type: 'resume' };
  }
};

/**
 * Every exercise starts here, through the safety gate (screening/gate.ts): a red flag in
 * this session refuses, a missing or week-old screen runs first, a routine asks about
 * pain, and only then does the coach start. `prefix` is spoken first (e.g. the screen's
 * outcome); `changes` ride along (e.g. the date of a clear screen).
 */
export const begin = (
  state: ConversationState,
  start: Start,
  ctx: Context,
  prefix: readonly SpeechItem[] = [],
  changes: readonly ProgressChange[] = [],
  askPain = start.type === 'routine' && state.pain === undefined,
): StepResult => {
  const lastClearDay = ctx.profile?.lastClearScreenDay ?? undefined;
  const decision = gate({
    ...(state.safety ? { sessionOutcome: state.safety } : {}),
    ...(lastClearDay ? { lastClearDay } : {}),
    today: ctx.moment.day,
    askPain,
    painHigh: state.pain === 'high',
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
      const offer = painBeforeRoutine(RELIEF_THRESHOLD);
      return result(
        { ...withoutMode(state), mode: { kind: 'offerRelief' } },
        {
          speech: [...prefix, ...offer.plan.items],
          ...(offer.reprompt ? { reprompt: offer.reprompt.items } : {}),
        },
        changes,
      );
    }
    case 'ask-pain': {
      const ask = askPainBeforeRoutine();
      return result(
        { ...state, mode: { kind: 'painBefore', then: start } },
        { speech: [...prefix, ...ask.plan.items], reprompt: ask.reprompt.items },
        changes,
      );
    }
    case 'go':
      return runCoach(withoutMode(state), eventFor(start, ctx), ctx, prefix, changes);
  }
};
