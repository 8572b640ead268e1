import type { ExerciseId, PaceId } from '../coach/ids';
import { addDays, maxDay, minDay, type Day } from './days';
import {
  ACTIVE_DAYS_KEPT,
  APPLIED_KEPT,
  CLEAN_SESSIONS_KEPT,
  DAY_TOTALS_KEPT,
  RECENT_SESSIONS_KEPT,
  emptyProfile,
  type CleanSessions,
  type DayTotals,
  type LevelSetting,
  type Profile,
  type ResumePoint,
  type Stamped,
} from './profile';
import { streaks } from './streaks';

/** An exercise session took place (counted once per id, however often it is written). */
export interface SessionMark {
  readonly id: string;
  /** The user's day when the session's first exercise was done. */
  readonly day: Day;
}

/** One exercise done in one session at one level: `clean` is false when it was stopped for pain. */
export interface Practice {
  readonly exercise: ExerciseId;
  readonly level: number;
  readonly sessionId: string;
  readonly clean: boolean;
}

/**
 * A change to a profile, recorded by the session that made it. Merge rules, chosen so
 * that two devices writing at once lose nothing: counters add, sets union, preferences
 * and levels go to the newest timestamp, dates go to the latest.
 */
export interface ProgressChange {
  /** When the change was recorded (epoch ms). */
  readonly at: number;
  /** The user's day at `at` (their own time zone); the earliest one makes firstUseDay. */
  readonly day: Day;
  readonly sessions?: readonly SessionMark[];
  /** Exercise time per day, in seconds (added). */
  readonly seconds?: Readonly<Record<Day, number>>;
  /** Completions per exercise (added). */
  readonly completions?: Readonly<Partial<Record<ExerciseId, number>>>;
  /** In the order they happened (a pain stop clears clean sessions recorded before it). */
  readonly practice?: readonly Practice[];
  readonly levels?: Readonly<Partial<Record<ExerciseId, LevelSetting>>>;
  readonly declinedAt?: Readonly<Partial<Record<ExerciseId, number>>>;
  readonly pace?: Stamped<PaceId>;
  /**
   * The day a screen came out clear; null forgets the last clear screen (a red flag was
   * reported since), so the next exercise screens again. Only a date, or its absence.
   */
  readonly clearScreenDay?: Day | null;
  readonly resume?: Stamped<ResumePoint | null>;
  readonly disclaimerHeard?: boolean;
  readonly reminderConsent?: Stamped<boolean>;
  readonly sixWeekAskedDay?: Day;
}

/** A change with an identity: applying the same delta twice changes nothing. */
export interface ProgressDelta extends ProgressChange {
  /** Unique, e.g. the Alexa request id of the request that started it. */
  readonly id: string;
  /** A write of this delta was attempted and its outcome is unknown: fold nothing more into it. */
  readonly sent?: boolean;
}

// --- helpers ----------------------------------------------------------------------------

type PerExercise<T> = Readonly<Partial<Record<ExerciseId, T>>>;

const entries = <T>(r: PerExercise<T> | undefined): [ExerciseId, T][] =>
  r ? (Object.entries(r) as [ExerciseId, T][]) : [];

const combine = <T>(
  a: PerExercise<T> | undefined,
  b: PerExercise<T> | undefined,
  pick: (x: T, y: T) => T,
): Partial<Record<ExerciseId, T>> => {
  const out: Partial<Record<ExerciseId, T>> = { ...a };
  for (const [id, value] of entries(b)) {
    const existing = out[id];
    out[id] = existing === undefined ? value : pick(existing, value);
  }
  return out;
};

const add = (x: number, y: number): number => x + y;
/** Newest wins; on a tie the later-applied value wins. */
const newest = <T extends { readonly updatedAt: number }>(x: T, y: T): T =>
  y.updatedAt >= x.updatedAt ? y : x;
const newestOf = <T extends { readonly updatedAt: number }>(
  x: T | null | undefined,
  y: T | undefined,
): T | undefined => (x && y ? newest(x, y) : (y ?? x ?? undefined));

const addRecords = (
  a: Readonly<Record<Day, number>> | undefined,
  b: Readonly<Record<Day, number>> | undefined,
): Record<Day, number> => {
  const out: Record<Day, number> = { ...a };
  for (const [day, s] of Object.entries(b ?? {})) out[day] = (out[day] ?? 0) + s;
  return out;
};

