import fc from 'fast-check';
import {
  dayInZone,
  exerciseCompleted,
  momentIn,
  streaks,
  weekSummary,
  type Day,
  type Profile,
} from '../../../lambda/src/progress';
import { apply } from './fixtures';

/**
 * Streaks as a user anywhere would count them: by the calendar on their own wall, through
 * daylight-saving changes (23- and 25-hour days, a half-hour or 45-minute offset, a zone that
 * changes its clocks at one minute past midnight), however many sessions a day, whatever order
 * the devices' writes land in. The expected values come from a reference that shares no code
 * with the skill: the zone's UTC offset from Intl, whole days counted on the integers.
 */

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Kathmandu',
  'UTC',
] as const;
type Zone = (typeof ZONES)[number];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2000, 0, 1);
const UNTIL = Date.UTC(2040, 0, 1);

// --- the reference ----------------------------------------------------------------------

const offsetFormats = new Map<Zone, Intl.DateTimeFormat>();
/** The zone's offset from UTC at instant `t`, in minutes ("GMT+13:45" → 825). */
const offsetMinutes = (zone: Zone, t: number): number => {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT([+-])(\d\d):(\d\d)$/.exec(name);
  if (!m) return 0; // plain "GMT"
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

/** Days since 1970-01-01 on the wall calendar of `zone` at instant `t`. */
const localDayNumber = (zone: Zone, t: number): number =>
  Math.floor((t + offsetMinutes(zone, t) * MINUTE) / DAY);
const dayOfNumber = (n: number): Day => new Date(n * DAY).toISOString().slice(0, 10);
const localMinute = (zone: Zone, t: number): number =>
  Math.floor(((((t + offsetMinutes(zone, t) * MINUTE) % DAY) + DAY) % DAY) / MINUTE);

/**
 * An instant showing wall time `minute` on local day `day`; for a wall time the clocks skip
 * (spring forward) an instant on the same day just after the gap; of a repeated one, either.
 */
const instantAt = (zone: Zone, day: number, minute: number): number => {
  const wall = day * DAY + minute * MINUTE;
  const candidates = [-14, 0, 14].map((h) => wall - offsetMinutes(zone, wall + h * HOUR) * MINUTE);
  const onDay = candidates.filter((t) => localDayNumber(zone, t) === day);
  const exact = onDay.find((t) => localMinute(zone, t) === minute);
  const chosen = exact ?? onDay.sort((a, b) => a - b)[0];
  if (chosen === undefined) throw new Error(`no instant shows ${dayOfNumber(day)} ${minute} min in ${zone}`);
  return chosen;
};

/** Current and best streaks on whole-day numbers, the plain way. */
const referenceStreaks = (days: Iterable<number>, today: number): { current: number; best: number } => {
  const set = new Set([...days].filter((d) => d <= today));
  let best = 0;
  for (const d of set) {
    if (set.has(d - 1)) continue;
    let n = 1;
    while (set.has(d + n)) n += 1;
    best = Math.max(best, n);
  }
  const end = set.has(today) ? today : set.has(today - 1) ? today - 1 : undefined;
  let current = 0;
  if (end !== undefined) while (set.has(end - current)) current += 1;
  return { current, best };
};

/** Local day numbers on which each DST zone changes its clocks, found by bisection on the offset. */
const transitionDays = (zone: Zone): number[] => {
  const days: number[] = [];
  const bisect = (lo: number, hi: number): void => {
    if (offsetMinutes(zone, lo) === offsetMinutes(zone, hi)) return;
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetMinutes(zone, mid) === offsetMinutes(zone, lo)) lo = mid;
      else hi = mid;
    }
    days.push(localDayNumber(zone, hi));
  };
  for (let year = 2000; year < 2040; year++) {
    const jan = Date.UTC(year, 0, 1);
    const jul = Date.UTC(year, 6, 1);
    bisect(jan, jul);
    bisect(jul, Date.UTC(year + 1, 0, 1));
  }
  return days;
};
const TRANSITIONS = new Map(ZONES.map((z) => [z, transitionDays(z)]));
const DST_ZONES = ZONES.filter((z) => (TRANSITIONS.get(z) ?? []).length > 0);

