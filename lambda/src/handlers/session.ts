import type { ErrorHandler, RequestHandler } from 'ask-sdk-core';
import { coach } from '../coach/engine';
import { isRunning } from '../coach/engine';
import { settle } from '../coach/engine';
import { say } from '../speech/plan';
import { isIntent, isType } from '../util/requests';
import type { SkillDeps } from './deps';
import { runCoach } from './coaching';
import { turnOf } from './turn';

/** "Alexa, open back and hip coach" */
export const launchHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isType(input, 'LaunchRequest'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    return turn.answer(turn.session, {
      speech: [say('common.welcome.first'), say('common.disclaimer'), say('common.welcome.whatWouldYouLike')],
      reprompt: [say('common.reprompt')],
    });
  },
});

/** "help": in a routine, the routine's commands; otherwise what the coach can do. */
export const helpHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    if (isRunning(settle(turn.session.coach, turn.now).state)) return runCoach(turn, { type: 'help' });
    return turn.answer(turn.session, { speech: [say('common.help')], reprompt: [say('common.reprompt')] });
  },
});

/** "stop" / "cancel" / "go home": ends the session, with a summary when a routine was under way. */
export const stopHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) =>
    isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => runCoach(turnOf(input, deps), { type: 'stop' }),
});

/** Anything the model could not match, and any intent this skill has no handler for. */
export const fallbackHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isType(input, 'IntentRequest'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const running = isRunning(settle(turn.session.coach, turn.now).state);
    return turn.answer(turn.session, {
      speech: [say('common.fallback')],
      reprompt: [say(running ? 'coach.reprompt.block' : 'common.reprompt')],
    });
  },
});

/** The session closed (user silent, "Alexa, stop" from outside, an error): settle, say nothing. */
export const sessionEndedHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isType(input, 'SessionEndedRequest'),
  handle: (input) => {
    const turn = turnOf(input, deps);
    const request = input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
    deps.logger.info('session.ended', { reason: request.reason, errorType: request.error?.type });
    coach(turn.session.coach, { type: 'end' }, turn.coachContext);
    return input.responseBuilder.getResponse();
  },
});

/** Any thrown error: logged as one line (no user data), and the conversation goes on. */
export const errorHandler = (deps: SkillDeps): ErrorHandler => ({
  canHandle: () => true,
  handle: (input, error) => {
    deps.logger.error('handler.error', {
      errorName: error.name,
      requestType: input.requestEnvelope.request.type,
    });
    if (isType(input, 'SessionEndedRequest')) return input.responseBuilder.getResponse();
    const turn = turnOf(input, deps);
    return turn.answer(turn.session, { speech: [say('common.error')], reprompt: [say('common.reprompt')] });
  },
});
