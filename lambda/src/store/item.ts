import { EXERCISE_IDS, type ExerciseId } from '../coach/ids';
import {
  ACTIVE_DAYS_KEPT,
  APPLIED_KEPT,
  DAY_TOTALS_KEPT,
  RECENT_SESSIONS_KEPT,
  addDays,
  isDay,
  readProfile,
  settlePractice,
  streaks,
  type Day,
  type DayTotals,
  type ExercisePractice,
  type LevelPractice,
  type Profile,
  type RecentSession,
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
  /**
   * String set of `day|sessionId`: each session is counted once, under the earliest of its
   * days (a session past midnight may hold two elements).
   */
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
/** String set of `at|sessionId`: sessions completed at that level without trouble, and when. */
export const cleanAttr = (id: ExerciseId, level: number): string => `clean#${id}#${level}`;
/**
 * The latest time the exercise was stopped for pain, done in its easier version or had its
 * credit withdrawn at that level: clean sessions recorded before it start over.
 */
export const countFromAttr = (id: ExerciseId, level: number): string => `countFrom#${id}#${level}`;

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

interface LevelRead {
  readonly level: number;
  /** When it was set (0: never). */
  readonly at: number;
  /** Set by a flat write: its count starts over from then. */
  readonly flat: boolean;
}

/** The level an exercise is at, and since when. */
const levelOf = (item: Item, legacy: Profile, id: ExerciseId): LevelRead => {
  const old = legacy.exerciseLevels[id];
  const flat = stampedOf(item, levelName(id));
  if (newer(flat, old?.updatedAt) && typeof flat.value === 'number') {
    return { level: Math.max(0, Math.floor(flat.value)), at: flat.at, flat: true };
  }
  return { level: old?.level ?? 0, at: old?.updatedAt ?? 0, flat: false };
};

const CLEAN_ATTR = /^clean#([a-z-]+)#(\d+)$/;
const COUNT_FROM_ATTR = /^countFrom#([a-z-]+)#(\d+)$/;
/** Written by the first flat layout; the countFrom written beside it already says all it did. */
const LEGACY_TROUBLE_ATTR = /^noCredit#[a-z-]+#\d+$/;

/**
 * One exercise's practice from the item (clean sets, countFrom, schema-1 sessions),
 * settled exactly as the pure merge settles it, and the set elements it no longer needs.
 */
const practiceOf = (
  item: Item,
  legacy: Profile,
  id: ExerciseId,
  level: LevelRead,
): { practice: ExercisePractice; stale: Record<string, string[]> } => {
  const raw: Record<number, LevelPractice> = { ...legacy.practice[id] };
  const change = (n: number, to: (r: LevelPractice) => LevelPractice): void => {
    raw[n] = to(raw[n] ?? { countFrom: 0, clean: {} });
  };
  for (const [name, value] of Object.entries(item)) {
    const from = COUNT_FROM_ATTR.exec(name);
    if (from?.[1] === id) {
      change(Number(from[2]), (r) => ({ ...r, countFrom: Math.max(r.countFrom, numberOf(value) ?? 0) }));
    }
    const clean = CLEAN_ATTR.exec(name);
    if (clean?.[1] === id) {
      change(Number(clean[2]), (r) => {
        const sessions = { ...r.clean };
        for (const e of setOf(value)) {
          const [at, session] = split(e);
          sessions[session] = Math.max(sessions[session] ?? 0, Number(at) || 0);
        }
        return { ...r, clean: sessions };
      });
    }
  }
  // A level set by a flat write starts its count over (the pure merge does the same when it wins).
  if (level.flat) change(level.level, (r) => ({ ...r, countFrom: Math.max(r.countFrom, level.at) }));
  const practice = settlePractice(raw, level.level, level.at);
  const stale: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(item)) {
    const clean = CLEAN_ATTR.exec(name);
    if (clean?.[1] !== id) continue;
    const kept = practice[Number(clean[2])]?.clean ?? {};
    stale[name] = setOf(value).filter((e) => {
      const [at, session] = split(e);
      return kept[session] !== Number(at);
    });
  }
  return { practice, stale };
};

/**
 * The sessions in the set under the earliest day of each, newest few, and the elements of
 * the others.
 */
