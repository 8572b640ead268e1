import {
  EXERCISE_IDS,
  isExerciseId,
  isPaceId,
  isRoutineId,
  type ExerciseId,
  type PaceId,
  type RoutineId,
} from '../coach/ids';
import { isDay, type Day } from './days';
import type { ExercisePractice, LevelPractice, PracticeByExercise } from './practice';

/**
 * What is remembered about a user: exercise progress only. Never symptom answers, pain
 * ratings or anything said in the safety check (only the date the check last came out
 * clear). This shape rides in session attributes (plain JSON); the store keeps it as a flat
 * item of counters, sets and stamped fields (store/item.ts) and reads it back into this.
 */
export interface Profile {
  readonly schema: 1;
  readonly firstUseDay: Day;
  /** Days with exercise, ascending, unique; only the last ACTIVE_DAYS_KEPT days. */
  readonly activeDays: readonly Day[];
  /** Best streak ever, kept so that trimming old activeDays never shrinks it. */
  readonly bestStreak: number;
  readonly sessionsTotal: number;
  readonly secondsTotal: number;
  /** Per-day totals for recent weeks only (week summaries), DAY_TOTALS_KEPT days. */
  readonly days: Readonly<Record<Day, DayTotals>>;
  /** Completions per exercise. */
  readonly exerciseCounts: Readonly<Partial<Record<ExerciseId, number>>>;
  /** 0-based index into the catalog's level list; missing = level 0. */
  readonly exerciseLevels: Readonly<Partial<Record<ExerciseId, LevelSetting>>>;
  /** Clean sessions and when their count starts, per exercise and level (see practice.ts). */
  readonly practice: PracticeByExercise;
  /** When the user last said no to a harder level (epoch ms). */
  readonly levelOfferDeclinedAt: Readonly<Partial<Record<ExerciseId, number>>>;
  readonly pace: Stamped<PaceId> | null;
  /** Date only; the answers are never kept. */
  readonly lastClearScreenDay: Day | null;
  /** When it was last set or forgotten: the newest of those wins, whatever order writes land in. */
  readonly clearScreenUpdatedAt: number;
  readonly resume: ResumePoint | null;
  /** When `resume` was last set or cleared, so a stale device cannot bring back a cleared one. */
  readonly resumeUpdatedAt: number;
  readonly disclaimerHeard: boolean;
  readonly reminderConsent: Stamped<boolean> | null;
  /** The day the six-week "is the pain still there?" question was asked (answer not kept). */
  readonly sixWeekAskedDay: Day | null;
  /** Recent exercise sessions, so a session is counted once however often it is written. */
  readonly recentSessions: readonly RecentSession[];
  /** Ids of recently applied deltas, so re-sending a delta whose write timed out is harmless. */
  readonly applied: readonly string[];
}

export interface DayTotals {
  readonly sessions: number;
  readonly seconds: number;
}

export interface LevelSetting {
  readonly level: number;
  readonly updatedAt: number;
}

/** A counted session and the day it counts under: the earliest day any of its exercises was on. */
export interface RecentSession {
  readonly id: string;
  /** Absent for a session counted by a schema-1 item, which kept no day: it stays where it was. */
  readonly day?: Day;
}

export interface Stamped<T> {
  readonly value: T;
  readonly updatedAt: number;
}

const sortedKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedKeys)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]),
        )
      : v;

/** A stamped value as compared on a tie, and as the store keeps it: JSON with sorted keys. */
export const stampJson = (value: unknown): string => JSON.stringify(sortedKeys(value));

/**
 * Whether a value stamped `at` replaces one stamped `thanAt`: the newer wins, and on a tie
 * the greater value, so the order in which writes land never decides.
 */
export const replaces = (at: number, value: unknown, thanAt: number, thanValue: unknown): boolean =>
  at > thanAt || (at === thanAt && stampJson(value) > stampJson(thanValue));

/** Where to pick up a routine that was interrupted. */
export interface ResumePoint {
  readonly routine: RoutineId;
  readonly blockIndex: number;
  readonly exerciseId: ExerciseId;
  /** Epoch ms when the user stopped. */
  readonly at: number;
}

export const ACTIVE_DAYS_KEPT = 400;
export const DAY_TOTALS_KEPT = 56;
export const RECENT_SESSIONS_KEPT = 30;
export const APPLIED_KEPT = 20;

export const emptyProfile = (firstUseDay: Day): Profile => ({
  schema: 1,
  firstUseDay,
  activeDays: [],
  bestStreak: 0,
  sessionsTotal: 0,
  secondsTotal: 0,
  days: {},
  exerciseCounts: {},
  exerciseLevels: {},
  practice: {},
  levelOfferDeclinedAt: {},
  pace: null,
  lastClearScreenDay: null,
  clearScreenUpdatedAt: 0,
  resume: null,
  resumeUpdatedAt: 0,
  disclaimerHeard: false,
  reminderConsent: null,
  sixWeekAskedDay: null,
  recentSessions: [],
  applied: [],
});

/** The level an exercise is at (0 when never changed). */
export const storedLevel = (profile: Profile | undefined, id: ExerciseId): number =>
  profile?.exerciseLevels[id]?.level ?? 0;

