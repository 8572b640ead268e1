import fc from 'fast-check';
import type { ExerciseId, PaceId } from '../../lambda/src/coach/ids';
import {
  addToPending,
  cleanSessionsOf,
  creditWithdrawn,
  declineLevel,
  disclaimerHeard,
  exerciseCompleted,
  exerciseStoppedForPain,
  markSent,
  momentIn,
  paceChanged,
  raiseLevel,
  resumeChanged,
  screenCleared,
  screenForgotten,
  sixWeekAsked,
  storedLevel,
  type PendingProgress,
  type Profile,
  type ProgressChange,
  type ProgressDelta,
} from '../../lambda/src/progress';

/**
 * Realistic progress deltas for the merge properties: one user with two devices, a few Alexa
 * sessions over a few days (many starting shortly before local midnight, so a session's
 * exercises fall on two days), each a few turns some minutes apart. Every change comes from
 * the real builders and goes through the real pending list, as the skill does; a write that
 * times out leaves its deltas pending as sent, so the next write sends them again.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 2027-01-11 00:00 UTC; no zone below changes its clocks in the days after. */
const T0 = Date.UTC(2027, 0, 11);
/** The zones' offsets from UTC in January, minutes. */
const ZONES = { UTC: 0, 'America/New_York': -300, 'Australia/Sydney': 660, 'Asia/Kathmandu': 345 } as const;
type Zone = keyof typeof ZONES;
export const EXERCISES: readonly ExerciseId[] = ['bridge', 'clamshell'];
/** The highest level index the sessions raise an exercise to. */
export const TOP_LEVEL = 2;

type Action =
  | {
      readonly kind: 'done';
      readonly exercise: ExerciseId;
      readonly seconds: number;
      readonly easier: boolean;
    }
  | { readonly kind: 'painStop'; readonly exercise: ExerciseId; readonly seconds: number }
  /** Pain of 4 or more reported: credit already given this session is withdrawn. */
  | { readonly kind: 'hurts' }
  | { readonly kind: 'pace'; readonly pace: PaceId }
  | { readonly kind: 'resume'; readonly blockIndex: number | null }
  | { readonly kind: 'cleared' | 'forgotten' | 'sixWeek' | 'disclaimer' }
  | { readonly kind: 'levelUp' | 'decline'; readonly exercise: ExerciseId };

interface Turn {
  readonly gapMs: number;
  readonly actions: readonly Action[];
  readonly writeTimesOut: boolean;
}

interface SessionPlan {
  readonly device: 0 | 1;
  readonly day: number;
  /** Local minutes after midnight when the session starts, plus a few ms so devices rarely tie. */
  readonly startMs: number;
  readonly turns: readonly Turn[];
}

const exercise = fc.constantFrom(...EXERCISES);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('done' as const),
      exercise,
      seconds: fc.integer({ min: 0, max: 240 }),
      easier: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('painStop' as const),
      exercise,
      seconds: fc.integer({ min: 0, max: 90 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'hurts' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('pace' as const),
      pace: fc.constantFrom<PaceId>('slower', 'normal', 'faster'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resume' as const),
      blockIndex: fc.option(fc.integer({ min: 0, max: 8 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'cleared' as const,
        'forgotten' as const,
        'sixWeek' as const,
        'disclaimer' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('levelUp' as const, 'decline' as const), exercise }),
  },
);

const turn: fc.Arbitrary<Turn> = fc.record({
  gapMs: fc.integer({ min: MINUTE, max: 25 * MINUTE }),
  actions: fc.array(action, { minLength: 1, maxLength: 2 }),
  // About one write in four times out.
  writeTimesOut: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
});

const sessionPlan: fc.Arbitrary<SessionPlan> = fc.record({
  device: fc.constantFrom<0 | 1>(0, 1),
  day: fc.integer({ min: 0, max: 3 }),
  startMs: fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1380, max: 1439 })),
      fc.integer({ min: 0, max: 59_999 }),
    )
    .map(([minute, ms]) => minute * MINUTE + ms),
  turns: fc.array(turn, { minLength: 1, maxLength: 3 }),
});

/** One write attempt: the deltas pending at that moment, in their order. */
export interface Write {
  readonly at: number;
  readonly device: 0 | 1;
  readonly deltas: readonly ProgressDelta[];
  /** No reply came back: the session does not know whether it landed. */
  readonly timedOut: boolean;
}

interface LevelRaise {
  readonly at: number;
  readonly exercise: ExerciseId;
  readonly level: number;
}

const startOf = (zone: Zone, plan: SessionPlan): number =>
  T0 + plan.day * DAY - ZONES[zone] * MINUTE + plan.startMs;

/**
 * The levels a session starts from: the newest raise before it started, as the profile it
 * reads at launch holds. Two overlapping sessions may both raise an exercise to the same level.
 */
const levelsAt = (raises: readonly LevelRaise[], at: number): Record<string, number> => {
  const levels: Record<string, number> = {};
  for (const r of [...raises].filter((x) => x.at < at).sort((a, b) => a.at - b.at))
    levels[r.exercise] = r.level;
  return levels;
};

export interface History {
  readonly zone: Zone;
  /** Every write attempt in the order they happened (a re-send repeats a delta). */
  readonly writes: readonly Write[];
  /** Each distinct delta once, in the order it was first sent. */
  readonly deltas: readonly ProgressDelta[];
}

