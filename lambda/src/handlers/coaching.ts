import type { RequestHandler } from 'ask-sdk-core';
import { coach, type CoachCommand, type CoachEvent, type CoachResult } from '../coach/engine';
import { isExerciseId, isPaceId, isRoutineId } from '../coach/ids';
import { say } from '../speech/plan';
import { isIntent, resolveSlot } from '../util/requests';
import type { SkillDeps } from './deps';
import { exerciseNames, routineNames } from './lists';
import { turnOf, type Turn } from './turn';

/** Runs one event through the routine engine and answers with what it decided. */
export const runCoach = (turn: Turn, event: CoachEvent) => {
  const result: CoachResult = coach(turn.session.coach, event, turn.coachContext);
  return turn.answer(
    { ...turn.session, coach: result.state },
    { speech: result.speech, ...(result.reprompt ? { reprompt: result.reprompt } : {}), end: result.end },
  );
};

/** "let's do the strength routine" */
export const startRoutineHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'StartRoutineIntent'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const slot = resolveSlot(input, 'routine');
    if (slot.status === 'match' && isRoutineId(slot.id)) {
      return runCoach(turn, { type: 'startRoutine', routine: slot.id, levels: {} });
    }
    const key = slot.status === 'missing' ? 'coach.askWhichRoutine' : 'coach.unknownRoutine';
    return turn.answer(turn.session, {
      speech: [say(key, { names: routineNames(turn) })],
      reprompt: [say('coach.askWhichRoutine')],
    });
  },
});

/** "coach me through a bridge" */
export const startExerciseHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'StartExerciseIntent'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const slot = resolveSlot(input, 'exercise');
    if (slot.status === 'match' && isExerciseId(slot.id)) {
      return runCoach(turn, { type: 'startExercise', exercise: slot.id, levels: {} });
    }
    const speech =
      slot.status === 'missing'
        ? [say('coach.askWhichExercise')]
        : [say('coach.unknownExercise', { names: exerciseNames(turn) })];
    return turn.answer(turn.session, { speech, reprompt: [say('coach.askWhichExercise')] });
  },
});

/** "what exercises do you have" */
export const listExercisesHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ListExercisesIntent'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    return turn.answer(turn.session, {
      speech: [
        say('coach.list.exercises', { names: exerciseNames(turn) }),
        say('coach.list.routines', { names: routineNames(turn) }),
      ],
      reprompt: [say('coach.reprompt.idle')],
    });
  },
});

/** "slower" / "faster" / "normal speed" */
export const paceHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'PaceIntent'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const slot = resolveSlot(input, 'pace');
    const pace = slot.status === 'match' && isPaceId(slot.id) ? slot.id : undefined;
    if (!pace) {
      return turn.answer(turn.session, {
        speech: [say('coach.askWhichPace')],
        reprompt: [say('coach.askWhichPace')],
      });
    }
    return runCoach(turn, { type: 'pace', pace });
  },
});

const COMMANDS: Readonly<Record<string, CoachCommand>> = {
  'AMAZON.NextIntent': 'next',
  'AMAZON.PreviousIntent': 'previous',
  'AMAZON.RepeatIntent': 'repeat',
  'AMAZON.PauseIntent': 'pause',
  'AMAZON.ResumeIntent': 'resume',
  'AMAZON.StartOverIntent': 'startOver',
  SkipIntent: 'skip',
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
};

/** "next", "repeat", "pause", "resume", "skip", "start over", "yes", "no": steering a routine. */
export const commandHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, ...Object.keys(COMMANDS)),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const name = (input.requestEnvelope.request as { intent: { name: string } }).intent.name;
    return runCoach(turn, { type: COMMANDS[name] ?? 'help' });
  },
});

export const COACHING_INTENTS = [
  'StartRoutineIntent',
  'StartExerciseIntent',
  'ListExercisesIntent',
  'PaceIntent',
  ...Object.keys(COMMANDS),
];
