import fc from 'fast-check';
import type { ExerciseId } from '../../lambda/src/coach/ids';
import {
  addToPending,
  creditWithdrawn,
  declineLevel,
  disclaimerHeard,
  exerciseCompleted,
  exerciseStoppedForPain,
  momentIn,
  paceChanged,
  resumeChanged,
  screenCleared,
  screenForgotten,
  setLevel,
  sixWeekAsked,
  type Profile,
  type ProgressChange,
  type ProgressDelta,
} from '../../lambda/src/progress';
import { DynamoUserStore } from '../../lambda/src/store';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';

/**
 * The store's merge, seen from outside: with deltas from two devices,
 * and however often one is re-sent after a lost reply, the stored profile is the same as
 * with each sent once, and nothing it counts ever goes down.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const T0 = Date.UTC(2026, 10, 20, 8, 0, 0);
const EXERCISES: ExerciseId[] = ['bridge', 'clamshell', 'bird-dog'];

let dynamo: TestDynamo;
let tableName: string;
let users = 0;
beforeAll(async () => {
  dynamo = await startTestDynamo();
  tableName = await dynamo.freshTable();
});
afterAll(async () => {
  await dynamo.close();
});

const store = () => new DynamoUserStore({ client: dynamo.client(), tableName, log: () => undefined });

type Kind =
  | 'completed'
  | 'easier'
  | 'painStop'
  | 'withdrawn'
  | 'pace'
  | 'resume'
  | 'level'
  | 'decline'
  | 'cleared'
  | 'forgotten'
  | 'disclaimer'
  | 'sixWeek';

interface Spec {
  readonly zone: string;
  readonly session: string;
  readonly exercise: ExerciseId;
  readonly level: number;
  readonly seconds: number;
  readonly kind: Kind;
  /** Recorded by the same session into the same pending delta as the change before it. */
  readonly joins: boolean;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  zone: fc.constantFrom('UTC', 'America/New_York', 'Australia/Sydney'),
  session: fc.constantFrom('s1', 's2', 's3', 's4'),
  exercise: fc.constantFrom(...EXERCISES),
  level: fc.integer({ min: 0, max: 1 }),
  seconds: fc.integer({ min: 1, max: 300 }),
  kind: fc.constantFrom<Kind>(
    'completed',
    'completed',
    'easier',
    'painStop',
    'withdrawn',
    'pace',
    'resume',
    'level',
    'decline',
    'cleared',
    'forgotten',
    'disclaimer',
    'sixWeek',
  ),
  joins: fc.boolean(),
});

/** The change a spec stands for, at `at`; `troubled`: the session already had a pain stop there. */
const changeOf = (s: Spec, at: number, troubled: boolean): ProgressChange => {
  const now = momentIn(at, s.zone);
  // An Alexa session lasts minutes: the same id is never used on two days.
  const done = {
    sessionId: `${s.session}-${new Date(at).toISOString().slice(0, 10)}`,
    exercise: s.exercise,
    level: s.level,
    seconds: s.seconds,
  };
  switch (s.kind) {
    case 'completed':
      // As the coach does: after trouble in a session, nothing more of it earns credit.
      return exerciseCompleted(now, done, !troubled);
    case 'easier':
      return exerciseCompleted(now, done, false);
    case 'painStop':
      return exerciseStoppedForPain(now, done);
    case 'withdrawn':
      return creditWithdrawn(now, done);
    case 'pace':
      return paceChanged(now, s.level === 0 ? 'slower' : 'faster');
    case 'resume':
      return resumeChanged(
        now,
        s.level === 0 ? null : { routine: 'full', blockIndex: s.seconds % 9, exerciseId: s.exercise, at },
      );
    case 'level':
      return setLevel(now, s.exercise, s.level + 1);
    case 'decline':
      return declineLevel(now, s.exercise);
    case 'cleared':
      return screenCleared(now);
    case 'forgotten':
      return screenForgotten(now);
    case 'disclaimer':
      return disclaimerHeard(now);
    case 'sixWeek':
      return sixWeekAsked(now);
  }
};

