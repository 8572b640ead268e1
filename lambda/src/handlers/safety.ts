import type { RequestHandler } from 'ask-sdk-core';
import { withoutMode, type SessionState, type Start } from '../attributes/session';
import { blocksOf, settle } from '../coach/engine';
import type { CoachState } from '../coach/state';
import { exerciseStoppedForPain, screenCleared, screenForgotten, type ProgressChange } from '../progress';
import {
  askPainBeforeRoutine,
  painBeforeRoutine,
  painDuringExercise,
  parsePainScore,
} from '../screening/pain';
import { exerciseAllowed, worse, type Outcome } from '../screening/questions';
import { answerScreen, isScreenState, startScreen } from '../screening/screen';
import { startForSymptom } from '../screening/symptoms';
import { say, type SpeechItem } from '../speech/plan';
import { answerOf, isIntent, numberSlot, resolveSlot } from '../util/requests';
import { begin } from './begin';
import type { SkillDeps } from './deps';
import { handler, modeOf } from './handler';
import { runCoach } from './runCoach';
import type { Turn } from './turn';

/** Stops whatever is being coached at the point the user spoke, keeping the place. */
const holdStill = (coach: CoachState, now: number): CoachState => {
  const settled = settle(coach, now).state;
  return settled.run ? { ...settled, run: { ...settled.run, paused: true } } : settled;
};

const withSafety = (session: SessionState, outcome: Outcome): SessionState => ({
  ...session,
  safety: session.safety ? worse(session.safety, outcome) : outcome,
});

/**
 * After an emergency answer: no exercise follows and the session ends. Nothing about it is
 * stored; only a stored clear-screen date is forgotten, so the next launch screens again.
 */
const emergency = (turn: Turn, session: SessionState, speech: readonly SpeechItem[]) =>
  turn.answer(
    { ...withoutMode(withSafety(session, 'emergency')), coach: { pace: session.coach.pace } },
    { speech, end: true },
    { changes: turn.profile?.lastClearScreenDay ? [screenForgotten(turn.moment)] : [] },
  );

/** "run a symptom check": the screen, at any time; a routine under way waits. */
export const symptomCheckHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'SymptomCheckIntent'),
    (turn) => {
      const coach = holdStill(turn.session.coach, turn.now);
      const screen = startScreen({ reason: 'requested' });
      const then: Start | undefined = coach.run ? { type: 'continue' } : undefined;
      return turn.answer(
        { ...turn.session, coach, mode: { kind: 'screen', screen: screen.state, ...(then ? { then } : {}) } },
        { speech: screen.plan.items, reprompt: screen.reprompt.items },
      );
    },
  );

/**
 * Symptom words at any point ("my legs are numb", "I fell", "ouch"): whatever is running
 * stops, even mid-hold. Red-flag words start the screen at the matching question; chest
 * pain sends for help at once; "it hurts" asks for a number.
 */
export const symptomReportHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'SymptomReportIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'symptom');
      const started = startForSymptom(slot.status === 'match' ? slot.id : undefined, turn.locale);
      const coach = holdStill(turn.session.coach, turn.now);
      const session: SessionState = { ...turn.session, coach };
      if (started.kind === 'emergency') return emergency(turn, session, started.plan.items);
      if (started.kind === 'pain-check') {
        // An open screen is never skipped: "it hurts" there re-asks the current question.
        const open = turn.session.mode;
        if (open?.kind === 'screen' && isScreenState(open.screen)) {
          const step = answerScreen(open.screen, 'other', turn.locale);
          return turn.answer(
            { ...session, mode: { ...open, screen: step.state } },
            { speech: step.plan.items, ...(step.reprompt ? { reprompt: step.reprompt.items } : {}) },
          );
        }
        if (coach.run) {
          return turn.answer(
            { ...session, mode: { kind: 'painDuring' } },
            { speech: started.plan.items, reprompt: started.reprompt.items },
          );
        }
        const ask = askPainBeforeRoutine();
        return turn.answer(
          { ...session, mode: { kind: 'painIdle' } },
          { speech: [say('screening.pain.askIdle')], reprompt: ask.reprompt.items },
        );
      }
      // A screen already under way keeps what it heard: its worst answer carries over.
      const current = turn.session.mode?.kind === 'screen' ? turn.session.mode : undefined;
      const previousWorst = current && isScreenState(current.screen) ? current.screen.worst : 'clear';
      const state = { ...started.state, worst: worse(started.state.worst, previousWorst) };
      const then: Start | undefined = current?.then ?? (coach.run ? { type: 'continue' } : undefined);
      return turn.answer(
        { ...session, mode: { kind: 'screen', screen: state, ...(then ? { then } : {}) } },
        { speech: started.plan.items, reprompt: started.reprompt.items },
      );
    },
  );

const CARRY_ON: Readonly<Record<string, string>> = {
  'screening.outcome.clear': 'screening.outcome.clearContinue',
  'screening.outcome.seeClinician': 'screening.outcome.seeClinicianContinue',
};

const ALWAYS_HEARD = [
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'SymptomReportIntent',
  'SymptomCheckIntent',
];

/**
 * While the screen is open every answer goes to it: yes, no, not sure, repeat, and
 * anything else re-asks the question (never skips it). Only stop and symptom words escape.
 */
