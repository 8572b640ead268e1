import type { HandlerInput } from 'ask-sdk-core';
import * as v from 'valibot';
import type { ConversationState } from '../conversation/state';
import type { PendingProgress, Profile } from '../progress';
import {
  deltaSchema,
  modeSchema,
  paceSchema,
  profileSchema,
  runSchema,
  sessionKeySchema,
  stateFieldSchemas,
  timeZoneSchema,
} from './sessionSchema';

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

/**
 * Bumped when a change to these shapes must not be read by the old rules; a session
 * written under another version is dropped whole (an open session across a deploy).
 */
export const SESSION_VERSION = 1;

/** The parts a session can lose on its own (named in the log line, a fixed list). */
export type SessionPart = 'version' | 'state' | 'run' | 'mode' | 'field' | 'user' | 'profile' | 'pending';

/** Session attributes as read: what could be kept, and what must be loaded again. */
export interface SessionRead {
  /** Undefined on a session's first request, or when it had to be dropped: start afresh. */
  readonly state?: ConversationState;
  /** Undefined on a session's first request, or when it had to be dropped: read the profile again. */
  readonly user?: UserSession;
  /** Progress still to write, kept even when the rest of the user part is read again. */
  readonly carried?: Pick<UserSession, 'pending' | 'dirty' | 'warned'>;
  readonly dropped: readonly SessionPart[];
}

const KEY = 'coach';

type Raw = Readonly<Record<string, unknown>>;
const isRaw = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const parse = <T>(schema: v.GenericSchema<unknown, T>, x: unknown): T | undefined => {
  const out = v.safeParse(schema, x);
  return out.success ? out.output : undefined;
};

/** The conversation state, part by part: a run or mode that fails its shape goes, the rest stays. */
const stateFrom = (raw: unknown, dropped: SessionPart[]): ConversationState | undefined => {
  const coach = isRaw(raw) && isRaw(raw.coach) ? raw.coach : undefined;
  const pace = parse(paceSchema, coach?.pace);
  if (!isRaw(raw) || !coach || !pace) {
    dropped.push('state');
    return undefined;
  }
  const run = coach.run === undefined ? undefined : parse(runSchema, coach.run);
  if (coach.run !== undefined && !run) dropped.push('run');
  let state: ConversationState = { coach: run ? { pace, run } : { pace } };
  if (raw.mode !== undefined) {
    const mode = parse(modeSchema, raw.mode);
    if (mode) state = { ...state, mode };
    else dropped.push('mode');
  }
  const fields: Readonly<Record<string, v.GenericSchema>> = stateFieldSchemas;
  for (const [name, schema] of Object.entries(fields)) {
    if (raw[name] === undefined) continue;
    const value = parse(schema, raw[name]);
    if (value === undefined) dropped.push('field');
    else state = { ...state, [name]: value };
  }
  return state;
};

/**
 * The user part. A pending delta of the wrong shape is dropped alone, so the others still
 * land; a profile, time zone or session key that cannot be trusted means reading the
 * user again, keeping what is still to be written.
 */
const userFrom = (raw: unknown, dropped: SessionPart[]): Pick<SessionRead, 'user' | 'carried'> => {
  if (!isRaw(raw)) {
    dropped.push('user');
    return {};
  }
  const deltas: unknown[] = Array.isArray(raw.pending) ? raw.pending : [];
  const pending = deltas.flatMap((d) => parse(deltaSchema, d) ?? []);
  if (!Array.isArray(raw.pending) || pending.length < deltas.length) dropped.push('pending');
  const carried = {
    pending,
    dirty: pending.length > 0 && raw.dirty !== false,
    warned: raw.warned === true,
  };
  // Absent: the read failed this session; null: nothing stored.
  const stored = raw.profile === undefined || raw.profile === null;
  const profile = stored ? (raw.profile as null | undefined) : parse(profileSchema, raw.profile);
  if (!stored && !profile) dropped.push('profile');
  const timeZone = parse(timeZoneSchema, raw.timeZone);
  const sessionKey = parse(sessionKeySchema, raw.sessionKey);
  if (timeZone === undefined || sessionKey === undefined) dropped.push('user');
  if ((!stored && !profile) || timeZone === undefined || sessionKey === undefined) return { carried };
  return {
    user: {
      ...(profile === undefined ? {} : { profile }),
      ...carried,
      timeZone,
      sessionKey,
    },
  };
};

/**
 * The session data in raw session attributes. Nothing here throws: whatever Alexa hands
 * back (an older shape after a deploy, or anything else), what fits is kept and the rest
 * is named in `dropped`, so the conversation answers and the store is read again.
 */
export const sessionFrom = (attrs: unknown): SessionRead => {
  const stored = isRaw(attrs) ? attrs[KEY] : undefined;
  if (stored === undefined) return { dropped: [] };
  const dropped: SessionPart[] = [];
  if (!isRaw(stored) || (stored.v !== undefined && stored.v !== SESSION_VERSION)) {
    dropped.push('version');
    return { dropped };
  }
  const state = stateFrom(stored.state, dropped);
  if (stored.user === undefined) return { ...(state ? { state } : {}), dropped };
  return { ...(state ? { state } : {}), ...userFrom(stored.user, dropped), dropped };
};

export const readSession = (input: HandlerInput): SessionRead => {
  try {
    return sessionFrom(input.attributesManager.getSessionAttributes<unknown>());
  } catch {
    // No session at all in the envelope (a one-shot request Alexa sent without one).
    return { dropped: [] };
  }
};

export const writeSession = (input: HandlerInput, data: SessionData): void => {
  // A request outside a session (a Connections.Response from elsewhere) has none to keep.
  if (!input.requestEnvelope.session) return;
  input.attributesManager.setSessionAttributes({ [KEY]: { v: SESSION_VERSION, ...data } });
};