/**
 * Distinct deltas in the order they were recorded, each holding one or two changes of one
 * session (as a pending delta does), at distinct times within a fortnight.
 */
const deltas: fc.Arbitrary<ProgressDelta[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 14 * 86_400 }), { minLength: 1, maxLength: 14 })
  .chain((seconds) =>
    fc.tuple(
      fc.constant([...seconds].sort((a, b) => a - b)),
      fc.array(spec, { minLength: seconds.length, maxLength: seconds.length }),
    ),
  )
  .map(([times, specs]) => {
    const troubled = new Set<string>();
    const list: ProgressDelta[][] = [];
    specs.forEach((raw, i) => {
      const previous = list.at(-1);
      const joining = raw.joins && previous !== undefined && previous.length > 0;
      const s = joining ? { ...raw, session: specs[i - 1]?.session ?? raw.session } : raw;
      const key = `${s.session}/${s.exercise}/${s.level}`;
      const c = changeOf(s, T0 + (times[i] ?? 0) * 1000, troubled.has(key));
      if (s.kind === 'painStop' || s.kind === 'withdrawn') troubled.add(key);
      const id = `d${list.length}`;
      if (joining && previous) previous.splice(0, 1, ...addToPending(previous, c, id));
      else list.push([...addToPending([], c, id)]);
    });
    return list.map((pending) => pending[0] as ProgressDelta);
  });

/** A profile with its id lists in a fixed order (they are sets; the order means nothing). */
const normalised = (p: Profile | undefined) =>
  p && {
    ...p,
    recentSessions: [...p.recentSessions].sort(),
    applied: [...p.applied].sort(),
    // No clean session at a level reads the same as no entry.
    cleanSessionsAtLevel: Object.fromEntries(
      Object.entries(p.cleanSessionsAtLevel)
        .filter(([, c]) => c.sessions.length > 0)
        .map(([id, c]) => [id, { ...c, sessions: [...c.sessions].sort() }]),
    ),
  };

/** Commits each delta in `order` (indexes; a repeated index is a re-send), one device per index parity. */
const land = async (
  list: readonly ProgressDelta[],
  order: readonly number[],
): Promise<Profile | undefined> => {
  const user = `user-${users++}`;
  const devices = [store(), store()];
  for (const i of order) {
    const delta = list[i];
    if (delta) await devices[i % 2]?.commit(user, delta);
  }
  return store().load(user);
};

/** Every delta in the order recorded, with re-sends of earlier ones (lost replies) slipped in anywhere. */
const withResends = (n: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 5 })
    .map((resends) => {
      const order = Array.from({ length: n }, (_, i) => i);
      for (const [which, after] of resends) {
        const at = order.indexOf(Math.max(which, after));
        order.splice(at + 1, 0, which);
      }
      return order;
    });

describe('the stored profile, however often deltas are re-sent', () => {
  it('is the same with re-sends from two devices as without', async () => {
    await fc.assert(
      fc.asyncProperty(
        deltas.chain((list) => fc.tuple(fc.constant(list), withResends(list.length))),
        async ([list, order]) => {
          const inOrder = await land(
            list,
            list.map((_, i) => i),
          );
          const shuffled = await land(list, order);
          expect(normalised(shuffled)).toEqual(normalised(inOrder));
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('never shrinks: counters and days only grow as deltas land', async () => {
    await fc.assert(
      fc.asyncProperty(deltas, async (list) => {
        const user = `grow-${users++}`;
        const s = store();
        let before = { sessions: 0, seconds: 0, days: 0, counts: 0 };
        for (const delta of list) {
          const p = await s.commit(user, delta);
          const now = {
            sessions: p.sessionsTotal,
            seconds: p.secondsTotal,
            days: p.activeDays.length,
            counts: Object.values(p.exerciseCounts).reduce((a, b) => a + (b ?? 0), 0),
          };
          expect(now.sessions).toBeGreaterThanOrEqual(before.sessions);
          expect(now.seconds).toBeGreaterThanOrEqual(before.seconds);
          expect(now.days).toBeGreaterThanOrEqual(before.days);
          expect(now.counts).toBeGreaterThanOrEqual(before.counts);
          before = now;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
