import { EXERCISE_IDS, type ExerciseId } from '../coach/ids';
import {
  ACTIVE_DAYS_KEPT,
  APPLIED_KEPT,
  CLEAN_SESSIONS_KEPT,
  DAY_TOTALS_KEPT,
  RECENT_SESSIONS_KEPT,
  addDays,
  isDay,
  readProfile,
  streaks,
  type Day,
  type DayTotals,
  type Profile,
} from '../progress';

/**
 * The profile item, flat: every counter, set and newest-wins field is a top-level
 * attribute, so each delta is one set of atomic UpdateItem actions (ADD, conditional SET)
 * and nothing is ever written back as a whole item. Top level, because DynamoDB cannot ADD
 * into a map that does not exist yet.
 *
 * Items written before (schema 1: nested maps and lists under the names of the Profile
 * fields) are read as they are: their values are the base that the flat attributes add to
 * or override by timestamp. They are never rewritten; see docs/ARCHITECTURE.md.
 */
export const ATTR = {
  firstUseDay: 'firstUseDay',
  sessionsTotal: 'sessionsTotal',
  secondsTotal: 'secondsTotal',
  bestStreak: 'bestStreak',
  disclaimerHeard: 'disclaimerHeard',
  sixWeekAskedDay: 'sixWeekAskedDay',
  /** String set of days with exercise. */
  activeDays: 'activeDaySet',
  /** String set of `day|sessionId`: each session is counted once. */
  sessions: 'sessionSet',
  /** String set of `at|deltaId`: a re-sent delta is a no-op. */
  applied: 'appliedSet',
  /** Schema-1 lists that still guard against counting twice. */
  legacySessions: 'recentSessions',
  legacyApplied: 'applied',
} as const;

export const daySessionsAttr = (day: Day): string => `day#${day}#sessions`;
export const daySecondsAttr = (day: Day): string => `day#${day}#seconds`;
export const countAttr = (id: ExerciseId): string => `count#${id}`;
export const declinedAttr = (id: ExerciseId): string => `declined#${id}`;
/** String set of `at|sessionId`: sessions completed at that level without a pain stop. */
export const cleanAttr = (id: ExerciseId, level: number): string => `clean#${id}#${level}`;
/** String set of `at|sessionId`: sessions with a pain stop at that level (they never count). */
export const troubleAttr = (id: ExerciseId, level: number): string => `noCredit#${id}#${level}`;
/** When the exercise was last stopped for pain at that level: clean sessions before it start over. */
export const painAtAttr = (id: ExerciseId, level: number): string => `countFrom#${id}#${level}`;

/** Newest-wins fields: the value as JSON in `<name>#value`, its time in `<name>#at`. */
export type StampedName = 'pace' | 'resume' | 'reminderConsent' | 'clearScreen' | `level#${ExerciseId}`;
export const levelName = (id: ExerciseId): StampedName => `level#${id}`;
export const stampValueAttr = (name: StampedName): string => `${name}#value`;
export const stampAtAttr = (name: StampedName): string => `${name}#at`;

/** `a|b` elements of the string sets. */
export const element = (a: string | number, b: string): string => `${a}|${b}`;
const split = (e: string): [string, string] => {
  const i = e.indexOf('|');
  return i < 0 ? ['', e] : [e.slice(0, i), e.slice(i + 1)];
};

export type Item = Readonly<Record<string, unknown>>;
const numberOf = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
/** The document client gives string sets as Set<string>; anything else reads as empty. */
const setOf = (v: unknown): string[] =>
  v instanceof Set ? [...v].filter((s): s is string => typeof s === 'string') : [];

interface StampedRead {
  readonly value: unknown;
  readonly at: number;
}
const stampedOf = (item: Item, name: StampedName): StampedRead | undefined => {
  const at = numberOf(item[stampAtAttr(name)]);
  const json = item[stampValueAttr(name)];
  if (at === undefined || typeof json !== 'string') return undefined;
  try {
    return { value: JSON.parse(json) as unknown, at };
  } catch {
    return undefined;
  }
};

/** The flat stamped value when it is newer than the schema-1 one (which may be absent). */
const newer = (flat: StampedRead | undefined, legacyAt: number | undefined): flat is StampedRead =>
  flat !== undefined && flat.at >= (legacyAt ?? -1);

const newestBy = <T>(entries: readonly [string, T][], keep: number, rank: (k: string) => number): T[] =>
  [...entries]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(-keep)
    .map(([, v]) => v);

interface CleanAt {
  readonly level: number;
  /** Clean sessions before this time start over (a pain stop, or the level set again). */
  readonly resetAt: number;
}