/** The writes one session makes, as the skill's pending list and the coach's rules lead to. */
const writesOf = (zone: Zone, plan: SessionPlan, sessionId: string, raises: LevelRaise[]): Write[] => {
  const writes: Write[] = [];
  let at = startOf(zone, plan);
  const levels = levelsAt(raises, at);
  let pending: PendingProgress = [];
  let troubled = false;
  const completed: { exercise: ExerciseId; level: number }[] = [];
  const painStopped = new Set<ExerciseId>();
  plan.turns.forEach((t, i) => {
    at += t.gapMs;
    const now = momentIn(at, zone);
    const changes: ProgressChange[] = [];
    const trouble = (): void => {
      if (!troubled) changes.push(...completed.map((c) => creditWithdrawn(now, { sessionId, ...c })));
      troubled = true;
    };
    for (const a of t.actions) {
      switch (a.kind) {
        case 'done': {
          // As the coach does: an exercise stopped for pain is not completed later in the session.
          if (painStopped.has(a.exercise)) break;
          const level = levels[a.exercise] ?? 0;
          changes.push(
            exerciseCompleted(
              now,
              { sessionId, exercise: a.exercise, level, seconds: a.seconds },
              !a.easier && !troubled,
            ),
          );
          completed.push({ exercise: a.exercise, level });
          break;
        }
        case 'painStop':
          trouble();
          changes.push(
            exerciseStoppedForPain(now, {
              sessionId,
              exercise: a.exercise,
              level: levels[a.exercise] ?? 0,
              seconds: a.seconds,
            }),
          );
          painStopped.add(a.exercise);
          break;
        case 'hurts':
          trouble();
          break;
        case 'pace':
          changes.push(paceChanged(now, a.pace));
          break;
        case 'resume':
          changes.push(
            resumeChanged(
              now,
              a.blockIndex === null
                ? null
                : { routine: 'full', blockIndex: a.blockIndex, exerciseId: 'bridge', at },
            ),
          );
          break;
        case 'cleared':
          changes.push(screenCleared(now));
          break;
        case 'forgotten':
          changes.push(screenForgotten(now));
          break;
        case 'sixWeek':
          changes.push(sixWeekAsked(now));
          break;
        case 'disclaimer':
          changes.push(disclaimerHeard(now));
          break;
        case 'levelUp': {
          const from = levels[a.exercise] ?? 0;
          if (from >= TOP_LEVEL) break;
          changes.push(raiseLevel(now, { exercise: a.exercise, from, to: from + 1 }));
          levels[a.exercise] = from + 1;
          raises.push({ at, exercise: a.exercise, level: from + 1 });
          break;
        }
        case 'decline':
          changes.push(declineLevel(now, a.exercise));
          break;
      }
    }
    for (const c of changes) pending = addToPending(pending, c, `${sessionId}-r${i}`);
    const last = i === plan.turns.length - 1;
    if (pending.length === 0) return;
    writes.push({ at, device: plan.device, deltas: pending, timedOut: t.writeTimesOut && !last });
    // The session's last write is taken as landed: nothing is left pending after it.
    pending = t.writeTimesOut && !last ? markSent(pending) : [];
  });
  return writes;
};

/** A user's history: up to `maxSessions` sessions on two devices over four days, at least one write. */
export const history = (maxSessions: number): fc.Arbitrary<History> =>
  fc
    .record({
      zone: fc.constantFrom(...(Object.keys(ZONES) as Zone[])),
      sessions: fc.array(sessionPlan, { minLength: 1, maxLength: maxSessions }),
    })
    .map(({ zone, sessions }) => {
      // In the order they start, so each sees the raises made before it started.
      const ordered = [...sessions].sort((a, b) => startOf(zone, a) - startOf(zone, b));
      const raises: LevelRaise[] = [];
      const writes = ordered
        .flatMap((plan, i) => writesOf(zone, plan, `s${i}`, raises))
        .sort((a, b) => a.at - b.at);
      const seen = new Map<string, ProgressDelta>();
      for (const w of writes) for (const d of w.deltas) if (!seen.has(d.id)) seen.set(d.id, d);
      return { zone, writes, deltas: [...seen.values()] };
    })
    .filter((h) => h.writes.length > 0);

/**
 * Every delta of a history as it might land: every write's deltas (so re-sends too) and a few
 * more re-sends of any delta, all in any order.
 */
export const landingOrder = (h: History): fc.Arbitrary<ProgressDelta[]> => {
  const sent = h.writes.flatMap((w) => w.deltas);
  return fc
    .array(fc.constantFrom(...sent), { maxLength: 4 })
    .chain((extra) => fc.shuffledSubarray([...sent, ...extra], { minLength: sent.length + extra.length }));
};

/**
 * What a user would notice of a profile: totals, the days sessions and minutes count under
 * (week summaries, streaks), completions, levels and the clean sessions toward the next,
 * the preferences and dates. Not the bookkeeping (applied ids, stamps), nor days whose
 * totals are zero.
 */
export const noticed = (p: Profile | undefined) =>
  p && {
    firstUseDay: p.firstUseDay,
    sessionsTotal: p.sessionsTotal,
    secondsTotal: p.secondsTotal,
    days: Object.fromEntries(Object.entries(p.days).filter(([, t]) => t.sessions > 0 || t.seconds > 0)),
    activeDays: p.activeDays,
    bestStreak: p.bestStreak,
    exerciseCounts: p.exerciseCounts,
    levels: EXERCISES.map((e) => storedLevel(p, e)),
    cleanSessions: EXERCISES.map((e) => cleanSessionsOf(p.practice[e], storedLevel(p, e))),
    levelOfferDeclinedAt: p.levelOfferDeclinedAt,
    pace: p.pace?.value ?? null,
    resume: p.resume,
    lastClearScreenDay: p.lastClearScreenDay,
    sixWeekAskedDay: p.sixWeekAskedDay,
    disclaimerHeard: p.disclaimerHeard,
  };
