import { plan, say, type CardPlan, type SpeechPlan } from '../speech/plan';
import { emergencyCard, emergencyPlan, urgentSafetyNetLines } from './emergencyPlans';
import {
  QUESTION_COUNT,
  isOutcome,
  isQuestionNumber,
  questionByNumber,
  worse,
  type Outcome,
  type QuestionNumber,
} from './questions';

/**
 * The red-flag screen as a serialisable state machine. The state is plain JSON, kept in
 * the Alexa SESSION only: it holds the worst level met so far (a symptom answer), never a
 * list of answers, and must never be persisted or logged.
 *
 * Rules (CONTENT.md, made careful where it is silent):
 * - one question at a time;
 * - a first "not sure" gets the question's plain rephrase with an everyday example; a second
 *   "not sure" to the same question counts as yes, and the coach says so;
 * - "help", "why", "what do you mean": the rephrase, one sentence on why it is asked, then
 *   the question again;
 * - a symptom said during the screen is a yes to the question it belongs to, at once
 *   (`answerQuestion`);
 * - "repeat" says the question again; anything else re-asks it; nothing ever skips it;
 * - an emergency yes stops at once and ends the session;
 * - an urgent yes is remembered and the screen goes on through ALL remaining questions.
 *   Stopping early would be shorter, but when the screen started from a symptom (say at
 *   the fever question) the emergency questions may still be ahead, and an emergency sign
 *   must not go unasked. The worst level decides the outcome at the end.
 */

export type ScreenReason = 'first-time' | 'weekly' | 'requested' | 'symptom';
/** `explain` is "help", "why" or "what do you mean" about the question asked. */
export type ScreenAnswer = 'yes' | 'no' | 'unsure' | 'repeat' | 'explain' | 'other';

export interface ScreenState {
  /** Tag, so a handler can tell this state from others in session attributes. */
  readonly kind: 'screen';
  readonly reason: ScreenReason;
  /** Question numbers in the order they are asked (always all 9, each once). */
  readonly order: readonly QuestionNumber[];
  /** Position in `order` of the question awaiting an answer (the stopping one when done). */
  readonly index: number;
  /** Worst level met so far; 'clear' until a yes / not sure. Session only. */
  readonly worst: Outcome;
  /** Consecutive unclear answers to the current question (makes the re-ask more helpful). */
  readonly unclear: number;
  /** "Not sure" answers to the current question: the first gets the rephrase, the second is yes. */
  readonly unsure: number;
  readonly done: boolean;
}

export interface ScreenStart {
  readonly state: ScreenState;
  readonly plan: SpeechPlan;
  readonly reprompt: SpeechPlan;
}

export interface ScreenStep {
  readonly state: ScreenState;
  readonly plan: SpeechPlan;
  /** Present while a question awaits an answer. */
  readonly reprompt?: SpeechPlan;
  /** Present once the screen has finished. */
  readonly outcome?: Outcome;
  /** True only after an emergency: the coach stops and the session ends. */
  readonly endSession: boolean;
  /** After an emergency: the same advice as a card in the Alexa app. */
  readonly card?: CardPlan;
}

export interface StartOptions {
  readonly reason: ScreenReason;
  /** 1–9: ask this question first, then the ones after it, then the ones before it. */
  readonly fromQuestion?: number;
}

const INTRO_KEYS: Readonly<Record<ScreenReason, string>> = {
  'first-time': 'screening.intro.firstTime',
  weekly: 'screening.intro.weekly',
  requested: 'screening.intro.requested',
  symptom: 'screening.intro.symptom',
};

/** All questions, starting at `from` and wrapping round, so none is ever left out. */
const orderFrom = (from: number | undefined): QuestionNumber[] => {
  const start = isQuestionNumber(from) ? from : 1;
  return Array.from(
    { length: QUESTION_COUNT },
    (_, i) => (((start - 1 + i) % QUESTION_COUNT) + 1) as QuestionNumber,
  );
};

