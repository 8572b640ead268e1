import type { Conversation } from '../support/conversation';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/faultProxy';
import { ratePainIfAsked } from '../support/people';
import {
  at,
  birdDogSession,
  doExercise,
  regular,
  screenIfAsked,
  type Regular,
} from '../support/progressPeople';

/**
 * The store misbehaving under a real conversation: the fault proxy sits between the SDK
 * and dynalite. Whatever the store does, the coaching goes on; the user is told once that
 * progress can't be saved; and what was pending lands as soon as the store is back.
 */

const WARNING = "Heads up: I can't save your progress right now. I'll keep trying while we go.";
const USER = 'amzn1.ask.account.STOREFAULTS-PERSON-e41b';

let db: TestDynamo;
let proxy: FaultProxy;
beforeAll(async () => {
  db = await startTestDynamo();
  proxy = await startFaultProxy(db.endpoint, { delayMs: 3000 });
});
afterAll(async () => {
  await proxy.close();
  await db.close();
});
afterEach(() => proxy.set('none'));

/**
 * A person whose store reaches dynalite through `endpoint`, with production's time limits:
 * dynalite runs in this process, so on a loaded machine a healthy answer can take hundreds
 * of milliseconds, and tighter limits would fail writes the test expects to land.
 */
const personBehind = (endpoint: string): Promise<Regular> =>
  regular(db, {
    userId: USER,
    client: db.client({ endpoint, maxAttempts: 2 }),
    policy: { budgetMs: 2500 },
  });

/** A day-0 bird dog with the store healthy: progress to lose, and a clear screen on record. */
const withHistory = async (p: Regular): Promise<void> => {
  await birdDogSession(p, at(0));
  expect((await p.profile())?.sessionsTotal).toBe(1);
};

const warnings = (c: Conversation): number =>
  c.replies.filter((r) => r.ssml.includes("I can't save your progress right now")).length;

/** Every reply was a coaching reply that keeps listening (record() already checked its SSML). */
const expectConversationWentOn = (c: Conversation): void => {
  for (const reply of c.replies.slice(0, -1)) {
    expect(reply.ended).toBe(false);
    expect(reply.ssml).not.toContain('something went wrong');
  }
};

const expectCleanLogs = (p: Regular, c: Conversation, events: string[]): void => {
  const lines = [...p.storeLogs, ...c.logs];
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const faults = parsed.filter((l) => l.event === 'store.unavailable');
  expect(faults.length).toBeGreaterThan(0);
  for (const f of faults) expect(typeof f.errorName).toBe('string');
  for (const event of events) expect(parsed.some((l) => l.event === event)).toBe(true);
  for (const line of lines) {
    expect(line).not.toContain(USER);
    expect(line).not.toContain('amzn1.ask.account');
  }
};

const FAULTS: readonly Fault[] = ['throttle', 'http500', 'delay', 'drop'];