// --- generators -------------------------------------------------------------------------

const zone = fc.constantFrom(...ZONES);

/** Wall times that matter most: around midnight and the hours clocks change in; and any. */
const wallMinute = fc.oneof(
  fc.integer({ min: 23 * 60, max: 24 * 60 - 1 }),
  fc.integer({ min: 0, max: 90 }),
  fc.integer({ min: 60, max: 4 * 60 }),
  fc.integer({ min: 0, max: 24 * 60 - 1 }),
);

/** A local day near one of the zone's clock changes (or anywhere, for zones without any). */
const startDay = (z: Zone): fc.Arbitrary<number> => {
  const changes = TRANSITIONS.get(z) ?? [];
  const anywhere = fc.integer({ min: FROM / DAY, max: UNTIL / DAY - 400 });
  if (changes.length === 0) return anywhere;
  return fc.oneof(
    fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -10, max: 2 })).map(([d, k]) => d + k),
    anywhere,
  );
};

interface Session {
  readonly day: number;
  readonly at: number;
}

/**
 * Sessions in time order: each a gap of days after the one before (0: the same day again,
 * 1: the next day, more: a missed day) at a wall time; then "now", a while after the last.
 */
const history = zone.chain((z) =>
  fc
    .record({
      start: startDay(z),
      steps: fc.array(
        fc.record({
          gap: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 4 })),
          minute: wallMinute,
        }),
        { minLength: 1, maxLength: 30 },
      ),
      later: fc.integer({ min: 0, max: 3 * DAY }),
      order: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
    })
    .map(({ start, steps, later, order }) => {
      let day = start;
      const sessions: Session[] = steps.map((s, i) => {
        day += i === 0 ? 0 : s.gap;
        return { day, at: instantAt(z, day, s.minute) };
      });
      const now = Math.max(...sessions.map((s) => s.at)) + later;
      // The same sessions as another device might write them: in a shuffled order.
      const shuffled = sessions
        .map((s, i) => ({ s, key: order[i] ?? 0 }))
        .sort((a, b) => a.key - b.key)
        .map(({ s }) => s);
      return { zone: z, sessions, shuffled, now };
    }),
);

/** The profile after each session is saved as its own write, one id per session. */
const recorded = (
  z: Zone,
  sessions: readonly Session[],
  onEach?: (p: Profile, s: Session) => void,
): Profile => {
  let profile: Profile | undefined;
  for (const s of sessions) {
    const done = { sessionId: `session-${s.at}`, exercise: 'bridge', level: 0, seconds: 120 } as const;
    profile = apply(profile, exerciseCompleted(momentIn(s.at, z), done));
    onEach?.(profile, s);
  }
  if (!profile) throw new Error('no sessions');
  return profile;
};

// --- properties -------------------------------------------------------------------------

describe('the day of an instant', () => {
  it('is the calendar day on the user’s wall, at any instant and next to every clock change', () => {
    const nearChange = zone.chain((z) =>
      fc.record({
        zone: fc.constant(z),
        at: fc.oneof(
          fc.integer({ min: FROM, max: UNTIL }),
          startDay(z).chain((d) => fc.integer({ min: d * DAY - 30 * HOUR, max: d * DAY + 30 * HOUR })),
        ),
      }),
    );
    fc.assert(
      fc.property(nearChange, ({ zone: z, at }) => {
        const expected = dayOfNumber(localDayNumber(z, at));
        expect(dayInZone(at, z)).toBe(expected);
        expect(momentIn(at, z)).toEqual({ at, day: expected });
      }),
      { numRuns: 500 },
    );
  });
});

