import { DefaultApiClient, SkillBuilders, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { conversationHandler } from './alexa/conversationHandler';
import type { SkillDeps } from './alexa/deps';
import {
  canFulfillHandler,
  errorHandler,
  plainErrorResponse,
  silentHandler,
  skillEventHandler,
} from './alexa/otherRequests';
import { typeOf } from './alexa/requestTypes';
import { errorName } from './store/resilience';
import { inRequest } from './util/logger';

/**
 * The ask-sdk shell. Every conversation request goes to one handler that parses it into an
 * Event and runs the pure reducer (conversation/step.ts), where the whole conversation
 * lives; every other request type has a handler of its own, the last one taking anything
 * Alexa may add. Dependencies are injected so tests and the console build exactly this skill.
 */
export const buildSkill = (deps: SkillDeps): Skill => {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      conversationHandler(deps),
      canFulfillHandler(deps),
      skillEventHandler(deps),
      silentHandler(deps),
    )
    .addErrorHandlers(errorHandler(deps))
    // The Alexa Settings API (time zone) goes through ask-sdk's service clients.
    .withApiClient(new DefaultApiClient());
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
};

export type LambdaHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lambda's own id for the invocation (never from the request), when there is one. */
const invocationIdOf = (context: unknown): string | undefined => {
  const id: unknown = (context as { awsRequestId?: unknown } | null | undefined)?.awsRequestId;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
};

/**
 * ask-sdk hands back whatever session attributes a request brought when no handler set
 * them (a skill event or an exception report mid-session): only a map is valid for Alexa.
 */
const withValidAttributes = (response: ResponseEnvelope): ResponseEnvelope => {
  const attributes: unknown = response.sessionAttributes;
  if (
    attributes === undefined ||
    (typeof attributes === 'object' && attributes !== null && !Array.isArray(attributes))
  )
    return response;
  const { sessionAttributes: _dropped, ...rest } = response;
  return rest;
};

/**
 * The Lambda handler around the skill: every log line of an invocation carries its id and
 * whether it was a cold start; metrics are written once per invocation; and no request,
 * however broken, makes it throw (Alexa would say the skill failed, and the session would end).
 */
export const buildHandler = (deps: SkillDeps): LambdaHandler => {
  const skill = buildSkill(deps);
  let invocations = 0;
  return (event, context) => {
    const requestId = invocationIdOf(context);
    return inRequest({ ...(requestId ? { requestId } : {}), coldStart: invocations++ === 0 }, async () => {
      try {
        if (typeOf(event) === undefined) {
          deps.logger.error('request.malformed');
          deps.metrics?.count('HandlerError');
          return plainErrorResponse(event);
        }
        return withValidAttributes(await skill.invoke(event, context));
      } catch (error) {
        // Only what ask-sdk throws before any handler runs (a request for another skill id, a
        // broken envelope) or the error handler could not answer reaches here.
        deps.logger.error('handler.error', { errorName: errorName(error), requestType: 'envelope' });
        deps.metrics?.count('HandlerError');
        return plainErrorResponse(event);
      } finally {
        deps.metrics?.publish();
      }
    });
  };
};
