import {
  getLocale,
  getRequestType,
  getUserId,
  type ErrorHandler,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import { escapeXml } from '../speech';
import { errorName } from '../store/resilience';
import type { SkillDeps } from './deps';
import { translateFor } from './translate';

/** The user disabled the skill and Alexa will not keep their id: delete their data too. */
export const skillDisabledHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
  handle: async (input) => {
    const request = input.requestEnvelope.request as { body?: { userInformationPersistenceStatus?: string } };
    const persisted =
      request.body?.userInformationPersistenceStatus === 'NOT_PERSISTED' ? 'NOT_PERSISTED' : 'PERSISTED';
    deps.logger.info('skill.disabled', { persistence: persisted });
    if (persisted === 'NOT_PERSISTED' && deps.store)
      await deps.store.remove(getUserId(input.requestEnvelope));
    return input.responseBuilder.getResponse();
  },
});

const REQUEST_TYPES = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'AlexaSkillEvent.SkillDisabled',
]);

/** The request type for a log line, from a fixed list: logs never hold request-controlled text. */
const knownRequestType = (input: HandlerInput): string => {
  const type = getRequestType(input.requestEnvelope);
  return REQUEST_TYPES.has(type) ? type : 'other';
};

/** Any thrown error: logged as one line (no user data), and the conversation goes on. */
export const errorHandler = (deps: SkillDeps): ErrorHandler => ({
  canHandle: () => true,
  handle: (input, error) => {
    deps.logger.error('handler.error', { errorName: errorName(error), requestType: knownRequestType(input) });
    if (getRequestType(input.requestEnvelope) === 'SessionEndedRequest')
      return input.responseBuilder.getResponse();
    // The session as it was stays in place: the next turn starts from the same question.
    const t = translateFor(getLocale(input.requestEnvelope) || 'en-US');
    return input.responseBuilder
      .speak(escapeXml(t('common.error')))
      .reprompt(escapeXml(t('common.reprompt')))
      .withShouldEndSession(false)
      .getResponse();
  },
});