describe.each(FAULTS)('DynamoDB fault "%s"', (fault) => {
  it('on the launch read: the coaching goes on, one warning, and the progress lands once the store is back', async () => {
    const p = await personBehind(proxy.endpoint);
    await withHistory(p);

    proxy.set(fault);
    const c = p.session(at(1));
    expect(await c.launch()).toMatch(/What would you like\?$/);
    await c.say('coach me through a bird dog');
    // The day-0 screen could not be read: to be safe, the screen is asked again.
    await screenIfAsked(c);
    expect(c.text).toContain(WARNING);
    await ratePainIfAsked(c);
    expect(c.text).toContain('Bird dog.');

    proxy.set('none');
    c.listen();
    expect(await c.say('yes')).toMatch(/, other side\./);
    // The write pending since the screen landed on this turn, over the day-0 progress.
    const landed = await p.profile();
    expect(landed?.lastClearScreenDay).toBe('2026-11-27');
    expect(landed?.sessionsTotal).toBe(1);

    c.listen();
    await c.say('stop');
    const profile = await p.profile();
    expect(profile?.sessionsTotal).toBe(2);
    expect(profile?.exerciseCounts['bird-dog']).toBe(2);
    expect(warnings(c)).toBe(1);
    expectConversationWentOn(c);
    expectCleanLogs(p, c, ['progress.load.failed', 'progress.save.failed']);
  });

  it('on writes mid-routine: every block is still coached, one warning, and the next write after recovery lands', async () => {
    const p = await personBehind(proxy.endpoint);
    await withHistory(p);

    const c = p.session(at(1));
    expect(await c.launch()).toMatch(/^Welcome back\./);
    await c.say('start my stretches');
    expect(await c.say("it's a two")).toContain('Pelvic tilts.');

    proxy.set(fault);
    c.listen();
    // The pelvic tilts are done: that write fails.
    expect(await c.say('yes')).toMatch(
      /^Heads up: I can't save your progress right now\. .*Kneeling hip flexor stretch\./,
    );
    c.listen();
    expect(await c.say('yes')).toMatch(/, other side\./);
    c.listen();
    expect(await c.say('yes')).toMatch(/^Set 2 of 2/);
    expect((await p.profile())?.exerciseCounts['pelvic-tilt']).toBeUndefined();

    proxy.set('none');
    c.listen();
    // The hip flexor stretch's last block, which ends by naming the hamstring stretch.
    expect(await c.say('yes')).toMatch(/, other side\..*Next is the lying hamstring stretch\./);
    // Back: the pending progress is written on this turn.
    const landed = await p.profile();
    expect(landed?.exerciseCounts['pelvic-tilt']).toBe(1);
    expect(landed?.sessionsTotal).toBe(2);
    expect(landed?.resume?.exerciseId).toBe('hip-flexor-stretch');

    // The hamstring stretch: 2 sets × 2 sides, the last block ending with the routine's summary.
    c.listen();
    expect(await c.say('ready')).toMatch(/^Lying hamstring stretch\./);
    c.listen();
    expect(await c.say('yes')).toMatch(/, other side\./);
    c.listen();
    expect(await c.say('yes')).toMatch(/^Set 2 of 2/);
    c.listen();
    expect(await c.say('yes')).toContain("That's the quick relief routine done");

    c.listen();
    await c.say('stop');
    const profile = await p.profile();
    expect(profile?.exerciseCounts).toEqual({
      'bird-dog': 1,
      'pelvic-tilt': 1,
      'hip-flexor-stretch': 1,
      'hamstring-stretch': 1,
    });
    expect(profile?.resume).toBeNull();
    expect(warnings(c)).toBe(1);
    expectConversationWentOn(c);
    expectCleanLogs(p, c, ['progress.save.failed']);
  });
});

describe('a write that lands but whose reply is lost', () => {
  it('is re-sent when the store answers again, and counted once', async () => {
    const p = await personBehind(proxy.endpoint);
    await withHistory(p);
    const c = p.session(at(1));
    await c.launch();
    await c.say('start my stretches');
    await c.say("it's a two");
    proxy.set('lose-reply');
    c.listen();
    expect(await c.say('yes')).toContain(WARNING);
    proxy.set('none');
    c.listen();
    await c.say('yes');
    c.listen();
    await c.say('stop');
    const profile = await p.profile();
    expect(profile?.exerciseCounts['pelvic-tilt']).toBe(1);
    expect(profile?.sessionsTotal).toBe(2);
    expect(warnings(c)).toBe(1);
  });
});

describe('the store cannot be reached at all', () => {
  it('coaching still works from launch to the end of an exercise, with the warning said once', async () => {
    const closed = await startFaultProxy(db.endpoint);
    await closed.close();
    const p = await personBehind(closed.endpoint);
    const c = p.session(at(0));
    expect(await c.launch()).toMatch(/What would you like\?$/);
    const blocks = await doExercise(c, 'bird dog');
    expect(blocks[0]).toContain('Bird dog.');
    expect(blocks[blocks.length - 1]).toContain("That's your bird dogs done");
    c.listen();
    await c.say('stop');
    expect(c.last.ended).toBe(true);
    expect(warnings(c)).toBe(1);
    expectConversationWentOn(c);
    expectCleanLogs(p, c, ['progress.load.failed', 'progress.save.failed']);
    expect(await p.items()).toEqual([]);
  });
});
