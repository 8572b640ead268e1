import { habitMenu, habitPlan } from '../advice/habits';
import { reliefPlan } from '../advice/relief';
import { coach, type CoachEvent } from '../coach/engine';
import { applyDeltas, progressReportPlan, weekSummary } from '../progress';
import { say } from '../speech/plan';
import { begin } from './begin';
import { holdStill, progressOf, runCoach } from './coaching';
import type { Context } from './context';
import type { Event } from './event';
import { launch } from './launch';
import { exerciseNames, routineNames } from './lists';
import { advise, answerOffer, removed, whatNext } from './offers';
import { result, type StepResult } from './reply';
import { answerPain, answerPainChoice, answerPainEase, hurts } from './pain';
import { answerScreenQuestion, answerSymptomConfirm, symptomCheck, symptomReported } from './safety';
import { withoutMode, type ConversationState, type Mode } from './state';

/**
 * The whole conversation: one pure step per request. Order of decision:
 * 1. requests that are not a turn of talk (launch, session end, an effect's result);
 * 2. what may interrupt anything: stop, a symptom, a symptom check;
 * 3. the open question (mode), which decides what every other event means;
 * 4. with nothing asked: a block running or paused, or the menu.
 * See docs/ARCHITECTURE.md.
 */
export const step = (state: ConversationState, event: Event, ctx: Context): StepResult => {
  switch (event.kind) {
    case 'launch':
      return launch(state, ctx);
    case 'sessionEnded':
      return sessionEnded(state, ctx);
    case 'removed':
      return removed(state, event.ok, ctx);
    case 'stop':
      return runCoach(withoutMode(state), { type: 'stop' }, ctx);
    case 'symptom':
      return symptomReported(state, event, ctx);
    case 'symptomCheck':
      return symptomCheck(state, ctx);
    default:
      break;
  }
  const mode = state.mode;
  if (!mode) return unasked(state, event, ctx);
  return answer(state, mode, event.kind === 'nudge' ? { kind: 'unknown' } : event, ctx);
};

/** The open question decides what the event means. Input without words is no answer: asked again. */
const answer = (state: ConversationState, mode: Mode, event: Event, ctx: Context): StepResult => {
  switch (mode.kind) {
    case 'screen':
      return answerScreenQuestion(state, mode, event, ctx);
    case 'symptomConfirm':
      return answerSymptomConfirm(state, mode, event, ctx, (back) => whereWeWere(back, ctx));
    case 'painBefore':
    case 'painDuring':
      return answerPain(state, mode, event, ctx);
    case 'painEase':
      return answerPainEase(state, event, ctx);
    case 'painChoice':
      return answerPainChoice(state, mode, event, ctx) ?? unasked(withoutMode(state), event, ctx);
    case 'painIdle':
      // Asked after "it hurts" with nothing running: a request may move on.
      return isAnswerLike(event)
        ? answerPain(state, mode, event, ctx)
        : unasked(withoutMode(state), event, ctx);
    case 'deleting':
      return unasked(withoutMode(state), event, ctx);
    default:
      return isAnswerLike(event) || continuesFrom(mode, event)
        ? answerOffer(state, mode, event, ctx)
        : unasked(withoutMode(state), event, ctx);
  }
};

/** Events that answer a question rather than ask for something. */
const isAnswerLike = (event: Event): boolean =>
  event.kind === 'answer' ||
  event.kind === 'painScore' ||
  event.kind === 'unknown' ||
  event.kind === 'help' ||
  event.kind === 'hurts' ||
  (event.kind === 'command' && (event.command === 'repeat' || event.command === 'skip'));

/** At "pick up where you stopped?", "resume" or "how many are left" is about that place: not a new request. */
const continuesFrom = (mode: Mode, event: Event): boolean =>
  mode.kind === 'resumeOffer' &&
  ((event.kind === 'command' && event.command === 'resume') || event.kind === 'whereAmI');

const coachEventOf = (event: Event): CoachEvent | undefined => {
  switch (event.kind) {
    case 'command':
      return { type: event.command };
    case 'answer':
      return { type: event.answer === 'yes' ? 'yes' : 'no' };
    case 'help':
      return { type: 'help' };
    case 'whereAmI':
      return { type: 'status' };
    case 'why':
      return { type: 'why' };
    case 'easier':
      return { type: 'easier' };
    default:
      return undefined;
  }
};