/** The question awaiting an answer (the stopping one once done). */
export const currentQuestion = (state: ScreenState): QuestionNumber => {
  const n = state.order[state.index];
  // A state that passed isScreenState always has one; fall back to question 1, never skip.
  return n ?? 1;
};

const questionSay = (n: QuestionNumber) => say(questionByNumber(n).key);
const repromptFor = (n: QuestionNumber): SpeechPlan => plan(say('screening.answerHint'), questionSay(n));

export const startScreen = (options: StartOptions): ScreenStart => {
  // A reason from outside the types (bad session data) still gets a valid, resumable state.
  const reason: ScreenReason = options.reason in INTRO_KEYS ? options.reason : 'requested';
  const state: ScreenState = {
    kind: 'screen',
    reason,
    order: orderFrom(options.fromQuestion),
    index: 0,
    worst: 'clear',
    unclear: 0,
    unsure: 0,
    done: false,
  };
  const first = currentQuestion(state);
  return {
    state,
    plan: plan(say(INTRO_KEYS[reason]), questionSay(first)),
    reprompt: repromptFor(first),
  };
};

/**
 * What follows a screen that allows exercise: the exercise that was asked for starts, the
 * routine it interrupted carries on, or (asked for on its own) the coach asks what next.
 */
export type ScreenFollowUp = 'start' | 'continue' | 'ask';

const FOLLOW_UP_SUFFIX: Readonly<Record<ScreenFollowUp, string>> = {
  start: '',
  continue: 'Continue',
  ask: 'Requested',
};

/** What is said when the screen ends without an emergency. */
export const outcomePlan = (
  outcome: Exclude<Outcome, 'emergency'>,
  locale: string | undefined,
  followUp: ScreenFollowUp = 'start',
): SpeechPlan => {
  switch (outcome) {
    case 'clear':
      return plan(say(`screening.outcome.clear${FOLLOW_UP_SUFFIX[followUp]}`));
    case 'see-clinician':
      return plan(say(`screening.outcome.seeClinician${FOLLOW_UP_SUFFIX[followUp]}`));
    case 'urgent-today':
      return plan(
        say('screening.outcome.urgentToday'),
        urgentSafetyNetLines(locale),
        say('screening.outcome.noExercise'),
      );
    case 'urgent-days':
      return plan(
        say('screening.outcome.urgentDays'),
        urgentSafetyNetLines(locale),
        say('screening.outcome.noExercise'),
      );
  }
};

const finish = (
  state: ScreenState,
  locale: string | undefined,
  unsure: boolean,
  followUp: ScreenFollowUp,
): ScreenStep => {
  if (state.worst === 'emergency') {
    return {
      state,
      plan: emergencyPlan(currentQuestion(state), unsure, locale),
      outcome: 'emergency',
      endSession: true,
      card: emergencyCard(currentQuestion(state), locale),
    };
  }
  const said = outcomePlan(state.worst, locale, followUp);
  return {
    state,
    plan: unsure ? plan(say('screening.unsureNoted'), said.items) : said,
    outcome: state.worst,
    endSession: false,
  };
};

const ask = (state: ScreenState, ...lead: ReturnType<typeof say>[]): ScreenStep => {
  const n = currentQuestion(state);
  return { state, plan: plan(lead, questionSay(n)), reprompt: repromptFor(n), endSession: false };
};

/** A yes (or a "not sure" counted as yes) to question `n`, the one being asked. */
const flagCurrent = (
  state: ScreenState,
  locale: string | undefined,
  unsure: boolean,
  followUp: ScreenFollowUp,
): ScreenStep => {
  const level = questionByNumber(currentQuestion(state)).level;
  if (level === 'emergency') {
    return finish(
      { ...state, worst: 'emergency', unclear: 0, unsure: 0, done: true },
      locale,
      unsure,
      followUp,
    );
  }
  return advance({ ...state, worst: worse(state.worst, level) }, locale, unsure, followUp);
};

