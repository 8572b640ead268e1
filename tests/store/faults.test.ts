import { markSent } from '../../lambda/src/progress';
import { DynamoUserStore, StoreUnavailableError } from '../../lambda/src/store';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/faultProxy';
import { completed } from './helpers';

const USER = 'amzn1.ask.account.FAULTYUSER';
const ATTEMPTS = 3;

let dynamo: TestDynamo;
let proxy: FaultProxy;
beforeAll(async () => {
  dynamo = await startTestDynamo();
  proxy = await startFaultProxy(dynamo.endpoint, { delayMs: 10_000 });
});
afterAll(async () => {
  await proxy.close();
  await dynamo.close();
});
afterEach(() => proxy.set('none'));

/**
 * A store behind the proxy. By default with production's per-attempt timeouts and a long
 * budget, so that on a loaded machine only the injected faults fail a call and the attempts
 * counted are the SDK's own; `quick` gives test-sized timeouts for faults that hang.
 */
const newStore = async (quick = false, attempts = ATTEMPTS) => {
  const logs: string[] = [];
  const tableName = await dynamo.freshTable();
  const store = new DynamoUserStore({
    client: dynamo.client({
      endpoint: proxy.endpoint,
      ...(quick ? { requestTimeoutMs: 150, connectionTimeoutMs: 150 } : {}),
      maxAttempts: attempts,
    }),
    tableName,
    policy: { budgetMs: quick ? 2500 : 10_000 },
    log: (l) => logs.push(l),
  });
  return { store, logs };
};

const lines = (logs: string[], event: string) =>
  logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === event);

describe.each<[Fault, string]>([
  ['throttle', 'ThrottlingException'],
  ['provisioned', 'ProvisionedThroughputExceededException'],
  ['http500', 'InternalServerError'],
])('when DynamoDB answers %s', (fault, errorName) => {
  it('retries a passing fault and succeeds', async () => {
    const { store, logs } = await newStore();
    proxy.set(fault, { times: 1 });
    await expect(store.commit(USER, completed('r1'))).resolves.toMatchObject({
      exerciseCounts: { bridge: 1 },
    });
    expect(lines(logs, 'store.retried')).toEqual([
      { level: 'info', event: 'store.retried', op: 'commit', attempts: 2 },
    ]);
    expect(lines(logs, 'store.unavailable')).toEqual([]);
  });

  it('gives up with StoreUnavailableError after a bounded number of attempts', async () => {
    const { store, logs } = await newStore();
    proxy.set(fault);
    const before = proxy.requests;
    await expect(store.load(USER)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(proxy.requests - before).toBe(ATTEMPTS);
    expect(lines(logs, 'store.unavailable')).toEqual([
      { level: 'error', event: 'store.unavailable', op: 'load', errorName, attempts: ATTEMPTS },
    ]);
  });
});

describe('when the network misbehaves', () => {
  it.each<Fault>(['delay', 'drop'])(
    'a %s fault ends in StoreUnavailableError, not a hang',
    async (fault) => {
      const { store, logs } = await newStore(true);
      proxy.set(fault);
      const error = await store.load(USER).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(lines(logs, 'store.unavailable')).toHaveLength(1);
    },
    5000,
  );

  it('works again once the store recovers, and the pending delta is written then', async () => {
    const { store } = await newStore();
    await store.commit(USER, completed('r1'));
    proxy.set('drop');
    const pending = [completed('r2')];
    await expect(store.commit(USER, pending)).rejects.toBeInstanceOf(StoreUnavailableError);
    proxy.set('none');
    const later = await store.commit(USER, [...markSent(pending), completed('r3')]);
    expect(later.exerciseCounts.bridge).toBe(3);
  });

  it('does not count a session twice when a write landed but its reply was lost', async () => {
    // More attempts than lost replies: which concurrent update meets them is up to timing,
    // and one meeting them all must still get through.
    const { store, logs } = await newStore(false, 6);
    await store.commit(USER, completed('r1'));
    // Every update of the commit lands and loses its reply once; the SDK sends each again.
    proxy.set('lose-reply', { times: 4, operation: 'UpdateItem' });
    const before = proxy.requests;
    const after = await store.commit(USER, completed('r2'));
    expect(after.exerciseCounts.bridge).toBe(2);
    expect(after.sessionsTotal).toBe(2);
    const loaded = await store.load(USER);
    expect(loaded?.exerciseCounts.bridge).toBe(2);
    expect(loaded?.sessionsTotal).toBe(2);
    expect(loaded?.secondsTotal).toBe(120);
    // The lost ones were sent again (and found themselves applied already).
    expect(proxy.requests - before).toBeGreaterThan(4);
    expect(lines(logs, 'store.unavailable')).toEqual([]);
  });

  it('logs faults without any user id, hash or data', async () => {
    const { store, logs } = await newStore();
    proxy.set('throttle');
    await store.commit(USER, completed('r1')).catch(() => undefined);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(Object.keys(JSON.parse(line) as object).sort()).toEqual(
        expect.arrayContaining(['event', 'level', 'op', 'errorName']),
      );
      expect(line).not.toMatch(/FAULTYUSER|USER#|[0-9a-f]{64}|bridge/);
    }
  });
});