/** Nothing asked: a request, or steering the block that is running or paused. */
const unasked = (state: ConversationState, event: Event, ctx: Context): StepResult => {
  const running = state.coach.run !== undefined;
  switch (event.kind) {
    case 'startRoutine':
      if (event.routine) return begin(state, { type: 'routine', routine: event.routine }, ctx);
      return result(state, {
        speech: [
          say(event.heard ? 'coach.unknownRoutine' : 'coach.askWhichRoutine', { names: routineNames() }),
        ],
        reprompt: [say('coach.askWhichRoutine', { names: routineNames() })],
      });
    case 'startExercise':
      if (event.exercise) return begin(state, { type: 'exercise', exercise: event.exercise }, ctx);
      return result(state, {
        speech: [
          say(event.heard ? 'coach.unknownExercise' : 'coach.askWhichExercise', { names: exerciseNames() }),
        ],
        reprompt: [say('coach.askWhichExercise')],
      });
    case 'pace':
      if (!event.pace)
        return result(state, { speech: [say('coach.askWhichPace')], reprompt: [say('coach.askWhichPace')] });
      return runCoach(state, { type: 'pace', pace: event.pace }, ctx);
    case 'hurts':
      return hurts(state, ctx);
    default:
      break;
  }
  if (running) {
    const coachEvent = coachEventOf(event);
    // Anything else said mid-block pauses at the current rep, exactly as "pause" does.
    if (coachEvent) return runCoach(state, coachEvent, ctx);
    if (event.kind === 'unknown' || event.kind === 'painScore' || event.kind === 'nudge')
      return runCoach(state, { type: 'pause' }, ctx);
  }
  // Whatever follows is not about the routine: hold a running block still first.
  const held = holdStill(state, ctx);
  const withHeld = (r: StepResult): StepResult => ({
    ...r,
    changes: [...held.changes, ...r.changes],
    worthWriting: r.worthWriting || held.changes.length > 0,
  });
  const s = held.state;
  switch (event.kind) {
    case 'listExercises':
      // Mid-routine: the exercises, then where the one held still is and how to go back to it.
      if (s.coach.run)
        return withHeld(whatNext(s, [say('coach.list.exercises', { names: exerciseNames() })], ctx));
      return withHeld(
        result(s, {
          speech: [
            say('coach.list.exercises', { names: exerciseNames() }),
            say('coach.list.routines', { names: routineNames() }),
          ],
          reprompt: [say('coach.reprompt.idle')],
        }),
      );
    case 'relief':
      return withHeld(advise(s, reliefPlan(event.onset), ctx));
    case 'habit':
      return withHeld(advise(s, event.topic ? habitPlan(event.topic) : habitMenu(), ctx));
    case 'medicine':
      return withHeld(whatNext(s, [say('conversation.medicine')], ctx));
    case 'progress': {
      if (ctx.profileUnavailable) return withHeld(whatNext(s, [say('progress.report.unavailable')], ctx));
      const profile = applyDeltas(
        ctx.profile,
        held.changes.map((change, i) => ({ ...change, id: `preview#${i}` })),
      );
      const report = progressReportPlan(weekSummary(profile, ctx.moment.day));
      return withHeld(whatNext(s, report.items, ctx));
    }
    case 'deleteData':
      return withHeld(
        result(
          { ...s, mode: { kind: 'deleteData' } },
          { speech: [say('progress.delete.confirm')], reprompt: [say('progress.delete.confirmReprompt')] },
        ),
      );
    case 'help':
      return withHeld(result(s, { speech: [say('common.help')], reprompt: [say('common.reprompt')] }));
    case 'answer':
      // "No", "nothing", "no thanks" at "what next" ends the session kindly.
      if (event.answer === 'no')
        return withHeld(result(s, { speech: [say('conversation.goodbyeKind')], end: true }));
      return withHeld(result(s, { speech: [say('coach.whatNext')], reprompt: [say('common.reprompt')] }));
    case 'why':
    case 'easier':
    case 'whereAmI':
    case 'command':
      return withHeld(runCoach(s, coachEventOf(event) ?? { type: 'help' }, ctx));
    case 'nudge':
      // Back to where they were: the paused block and how to go on, or what next.
      return withHeld(
        s.coach.run
          ? runCoach(s, { type: 'pause' }, ctx)
          : result(s, { speech: [say('coach.whatNext')], reprompt: [say('common.reprompt')] }),
      );
    default:
      return withHeld(result(s, { speech: [say('common.fallback')], reprompt: [say('common.reprompt')] }));
  }
};

/** After "no, not a symptom": back to the block (paused, with how to go on) or the menu. */
const whereWeWere = (state: ConversationState, ctx: Context): StepResult =>
  state.coach.run
    ? runCoach(state, { type: 'pause' }, ctx, [say('conversation.symptomConfirm.no')])
    : result(state, {
        speech: [say('conversation.symptomConfirm.no'), say('coach.whatNext')],
        reprompt: [say('common.reprompt')],
      });

/** The session closed: the last block heard counts, and what is pending is saved. No speech. */
const sessionEnded = (state: ConversationState, ctx: Context): StepResult => {
  const settled = coach(state.coach, { type: 'end' }, { now: ctx.now, measure: ctx.measure });
  const progress = progressOf({ ...state, coach: settled.state }, settled.facts, ctx);
  return result(progress.state, { speech: [], end: true }, progress.changes);
};
