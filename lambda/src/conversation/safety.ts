import { blocksOf } from '../coach/engine';
import { exerciseStoppedForPain, screenCleared, screenForgotten, type ProgressChange } from '../progress';
import {
  askPainBeforeRoutine,
  hurtsMidExercise,
  painBeforeRoutine,
  painDuringExercise,
} from '../screening/pain';
import { exerciseAllowed, worse, type Outcome } from '../screening/questions';
import { answerScreen, isScreenState, startScreen, type ScreenAnswer } from '../screening/screen';
import { startForSymptom } from '../screening/symptoms';
import { say, type SpeechItem } from '../speech/plan';
import { begin } from './begin';
import { holdStill, runCoach } from './coaching';
import type { Context } from './context';
import type { Event } from './event';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Mode, type Start } from './state';

const withSafety = (state: ConversationState, outcome: Outcome): ConversationState => ({
  ...state,
  safety: state.safety ? worse(state.safety, outcome) : outcome,
});

/** Where a screen or check started mid-routine goes back to when it allows exercise. */
const carryOn = (state: ConversationState): Start | undefined =>
  state.coach.run ? { type: 'continue' } : undefined;

/**
 * After an emergency answer: no exercise follows and the session ends. Nothing about it is
 * stored; only a stored clear-screen date is forgotten, so the next launch screens again.
 */
const emergency = (
  state: ConversationState,
  speech: readonly SpeechItem[],
  ctx: Context,
  changes: readonly ProgressChange[] = [],
): StepResult =>
  result(
    { ...withoutMode(withSafety(state, 'emergency')), coach: { pace: state.coach.pace } },
    { speech, end: true },
    [...changes, ...(ctx.profile?.lastClearScreenDay ? [screenForgotten(ctx.moment)] : [])],
  );

const openScreen = (
  state: ConversationState,
  started: ReturnType<typeof startScreen>,
  then: Start | undefined,
  changes: readonly ProgressChange[],
): StepResult =>
  result(
    { ...state, mode: { kind: 'screen', screen: started.state, ...(then ? { then } : {}) } },
    { speech: started.plan.items, reprompt: started.reprompt.items },
    changes,
  );

/** "Run a symptom check": the screen, at any time; a routine under way waits. */
export const symptomCheck = (state: ConversationState, ctx: Context): StepResult => {
  const held = holdStill(state, ctx);
  const then = state.mode?.kind === 'screen' ? state.mode.then : carryOn(held.state);
  return openScreen(held.state, startScreen({ reason: 'requested' }), then, held.changes);
};

/**
 * A symptom word at any point ("my legs are numb", "I fell"): whatever is running stops,
 * even mid-hold. Chest pain or trouble breathing sends for help at once; red-flag words
 * start the screen at the matching question; a word Alexa could not resolve is asked
 * about first, so a misheard sentence never opens the screen by itself.
 */
export const symptomReported = (
  state: ConversationState,
  event: Extract<Event, { kind: 'symptom' }>,
  ctx: Context,
): StepResult => {
  const held = holdStill(state, ctx);
  const open = state.mode;
  const then = open?.kind === 'screen' || open?.kind === 'symptomConfirm' ? open.then : carryOn(held.state);
  const { symptom } = event;
  if (!symptom && event.unclear) {
    return result(
      { ...held.state, mode: { kind: 'symptomConfirm', ...(then ? { then } : {}) } },
      {
        speech: [say('conversation.symptomConfirm.ask')],
        reprompt: [say('conversation.symptomConfirm.reprompt')],
      },
      held.changes,
    );
  }
  if (!symptom) return openScreen(held.state, startScreen({ reason: 'symptom' }), then, held.changes);
  const started = startForSymptom(symptom, ctx.locale);
  if (started.kind === 'emergency') return emergency(held.state, started.plan.items, ctx, held.changes);
  // A screen already under way keeps what it heard: its worst answer carries over.
  const previousWorst = open?.kind === 'screen' && isScreenState(open.screen) ? open.screen.worst : 'clear';
  return openScreen(
    held.state,
    { ...started, state: { ...started.state, worst: worse(started.state.worst, previousWorst) } },
    then,
    held.changes,
  );
};

/** Yes / no to "Did you mean a new symptom?": yes (or not sure) checks; no goes back. */
export const answerSymptomConfirm = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'symptomConfirm' }>,
  event: Event,
  ctx: Context,
  goBack: (state: ConversationState) => StepResult,
): StepResult => {
  if (event.kind !== 'answer') {
    return result(state, {
      speech: [say('conversation.notCaught'), say('conversation.symptomConfirm.reprompt')],
      reprompt: [say('conversation.symptomConfirm.reprompt')],
    });
  }
  if (event.answer === 'no') return goBack(withoutMode(state));
  return openScreen(withoutMode(state), startScreen({ reason: 'symptom' }), mode.then, []);
};

const screenAnswerOf = (event: Event): ScreenAnswer => {
  if (event.kind === 'answer') return event.answer;
  if (event.kind === 'command' && event.command === 'repeat') return 'repeat';
  return 'other';
};

/**
 * While the screen is open every event is an answer to it: yes, no, not sure, repeat;
 * anything else re-asks the question (never skips it). Stop and symptom words were heard
 * before this, in step().
 */