const sessionsOf = (item: Item): { recent: RecentSession[]; stale: string[] } => {
  const days = new Map<string, Day>();
  for (const e of setOf(item[ATTR.sessions])) {
    const [day, id] = split(e);
    const known = days.get(id);
    if (isDay(day) && (known === undefined || day < known)) days.set(id, day);
  }
  const recent = [...days]
    .map(([id, day]) => ({ id, day }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))
    .slice(-RECENT_SESSIONS_KEPT);
  const kept = new Set(recent.map((s) => s.id));
  return { recent, stale: setOf(item[ATTR.sessions]).filter((e) => !kept.has(split(e)[1])) };
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

/**
 * The profile in an item, and what in the item no longer counts (outside the kept windows,
 * beyond the kept counts, or before a level's count started over). Tolerant: a malformed
 * part reads as empty; an item without a first-use day is no profile.
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
  for (const [name, value] of Object.entries(item)) {
    const dayMatch = DAY_ATTR.exec(name);
    if (dayMatch) {
      const [, day = '', kind] = dayMatch;
      if (day < daysFrom) remove.push(name);
      const t = days[day] ?? { sessions: 0, seconds: 0 };
      const n = numberOf(value) ?? 0;
      days[day] = kind === 'sessions' ? { ...t, sessions: t.sessions + n } : { ...t, seconds: t.seconds + n };
    }
    if (LEGACY_TROUBLE_ATTR.test(name)) remove.push(name);
  }

  const exerciseCounts: Partial<Record<ExerciseId, number>> = { ...legacy.exerciseCounts };
  const exerciseLevels: Partial<Record<ExerciseId, { level: number; updatedAt: number }>> = {};
  const practice: Partial<Record<ExerciseId, ExercisePractice>> = {};
  const levelOfferDeclinedAt: Partial<Record<ExerciseId, number>> = { ...legacy.levelOfferDeclinedAt };
  for (const id of EXERCISE_IDS) {
    const count = numberOf(item[countAttr(id)]);
    if (count !== undefined) exerciseCounts[id] = (exerciseCounts[id] ?? 0) + count;
    const declined = numberOf(item[declinedAttr(id)]);
    if (declined !== undefined) levelOfferDeclinedAt[id] = Math.max(levelOfferDeclinedAt[id] ?? 0, declined);
    const level = levelOf(item, legacy, id);
    if (level.at > 0 || legacy.exerciseLevels[id])
      exerciseLevels[id] = { level: level.level, updatedAt: level.at };
    const read = practiceOf(item, legacy, id, level);
    if (Object.keys(read.practice).length > 0) practice[id] = read.practice;
    Object.assign(del, read.stale);
  }

  const sessions = sessionsOf(item);
  del[ATTR.sessions] = sessions.stale;
  const appliedEntries = setOf(item[ATTR.applied]).map((e): [number, string] => [Number(split(e)[0]), e]);
  const applied = appliedEntries
    .sort(([a, x], [b, y]) => a - b || (x < y ? -1 : x > y ? 1 : 0))
    .slice(-APPLIED_KEPT)
    .map(([, e]) => e);
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
    practice,
    levelOfferDeclinedAt,
    pace: newer(pace, legacy.pace?.updatedAt) ? { value: pace.value, updatedAt: pace.at } : legacy.pace,
    reminderConsent: newer(consent, legacy.reminderConsent?.updatedAt)
      ? { value: consent.value, updatedAt: consent.at }
      : legacy.reminderConsent,
    resume: resumeWins ? resume.value : legacy.resume,
    resumeUpdatedAt: resumeWins ? resume.at : legacy.resumeUpdatedAt,
    lastClearScreenDay: clearScreen ? clearScreen.value : legacy.lastClearScreenDay,
    clearScreenUpdatedAt: clearScreen ? clearScreen.at : legacy.clearScreenUpdatedAt,
    recentSessions: [...legacy.recentSessions, ...sessions.recent],
    applied: [...legacy.applied, ...applied.map((e) => split(e)[1])],
  });
  const storedBest = numberOf(item[ATTR.bestStreak]) ?? 0;
  return { profile, stale: { ...stale(), ...(best > storedBest ? { bestStreak: best } : {}) } };
};

/** True when a commit has nothing to tidy. */
export const isClean = (s: Stale): boolean =>
  s.remove.length === 0 && Object.keys(s.delete).length === 0 && s.bestStreak === undefined;
