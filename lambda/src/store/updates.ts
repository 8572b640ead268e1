import type { ExerciseId } from '../coach/ids';
import { addDays, stampJson, type Profile, type ProgressDelta, type SessionMark } from '../progress';
import {
  ATTR,
  cleanAttr,
  countAttr,
  countFromAttr,
  daySecondsAttr,
  daySessionsAttr,
  declinedAttr,
  element,
  levelName,
  stampAtAttr,
  stampValueAttr,
  type Stale,
  type StampedName,
} from './item';

/** One UpdateItem's expressions. */
export interface Update {
  readonly UpdateExpression: string;
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/** Collects actions with placeholders for every name and value (names hold '#', days, ids). */
class Expression {
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, unknown> = {};
  private readonly actions = {
    SET: [] as string[],
    ADD: [] as string[],
    DELETE: [] as string[],
    REMOVE: [] as string[],
  };
  private readonly conditions: string[] = [];

  n(attr: string): string {
    const found = Object.entries(this.names).find(([, a]) => a === attr);
    if (found) return found[0];
    const key = `#n${Object.keys(this.names).length}`;
    this.names[key] = attr;
    return key;
  }

  v(value: unknown): string {
    const key = `:v${Object.keys(this.values).length}`;
    this.values[key] = value;
    return key;
  }

  set(attr: string, value: unknown): this {
    this.actions.SET.push(`${this.n(attr)} = ${this.v(value)}`);
    return this;
  }

  setIfAbsent(attr: string, value: unknown): this {
    const name = this.n(attr);
    this.actions.SET.push(`${name} = if_not_exists(${name}, ${this.v(value)})`);
    return this;
  }

  private readonly adds = new Map<string, number | Set<string>>();

  /** A number to add, or string-set elements to add; one action per attribute (DynamoDB's rule). */
  add(attr: string, value: number | readonly string[]): this {
    const had = this.adds.get(attr);
    if (typeof value === 'number') this.adds.set(attr, (typeof had === 'number' ? had : 0) + value);
    else this.adds.set(attr, new Set([...(had instanceof Set ? had : []), ...value]));
    return this;
  }

  delete(attr: string, elements: readonly string[]): this {
    if (elements.length > 0) this.actions.DELETE.push(`${this.n(attr)} ${this.v(new Set(elements))}`);
    return this;
  }

  remove(attr: string): this {
    this.actions.REMOVE.push(this.n(attr));
    return this;
  }

  when(condition: string): this {
    this.conditions.push(`(${condition})`);
    return this;
  }

  /** `attr` is absent or null: the one state a comparison condition cannot see. */
  absent(attr: string): string {
    return `attribute_not_exists(${this.n(attr)}) OR attribute_type(${this.n(attr)}, ${this.v('NULL')})`;
  }