export const screenAnswerHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) =>
      modeOf(input) === 'screen' &&
      input.requestEnvelope.request.type === 'IntentRequest' &&
      !isIntent(input, ...ALWAYS_HEARD),
    (turn) => {
      const mode = turn.session.mode;
      if (mode?.kind !== 'screen' || !isScreenState(mode.screen)) {
        // Session data that is not a screen: start it again rather than guess.
        const screen = startScreen({ reason: 'requested' });
        return turn.answer(
          { ...turn.session, mode: { kind: 'screen', screen: screen.state } },
          { speech: screen.plan.items, reprompt: screen.reprompt.items },
        );
      }
      const step = answerScreen(mode.screen, answerOf(turn.input), turn.locale);
      if (step.endSession) return emergency(turn, turn.session, step.plan.items);
      if (!step.outcome) {
        return turn.answer(
          { ...turn.session, mode: { ...mode, screen: step.state } },
          { speech: step.plan.items, ...(step.reprompt ? { reprompt: step.reprompt.items } : {}) },
        );
      }
      const session = withoutMode(withSafety(turn.session, step.outcome));
      if (!exerciseAllowed(step.outcome)) {
        // Urgent: no exercise this session; tips are still offered.
        return turn.answer(
          { ...session, coach: { pace: session.coach.pace }, mode: { kind: 'offerRelief' } },
          { speech: step.plan.items, reprompt: [say('screening.offerTipsReprompt')] },
        );
      }
      // Only the date of a clear screen is kept, never the answers.
      const changes: ProgressChange[] = [screenCleared(turn.moment)];
      if (mode.then?.type === 'continue') {
        // Back to the routine that the check interrupted: "let's carry on", not "let's start".
        const carryOn = step.plan.items.map((item) =>
          'say' in item && CARRY_ON[item.say] ? { ...item, say: CARRY_ON[item.say] ?? item.say } : item,
        );
        return begin(turn, session, mode.then, carryOn, changes);
      }
      if (mode.then) return begin(turn, session, mode.then, step.plan.items, changes);
      // Asked for on its own, the screen ends with a question instead of "let's start".
      const key =
        step.outcome === 'clear'
          ? 'screening.outcome.clearRequested'
          : 'screening.outcome.seeClinicianRequested';
      return turn.answer(session, { speech: [say(key)], reprompt: [say('common.reprompt')] }, { changes });
    },
  );

/**
 * A pain number (or "skip" before a routine) while the coach is waiting for one. Before a
 * routine, and after "it hurts" mid-exercise, anything else asks for the number again, so
 * an unclear answer never starts or resumes exercise; only stop and symptom words escape.
 */
export const painAnswerHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => {
      const mode = modeOf(input);
      if (mode === 'painIdle') return isIntent(input, 'PainRatingIntent');
      if (mode !== 'painBefore' && mode !== 'painDuring') return false;
      return input.requestEnvelope.request.type === 'IntentRequest' && !isIntent(input, ...ALWAYS_HEARD);
    },
    (turn) => {
      const mode = turn.session.mode;
      const raw = isIntent(turn.input, 'SkipIntent') ? 'skip' : numberSlot(turn.input, 'score');
      if (mode?.kind === 'painDuring') return painDuring(turn, raw);
      const result = painBeforeRoutine(raw);
      const reprompt = result.reprompt ? { reprompt: result.reprompt.items } : {};
      if (result.decision === 'invalid')
        return turn.answer(turn.session, { speech: result.plan.items, ...reprompt });
      if (result.decision === 'relief') {
        return turn.answer(
          { ...withoutMode(turn.session), pain: 'high', mode: { kind: 'offerRelief' } },
          { speech: result.plan.items, ...reprompt },
        );
      }
      const session: SessionState = { ...withoutMode(turn.session), pain: 'ok' };
      if (mode?.kind === 'painBefore') return begin(turn, session, mode.then, result.plan.items, [], false);
      return turn.answer(session, {
        speech: [...result.plan.items, say('common.whatNext')],
        reprompt: [say('common.reprompt')],
      });
    },
  );

/** Mid-exercise pain: above 5 stop that exercise, 4–5 ease off, 3 or less carry on. */
const painDuring = (turn: Turn, raw: unknown) => {
  const result = painDuringExercise(parsePainScore(raw));
  const session = withoutMode(turn.session);
  switch (result.decision) {
    case 'invalid':
      return turn.answer(turn.session, {
        speech: result.plan.items,
        ...(result.reprompt ? { reprompt: result.reprompt.items } : {}),
      });
    case 'stop-exercise': {
      const run = session.coach.run;
      const block = run ? blocksOf(run)[run.index] : undefined;
      if (!block) return runCoach(turn, session, { type: 'resume' }, result.plan.items);
      // Only the effect is kept (no level-up credit for today), never the number.
      const stopped = exerciseStoppedForPain(turn.moment, {
        sessionId: turn.user.sessionKey,
        exercise: block.exerciseId,
        level: block.level,
        seconds: (session.exerciseMs?.[block.exerciseId] ?? 0) / 1000,
      });
      const painStopped = [...(session.painStopped ?? []), block.exerciseId];
      return runCoach(turn, { ...session, painStopped }, { type: 'skip' }, result.plan.items, [stopped]);
    }
    case 'ease-off':
      return runCoach(turn, session, { type: 'pace', pace: 'slower' }, result.plan.items, [], false);
    case 'carry-on':
      return runCoach(turn, session, { type: 'resume' }, result.plan.items);
  }
};
