import { createHash } from 'node:crypto';
import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { readSession, writeSession, type SessionState, type UserSession } from '../attributes/session';
import type { Levels } from '../coach/blocks';
import type { CoachContext } from '../coach/engine';
import { EXERCISE_IDS } from '../coach/ids';
import { translatorFor } from '../i18n';
import {
  addToPending,
  applyDeltas,
  markSent,
  momentIn,
  type Moment,
  type Profile,
  type ProgressChange,
} from '../progress';
import { measurer, render, type Reply } from '../response/render';
import { say, type Params, type Translate } from '../speech/plan';
import { errorName } from '../store/resilience';
import { requestTime } from '../util/requests';
import type { SkillDeps } from './deps';

/** Progress changes a reply carries; `worthWriting` false lets them wait for a later write. */
export interface Changes {
  readonly changes: readonly ProgressChange[];
  readonly worthWriting?: boolean;
}

/**
 * Everything a handler needs for one request, built once per request: the locale's
 * translator, the request's clock, the session state, the user's progress, and a way to
 * answer that saves what is worth keeping.
 */
export interface Turn {
  readonly input: HandlerInput;
  readonly deps: SkillDeps;
  readonly locale: string;
  readonly t: Translate;
  readonly now: number;
  /** The instant and the user's own calendar day. */
  readonly moment: Moment;
  readonly session: SessionState;
  readonly user: UserSession;
  /** Stored progress with this session's unwritten changes applied. */
  readonly profile: Profile | undefined;
  readonly levels: Levels;
  readonly coachContext: CoachContext;
  /** The profile as it will be once `changes` are saved (to report on them in the same reply). */
  preview(changes: readonly ProgressChange[]): Profile | undefined;
  /** Saves progress worth saving, then the session state, and renders the reply. */
  answer(session: SessionState, reply: Reply, changes?: Changes): Promise<Response>;
}

const userIdOf = (input: HandlerInput): string => input.requestEnvelope.context.System.user.userId;

/** Session ids are opaque, but hashing keeps even those out of the store. */
const sessionKeyOf = (input: HandlerInput): string =>
  createHash('sha256')
    .update(input.requestEnvelope.session?.sessionId ?? input.requestEnvelope.request.requestId)
    .digest('hex')
    .slice(0, 16);

/** The one read of a session: the profile and the time zone, side by side. */
const loadUser = async (input: HandlerInput, deps: SkillDeps): Promise<UserSession> => {
  const [profile, timeZone] = await Promise.all([
    deps.store
      ? deps.store.load(userIdOf(input)).then(
          (p) => p ?? null,
          (error: unknown) => {
            deps.logger.warn('progress.load.failed', { errorName: errorName(error) });
            return undefined;
          },
        )
      : Promise.resolve(null),
    (deps.timeZone?.(input) ?? Promise.resolve(undefined)).catch(() => undefined),
  ]);
  return {
    ...(profile === undefined ? {} : { profile }),
    pending: [],
    dirty: false,
    timeZone: timeZone ?? 'UTC',
    sessionKey: sessionKeyOf(input),
    warned: false,
  };
};

const levelsOf = (profile: Profile | undefined): Levels => {
  const levels: Levels = {};
  for (const id of EXERCISE_IDS) {
    const level = profile?.exerciseLevels[id]?.level;
    if (level !== undefined) levels[id] = level;
  }
  return levels;
};

/** Writes pending progress if worth it; on a store fault keeps it for the next chance. */
const persist = async (
  input: HandlerInput,
  deps: SkillDeps,
  user: UserSession,
): Promise<{ user: UserSession; warn: boolean }> => {
  if (!deps.store || !user.dirty || user.pending.length === 0) return { user, warn: false };
  try {
    const profile = await deps.store.commit(userIdOf(input), user.pending, user.profile);
    return { user: { ...user, profile, pending: [], dirty: false }, warn: false };
  } catch (error) {
    deps.logger.warn('progress.save.failed', { errorName: errorName(error), pending: user.pending.length });
    return { user: { ...user, pending: markSent(user.pending), warned: true }, warn: !user.warned };
  }
};

export const turnOf = async (input: HandlerInput, deps: SkillDeps): Promise<Turn> => {
  const locale = getLocale(input.requestEnvelope) || 'en-US';
  const fixed = translatorFor(locale);
  const t: Translate = (key: string, params?: Params) => String(fixed(key, params ?? {}));
  const now = requestTime(input, deps.clock);
  const stored = readSession(input);
  const user = stored.user ?? (await loadUser(input, deps));
  const profile = applyDeltas(user.profile ?? undefined, user.pending);
  // A new session starts at the pace the user chose last time.
  const session: SessionState = stored.user
    ? stored
    : { ...stored, user, coach: { ...stored.coach, pace: profile?.pace?.value ?? stored.coach.pace } };
  return {
    input,
    deps,
    locale,
    t,
    now,
    moment: momentIn(now, user.timeZone),
    session,
    user,
    profile,
    levels: levelsOf(profile),
    coachContext: { now, measure: measurer(t) },
    preview: (changes) =>
      applyDeltas(
        profile,
        changes.map((change, i) => ({ ...change, id: `preview#${i}` })),
      ),
    async answer(next, reply, changes) {
      const requestId = input.requestEnvelope.request.requestId;
      let pending = (next.user ?? user).pending;
      for (const change of changes?.changes ?? []) pending = addToPending(pending, change, requestId);
      const dirty = (next.user ?? user).dirty || Boolean(changes?.worthWriting ?? changes?.changes.length);
      const saved = await persist(input, deps, { ...(next.user ?? user), pending, dirty });
      writeSession(input, { ...next, user: saved.user });
      const speech = saved.warn ? [say('common.progressNotSaved'), ...reply.speech] : reply.speech;
      return render(input, t, { ...reply, speech });
    },
  };
};

/** Flushes what is pending at the end of a session (SessionEndedRequest): no speech. */
export const flushAtEnd = async (turn: Turn, session: SessionState, changes: readonly ProgressChange[]) => {
  const requestId = turn.input.requestEnvelope.request.requestId;
  let pending = (session.user ?? turn.user).pending;
  for (const change of changes) pending = addToPending(pending, change, requestId);
  const dirty = (session.user ?? turn.user).dirty || changes.length > 0;
  await persist(turn.input, turn.deps, { ...(session.user ?? turn.user), pending, dirty });
};