  build(): Update | undefined {
    for (const [attr, value] of this.adds) {
      if (typeof value === 'number' ? value !== 0 : value.size > 0)
        this.actions.ADD.push(`${this.n(attr)} ${this.v(value)}`);
    }
    this.adds.clear();
    const clauses = Object.entries(this.actions)
      .filter(([, list]) => list.length > 0)
      .map(([verb, list]) => `${verb} ${list.join(', ')}`);
    if (clauses.length === 0) return undefined;
    return {
      UpdateExpression: clauses.join(' '),
      ...(this.conditions.length > 0 ? { ConditionExpression: this.conditions.join(' AND ') } : {}),
      ExpressionAttributeNames: this.names,
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

const entries = <T>(r: Readonly<Partial<Record<ExerciseId, T>>> | undefined): [ExerciseId, T][] =>
  r ? (Object.entries(r) as [ExerciseId, T][]) : [];

/**
 * Counts a session once: its id may come again in later deltas, and a session lasts minutes,
 * so its marks fall on one day or, past midnight, on two neighbouring days.
 */
const sessionUpdate = (mark: SessionMark): Update | undefined => {
  const x = new Expression();
  const set = x.n(ATTR.sessions);
  const seen = [-1, 0, 1].map((d) => `contains(${set}, ${x.v(element(addDays(mark.day, d), mark.id))})`);
  seen.push(`contains(${x.n(ATTR.legacySessions)}, ${x.v(mark.id)})`);
  return x
    .add(ATTR.sessionsTotal, 1)
    .add(daySessionsAttr(mark.day), 1)
    .add(ATTR.activeDays, [mark.day])
    .add(ATTR.sessions, [element(mark.day, mark.id)])
    .when(`NOT (${seen.join(' OR ')})`)
    .build();
};

/**
 * A session counted under the next day, whose mark of the day before lands late: it moves
 * to its earlier day, so the day it counts under never depends on which mark landed first.
 * The next day's element stays; the earliest day in the set is the one that counts.
 */
const moveUpdate = (mark: SessionMark): Update | undefined => {
  const x = new Expression();
  const set = x.n(ATTR.sessions);
  const next = addDays(mark.day, 1);
  return x
    .add(daySessionsAttr(mark.day), 1)
    .add(daySessionsAttr(next), -1)
    .add(ATTR.activeDays, [mark.day])
    .add(ATTR.sessions, [element(mark.day, mark.id)])
    .when(
      `contains(${set}, ${x.v(element(next, mark.id))}) AND NOT contains(${set}, ${x.v(element(mark.day, mark.id))})`,
    )
    .build();
};

/** Keeps the lowest (`lower`) or highest value: a late or repeated write never moves it back. */
const extremeUpdate = (
  attr: string,
  value: number | string,
  keep: 'lowest' | 'highest',
): Update | undefined => {
  const x = new Expression();
  x.set(attr, value);
  return x.when(`${x.absent(attr)} OR ${x.n(attr)} ${keep === 'lowest' ? '>' : '<'} ${x.v(value)}`).build();
};

/** Newest wins; at the same time the greater value, so the order of writes never matters. */
const stampedUpdate = (name: StampedName, value: unknown, at: number): Update | undefined => {
  const x = new Expression();
  const json = stampJson(value);
  const t = x.n(stampAtAttr(name));
  const v = x.n(stampValueAttr(name));
  x.set(stampValueAttr(name), json).set(stampAtAttr(name), at);
  const atValue = x.v(at);
  return x
    .when(`attribute_not_exists(${t}) OR ${t} < ${atValue} OR (${t} = ${atValue} AND ${v} < ${x.v(json)})`)
    .build();
};

/** An update that guards its own field, and the one to send when its condition fails. */
export interface Side {
  readonly update: Update;
  readonly otherwise?: Update;
}

const side = (update: Update | undefined, otherwise?: Update): Side | undefined =>
  update && { update, ...(otherwise ? { otherwise } : {}) };

/**
 * The updates that apply one delta. `sides` each guard their own field (a failed condition
 * means a newer or equal value is already stored: nothing to do, or its `otherwise`) and may
 * run in any order; `main` adds the counters and sets, once per delta id, and runs last.
 * `base` (the profile this session holds) only saves calls: a side it shows as already
 * applied is left out.
 */
export const updatesFor = (
  delta: ProgressDelta,
  base: Profile | undefined,
): { sides: Side[]; main: Update } => {
  const sides: (Side | undefined)[] = [];
  for (const mark of delta.sessions ?? []) {
    const known = base?.recentSessions.find((s) => s.id === mark.id);
    // Unknown to this session: count it, and if it is counted already, it may be under the next day.
    if (!known) sides.push(side(sessionUpdate(mark), moveUpdate(mark)));
    else if (known.day !== undefined && known.day > mark.day) sides.push(side(moveUpdate(mark)));
  }
  const extreme = (attr: string, value: number | string, keep: 'lowest' | 'highest'): void => {
    sides.push(side(extremeUpdate(attr, value, keep)));
  };
  if (!base || base.firstUseDay > delta.day) extreme(ATTR.firstUseDay, delta.day, 'lowest');
  if (delta.sixWeekAskedDay && !(base?.sixWeekAskedDay && base.sixWeekAskedDay >= delta.sixWeekAskedDay))
    extreme(ATTR.sixWeekAskedDay, delta.sixWeekAskedDay, 'highest');
  for (const [id, at] of entries(delta.declinedAt)) {
    if ((base?.levelOfferDeclinedAt[id] ?? -1) < at) extreme(declinedAttr(id), at, 'highest');
  }
  for (const p of delta.practice ?? []) {
    // countFrom only moves later: a base already at or past this needs nothing sent.
    if (!p.clean && (base?.practice[p.exercise]?.[p.level]?.countFrom ?? -1) < delta.at)
      extreme(countFromAttr(p.exercise, p.level), delta.at, 'highest');
  }
  const stamped = (name: StampedName, value: unknown, at: number, known: number | undefined): void => {
    if ((known ?? -1) <= at) sides.push(side(stampedUpdate(name, value, at)));
  };
  if (delta.pace) stamped('pace', delta.pace.value, delta.pace.updatedAt, base?.pace?.updatedAt);
  if (delta.reminderConsent)
    stamped(
      'reminderConsent',
      delta.reminderConsent.value,
      delta.reminderConsent.updatedAt,
      base?.reminderConsent?.updatedAt,
    );
  if (delta.resume) stamped('resume', delta.resume.value, delta.resume.updatedAt, base?.resumeUpdatedAt);
  if (delta.clearScreenDay !== undefined)
    stamped('clearScreen', delta.clearScreenDay, delta.at, base?.clearScreenUpdatedAt);
  for (const [id, setting] of entries(delta.levels)) {
    stamped(levelName(id), setting.level, setting.updatedAt, base?.exerciseLevels[id]?.updatedAt);
  }

  const x = new Expression();
  const secondDays = Object.entries(delta.seconds ?? {});
  x.setIfAbsent(ATTR.firstUseDay, delta.day)
    .add(
      ATTR.secondsTotal,
      secondDays.reduce((sum, [, s]) => sum + s, 0),
    )
    .add(
      ATTR.activeDays,
      secondDays.map(([day]) => day),
    )
    .add(ATTR.applied, [element(delta.at, delta.id)]);
  for (const [day, seconds] of secondDays) x.add(daySecondsAttr(day), seconds);
  for (const [id, n] of entries(delta.completions)) x.add(countAttr(id), n);
  for (const p of delta.practice ?? []) {
    if (p.clean) x.add(cleanAttr(p.exercise, p.level), [element(delta.at, p.sessionId)]);
  }
  if (delta.disclaimerHeard) x.set(ATTR.disclaimerHeard, true);
  x.when(
    `NOT (contains(${x.n(ATTR.applied)}, ${x.v(element(delta.at, delta.id))}) OR contains(${x.n(ATTR.legacyApplied)}, ${x.v(delta.id)}))`,
  );
  const main = x.build();
  if (!main) throw new RangeError('a delta always has an update');
  return { sides: sides.filter((u): u is Side => u !== undefined), main };
};

/** Most names and elements one tidy-up removes (an UpdateExpression is limited to 4 KB). */
const TIDY_MAX = 60;

/** Removes what no longer counts (idempotent: removing twice is harmless). */
export const tidyUpdates = (stale: Stale): Update[] => {
  const out: (Update | undefined)[] = [];
  const removals = stale.remove.slice(0, TIDY_MAX);
  const deletions = Object.entries(stale.delete).slice(0, TIDY_MAX - removals.length);
  if (removals.length > 0 || deletions.length > 0) {
    const x = new Expression();
    for (const attr of removals) x.remove(attr);
    for (const [attr, elements] of deletions) x.delete(attr, elements.slice(0, TIDY_MAX));
    out.push(x.build());
  }
  if (stale.bestStreak !== undefined) out.push(extremeUpdate(ATTR.bestStreak, stale.bestStreak, 'highest'));
  return out.filter((u): u is Update => u !== undefined);
};
