import fc from 'fast-check';
import { applyDeltas, type Profile, type ProgressDelta } from '../../lambda/src/progress';
import { DynamoUserStore } from '../../lambda/src/store';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { history, landingOrder, noticed, type History } from '../support/progressHistory';

/**
 * The store's merge, seen from outside: deltas of two devices' sessions, written as the
 * skill writes them or landing in any other order, with re-sends, leave the same profile,
 * and it is the one the pure merge gives (which is what a session shows before it writes).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

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

const totals = (p: Profile | undefined) => ({
  sessions: p?.sessionsTotal ?? 0,
  seconds: p?.secondsTotal ?? 0,
  days: p?.activeDays.length ?? 0,
  completions: Object.values(p?.exerciseCounts ?? {}).reduce((a, b) => a + (b ?? 0), 0),
});

interface Batch {
  readonly device: 0 | 1;
  readonly deltas: readonly ProgressDelta[];
  /** The reply is lost: the device keeps the base it had. */
  readonly timedOut: boolean;
}

/**
 * Commits `batches` in order, each by its device with the profile that device last got back
 * as the base (as a session does). Every result must be the pure merge applied to the
 * profile stored before it, and no total may go down. Returns the profile loaded at the end.
 */
const land = async (batches: readonly Batch[]): Promise<Profile | undefined> => {
  const user = `user-${users++}`;
  const devices = [store(), store()] as const;
  const bases: [Profile | undefined, Profile | undefined] = [undefined, undefined];
  let stored: Profile | undefined;
  for (const { device, deltas, timedOut } of batches) {
    const result = await devices[device].commit(user, deltas, bases[device]);
    expect(noticed(result)).toEqual(noticed(applyDeltas(stored, deltas)));
    const [before, after] = [totals(stored), totals(result)];
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      expect(after[key]).toBeGreaterThanOrEqual(before[key]);
    }
    if (!timedOut) bases[device] = result;
    stored = result;
  }
  return store().load(user);
};

/** Each delta on its own, by the device of the session that recorded it; some replies lost. */
const oneByOne = (h: History, order: readonly ProgressDelta[], lost: readonly boolean[]): Batch[] => {
  const deviceOf = new Map(h.writes.flatMap((w) => w.deltas.map((d) => [d.id, w.device] as const)));
  return order.map((d, i) => ({ device: deviceOf.get(d.id) ?? 0, deltas: [d], timedOut: lost[i] === true }));
};

describe('the stored profile, whatever order deltas land in', () => {
  it('is the same in any order and with re-sends as written in order, is the pure merge, and never shrinks', async () => {
    await fc.assert(
      fc.asyncProperty(
        history(4).chain((h) =>
          fc.tuple(fc.constant(h), landingOrder(h), fc.array(fc.boolean(), { maxLength: 30 })),
        ),
        async ([h, order, lost]) => {
          const merged = noticed(applyDeltas(undefined, h.deltas));
          expect(noticed(await land(h.writes))).toEqual(merged);
          expect(noticed(await land(oneByOne(h, order, lost)))).toEqual(merged);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
