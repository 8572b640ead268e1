import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import type { Logger } from '../util/logger';

const intentOf = (input: HandlerInput): string | undefined => {
  const request = input.requestEnvelope.request;
  return request.type === 'IntentRequest' ? request.intent.name : undefined;
};

/** One line per turn: request type and intent name only (never slot values, ids or answers). */
export const turnLogger = (logger: Logger): ResponseInterceptor => ({
  process: (input, response) => {
    logger.info('turn', {
      requestType: input.requestEnvelope.request.type,
      intent: intentOf(input),
      ends: response?.shouldEndSession ?? undefined,
    });
  },
});
