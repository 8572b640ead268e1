import type { Response } from 'ask-sdk-model';
import { withoutMode, type SessionState, type Start } from '../attributes/session';
import type { CoachEvent } from '../coach/engine';
import type { ProgressChange } from '../progress';
import { gate } from '../screening/gate';
import { askPainBeforeRoutine, painBeforeRoutine, RELIEF_THRESHOLD } from '../screening/pain';
import { ROUTINES } from '../coach/catalog';
import { startScreen } from '../screening/screen';
import { say, type SpeechItem } from '../speech/plan';
import { runCoach } from './runCoach';
import type { Turn } from './turn';

/** The quick relief routine and its exercises stay open when pain is high. */
const isGentle = (start: Start): boolean =>
  start.type === 'continue' ||
  (start.type === 'routine' && start.routine === 'quick-relief') ||
  (start.type === 'exercise' && ROUTINES['quick-relief'].includes(start.exercise));

const eventFor = (turn: Turn, start: Start): CoachEvent => {
  switch (start.type) {
    case 'routine':
      return {
        type: 'startRoutine',
        routine: start.routine,
        levels: turn.levels,
        ...(start.fromBlock ? { fromBlock: start.fromBlock } : {}),
      };
    case 'exercise':
      return { type: 'startExercise', exercise: start.exercise, levels: turn.levels };
    case 'continue':
      return { type: 'resume' };
  }
};

/**
 * Every exercise starts here, through the safety gate (screening/gate.ts): a red flag in
 * this session refuses, a missing or week-old screen runs first, a routine asks about
 * pain, and only then does the coach start. `prefix` is spoken first (e.g. the screen's
 * outcome).
 */
export const begin = (
  turn: Turn,
  session: SessionState,
  start: Start,
  prefix: readonly SpeechItem[] = [],
  changes: readonly ProgressChange[] = [],
  askPain = start.type === 'routine' && session.pain === undefined,
): Promise<Response> => {
  const lastClearDay = turn.profile?.lastClearScreenDay ?? undefined;
  const decision = gate({
    ...(session.safety ? { sessionOutcome: session.safety } : {}),
    ...(lastClearDay ? { lastClearDay } : {}),
    today: turn.moment.day,
    askPain,
    painHigh: session.pain === 'high',
    gentle: isGentle(start),
  });
  const record = { changes };
  switch (decision) {
    case 'refuse':
      return turn.answer(
        { ...withoutMode(session), mode: { kind: 'offerRelief' } },
        { speech: [...prefix, say('screening.gate.refuse')], reprompt: [say('screening.offerTipsReprompt')] },
        record,
      );
    case 'screen': {
      const screen = startScreen({ reason: lastClearDay ? 'weekly' : 'first-time' });
      return turn.answer(
        { ...session, mode: { kind: 'screen', screen: screen.state, then: start } },
        { speech: [...prefix, ...screen.plan.items], reprompt: screen.reprompt.items },
        record,
      );
    }
    case 'offer-relief': {
      const offer = painBeforeRoutine(RELIEF_THRESHOLD);
      return turn.answer(
        { ...withoutMode(session), mode: { kind: 'offerRelief' } },
        {
          speech: [...prefix, ...offer.plan.items],
          ...(offer.reprompt ? { reprompt: offer.reprompt.items } : {}),
        },
        record,
      );
    }
    case 'ask-pain': {
      const ask = askPainBeforeRoutine();
      return turn.answer(
        { ...session, mode: { kind: 'painBefore', then: start } },
        { speech: [...prefix, ...ask.plan.items], reprompt: ask.reprompt.items },
        record,
      );
    }
    case 'go':
      return runCoach(turn, withoutMode(session), eventFor(turn, start), prefix, changes);
  }
};
