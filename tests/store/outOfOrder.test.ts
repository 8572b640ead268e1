import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExerciseId } from '../../lambda/src/coach/ids';
import {
  applyDeltas,
  exerciseCompleted,
  exerciseStoppedForPain,
  levelUpCandidate,
  momentIn,
  raiseLevel,
  screenCleared,
  screenForgotten,
  weekSummary,
  type Profile,
  type ProgressChange,
  type ProgressDelta,
} from '../../lambda/src/progress';
import { DynamoUserStore } from '../../lambda/src/store';
import { PROFILE_SK, userPk } from '../../lambda/src/store/keys';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';

/**
 * Writes that land in another order than they were made (two devices, or a write whose reply
 * was lost landing after later ones): each case once, as a user would see it. The property
 * test (deltaProperties.test.ts) covers the rest.
 */
const USER = 'amzn1.ask.account.OUTOFORDER';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.close();
});

const newStores = async () => {
  const tableName = await dynamo.freshTable();
  const make = () => new DynamoUserStore({ client: dynamo.client(), tableName, log: () => undefined });
  return { tableName, phone: make(), echo: make() };
};

const at = (iso: string) => momentIn(Date.parse(iso), 'UTC');
let ids = 0;
const delta = (change: ProgressChange): ProgressDelta => ({ ...change, id: `r${ids++}` });
const done = (iso: string, sessionId: string, exercise: ExerciseId = 'bridge', level = 0) =>
  delta(exerciseCompleted(at(iso), { sessionId, exercise, level, seconds: 300 }));
const painStop = (iso: string, sessionId: string) =>
  delta(exerciseStoppedForPain(at(iso), { sessionId, exercise: 'bridge', level: 0, seconds: 30 }));
const offer = (p: Profile | undefined) => levelUpCandidate(p, Date.parse('2026-04-01T00:00:00Z'), () => 2);

/** Commits each delta on its own, as separate writes do. */
const landEach = async (store: DynamoUserStore, deltas: readonly ProgressDelta[]): Promise<Profile> => {
  let p: Profile | undefined;
  for (const d of deltas) p = await store.commit(USER, d);
  if (!p) throw new Error('nothing committed');
  return p;
};

describe('writes that land out of order', () => {
  it('count a session past midnight in the week it began, even when its later write landed first with its reply lost', async () => {
    const { phone } = await newStores();
    // Sunday 23:50 to Monday 00:05: the session began in the week of 9 March.
    const sunday = done('2026-03-15T23:50:00Z', 'late-night');
    const monday = done('2026-03-16T00:05:00Z', 'late-night', 'clamshell');
    // The Monday write landed but its reply was lost: the session still holds no profile.
    await phone.commit(USER, monday);
    const p = await phone.commit(USER, [sunday, monday]);
    expect(p.sessionsTotal).toBe(1);
    expect(weekSummary(p, '2026-03-15').sessionsThisWeek).toBe(1);
    expect(weekSummary(p, '2026-03-16').sessionsThisWeek).toBe(0);
    expect(weekSummary(p, '2026-03-16').minutesThisWeek).toBe(5);
    expect(p.activeDays).toEqual(['2026-03-15', '2026-03-16']);
    expect(weekSummary(p, '2026-03-16')).toEqual(
      weekSummary(applyDeltas(undefined, [sunday, monday]), '2026-03-16'),
    );
  });

  it('let a pain stop that lands late start the count over for the sessions before it, not those after', async () => {
    const { phone } = await newStores();
    const before = [done('2026-03-10T09:00:00Z', 'a'), done('2026-03-11T09:00:00Z', 'b')];
    const stop = painStop('2026-03-12T09:00:00Z', 'c');
    const after = [done('2026-03-13T09:00:00Z', 'd'), done('2026-03-14T09:00:00Z', 'e')];
    const p = await landEach(phone, [...before, ...after, stop]);
    // Two clean sessions since the stop: not yet three.
    expect(offer(p)).toBeUndefined();
    const f = done('2026-03-15T09:00:00Z', 'f');
    const third = await phone.commit(USER, f);
    expect(offer(third)).toEqual({ exercise: 'bridge', from: 0, to: 1 });
    expect(offer(applyDeltas(undefined, [...before, ...after, stop, f]))).toEqual(offer(third));
  });

  it('keep the clear screen forgotten after a red flag when an older clear lands after the forgetting', async () => {
    const { phone, echo } = await newStores();
    const cleared = delta(screenCleared(at('2026-03-10T09:00:00Z')));
    const forgotten = delta(screenForgotten(at('2026-03-10T18:00:00Z')));
    await echo.commit(USER, forgotten);
    const p = await phone.commit(USER, cleared);
    // The next exercise screens again, in the store and in the session's own view.
    expect(p.lastClearScreenDay).toBeNull();
    expect(applyDeltas(undefined, [forgotten, cleared])?.lastClearScreenDay).toBeNull();
  });

  it('start the count over when another device raises the level again, in the store as in the session', async () => {
    const { phone, echo } = await newStores();
    const raise = (iso: string) => delta(raiseLevel(at(iso), { exercise: 'bridge', from: 0, to: 1 }));
    // The echo's session began before the phone's raise, so it offered the same raise later.
    const deltas = [
      raise('2026-03-10T09:00:00Z'),
      done('2026-03-10T09:10:00Z', 'p1', 'bridge', 1),
      done('2026-03-10T09:20:00Z', 'p2', 'bridge', 1),
      raise('2026-03-10T09:30:00Z'),
      done('2026-03-11T09:00:00Z', 'p3', 'bridge', 1),
      done('2026-03-12T09:00:00Z', 'p4', 'bridge', 1),
    ];
    await echo.commit(USER, deltas[3] as ProgressDelta);
    const p = await landEach(phone, [
      deltas[0],
      deltas[1],
      deltas[2],
      deltas[4],
      deltas[5],
    ] as ProgressDelta[]);
    expect(offer(p)).toBeUndefined();
    expect(offer(applyDeltas(undefined, deltas))).toBeUndefined();
    const third = await phone.commit(USER, done('2026-03-13T09:00:00Z', 'p5', 'bridge', 1));
    expect(offer(third)).toEqual({ exercise: 'bridge', from: 1, to: 2 });
  });
});