/** The level an exercise is at, and since when its clean sessions count. */
const levelOf = (item: Item, legacy: Profile | undefined, id: ExerciseId): CleanAt & { at: number } => {
  const old = legacy?.exerciseLevels[id];
  const flat = stampedOf(item, levelName(id));
  if (newer(flat, old?.updatedAt) && typeof flat.value === 'number') {
    const level = Math.max(0, Math.floor(flat.value));
    return { level, at: flat.at, resetAt: Math.max(flat.at, numberOf(item[painAtAttr(id, level)]) ?? 0) };
  }
  const level = old?.level ?? 0;
  return { level, at: old?.updatedAt ?? 0, resetAt: numberOf(item[painAtAttr(id, level)]) ?? 0 };
};

interface CleanRead {
  readonly sessions: string[];
  /** Set elements that no longer count. */
  readonly staleClean: string[];
  readonly staleTrouble: string[];
}

/** Clean sessions at the current level: after the last reset, never a troubled one, newest few. */
const cleanOf = (item: Item, id: ExerciseId, at: CleanAt): CleanRead => {
  const troubleSet = setOf(item[troubleAttr(id, at.level)]);
  const troubled = new Set(troubleSet.map((e) => split(e)[1]));
  const valid: [string, string][] = [];
  const staleClean: string[] = [];
  for (const e of setOf(item[cleanAttr(id, at.level)])) {
    const [when, session] = split(e);
    if (Number(when) <= at.resetAt || troubled.has(session)) staleClean.push(e);
    else valid.push([when, session]);
  }
  const newest = new Set(newestBy(valid, CLEAN_SESSIONS_KEPT, Number));
  for (const [when, session] of valid) if (!newest.has(session)) staleClean.push(element(when, session));
  // A troubled session can add no clean entry after a day (sessions are shorter than that).
  const staleTrouble = troubleSet.filter((e) => Number(split(e)[0]) < at.resetAt - 86_400_000);
  return { sessions: [...newest], staleClean, staleTrouble };
};

/** What a commit should tidy away: attributes to remove and set elements to delete. */
export interface Stale {
  readonly remove: readonly string[];
  readonly delete: Readonly<Record<string, readonly string[]>>;
  /** The best streak computed from the days, when the stored one is lower. */
  readonly bestStreak?: number;
}

export interface ReadItem {
  readonly profile: Profile | undefined;
  readonly stale: Stale;
}

const DAY_ATTR = /^day#(\d{4}-\d{2}-\d{2})#(sessions|seconds)$/;
const LEVELLED_ATTR = /^(clean|noCredit|countFrom)#([a-z-]+)#(\d+)$/;

/**
 * The profile in an item, and what in the item no longer counts (outside the kept windows,
 * beyond the kept counts, or at a level the user has left). Tolerant: a malformed part reads
 * as empty; an item without a first-use day is no profile.
 */