export const answerScreen = (
  state: ScreenState,
  answer: ScreenAnswer,
  locale: string | undefined,
  followUp: ScreenFollowUp = 'start',
): ScreenStep => {
  // A finished screen says its outcome again rather than restarting or moving on.
  if (state.done) return finish(state, locale, false, followUp);

  const n = currentQuestion(state);
  const q = questionByNumber(n);
  switch (answer) {
    case 'repeat':
      return ask(state);
    case 'yes':
      return flagCurrent(state, locale, false, followUp);
    case 'unsure': {
      // Once: the plain rephrase with an example. Twice: yes, to be safe.
      const unsure = state.unsure + 1;
      if (unsure >= 2) return flagCurrent(state, locale, true, followUp);
      return {
        state: { ...state, unsure },
        plan: plan(say(q.rephraseKey), say('screening.rephraseAsk')),
        reprompt: repromptFor(n),
        endSession: false,
      };
    }
    case 'explain':
      // The rephrase, why this question is asked, then the question itself again.
      return ask(state, say(q.rephraseKey), say(q.whyKey));
    case 'no':
      return advance(state, locale, false, followUp);
    default: {
      // 'other' (and anything unexpected at run time): re-ask, never skip.
      const unclear = state.unclear + 1;
      return ask(
        { ...state, unclear },
        say(unclear >= 2 ? 'screening.reask.again' : 'screening.reask.first'),
      );
    }
  }
};

/**
 * A symptom said during the screen ("I wet myself", "my legs are numb") is a yes to the
 * question it belongs to, at once: to the one being asked, it answers it and the screen
 * moves on; to an emergency question anywhere, the screen stops there; to another urgent
 * question, that level is kept, the coach says it heard it, and the current question is
 * asked again (an urgent level never hides the emergency questions still ahead).
 */
export const answerQuestion = (
  state: ScreenState,
  question: QuestionNumber,
  locale: string | undefined,
  followUp: ScreenFollowUp = 'start',
): ScreenStep => {
  if (state.done) return finish(state, locale, false, followUp);
  if (question === currentQuestion(state)) return flagCurrent(state, locale, false, followUp);
  const level = questionByNumber(question).level;
  if (level === 'emergency') {
    // The stopping question is the one the symptom answers, so its reason is the one said.
    const index = Math.max(0, state.order.indexOf(question));
    return finish(
      { ...state, index, worst: 'emergency', unclear: 0, unsure: 0, done: true },
      locale,
      false,
      followUp,
    );
  }
  return ask({ ...state, worst: worse(state.worst, level) }, say('screening.noted'));
};

const advance = (
  state: ScreenState,
  locale: string | undefined,
  unsure: boolean,
  followUp: ScreenFollowUp,
): ScreenStep => {
  const next: ScreenState = { ...state, index: state.index + 1, unclear: 0, unsure: 0 };
  if (next.index >= next.order.length) {
    return finish({ ...next, index: next.order.length - 1, done: true }, locale, unsure, followUp);
  }
  // Saying that "not sure" counted as yes keeps the screen honest about what it heard.
  return ask(next, ...(unsure ? [say('screening.unsureNoted')] : []));
};

/** Guards session attributes: a handler restarts the screen when this is false. */
export const isScreenState = (v: unknown): v is ScreenState => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  const order = s.order;
  return (
    s.kind === 'screen' &&
    typeof s.reason === 'string' &&
    s.reason in INTRO_KEYS &&
    Array.isArray(order) &&
    order.length === QUESTION_COUNT &&
    order.every(isQuestionNumber) &&
    new Set(order).size === QUESTION_COUNT &&
    typeof s.index === 'number' &&
    Number.isInteger(s.index) &&
    s.index >= 0 &&
    s.index < QUESTION_COUNT &&
    isOutcome(s.worst) &&
    typeof s.unclear === 'number' &&
    typeof s.unsure === 'number' &&
    typeof s.done === 'boolean'
  );
};
