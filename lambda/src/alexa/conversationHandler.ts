import { getRequestType, getUserId, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Context } from '../conversation/context';
import type { Event } from '../conversation/event';
import { HEALTH_EVENTS } from '../conversation/event';
import { signalsOf, type Signal } from '../conversation/signals';
import { HEALTH_MODES, initialState, type ConversationState } from '../conversation/state';
import { step } from '../conversation/step';
import { applyDeltas, momentIn } from '../progress';
import { say } from '../speech/plan';
import { DEFAULT_RETRY_POLICY, errorName, TURN_STORE_BUDGET_MS } from '../store/resilience';
import type { MetricName } from '../util/metrics';
import type { SkillDeps } from './deps';
import { eventOf } from './parse';
import { measurer, render } from './render';
import { requestLocale, requestTime, speechLocale } from './requestFacts';
import { readSession, writeSession } from './session';
import { translateFor } from './translate';
import { levelsOf, loadUser, persist, withChanges, type Saved } from './user';

const METRIC_OF: Readonly<Record<Signal, MetricName>> = {
  emergencyAdvised: 'EmergencyAdvised',
  routineCompleted: 'RoutineCompleted',
};

/**
 * The one handler of every conversation request: parse it into an Event, load what the
 * session knows, run the reducer, save what is worth keeping, render the reply. No
 * decision about the conversation is made here.
 */
export const conversationHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => eventOf(input) !== undefined,
  handle: async (input): Promise<Response> => {
    const started = performance.now();
    const event = eventOf(input) as Event;
    const envelope = input.requestEnvelope;
    const locale = requestLocale(envelope);
    const t = translateFor(speechLocale(locale));
    const now = requestTime(envelope, deps.clock);
    const stored = readSession(input);
    // Logged once (one flag per part): what was dropped is not written back, so the next turn reads clean.
    if (stored.dropped.length > 0)
      deps.logger.warn('session.dropped', Object.fromEntries(stored.dropped.map((part) => [part, true])));
    const user = stored.user ?? { ...(await loadUser(input, deps)), ...stored.carried };
    const profile = applyDeltas(user.profile ?? undefined, user.pending);
    // A new session starts at the pace the user chose last time.
    const state: ConversationState = stored.state ?? initialState(profile?.pace?.value);
    const ctx: Context = {
      now,
      moment: momentIn(now, user.timeZone),
      // Emergency numbers follow it: unknown ('und') rather than guessed.
      locale: locale ?? 'und',
      profile,
      profileUnavailable: user.profile === undefined && deps.store !== undefined,
      levels: levelsOf(profile),
      sessionKey: user.sessionKey,
      measure: measurer(t),
    };
    const requestId = envelope.request.requestId;
    let decided = step(state, event, ctx);
    let next = withChanges(
      user,
      decided.changes,
      decided.worthWriting,
      typeof requestId === 'string' ? requestId : '',
    );
    if (decided.effect === 'removeUser') {
      const ok = await removeUser(input, deps);
      // Nothing of the old progress may be written back by this session.
      if (ok) next = { ...next, profile: null, pending: [], dirty: false };
      decided = step(decided.state, { kind: 'removed', ok }, { ...ctx, profile: ok ? undefined : profile });
    }
    const signals = signalsOf(state, decided.state);
    // The last save of a session (goodbye, a routine done, the session closed) has no later
    // turn to try again: it may use what this turn has left of the store's time.
    const last = decided.reply.end === true || signals.includes('routineCompleted');
    const saved = await persist(input, deps, next, last ? { budgetMs: lastSaveBudgetMs(started) } : {});
    for (const signal of signals) deps.metrics?.count(METRIC_OF[signal]);
    logTurn(deps, input, event, state, decided.reply.end === true);
    if (event.kind === 'sessionEnded') return input.responseBuilder.getResponse();
    writeSession(input, { state: decided.state, user: saved.user });
    return render(input, t, {
      ...decided.reply,
      speech: [...saveWarning(saved, last), ...decided.reply.speech],
    });
  },
});

/** What the turn that began at `started` (performance.now()) has left of the store's time. */
const lastSaveBudgetMs = (started: number): number =>
  Math.max(DEFAULT_RETRY_POLICY.budgetMs, TURN_STORE_BUDGET_MS - (performance.now() - started));

/**
 * When progress could not be written: the answer that finishes a routine or says goodbye
 * says so plainly every time (there may be no later turn to save it); any other answer
 * warns once a session, since the next turns keep trying.
 */
const saveWarning = (saved: Saved, final: boolean) => {
  if (!saved.failed) return [];
  if (final) return [say('common.progressNotSavedFinal')];
  return saved.firstFailure ? [say('common.progressNotSaved')] : [];
};

const removeUser = async (input: HandlerInput, deps: SkillDeps): Promise<boolean> => {
  if (!deps.store) return true;
  try {
    await deps.store.remove(getUserId(input.requestEnvelope));
    return true;
  } catch (error) {
    deps.logger.warn('progress.delete.failed', { errorName: errorName(error) });
    deps.metrics?.count('StoreUnavailable');
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
    // eventOf() only makes events of the known request types, so this is one of them.
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
