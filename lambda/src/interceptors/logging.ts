import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import { sessionFrom } from '../attributes/session';
import type { Logger } from '../util/logger';

/** Intents whose very name says something about health (a symptom, a pain number, an answer). */
const HEALTH_INTENTS = new Set([
  'SymptomReportIntent',
  'SymptomCheckIntent',
  'PainRatingIntent',
  'UnsureIntent',
]);
/** While these questions are open, even "yes" or "no" is a health answer. */
const HEALTH_MODES = new Set(['screen', 'sixWeek', 'painBefore', 'painDuring', 'painIdle']);

/**
 * The intent name, unless it would tell something about the user's health: the order of
 * yes/no lines during the screen would give its answers away, so those turns log none.
 */
const loggableIntent = (input: HandlerInput, modeBefore: string | undefined): string | undefined => {
  const request = input.requestEnvelope.request;
  if (request.type !== 'IntentRequest') return undefined;
  if (HEALTH_INTENTS.has(request.intent.name) || (modeBefore && HEALTH_MODES.has(modeBefore)))
    return undefined;
  return request.intent.name;
};

/** One line per turn: request type and (when harmless) intent name; never slot values, ids or answers. */
export const turnLogger = (logger: Logger): ResponseInterceptor => ({
  process: (input, response) => {
    // Session attributes from the request: the question that was open when the user spoke.
    const modeBefore = sessionFrom(input.requestEnvelope.session?.attributes).mode?.kind;
    logger.info('turn', {
      requestType: input.requestEnvelope.request.type,
      intent: loggableIntent(input, modeBefore),
      ends: response?.shouldEndSession ?? undefined,
    });
  },
});
