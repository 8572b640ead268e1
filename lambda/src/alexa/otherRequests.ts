import type { ErrorHandler, RequestHandler } from 'ask-sdk-core';
import type { canfulfill, Response, ResponseEnvelope } from 'ask-sdk-model';
import { initialState } from '../conversation/state';
import { escapeXml } from '../speech';
import { errorName } from '../store/resilience';
import { canFulfillOf } from './canFulfill';
import type { SkillDeps } from './deps';
import { requestLocale, speechLocale, userIdOf } from './requestFacts';
import { knownRequestType, SKILL_EVENTS, typeOf } from './requestTypes';
import { readSession, writeSession } from './session';
import { translateFor } from './translate';

const isSkillEvent = (type: string | undefined): boolean =>
  (SKILL_EVENTS as readonly string[]).includes(type ?? '');

/**
 * Skill lifecycle events: logged, never spoken to. When the user disables the skill and
 * Alexa will not keep their id, their progress is deleted too.
 */
export const skillEventHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isSkillEvent(typeOf(input.requestEnvelope)),
  handle: async (input) => {
    const type = knownRequestType(input.requestEnvelope);
    if (type !== 'AlexaSkillEvent.SkillDisabled') {
      deps.logger.info('skill.event', { requestType: type });
      return input.responseBuilder.getResponse();
    }
    const request = input.requestEnvelope.request as {
      body?: { userInformationPersistenceStatus?: unknown };
    };
    const persisted =
      request.body?.userInformationPersistenceStatus === 'NOT_PERSISTED' ? 'NOT_PERSISTED' : 'PERSISTED';
    deps.logger.info('skill.disabled', { persistence: persisted });
    if (persisted === 'PERSISTED' || !deps.store) return input.responseBuilder.getResponse();
    const userId = userIdOf(input.requestEnvelope);
    if (userId === undefined) {
      deps.logger.warn('progress.delete.skipped', { reason: 'noUser' });
      return input.responseBuilder.getResponse();
    }
    try {
      await deps.store.remove(userId);
    } catch (error) {
      // Alexa does not resend skill events: the operator must see this one.
      deps.logger.error('progress.delete.failed', { errorName: errorName(error), requestType: type });
      deps.metrics?.count('StoreUnavailable');
    }
    return input.responseBuilder.getResponse();
  },
});

/** "Could you do this?" before Alexa picks a skill for a request said without a skill's name. */
export const canFulfillHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => typeOf(input.requestEnvelope) === 'CanFulfillIntentRequest',
  handle: (input) => {
    const intent = (input.requestEnvelope.request as Partial<canfulfill.CanFulfillIntentRequest>).intent;
    const answer =
      typeof intent === 'object' && intent !== null ? canFulfillOf(intent) : { canFulfill: 'NO' as const };
    deps.logger.info('can.fulfill', { answer: answer.canFulfill });
    return input.responseBuilder.withCanFulfillIntent(answer).getResponse();
  },
});

const EXCEPTION_TYPES = new Set([
  'INVALID_RESPONSE',
  'DEVICE_COMMUNICATION_ERROR',
  'INTERNAL_SERVICE_ERROR',
  'ENDPOINT_TIMEOUT',
]);

/**
 * Requests that take no speech: Alexa reporting that a response of ours failed
 * (System.ExceptionEncountered; an invalid response is our bug, so it counts as one),
 * messages the skill never asked for, and any request type added after this was written.
 */
export const silentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: () => true,
  handle: (input) => {
    const type = knownRequestType(input.requestEnvelope);
    if (type === 'System.ExceptionEncountered') {
      const raw = (input.requestEnvelope.request as { error?: { type?: unknown } }).error?.type;
      const error = typeof raw === 'string' && EXCEPTION_TYPES.has(raw) ? raw : 'other';
      deps.logger.warn('alexa.exception', { error });
      if (error === 'INVALID_RESPONSE') deps.metrics?.count('HandlerError');
    } else {
      deps.logger.info('request.ignored', { requestType: type });
    }
    return input.responseBuilder.getResponse();
  },
});

/** A spoken error that keeps the session open, built without anything from the request that may be broken. */
export const plainErrorResponse = (envelope: unknown): ResponseEnvelope => {
  const t = translateFor(speechLocale(requestLocale(envelope)));
  const [speech, reprompt] = [t('common.error'), t('common.reprompt')];
  const ssml = (text: string) => ({ type: 'SSML' as const, ssml: `<speak>${escapeXml(text)}</speak>` });
  const response: Response = {
    outputSpeech: ssml(speech),
    reprompt: { outputSpeech: ssml(reprompt) },
    shouldEndSession: false,
  };
  return { version: '1.0', response };
};

/**
 * Any error thrown while answering: logged as one line (no user data), counted for the
 * alarm, and answered with a plain spoken error. The session goes on, but the
 * conversation starts afresh: whatever led here must not lead here again.
 */
export const errorHandler = (deps: SkillDeps): ErrorHandler => ({
  canHandle: () => true,
  handle: (input, error) => {
    const type = knownRequestType(input.requestEnvelope);
    deps.logger.error('handler.error', { errorName: errorName(error), requestType: type });
    deps.metrics?.count('HandlerError');
    if (type === 'SessionEndedRequest' || type === 'other' || isSkillEvent(type)) return {};
    try {
      // Progress still to be written stays; the place in the conversation goes.
      const kept = readSession(input);
      writeSession(input, {
        state: initialState(kept.state?.coach.pace),
        ...(kept.user ? { user: kept.user } : {}),
      });
    } catch {
      // No session to write to (a request outside one).
    }
    return plainErrorResponse(input.requestEnvelope).response;
  },
});