export const answerScreenQuestion = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'screen' }>,
  event: Event,
  ctx: Context,
): StepResult => {
  if (!isScreenState(mode.screen)) {
    // Session data that is not a screen: start it again rather than guess.
    return openScreen(withoutMode(state), startScreen({ reason: 'requested' }), mode.then, []);
  }
  const followUp = mode.then?.type === 'continue' ? 'continue' : mode.then ? 'start' : 'ask';
  if (event.kind === 'help' || event.kind === 'why') {
    // "What do you mean?", "why are you asking?": why the screen asks, then the question again.
    const again = answerScreen(mode.screen, 'repeat', ctx.locale, followUp);
    return result(state, {
      speech: [say('screening.whyAsk'), ...again.plan.items],
      ...(again.reprompt ? { reprompt: again.reprompt.items } : {}),
    });
  }
  const step = answerScreen(mode.screen, screenAnswerOf(event), ctx.locale, followUp);
  if (step.endSession) return emergency(state, step.plan.items, ctx);
  if (!step.outcome) {
    return result(
      { ...state, mode: { ...mode, screen: step.state } },
      { speech: step.plan.items, ...(step.reprompt ? { reprompt: step.reprompt.items } : {}) },
    );
  }
  const after = withoutMode(withSafety(state, step.outcome));
  if (!exerciseAllowed(step.outcome)) {
    // Urgent: no exercise this session; tips are still offered.
    return result(
      { ...after, coach: { pace: after.coach.pace }, mode: { kind: 'offerRelief' } },
      { speech: step.plan.items, reprompt: [say('screening.offerTipsReprompt')] },
    );
  }
  // Only the date of a clear screen is kept, never the answers.
  const changes = [screenCleared(ctx.moment)];
  if (mode.then) return begin(after, mode.then, ctx, step.plan.items, changes);
  return result(after, { speech: step.plan.items, reprompt: [say('common.reprompt')] }, changes);
};

/** "It hurts" / "ouch": mid-exercise the movement stops and the 0–10 question is asked. */
export const hurts = (state: ConversationState, ctx: Context): StepResult => {
  const held = holdStill(state, ctx);
  if (held.state.coach.run) {
    const ask = hurtsMidExercise();
    return result(
      { ...held.state, mode: { kind: 'painDuring' } },
      { speech: ask.plan.items, reprompt: ask.reprompt.items },
      held.changes,
    );
  }
  return result(
    { ...held.state, mode: { kind: 'painIdle' } },
    { speech: [say('screening.pain.askIdle')], reprompt: askPainBeforeRoutine().reprompt.items },
    held.changes,
  );
};

/** The score an event carries for the pain question: a number, 'skip', or nothing usable. */
const painAnswerOf = (event: Event): number | 'skip' | undefined => {
  if (event.kind === 'painScore') return event.score;
  if (event.kind === 'command' && event.command === 'skip') return 'skip';
  if (event.kind === 'answer' && event.answer === 'unsure') return 'skip';
  return undefined;
};

/**
 * A pain number while the coach waits for one. Before exercise and after "it hurts"
 * anything else asks for the number again, so an unclear answer never starts or resumes
 * exercise.
 */
export const answerPain = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'painBefore' | 'painDuring' | 'painIdle' }>,
  event: Event,
  ctx: Context,
): StepResult => {
  const raw = painAnswerOf(event);
  if (mode.kind === 'painDuring') return painDuring(state, raw, ctx);
  const decided = painBeforeRoutine(raw);
  const reprompt = decided.reprompt ? { reprompt: decided.reprompt.items } : {};
  if (decided.decision === 'invalid') return result(state, { speech: decided.plan.items, ...reprompt });
  if (decided.decision === 'relief') {
    return result(
      { ...withoutMode(state), pain: 'high', mode: { kind: 'offerRelief' } },
      { speech: decided.plan.items, ...reprompt },
    );
  }
  const after: ConversationState = { ...withoutMode(state), pain: 'ok' };
  if (mode.kind === 'painBefore') return begin(after, mode.then, ctx, decided.plan.items, [], false);
  return result(after, {
    speech: [say('screening.pain.thanks'), say('common.whatNext')],
    reprompt: [say('common.reprompt')],
  });
};

/** Mid-exercise pain: above 5 stop that exercise, 4–5 ease off, 3 or less carry on. */
const painDuring = (state: ConversationState, raw: number | 'skip' | undefined, ctx: Context): StepResult => {
  const decided = painDuringExercise(raw);
  const after = withoutMode(state);
  switch (decided.decision) {
    case 'invalid':
      return result(state, {
        speech: decided.plan.items,
        ...(decided.reprompt ? { reprompt: decided.reprompt.items } : {}),
      });
    case 'stop-exercise': {
      const run = after.coach.run;
      const block = run ? blocksOf(run)[run.index] : undefined;
      if (!block) return runCoach(after, { type: 'resume' }, ctx, decided.plan.items);
      // Only the effect is kept (no level-up credit for today), never the number.
      const stopped = exerciseStoppedForPain(ctx.moment, {
        sessionId: ctx.sessionKey,
        exercise: block.exerciseId,
        level: block.level,
        seconds: (after.exerciseMs?.[block.exerciseId] ?? 0) / 1000,
      });
      const painStopped = [...(after.painStopped ?? []), block.exerciseId];
      return runCoach({ ...after, painStopped }, { type: 'skip' }, ctx, decided.plan.items, [stopped]);
    }
    case 'ease-off':
      return runCoach(after, { type: 'pace', pace: 'slower' }, ctx, decided.plan.items, [], false);
    case 'carry-on':
      return runCoach(after, { type: 'resume' }, ctx, decided.plan.items);
  }
};