describe('streaks over real sessions in the user’s zone', () => {
  it('count each local day once, however many sessions it had, exactly as a calendar would', () => {
    fc.assert(
      fc.property(history, ({ zone: z, sessions, now }) => {
        const profile = recorded(z, sessions);
        const days = sessions.map((s) => s.day);
        const expected = referenceStreaks(days, localDayNumber(z, now));
        const summary = weekSummary(profile, dayInZone(now, z));
        expect(profile.activeDays).toEqual([...new Set(days)].sort((a, b) => a - b).map(dayOfNumber));
        expect({ current: summary.currentStreak, best: summary.bestStreak }).toEqual(expected);
      }),
    );
  });

  it('never lose their best as days are added, and the best is never below the current', () => {
    fc.assert(
      fc.property(history, ({ zone: z, sessions }) => {
        let best = 0;
        recorded(z, sessions, (profile, s) => {
          const summary = weekSummary(profile, dayOfNumber(s.day));
          expect(summary.bestStreak).toBeGreaterThanOrEqual(best);
          expect(summary.bestStreak).toBeGreaterThanOrEqual(summary.currentStreak);
          expect(summary.currentStreak).toBeGreaterThanOrEqual(1); // a session today keeps a streak alive
          best = summary.bestStreak;
        });
      }),
    );
  });

  it('are the same whatever order the sessions are recorded in', () => {
    fc.assert(
      fc.property(history, ({ zone: z, sessions, shuffled, now }) => {
        const inOrder = recorded(z, sessions);
        const anyOrder = recorded(z, shuffled);
        const today = dayInZone(now, z);
        expect(anyOrder.activeDays).toEqual(inOrder.activeDays);
        expect(anyOrder.firstUseDay).toBe(inOrder.firstUseDay);
        expect(anyOrder.bestStreak).toBe(inOrder.bestStreak);
        const a = weekSummary(anyOrder, today);
        const b = weekSummary(inOrder, today);
        expect([a.currentStreak, a.bestStreak]).toEqual([b.currentStreak, b.bestStreak]);
      }),
    );
  });

  it('are neither broken nor doubled by a 23- or 25-hour day: one session a day through a clock change', () => {
    const daily = fc.constantFrom(...DST_ZONES).chain((z) =>
      fc.record({
        zone: fc.constant(z),
        change: fc.constantFrom(...(TRANSITIONS.get(z) ?? [])),
        before: fc.integer({ min: 1, max: 4 }),
        after: fc.integer({ min: 1, max: 4 }),
        minutes: fc.array(wallMinute, { minLength: 9, maxLength: 9 }),
      }),
    );
    fc.assert(
      fc.property(daily, ({ zone: z, change, before, after, minutes }) => {
        const sessions: Session[] = [];
        for (let day = change - before, i = 0; day <= change + after; day++, i++) {
          sessions.push({ day, at: instantAt(z, day, minutes[i] ?? 0) });
        }
        const length = before + after + 1;
        const profile = recorded(z, sessions);
        const lastDay = change + after;
        expect(profile.activeDays).toHaveLength(length);
        for (const today of [lastDay, lastDay + 1]) {
          const summary = weekSummary(profile, dayOfNumber(today));
          expect([summary.currentStreak, summary.bestStreak]).toEqual([length, length]);
        }
        expect(weekSummary(profile, dayOfNumber(lastDay + 2)).currentStreak).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('streaks of recorded days', () => {
  const someDays = fc.array(fc.integer({ min: 19_000, max: 19_060 }), { maxLength: 40 });
  const today = fc.integer({ min: 19_000, max: 19_070 });

  it('have a best never below the current, and adding a day never lowers the best', () => {
    fc.assert(
      fc.property(someDays, fc.integer({ min: 19_000, max: 19_070 }), today, (days, extra, t) => {
        const before = streaks(days.map(dayOfNumber), dayOfNumber(t));
        const after = streaks([...days, extra].map(dayOfNumber), dayOfNumber(t));
        expect(before.best).toBeGreaterThanOrEqual(before.current);
        expect(after.best).toBeGreaterThanOrEqual(before.best);
        expect(before).toEqual(referenceStreaks(days, t));
      }),
    );
  });

  it('do not depend on the order or repetition of the days', () => {
    fc.assert(
      fc.property(someDays, today, fc.array(fc.nat()), (days, t, keys) => {
        const repeated = [...days, ...days.filter((_, i) => (keys[i] ?? 0) % 2 === 0)];
        const shuffled = repeated
          .map((d, i) => ({ d, key: keys[i] ?? i }))
          .sort((a, b) => a.key - b.key)
          .map(({ d }) => dayOfNumber(d));
        expect(streaks(shuffled, dayOfNumber(t))).toEqual(streaks(days.map(dayOfNumber), dayOfNumber(t)));
      }),
    );
  });
});