// --- Reading untrusted data (a DynamoDB item, session attributes) -----------------------

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback = 0): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
const dayOrNull = (v: unknown): Day | null => (isDay(v) ? v : null);

const perExercise = <T>(v: unknown, read: (x: unknown) => T | undefined): Partial<Record<ExerciseId, T>> => {
  const out: Partial<Record<ExerciseId, T>> = {};
  if (!isObject(v)) return out;
  for (const id of EXERCISE_IDS) {
    const value = read(v[id]);
    if (value !== undefined) out[id] = value;
  }
  return out;
};

const stamped = <T>(v: unknown, isT: (x: unknown) => x is T): Stamped<T> | null =>
  isObject(v) && isT(v.value) ? { value: v.value, updatedAt: num(v.updatedAt) } : null;

const resumePoint = (v: unknown): ResumePoint | null =>
  isObject(v) && isRoutineId(v.routine) && isExerciseId(v.exerciseId)
    ? { routine: v.routine, blockIndex: num(v.blockIndex), exerciseId: v.exerciseId, at: num(v.at) }
    : null;

const dayTotals = (v: unknown): Record<Day, DayTotals> => {
  const out: Record<Day, DayTotals> = {};
  if (!isObject(v)) return out;
  for (const [day, t] of Object.entries(v)) {
    if (isDay(day) && isObject(t)) out[day] = { sessions: num(t.sessions), seconds: num(t.seconds) };
  }
  return out;
};

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

const levelPractice = (v: unknown): LevelPractice | undefined => {
  if (!isObject(v)) return undefined;
  const clean = isObject(v.clean)
    ? Object.entries(v.clean).filter((e): e is [string, number] => typeof e[1] === 'number')
    : [];
  return { countFrom: num(v.countFrom), clean: Object.fromEntries(clean) };
};

const exercisePractice = (v: unknown): ExercisePractice | undefined => {
  if (!isObject(v)) return undefined;
  const out: Record<number, LevelPractice> = {};
  for (const [level, record] of Object.entries(v)) {
    const read = levelPractice(record);
    if (read && /^\d+$/.test(level)) out[Number(level)] = read;
  }
  return out;
};

/**
 * Schema 1 kept the clean sessions of the current level without times: they read as
 * recorded at time 0, so they count until that level's count starts over.
 */
const legacyPractice = (v: unknown): ExercisePractice | undefined =>
  isObject(v) && typeof v.level === 'number'
    ? {
        [num(v.level)]: { countFrom: 0, clean: Object.fromEntries(strings(v.sessions).map((id) => [id, 0])) },
      }
    : undefined;

const recentSession = (v: unknown): RecentSession | undefined => {
  if (typeof v === 'string') return { id: v };
  if (!isObject(v) || typeof v.id !== 'string') return undefined;
  return isDay(v.day) ? { id: v.id, day: v.day } : { id: v.id };
};

/**
 * A Profile from stored or session data, tolerating missing or malformed fields (an older
 * schema, a hand-edited item): unknown parts fall back to empty rather than failing the
 * user's session. Returns undefined when there is nothing that looks like a profile.
 */
export const readProfile = (raw: unknown): Profile | undefined => {
  if (!isObject(raw) || !isDay(raw.firstUseDay)) return undefined;
  return {
    schema: 1,
    firstUseDay: raw.firstUseDay,
    activeDays: [...new Set(strings(raw.activeDays).filter(isDay))].sort(),
    bestStreak: num(raw.bestStreak),
    sessionsTotal: num(raw.sessionsTotal),
    secondsTotal: num(raw.secondsTotal),
    days: dayTotals(raw.days),
    exerciseCounts: perExercise(raw.exerciseCounts, (x) => (typeof x === 'number' ? num(x) : undefined)),
    exerciseLevels: perExercise(raw.exerciseLevels, (x) =>
      isObject(x) && typeof x.level === 'number'
        ? { level: num(x.level), updatedAt: num(x.updatedAt) }
        : undefined,
    ),
    practice: isObject(raw.practice)
      ? perExercise(raw.practice, exercisePractice)
      : perExercise(raw.cleanSessionsAtLevel, legacyPractice),
    levelOfferDeclinedAt: perExercise(raw.levelOfferDeclinedAt, (x) =>
      typeof x === 'number' ? num(x) : undefined,
    ),
    pace: stamped(raw.pace, isPaceId),
    lastClearScreenDay: dayOrNull(raw.lastClearScreenDay),
    clearScreenUpdatedAt: num(raw.clearScreenUpdatedAt),
    resume: resumePoint(raw.resume),
    resumeUpdatedAt: num(raw.resumeUpdatedAt),
    disclaimerHeard: raw.disclaimerHeard === true,
    reminderConsent: stamped(raw.reminderConsent, isBoolean),
    sixWeekAskedDay: dayOrNull(raw.sixWeekAskedDay),
    recentSessions: Array.isArray(raw.recentSessions)
      ? raw.recentSessions.map(recentSession).filter((r): r is RecentSession => r !== undefined)
      : [],
    applied: strings(raw.applied),
  };
};
