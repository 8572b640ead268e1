import { screenCleared, screenForgotten, type ProgressChange } from '../progress';
import { exerciseAllowed, worse, type Outcome } from '../screening/questions';
import {
  answerQuestion,
  answerScreen,
  currentQuestion,
  isScreenState,
  startScreen,
  type ScreenAnswer,
  type ScreenFollowUp,
  type ScreenStep,
} from '../screening/screen';
import { answersQuestion, startForSymptom } from '../screening/symptoms';
import { say, type CardPlan, type SpeechItem } from '../speech/plan';
import { begin } from './begin';
import { holdStill } from './coaching';
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
 * After an emergency answer: no exercise follows and the session ends, with the advice as
 * a card in the Alexa app too. Nothing about it is stored; only a stored clear-screen date
 * is forgotten, so the next launch screens again.
 */
const emergency = (
  state: ConversationState,
  speech: readonly SpeechItem[],
  card: CardPlan | undefined,
  ctx: Context,
  changes: readonly ProgressChange[] = [],
): StepResult =>
  result(
    { ...withoutMode(withSafety(state, 'emergency')), coach: { pace: state.coach.pace } },
    { speech, end: true, ...(card ? { card } : {}) },
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
 * even mid-hold. Chest pain or trouble breathing sends for help at once; during the screen
 * a red-flag word is the answer to its question, at once (an emergency one stops there);
 * otherwise red-flag words start the screen at the matching question; a word Alexa could
 * not resolve is asked about first, so a misheard sentence never opens the screen by itself.
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
  if (started.kind === 'emergency')
    return emergency(held.state, started.plan.items, started.card, ctx, held.changes);
  if (open?.kind === 'screen' && isScreenState(open.screen)) {
    const question = answersQuestion(symptom, currentQuestion(open.screen));
    if (question !== undefined) {
      const step = answerQuestion(open.screen, question, ctx.locale, followUpOf(open));
      return afterScreenStep(held.state, open, step, ctx);
    }
  }
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
  // "What do you mean?", "why are you asking?", "help": the rephrase and why it is asked.
  if (event.kind === 'help' || event.kind === 'why') return 'explain';
  if (event.kind === 'command' && event.command === 'repeat') return 'repeat';
  return 'other';
};

const followUpOf = (mode: Extract<Mode, { kind: 'screen' }>): ScreenFollowUp =>
  mode.then?.type === 'continue' ? 'continue' : mode.then ? 'start' : 'ask';

/** One step of the screen, turned into the conversation's next state and reply. */
const afterScreenStep = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'screen' }>,
  step: ScreenStep,
  ctx: Context,
): StepResult => {
  if (step.endSession) return emergency(state, step.plan.items, step.card, ctx);
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

/**
 * While the screen is open every event is an answer to it: yes, no, not sure, repeat;
 * "help", "why" and "what do you mean" get the question explained; anything else re-asks
 * the question (never skips it). Stop and symptom words were heard before this, in step().
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
  const step = answerScreen(mode.screen, screenAnswerOf(event), ctx.locale, followUpOf(mode));
  return afterScreenStep(state, mode, step, ctx);
};
