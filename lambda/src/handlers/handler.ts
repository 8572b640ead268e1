import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { readSession, type Mode } from '../attributes/session';
import type { SkillDeps } from './deps';
import { turnOf, type Turn } from './turn';

/** A `{canHandle, handle}` pair whose handle gets the request's Turn. */
export const handler = (
  deps: SkillDeps,
  canHandle: (input: HandlerInput) => boolean,
  handle: (turn: Turn) => Promise<Response>,
): RequestHandler => ({
  canHandle,
  handle: async (input) => handle(await turnOf(input, deps)),
});

/** The question the coach is waiting on an answer to, if any. */
export const modeOf = (input: HandlerInput): Mode['kind'] | undefined => readSession(input).mode?.kind;
