import type { RequestHandler } from 'ask-sdk-core';
import { withoutMode } from '../attributes/session';
import type { CoachCommand } from '../coach/engine';
import { isExerciseId, isPaceId, isRoutineId } from '../coach/ids';
import { say } from '../speech/plan';
import { isIntent, resolveSlot } from '../util/requests';
import { begin } from './begin';
import type { SkillDeps } from './deps';
import { handler } from './handler';
import { exerciseNames, routineNames } from './lists';
import { runCoach } from './runCoach';

/** "let's do the strength routine" */
export const startRoutineHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'StartRoutineIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'routine');
      if (slot.status === 'match' && isRoutineId(slot.id)) {
        return begin(turn, turn.session, { type: 'routine', routine: slot.id });
      }
      const key = slot.status === 'missing' ? 'coach.askWhichRoutine' : 'coach.unknownRoutine';
      return turn.answer(withoutMode(turn.session), {
        speech: [say(key, { names: routineNames(turn) })],
        reprompt: [say('coach.askWhichRoutine')],
      });
    },
  );

/** "coach me through a bridge" */
export const startExerciseHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'StartExerciseIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'exercise');
      if (slot.status === 'match' && isExerciseId(slot.id)) {
        return begin(turn, turn.session, { type: 'exercise', exercise: slot.id });
      }
      const speech =
        slot.status === 'missing'
          ? [say('coach.askWhichExercise')]
          : [say('coach.unknownExercise', { names: exerciseNames(turn) })];
      return turn.answer(withoutMode(turn.session), { speech, reprompt: [say('coach.askWhichExercise')] });
    },
  );

/** "what exercises do you have" */
export const listExercisesHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'ListExercisesIntent'),
    (turn) =>
      turn.answer(withoutMode(turn.session), {
        speech: [
          say('coach.list.exercises', { names: exerciseNames(turn) }),
          say('coach.list.routines', { names: routineNames(turn) }),
        ],
        reprompt: [say('coach.reprompt.idle')],
      }),
  );

/** "slower" / "faster" / "normal speed" */
export const paceHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'PaceIntent'),
    (turn) => {
      const slot = resolveSlot(turn.input, 'pace');
      const pace = slot.status === 'match' && isPaceId(slot.id) ? slot.id : undefined;
      if (!pace) {
        return turn.answer(turn.session, {
          speech: [say('coach.askWhichPace')],
          reprompt: [say('coach.askWhichPace')],
        });
      }
      return runCoach(turn, withoutMode(turn.session), { type: 'pace', pace });
    },
  );

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
export const commandHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, ...Object.keys(COMMANDS)),
    (turn) => {
      const request = turn.input.requestEnvelope.request as { intent: { name: string } };
      return runCoach(turn, withoutMode(turn.session), { type: COMMANDS[request.intent.name] ?? 'help' });
    },
  );
