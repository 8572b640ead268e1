import { createHash } from 'node:crypto';
import { getUserId, type HandlerInput } from 'ask-sdk-core';
import type { Levels } from '../coach/blocks';
import { EXERCISE_IDS } from '../coach/ids';
import { addToPending, markSent, type Profile, type ProgressChange } from '../progress';
import { errorName } from '../store/resilience';
import type { CommitOptions } from '../store/userStore';
import type { SkillDeps } from './deps';
import type { UserSession } from './session';

/** Session ids are opaque, but hashing keeps even those out of the store. */
const sessionKeyOf = (input: HandlerInput): string =>
  createHash('sha256')
    .update(String(input.requestEnvelope.session?.sessionId ?? input.requestEnvelope.request.requestId))
    .digest('hex')
    .slice(0, 16);

/** The one read of a session: the profile and the time zone, side by side. */
export const loadUser = async (input: HandlerInput, deps: SkillDeps): Promise<UserSession> => {
  const [profile, timeZone] = await Promise.all([
    deps.store
      ? deps.store.load(getUserId(input.requestEnvelope)).then(
          (p) => p ?? null,
          (error: unknown) => {
            deps.logger.warn('progress.load.failed', { errorName: errorName(error) });
            deps.metrics?.count('StoreUnavailable');
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

export const levelsOf = (profile: Profile | undefined): Levels => {
  const levels: Levels = {};
  for (const id of EXERCISE_IDS) {
    const level = profile?.exerciseLevels[id]?.level;
    if (level !== undefined) levels[id] = level;
  }
  return levels;
};

/** Adds a turn's changes to what is pending (one delta per request id). */
export const withChanges = (
  user: UserSession,
  changes: readonly ProgressChange[],
  worthWriting: boolean,
  requestId: string,
): UserSession => {
  let pending = user.pending;
  for (const change of changes) pending = addToPending(pending, change, requestId);
  return { ...user, pending, dirty: user.dirty || (worthWriting && changes.length > 0) };
};

/** What a write came to: the user part to keep, and whether the store failed this time. */
export interface Saved {
  readonly user: UserSession;
  readonly failed: boolean;
  /** The first failure of the session (the user has not been told yet). */
  readonly firstFailure: boolean;
}

/**
 * Writes pending progress if worth it. On a store fault the deltas stay pending for the
 * next turn (a re-send is harmless), and the caller decides what the user hears.
 */
export const persist = async (
  input: HandlerInput,
  deps: SkillDeps,
  user: UserSession,
  options: CommitOptions = {},
): Promise<Saved> => {
  if (!deps.store || !user.dirty || user.pending.length === 0)
    return { user, failed: false, firstFailure: false };
  try {
    const profile = await deps.store.commit(
      getUserId(input.requestEnvelope),
      user.pending,
      user.profile,
      options,
    );
    return { user: { ...user, profile, pending: [], dirty: false }, failed: false, firstFailure: false };
  } catch (error) {
    deps.logger.warn('progress.save.failed', { errorName: errorName(error), pending: user.pending.length });
    deps.metrics?.count('StoreUnavailable');
    return {
      user: { ...user, pending: markSent(user.pending), warned: true },
      failed: true,
      firstFailure: !user.warned,
    };
  }
};