export const readItem = (item: Item | undefined): ReadItem => {
  const remove: string[] = [];
  const del: Record<string, string[]> = {};
  const stale = (): Stale => ({
    remove,
    delete: Object.fromEntries(Object.entries(del).filter(([, v]) => v.length > 0)),
  });
  const legacy = readProfile(item);
  if (!item || !legacy) return { profile: undefined, stale: stale() };

  const active = [...new Set([...legacy.activeDays, ...setOf(item[ATTR.activeDays]).filter(isDay)])].sort();
  const latest = active.at(-1);
  const activeFrom = latest ? addDays(latest, -(ACTIVE_DAYS_KEPT - 1)) : '';
  const daysFrom = latest ? addDays(latest, -(DAY_TOTALS_KEPT - 1)) : '';
  del[ATTR.activeDays] = setOf(item[ATTR.activeDays]).filter((d) => d < activeFrom);
  const activeDays = active.filter((d) => d >= activeFrom);

  const days: Record<Day, DayTotals> = { ...legacy.days };
  const levels = Object.fromEntries(EXERCISE_IDS.map((id) => [id, levelOf(item, legacy, id)]));
  for (const [name, value] of Object.entries(item)) {
    const dayMatch = DAY_ATTR.exec(name);
    if (dayMatch) {
      const [, day = '', kind] = dayMatch;
      if (day < daysFrom) remove.push(name);
      const t = days[day] ?? { sessions: 0, seconds: 0 };
      const n = numberOf(value) ?? 0;
      days[day] = kind === 'sessions' ? { ...t, sessions: t.sessions + n } : { ...t, seconds: t.seconds + n };
    }
    const levelled = LEVELLED_ATTR.exec(name);
    if (levelled) {
      const current = levels[levelled[2] ?? '']?.level;
      if (current !== undefined && Number(levelled[3]) !== current) remove.push(name);
    }
  }

  const exerciseCounts: Partial<Record<ExerciseId, number>> = { ...legacy.exerciseCounts };
  const exerciseLevels: Partial<Record<ExerciseId, { level: number; updatedAt: number }>> = {};
  const cleanSessionsAtLevel: Partial<Record<ExerciseId, { level: number; sessions: string[] }>> = {};
  const levelOfferDeclinedAt: Partial<Record<ExerciseId, number>> = { ...legacy.levelOfferDeclinedAt };
  for (const id of EXERCISE_IDS) {
    const count = numberOf(item[countAttr(id)]);
    if (count !== undefined) exerciseCounts[id] = (exerciseCounts[id] ?? 0) + count;
    const declined = numberOf(item[declinedAttr(id)]);
    if (declined !== undefined) levelOfferDeclinedAt[id] = Math.max(levelOfferDeclinedAt[id] ?? 0, declined);
    const at = levels[id];
    if (!at) continue;
    if (at.at > 0 || legacy.exerciseLevels[id]) exerciseLevels[id] = { level: at.level, updatedAt: at.at };
    const clean = cleanOf(item, id, at);
    del[cleanAttr(id, at.level)] = clean.staleClean;
    del[troubleAttr(id, at.level)] = clean.staleTrouble;
    // Schema-1 clean sessions count while nothing since has reset them.
    const old = legacy.cleanSessionsAtLevel[id];
    const carried = old && old.level === at.level && at.resetAt === 0 ? old.sessions : [];
    const sessions = [...new Set([...carried, ...clean.sessions])].slice(-CLEAN_SESSIONS_KEPT);
    if (sessions.length > 0 || old) cleanSessionsAtLevel[id] = { level: at.level, sessions };
  }

  const sessionEntries = setOf(item[ATTR.sessions]).map((e): [string, string] => [e, split(e)[1]]);
  const recent = newestBy(
    sessionEntries.map(([e]) => [e, e] as [string, string]),
    RECENT_SESSIONS_KEPT,
    () => 0,
  );
  del[ATTR.sessions] = sessionEntries.map(([e]) => e).filter((e) => !recent.includes(e));
  const appliedEntries = setOf(item[ATTR.applied]).map((e): [string, string] => [split(e)[0], e]);
  const applied = newestBy(appliedEntries, APPLIED_KEPT, Number);
  del[ATTR.applied] = appliedEntries.map(([, e]) => e).filter((e) => !applied.includes(e));

  const pace = stampedOf(item, 'pace');
  const consent = stampedOf(item, 'reminderConsent');
  const resume = stampedOf(item, 'resume');
  const clearScreen = stampedOf(item, 'clearScreen');
  const resumeWins = newer(resume, legacy.resumeUpdatedAt);
  const best = Math.max(legacy.bestStreak, latest ? streaks(activeDays, latest).best : 0);
  const profile = readProfile({
    ...legacy,
    activeDays,
    bestStreak: best,
    days: Object.fromEntries(Object.entries(days).filter(([d]) => d >= daysFrom)),
    exerciseCounts,
    exerciseLevels,
    cleanSessionsAtLevel,
    levelOfferDeclinedAt,
    pace: newer(pace, legacy.pace?.updatedAt) ? { value: pace.value, updatedAt: pace.at } : legacy.pace,
    reminderConsent: newer(consent, legacy.reminderConsent?.updatedAt)
      ? { value: consent.value, updatedAt: consent.at }
      : legacy.reminderConsent,
    resume: resumeWins ? resume.value : legacy.resume,
    resumeUpdatedAt: resumeWins ? resume.at : legacy.resumeUpdatedAt,
    lastClearScreenDay: clearScreen ? clearScreen.value : legacy.lastClearScreenDay,
    recentSessions: [...legacy.recentSessions, ...recent.map((e) => split(e)[1])],
    applied: [...legacy.applied, ...applied.map((e) => split(e)[1])],
  });
  const storedBest = numberOf(item[ATTR.bestStreak]) ?? 0;
  return { profile, stale: { ...stale(), ...(best > storedBest ? { bestStreak: best } : {}) } };
};

/** True when a commit has nothing to tidy. */
export const isClean = (s: Stale): boolean =>
  s.remove.length === 0 && Object.keys(s.delete).length === 0 && s.bestStreak === undefined;