/** Appends unseen values and keeps the last `cap` of them. */
const appendCapped = (list: readonly string[], values: readonly string[], cap: number): string[] => {
  const out = [...list];
  for (const v of values) if (!out.includes(v)) out.push(v);
  return out.slice(-cap);
};

/** One record per exercise, session and level: a pain stop anywhere in the session wins. */
const normalisePractice = (list: readonly Practice[]): Practice[] => {
  const out: Practice[] = [];
  for (const p of list) {
    const i = out.findIndex(
      (q) => q.exercise === p.exercise && q.sessionId === p.sessionId && q.level === p.level,
    );
    const existing = out[i];
    if (existing) out[i] = { ...existing, clean: existing.clean && p.clean };
    else out.push(p);
  }
  return out;
};

const orUndefined = <T extends object>(o: T): T | undefined => (Object.keys(o).length > 0 ? o : undefined);

// --- merge ------------------------------------------------------------------------------

/**
 * Folds change `b` (later) into `a`, keeping a's identity. Applying the result equals
 * applying `a` then `b` (except that only one id is remembered).
 */
export const mergeDeltas = <T extends ProgressChange>(a: T, b: ProgressChange): T => {
  const sessions = [...(a.sessions ?? [])];
  for (const s of b.sessions ?? []) if (!sessions.some((x) => x.id === s.id)) sessions.push(s);
  const practice = normalisePractice([...(a.practice ?? []), ...(b.practice ?? [])]);
  const merged: ProgressChange = {
    at: Math.max(a.at, b.at),
    day: minDay(a.day, b.day) ?? a.day,
    sessions: sessions.length > 0 ? sessions : undefined,
    seconds: orUndefined(addRecords(a.seconds, b.seconds)),
    completions: orUndefined(combine(a.completions, b.completions, add)),
    practice: practice.length > 0 ? practice : undefined,
    levels: orUndefined(combine(a.levels, b.levels, newest)),
    declinedAt: orUndefined(combine(a.declinedAt, b.declinedAt, Math.max)),
    pace: newestOf(a.pace, b.pace),
    // The later change decides: a forget (null) after a clear screen wins, and vice versa.
    clearScreenDay: b.clearScreenDay !== undefined ? b.clearScreenDay : a.clearScreenDay,
    resume: newestOf(a.resume, b.resume),
    disclaimerHeard: a.disclaimerHeard || b.disclaimerHeard ? true : undefined,
    reminderConsent: newestOf(a.reminderConsent, b.reminderConsent),
    sixWeekAskedDay: maxDay(a.sixWeekAskedDay, b.sixWeekAskedDay) ?? undefined,
  };
  // Drop absent fields so the delta stays small in session attributes.
  const compact = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return { ...a, ...compact } as T;
};

// --- apply ------------------------------------------------------------------------------

const applyLevels = (
  levels: PerExercise<LevelSetting>,
  clean: PerExercise<CleanSessions>,
  changes: PerExercise<LevelSetting> | undefined,
): {
  levels: Partial<Record<ExerciseId, LevelSetting>>;
  clean: Partial<Record<ExerciseId, CleanSessions>>;
} => {
  const nextLevels = { ...levels };
  const nextClean = { ...clean };
  for (const [id, setting] of entries(changes)) {
    const existing = nextLevels[id];
    const winner = existing ? newest(existing, setting) : setting;
    // A new level starts its count of clean sessions from zero.
    if (winner.level !== (existing?.level ?? 0)) nextClean[id] = { level: winner.level, sessions: [] };
    nextLevels[id] = winner;
  }
  return { levels: nextLevels, clean: nextClean };
};

const applyPractice = (
  clean: PerExercise<CleanSessions>,
  levels: PerExercise<LevelSetting>,
  practice: readonly Practice[] | undefined,
): Partial<Record<ExerciseId, CleanSessions>> => {
  const out = { ...clean };
  for (const p of practice ?? []) {
    const level = levels[p.exercise]?.level ?? 0;
    // Practice at a level the user has since left says nothing about the current one.
    if (p.level !== level) continue;
    const existing = out[p.exercise];
    const sessions = existing?.level === level ? existing.sessions : [];
    out[p.exercise] = {
      level,
      sessions: p.clean ? appendCapped(sessions, [p.sessionId], CLEAN_SESSIONS_KEPT) : [],
    };
  }
  return out;
};

