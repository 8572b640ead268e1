import { getLocale, type ErrorHandler, type RequestHandler } from 'ask-sdk-core';
import { withoutMode } from '../attributes/session';
import { coach, isRunning, settle } from '../coach/engine';
import { translatorFor } from '../i18n';
import { escapeXml } from '../speech';
import { say } from '../speech/plan';
import { isIntent, isType } from '../util/requests';
import type { SkillDeps } from './deps';
import { handler } from './handler';
import { progressOf, runCoach } from './runCoach';
import { flushAtEnd, turnOf } from './turn';

/** "help": in a routine, the routine's commands; otherwise what the coach can do. */
export const helpHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'AMAZON.HelpIntent'),
    (turn) => {
      const session = withoutMode(turn.session);
      if (isRunning(settle(session.coach, turn.now).state)) return runCoach(turn, session, { type: 'help' });
      return turn.answer(session, { speech: [say('common.help')], reprompt: [say('common.reprompt')] });
    },
  );

/** "stop" / "cancel" / "go home": ends the session, with a summary when a routine was under way. */
export const stopHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
    (turn) => runCoach(turn, withoutMode(turn.session), { type: 'stop' }),
  );

/** Anything the model could not match, and any intent that does not apply now. */
export const fallbackHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isType(input, 'IntentRequest'),
    (turn) => {
      const running = isRunning(settle(turn.session.coach, turn.now).state);
      return turn.answer(turn.session, {
        speech: [say('common.fallback')],
        reprompt: [say(running ? 'coach.reprompt.block' : 'common.reprompt')],
      });
    },
  );

/** The session closed (the user went quiet, or left): settle the last block, save, say nothing. */
export const sessionEndedHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isType(input, 'SessionEndedRequest'),
    async (turn) => {
      const request = turn.input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
      deps.logger.info('session.ended', { reason: request.reason, errorType: request.error?.type });
      const result = coach(turn.session.coach, { type: 'end' }, turn.coachContext);
      const progress = progressOf(turn, { ...turn.session, coach: result.state }, result.facts);
      await flushAtEnd(turn, progress.session, progress.changes);
      return turn.input.responseBuilder.getResponse();
    },
  );

/** Any thrown error: logged as one line (no user data), and the conversation goes on. */
export const errorHandler = (deps: SkillDeps): ErrorHandler => ({
  canHandle: () => true,
  handle: async (input, error) => {
    deps.logger.error('handler.error', {
      errorName: error.name,
      requestType: input.requestEnvelope.request.type,
    });
    if (isType(input, 'SessionEndedRequest')) return input.responseBuilder.getResponse();
    try {
      const turn = await turnOf(input, deps);
      return await turn.answer(turn.session, {
        speech: [say('common.error')],
        reprompt: [say('common.reprompt')],
      });
    } catch {
      // Even the session could not be read: answer without it, and keep listening.
      const t = translatorFor(getLocale(input.requestEnvelope) || 'en-US');
      return input.responseBuilder
        .speak(escapeXml(t('common.error')))
        .reprompt(escapeXml(t('common.reprompt')))
        .getResponse();
    }
  },
});
