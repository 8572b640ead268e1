import { getLocale, getRequestType, getUserId, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Context } from '../conversation/context';
import type { Event } from '../conversation/event';
import { HEALTH_EVENTS } from '../conversation/event';
import { HEALTH_MODES, type ConversationState } from '../conversation/state';
import { step } from '../conversation/step';
import { applyDeltas, momentIn } from '../progress';
import { say } from '../speech/plan';
import type { SkillDeps } from './deps';
import { eventOf } from './parse';
import { measurer, render } from './render';
import { readSession, writeSession } from './session';
import { translateFor } from './translate';
import { levelsOf, loadUser, persist, withChanges } from './user';

/** The request's own timestamp (epoch ms): the clock that barge-in positions are measured with. */
const requestTime = (input: HandlerInput, fallback: () => number): number => {
  const stamp = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(stamp) ? stamp : fallback();
};

/**
 * The one handler of every conversation request: parse it into an Event, load what the
 * session knows, run the reducer, save what is worth keeping, render the reply. No
 * decision about the conversation is made here.
 */
export const conversationHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => eventOf(input) !== undefined,
  handle: async (input): Promise<Response> => {
    const event = eventOf(input) as Event;
    const locale = getLocale(input.requestEnvelope) || 'en-US';
    const t = translateFor(locale);
    const now = requestTime(input, deps.clock);
    const stored = readSession(input);
    const user = stored.user ?? (await loadUser(input, deps));
    const profile = applyDeltas(user.profile ?? undefined, user.pending);
    // A new session starts at the pace the user chose last time.
    const state: ConversationState = stored.user
      ? stored.state
      : {
          ...stored.state,
          coach: { ...stored.state.coach, pace: profile?.pace?.value ?? stored.state.coach.pace },
        };
    const ctx: Context = {
      now,
      moment: momentIn(now, user.timeZone),
      locale,
      profile,
      profileUnavailable: user.profile === undefined && deps.store !== undefined,
      levels: levelsOf(profile),
      sessionKey: user.sessionKey,
      measure: measurer(t),
    };
    const requestId = input.requestEnvelope.request.requestId;
    let decided = step(state, event, ctx);
    let next = withChanges(user, decided.changes, decided.worthWriting, requestId);
    if (decided.effect === 'removeUser') {
      const ok = await removeUser(input, deps);
      // Nothing of the old progress may be written back by this session.
      if (ok) next = { ...next, profile: null, pending: [], dirty: false };
      decided = step(decided.state, { kind: 'removed', ok }, { ...ctx, profile: ok ? undefined : profile });
    }
    const saved = await persist(input, deps, next);
    logTurn(deps, input, event, state, decided.reply.end === true);
    if (event.kind === 'sessionEnded') return input.responseBuilder.getResponse();
    writeSession(input, { state: decided.state, user: saved.user });
    const speech = saved.warn
      ? [say('common.progressNotSaved'), ...decided.reply.speech]
      : decided.reply.speech;
    return render(input, t, { ...decided.reply, speech });
  },
});

const removeUser = async (input: HandlerInput, deps: SkillDeps): Promise<boolean> => {
  if (!deps.store) return true;
  try {
    await deps.store.remove(getUserId(input.requestEnvelope));
    return true;
  } catch (error) {
    deps.logger.warn('progress.delete.failed', {
      errorName: error instanceof Error ? error.name : 'unknown',
    });
    return false;
  }
};

/**
 * One line per turn: the request type and the event's kind (both from fixed lists), never
 * slot values, ids or answers. While a health question is open even "yes" is a health
 * answer (the order of lines would give the screen away), so those turns name no event.
 */
const logTurn = (
  deps: SkillDeps,
  input: HandlerInput,
  event: Event,
  before: ConversationState,
  ends: boolean,
): void => {
  if (event.kind === 'sessionEnded') {
    deps.logger.info('session.ended', { reason: endReason(input) });
    return;
  }
  const health =
    HEALTH_EVENTS.has(event.kind) || (before.mode !== undefined && HEALTH_MODES.has(before.mode.kind));
  deps.logger.info('turn', {
    requestType: getRequestType(input.requestEnvelope),
    input: health ? undefined : event.kind,
    ends,
  });
};

const END_REASONS = new Set(['USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS']);

/** Why the session ended, from Alexa's fixed list only (anything else is 'other'). */
const endReason = (input: HandlerInput): string => {
  const reason = (input.requestEnvelope.request as { reason?: unknown }).reason;
  return typeof reason === 'string' && END_REASONS.has(reason) ? reason : 'other';
};