describe('an item written before the flat layout (schema 1)', () => {
  it('keeps its sessions, clean sessions and settings, and counts on from them', async () => {
    const { phone, tableName } = await newStores();
    // As the store wrote whole profiles before: nested maps and lists named like the fields.
    await dynamo.client().send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: userPk(USER),
          sk: PROFILE_SK,
          version: 7,
          schema: 1,
          firstUseDay: '2026-03-01',
          activeDays: ['2026-03-01', '2026-03-02'],
          bestStreak: 2,
          sessionsTotal: 2,
          secondsTotal: 600,
          days: { '2026-03-01': { sessions: 1, seconds: 300 }, '2026-03-02': { sessions: 1, seconds: 300 } },
          exerciseCounts: { bridge: 2 },
          exerciseLevels: {},
          cleanSessionsAtLevel: { bridge: { level: 0, sessions: ['old-1', 'old-2'] } },
          levelOfferDeclinedAt: {},
          pace: { value: 'slower', updatedAt: Date.parse('2026-03-02T09:00:00Z') },
          lastClearScreenDay: '2026-03-02',
          resume: null,
          resumeUpdatedAt: 0,
          disclaimerHeard: true,
          reminderConsent: null,
          sixWeekAskedDay: null,
          recentSessions: ['old-1', 'old-2'],
          applied: ['x1', 'x2'],
        },
      }),
    );
    const loaded = await phone.load(USER);
    expect(loaded?.sessionsTotal).toBe(2);
    expect(loaded?.pace?.value).toBe('slower');
    expect(loaded?.lastClearScreenDay).toBe('2026-03-02');
    expect(offer(loaded)).toBeUndefined();

    // A late write from the second old session counts nothing twice.
    const again = await phone.commit(USER, done('2026-03-02T09:05:00Z', 'old-2', 'clamshell'), loaded);
    expect(again.sessionsTotal).toBe(2);
    // A third clean session after the two kept ones: the harder level is offered.
    const third = await phone.commit(USER, done('2026-03-03T09:00:00Z', 'new-1'), again);
    expect(third.sessionsTotal).toBe(3);
    expect(third.days['2026-03-03']).toEqual({ sessions: 1, seconds: 300 });
    expect(offer(third)).toEqual({ exercise: 'bridge', from: 0, to: 1 });
    expect(offer(applyDeltas(loaded, [done('2026-03-03T09:00:00Z', 'new-1')]))).toEqual(offer(third));
    // A pain stop starts the count over, old sessions included.
    const stopped = await phone.commit(USER, painStop('2026-03-03T10:00:00Z', 'new-2'), third);
    expect(offer(stopped)).toBeUndefined();
    expect(await phone.load(USER)).toEqual(stopped);
  });
});