const applyActivity = (
  base: Profile,
  delta: ProgressChange,
): Pick<Profile, 'sessionsTotal' | 'secondsTotal' | 'days' | 'activeDays' | 'recentSessions'> => {
  const days: Record<Day, DayTotals> = { ...base.days };
  const active = new Set(base.activeDays);
  const bump = (day: Day, sessions: number, seconds: number): void => {
    const t = days[day] ?? { sessions: 0, seconds: 0 };
    days[day] = { sessions: t.sessions + sessions, seconds: t.seconds + seconds };
    active.add(day);
  };
  let sessionsTotal = base.sessionsTotal;
  const newSessions = (delta.sessions ?? []).filter((s) => !base.recentSessions.includes(s.id));
  for (const s of newSessions) {
    sessionsTotal += 1;
    bump(s.day, 1, 0);
  }
  let secondsTotal = base.secondsTotal;
  for (const [day, seconds] of Object.entries(delta.seconds ?? {})) {
    secondsTotal += seconds;
    bump(day, 0, seconds);
  }
  const sorted = [...active].sort();
  const latest = sorted[sorted.length - 1];
  const keepDaysFrom = latest ? addDays(latest, -(DAY_TOTALS_KEPT - 1)) : '';
  const keepActiveFrom = latest ? addDays(latest, -(ACTIVE_DAYS_KEPT - 1)) : '';
  return {
    sessionsTotal,
    secondsTotal,
    days: Object.fromEntries(Object.entries(days).filter(([d]) => d >= keepDaysFrom)),
    activeDays: sorted.filter((d) => d >= keepActiveFrom),
    recentSessions: appendCapped(
      base.recentSessions,
      newSessions.map((s) => s.id),
      RECENT_SESSIONS_KEPT,
    ),
  };
};

/**
 * The profile after a delta. A missing profile starts empty on the delta's day. Applying
 * a delta whose id the profile already holds returns the profile unchanged (same object),
 * which is how a re-sent write is recognised.
 */
export const applyDelta = (profile: Profile | undefined, delta: ProgressDelta): Profile => {
  if (profile?.applied.includes(delta.id)) return profile;
  const base = profile ?? emptyProfile(delta.day);
  const activity = applyActivity(base, delta);
  const { levels, clean } = applyLevels(base.exerciseLevels, base.cleanSessionsAtLevel, delta.levels);
  const resumeWins = delta.resume !== undefined && delta.resume.updatedAt >= base.resumeUpdatedAt;
  return {
    ...base,
    ...activity,
    firstUseDay: minDay(base.firstUseDay, delta.day) ?? base.firstUseDay,
    bestStreak: Math.max(
      base.bestStreak,
      streaks(activity.activeDays, activity.activeDays.at(-1) ?? delta.day).best,
    ),
    exerciseCounts: combine(base.exerciseCounts, delta.completions, add),
    exerciseLevels: levels,
    cleanSessionsAtLevel: applyPractice(clean, levels, delta.practice),
    levelOfferDeclinedAt: combine(base.levelOfferDeclinedAt, delta.declinedAt, Math.max),
    pace: newestOf(base.pace, delta.pace) ?? null,
    lastClearScreenDay:
      delta.clearScreenDay === null ? null : maxDay(base.lastClearScreenDay, delta.clearScreenDay),
    resume: resumeWins && delta.resume ? delta.resume.value : base.resume,
    resumeUpdatedAt: resumeWins && delta.resume ? delta.resume.updatedAt : base.resumeUpdatedAt,
    disclaimerHeard: base.disclaimerHeard || delta.disclaimerHeard === true,
    reminderConsent: newestOf(base.reminderConsent, delta.reminderConsent) ?? null,
    sixWeekAskedDay: maxDay(base.sixWeekAskedDay, delta.sixWeekAskedDay),
    applied: appendCapped(base.applied, [delta.id], APPLIED_KEPT),
  };
};

/** Applies deltas in order. */
export const applyDeltas = (
  profile: Profile | undefined,
  deltas: readonly ProgressDelta[],
): Profile | undefined => deltas.reduce<Profile | undefined>(applyDelta, profile);
