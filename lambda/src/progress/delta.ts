import type { ExerciseId, PaceId } from '../coach/ids';
import { addDays, maxDay, minDay, type Day } from './days';
import { settlePractice, type ExercisePractice, type LevelPractice } from './practice';
import {
  ACTIVE_DAYS_KEPT,
  APPLIED_KEPT,
  DAY_TOTALS_KEPT,
  RECENT_SESSIONS_KEPT,
  emptyProfile,
  replaces,
  type DayTotals,
  type LevelSetting,
  type Profile,
  type RecentSession,
  type ResumePoint,
  type Stamped,
} from './profile';
import { streaks } from './streaks';

/**
 * An exercise session took place: counted once per id, however often it is written, under
 * the earliest day of its marks (a session past midnight has marks on two days).
 */
export interface SessionMark {
  readonly id: string;
  /** The user's day when an exercise of the session was done. */
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
 * that two devices writing at once lose nothing and the order changes land in never
 * matters: counters add, sets union, preferences and levels go to the newest timestamp,
 * dates go to the latest, and clean sessions count by when they were recorded.
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
  /** At `at`; one that is not clean starts the count of clean sessions recorded before `at` over. */
  readonly practice?: readonly Practice[];
  readonly levels?: Readonly<Partial<Record<ExerciseId, LevelSetting>>>;
  readonly declinedAt?: Readonly<Partial<Record<ExerciseId, number>>>;
  readonly pace?: Stamped<PaceId>;
  /**
   * The day a screen came out clear; null forgets the last clear screen (a red flag was
   * reported since), so the next exercise screens again. Only a date, or its absence,
   * stamped with `at`: the newest wins (on a tie, the forgetting).
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
/** Newest wins; on a tie the greater value, so the order they come in never decides. */
const newest = <T extends Stamped<unknown>>(x: T, y: T): T =>
  replaces(y.updatedAt, y.value, x.updatedAt, x.value) ? y : x;
const newestOf = <T extends Stamped<unknown>>(x: T | null | undefined, y: T | undefined): T | undefined =>
  x && y ? newest(x, y) : (y ?? x ?? undefined);
const newestLevel = (x: LevelSetting, y: LevelSetting): LevelSetting =>
  replaces(y.updatedAt, y.level, x.updatedAt, x.level) ? y : x;

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
 * applying `a` then `b`, except that only one id is remembered and the practice in it is
 * stamped with the later time (the delta's `at`).
 */
export const mergeDeltas = <T extends ProgressChange>(a: T, b: ProgressChange): T => {
  const sessions = new Map((a.sessions ?? []).map((s) => [s.id, s]));
  for (const s of b.sessions ?? []) {
    const known = sessions.get(s.id);
    if (!known || s.day < known.day) sessions.set(s.id, s);
  }
  const practice = normalisePractice([...(a.practice ?? []), ...(b.practice ?? [])]);
  const merged: ProgressChange = {
    at: Math.max(a.at, b.at),
    day: minDay(a.day, b.day) ?? a.day,
    sessions: sessions.size > 0 ? [...sessions.values()] : undefined,
    seconds: orUndefined(addRecords(a.seconds, b.seconds)),
    completions: orUndefined(combine(a.completions, b.completions, add)),
    practice: practice.length > 0 ? practice : undefined,
    levels: orUndefined(combine(a.levels, b.levels, newestLevel)),
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
  changes: PerExercise<LevelSetting> | undefined,
): { levels: Partial<Record<ExerciseId, LevelSetting>>; won: [ExerciseId, LevelSetting][] } => {
  const next = { ...levels };
  const won: [ExerciseId, LevelSetting][] = [];
  for (const [id, setting] of entries(changes)) {
    const existing = next[id];
    if (existing && newestLevel(existing, setting) === existing) continue;
    next[id] = setting;
    won.push([id, setting]);
  }
  return { levels: next, won };
};

/**
 * Practice after a delta: a level that is set starts its count over from then; a clean
 * session is stamped with the delta's time; anything else at that level (a stop for pain,
 * the easier version, credit withdrawn) starts the count over from the delta's time.
 */
const applyPractice = (
  base: Profile,
  levels: PerExercise<LevelSetting>,
  won: readonly [ExerciseId, LevelSetting][],
  delta: ProgressChange,
): Partial<Record<ExerciseId, ExercisePractice>> => {
  const out: Partial<Record<ExerciseId, Record<number, LevelPractice>>> = {};
  const touch = (id: ExerciseId, level: number, change: (r: LevelPractice) => LevelPractice): void => {
    const practice = (out[id] ??= { ...base.practice[id] });
    practice[level] = change(practice[level] ?? { countFrom: 0, clean: {} });
  };
  const startOver = (at: number) => (r: LevelPractice) => ({ ...r, countFrom: Math.max(r.countFrom, at) });
  for (const [id, setting] of won) touch(id, setting.level, startOver(setting.updatedAt));
  for (const p of delta.practice ?? []) {
    touch(
      p.exercise,
      p.level,
      p.clean
        ? (r) => ({
            ...r,
            clean: { ...r.clean, [p.sessionId]: Math.max(r.clean[p.sessionId] ?? 0, delta.at) },
          })
        : startOver(delta.at),
    );
  }
  const settled: [ExerciseId, ExercisePractice][] = entries({ ...base.practice, ...out }).map(
    ([id, practice]) => {
      const level = levels[id];
      return [id, out[id] ? settlePractice(practice, level?.level ?? 0, level?.updatedAt ?? 0) : practice];
    },
  );
  // An exercise left with nothing is left out, as the store reads it.
  return Object.fromEntries(settled.filter(([, practice]) => Object.keys(practice).length > 0));
};

/** Newest sessions last; those with no day (schema 1) are kept apart and in front. */
const keepRecent = (sessions: ReadonlyMap<string, RecentSession>): RecentSession[] => {
  const all = [...sessions.values()];
  const dated = all
    .filter((s) => s.day !== undefined)
    .sort((a, b) => (a.day ?? '').localeCompare(b.day ?? '') || a.id.localeCompare(b.id))
    .slice(-RECENT_SESSIONS_KEPT);
  return [...all.filter((s) => s.day === undefined), ...dated];
};

const applyActivity = (
  base: Profile,
  delta: ProgressChange,
): Pick<Profile, 'sessionsTotal' | 'secondsTotal' | 'days' | 'activeDays' | 'recentSessions'> => {
  const days: Record<Day, DayTotals> = { ...base.days };
  const active = new Set(base.activeDays);
  const bump = (day: Day, sessions: number, seconds: number): void => {
    const t = days[day] ?? { sessions: 0, seconds: 0 };
    days[day] = { sessions: Math.max(0, t.sessions + sessions), seconds: t.seconds + seconds };
    active.add(day);
  };
  let sessionsTotal = base.sessionsTotal;
  const recent = new Map(base.recentSessions.map((s) => [s.id, s]));
  for (const mark of delta.sessions ?? []) {
    const known = recent.get(mark.id);
    if (!known) {
      sessionsTotal += 1;
      bump(mark.day, 1, 0);
    } else if (known.day !== undefined && mark.day < known.day) {
      // An earlier day of a session already counted, landing late: the session moves there.
      bump(known.day, -1, 0);
      bump(mark.day, 1, 0);
    } else continue;
    recent.set(mark.id, { id: mark.id, day: mark.day });
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
    recentSessions: keepRecent(recent),
  };
};

/**
 * The profile after a delta. A missing profile starts empty on the delta's day. Applying
 * a delta whose id the profile already holds returns the profile unchanged (same object),
 * which is how a re-sent write is recognised. The result does not depend on the order
 * deltas are applied in (tests/unit/progress/deltaOrder.test.ts).
 */
export const applyDelta = (profile: Profile | undefined, delta: ProgressDelta): Profile => {
  if (profile?.applied.includes(delta.id)) return profile;
  const base = profile ?? emptyProfile(delta.day);
  const activity = applyActivity(base, delta);
  const { levels, won } = applyLevels(base.exerciseLevels, delta.levels);
  const resume = delta.resume;
  const resumeWins =
    resume !== undefined && replaces(resume.updatedAt, resume.value, base.resumeUpdatedAt, base.resume);
  const clear = delta.clearScreenDay;
  const clearWins =
    clear !== undefined && replaces(delta.at, clear, base.clearScreenUpdatedAt, base.lastClearScreenDay);
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
    practice: applyPractice(base, levels, won, delta),
    levelOfferDeclinedAt: combine(base.levelOfferDeclinedAt, delta.declinedAt, Math.max),
    pace: newestOf(base.pace, delta.pace) ?? null,
    lastClearScreenDay: clearWins ? clear : base.lastClearScreenDay,
    clearScreenUpdatedAt: clearWins ? delta.at : base.clearScreenUpdatedAt,
    resume: resumeWins ? resume.value : base.resume,
    resumeUpdatedAt: resumeWins ? resume.updatedAt : base.resumeUpdatedAt,
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
