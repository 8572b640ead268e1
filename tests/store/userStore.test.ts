import { createHash } from 'node:crypto';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { emptyProfile, markSent, type Profile } from '../../lambda/src/progress';
import { DynamoUserStore } from '../../lambda/src/store';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { T0, completed } from './helpers';

const USER = 'amzn1.ask.account.AGF7EXAMPLEUSERID';

let dynamo: TestDynamo;
beforeAll(async () => {
  dynamo = await startTestDynamo();
});
afterAll(async () => {
  await dynamo.close();
});

const newStore = async (logs: string[] = []) => {
  const tableName = await dynamo.freshTable();
  const make = () => new DynamoUserStore({ client: dynamo.client(), tableName, log: (l) => logs.push(l) });
  return { tableName, store: make(), make };
};

describe('DynamoUserStore', () => {
  it('has no profile for a new user', async () => {
    const { store } = await newStore();
    await expect(store.load(USER)).resolves.toBeUndefined();
  });

  it('returns what was committed when the profile is loaded again', async () => {
    const { store } = await newStore();
    const written = await store.commit(USER, completed('r1'));
    const loaded = await store.load(USER);
    expect(loaded).toEqual(written);
    expect(loaded?.exerciseCounts.bridge).toBe(1);
    expect(loaded?.sessionsTotal).toBe(1);
  });

  it('builds on the stored profile when no base is given', async () => {
    const { store } = await newStore();
    await store.commit(USER, completed('r1'));
    const second = await store.commit(USER, completed('r2'));
    expect(second.exerciseCounts.bridge).toBe(2);
  });

  it('loses no update when two devices write at once (100 rounds each)', async () => {
    const { make } = await newStore();
    const writer = async (store: DynamoUserStore, name: string) => {
      for (let i = 0; i < 100; i++) await store.commit(USER, completed(`${name}-${i}`));
    };
    await Promise.all([writer(make(), 'echo'), writer(make(), 'phone')]);
    const final = await make().load(USER);
    expect(final?.exerciseCounts.bridge).toBe(200);
    expect(final?.sessionsTotal).toBe(200);
    expect(final?.secondsTotal).toBe(200 * 60);
  });

  it('loses no update when two sessions each write with the profile they hold (100 rounds each)', async () => {
    const { make } = await newStore();
    const session = async (store: DynamoUserStore, name: string) => {
      // As the skill does: the profile read (or written) last is the base of the next write.
      let base = (await store.load(USER)) ?? null;
      for (let i = 0; i < 100; i++) base = await store.commit(USER, completed(`${name}-${i}`), base);
    };
    await Promise.all([session(make(), 'echo'), session(make(), 'phone')]);
    const final = await make().load(USER);
    expect(final?.exerciseCounts.bridge).toBe(200);
    expect(final?.sessionsTotal).toBe(200);
    expect(final?.secondsTotal).toBe(200 * 60);
  });

  it('keeps stored totals when a session holding an old, smaller copy of the profile writes', async () => {
    const { store } = await newStore();
    for (let i = 0; i < 3; i++) await store.commit(USER, completed(`r${i}`));
    // A copy from before those sessions, in an older shape (fields renamed, schema 0).
    const stale = { ...emptyProfile('2026-03-01'), schema: 0, totalSessions: 0 } as unknown as Profile;
    const after = await store.commit(
      USER,
      { id: 'pace-1', at: T0 + 1000, day: '2026-03-10', pace: { value: 'slower', updatedAt: T0 + 1000 } },
      stale,
    );
    expect(after.sessionsTotal).toBe(3);
    expect(after.exerciseCounts.bridge).toBe(3);
    expect(after.pace?.value).toBe('slower');
    expect((await store.load(USER))?.sessionsTotal).toBe(3);
  });

  it('counts a session once however many of its deltas are written', async () => {
    const { store } = await newStore();
    await store.commit(USER, completed('r1', 'bridge', 'session-a'));
    await store.commit(USER, completed('r2', 'clamshell', 'session-a'));
    const p = await store.load(USER);
    expect(p?.sessionsTotal).toBe(1);
    expect(p?.exerciseCounts).toEqual({ bridge: 1, clamshell: 1 });
    expect(p?.secondsTotal).toBe(120);
  });

  it('does not count a delta twice when it is sent again', async () => {
    const { store } = await newStore();
    const first = completed('r1');
    await store.commit(USER, first);
    const again = await store.commit(USER, [...markSent([first]), completed('r2')]);
    expect(again.exerciseCounts.bridge).toBe(2);
    const resent = await store.commit(USER, first);
    expect(resent.exerciseCounts.bridge).toBe(2);
  });

  it('forgets everything about the user on remove, and only that user', async () => {
    const { store, tableName } = await newStore();
    await store.commit(USER, completed('r1'));
    await store.commit('someone-else', completed('r2'));
    const pk = `USER#${createHash('sha256').update(USER).digest('hex')}`;
    // A future item kind under the same user must go too.
    await dynamo
      .client()
      .send(new PutCommand({ TableName: tableName, Item: { pk, sk: 'REMINDER#1', at: 1 } }));

    await store.remove(USER);

    await expect(store.load(USER)).resolves.toBeUndefined();
    const left = await dynamo.client().send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    );
    expect(left.Items).toEqual([]);
    expect((await store.load('someone-else'))?.exerciseCounts.bridge).toBe(1);
  });

  it('removing a user who has nothing stored succeeds', async () => {
    const { store } = await newStore();
    await expect(store.remove(USER)).resolves.toBeUndefined();
  });

  it('stores a hash of the user id, never the id itself', async () => {
    const { store, tableName } = await newStore();
    await store.commit(USER, completed('r1'));
    const { Items = [] } = await dynamo.client().send(new ScanCommand({ TableName: tableName }));
    expect(Items).toHaveLength(1);
    expect(Items[0]?.pk).toBe(`USER#${createHash('sha256').update(USER).digest('hex')}`);
    expect(Items[0]?.sk).toBe('PROFILE');
    expect(JSON.stringify(Items)).not.toContain(USER);
    expect(JSON.stringify(Items)).not.toContain('AGF7EXAMPLEUSERID');
  });

  it('starts over from an unreadable stored item instead of failing every write', async () => {
    const { store, tableName } = await newStore();
    const pk = `USER#${createHash('sha256').update(USER).digest('hex')}`;
    await dynamo
      .client()
      .send(new PutCommand({ TableName: tableName, Item: { pk, sk: 'PROFILE', version: 4, junk: true } }));
    await expect(store.load(USER)).resolves.toBeUndefined();
    const written = await store.commit(USER, completed('r1'));
    expect(written.exerciseCounts.bridge).toBe(1);
    expect(written.sessionsTotal).toBe(1);
  });
});
