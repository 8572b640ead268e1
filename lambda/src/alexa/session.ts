import type { HandlerInput } from 'ask-sdk-core';
import { initialState, type ConversationState } from '../conversation/state';
import { readProfile, type PendingProgress, type Profile } from '../progress';

/** The user's stored progress as this session sees it (the shell's part of the session). */
export interface UserSession {
  /** As last read or written (null: no profile stored; undefined: the read failed). */
  readonly profile?: Profile | null;
  /** Changes not yet written: they ride here until the store takes them. */
  readonly pending: PendingProgress;
  /** A pending change worth a write (not just "heard the disclaimer"). */
  readonly dirty: boolean;
  readonly timeZone: string;
  /** An opaque id of this Alexa session for counting sessions (not the Alexa user id). */
  readonly sessionKey: string;
  /** The user has been told once that progress may not be saved right now. */
  readonly warned: boolean;
}

/** Everything kept in session attributes between requests. */
export interface SessionData {
  readonly state: ConversationState;
  /** Absent on the first request of a session: the profile is read then. */
  readonly user?: UserSession;
}

const KEY = 'coach';

/** The session data in raw session attributes (a fresh one when absent or not ours). */
export const sessionFrom = (attrs: Readonly<Record<string, unknown>> | undefined): SessionData => {
  const stored = attrs?.[KEY] as Partial<SessionData> | undefined;
  if (
    stored &&
    typeof stored === 'object' &&
    stored.state &&
    typeof stored.state === 'object' &&
    stored.state.coach
  ) {
    if (!stored.user) return { state: stored.state };
    // Read like stored data: a session begun before an update holds the profile in its older shape.
    const { profile } = stored.user;
    return {
      state: stored.state,
      user: profile ? { ...stored.user, profile: readProfile(profile) ?? null } : stored.user,
    };
  }
  return { state: initialState() };
};

export const readSession = (input: HandlerInput): SessionData =>
  sessionFrom(input.attributesManager.getSessionAttributes<Record<string, unknown>>());

export const writeSession = (input: HandlerInput, data: SessionData): void => {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
  input.attributesManager.setSessionAttributes({ ...attrs, [KEY]: data });
};
