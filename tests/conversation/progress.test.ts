import { createHash, randomUUID } from 'node:crypto';
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildHandler } from '../../lambda/src/skill';
import { initialState } from '../../lambda/src/conversation/state';
import { exerciseCompleted, momentIn } from '../../lambda/src/progress';
import { jsonLogger } from '../../lambda/src/util/logger';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { ratePainIfAsked } from '../support/people';
import {
  at,
  birdDogSession,
  doExercise,
  intoTheBlock,
  regular,
  screenIfAsked,
  type Regular,
} from '../support/progressPeople';

/**
 * Progress that lasts: each `session(at)` is a new Alexa session on the simulated clock, the
 * same person (same user id and table) on a later day; the item is read back from dynalite.
 */

const RESUME_OFFER = 'Last time you stopped at the bird dog. Pick up there?';
const LEVEL_UP_OFFER =
  "You've done the bird dog three times now without trouble. Ready to make it a little harder?";
const FIRST_WELCOME = "Hi, I'm your back and hip coach.";
const DISCLAIMER = 'not a substitute for medical advice';

let db: TestDynamo;
beforeAll(async () => {
  db = await startTestDynamo();
});
afterAll(async () => {
  await db.close();
});

/** The strength routine up to the bird dog (bridges and clamshells skipped), then "stop". */
const stopAtBirdDog = async (p: Regular, when: number): Promise<void> => {
  const c = p.session(when);
  await c.launch();
  await c.say('start the strength routine');
  await screenIfAsked(c);
  await c.say("it's a two");
  intoTheBlock(c);
  await c.say('skip');
  intoTheBlock(c);
  expect(await c.say('skip')).toMatch(/^Skipping the clamshells\. Bird dog\./);
  intoTheBlock(c);
  expect(await c.say('stop')).toContain('Take care of your back');
};

/** A bird dog in which the user says "ouch" mid-rep and rates the pain six. */
const birdDogStoppedForPain = async (p: Regular, when: number): Promise<void> => {
  const c = p.session(when);
  await c.launch();
  await c.say('coach me through a bird dog');
  await screenIfAsked(c);
  await ratePainIfAsked(c);
  intoTheBlock(c);
  expect(await c.say('ouch')).toContain('how bad is it right now?');
  expect(await c.say('six')).toContain("we'll stop this one");
  await c.say('stop');
};

describe('coming back and being recognised', () => {
  it('after exercising three days running: "Welcome back. That\'s 3 days in a row."', async () => {
    const p = await regular(db);
    for (const day of [0, 1, 2]) await birdDogSession(p, at(day));
    const c = p.session(at(2, 6));
    expect(await c.launch()).toMatch(/^Welcome back\. That's 3 days in a row\. /);
    // The disclaimer is heard once, at the first launch.
    expect(c.text).not.toContain(DISCLAIMER);
  });

  describe("days are counted in the user's own time zone", () => {
    // Los Angeles is UTC-8 in late November: 21:00 there is 05:00 the next day in UTC.
    const LA = 'America/Los_Angeles';
    const utc = (day: number, hour: number) => Date.UTC(2026, 10, day, hour);
    /** Local Tue 21:00, Wed 08:00, Thu 08:00: three local days, only two UTC days (25th, 26th). */
    const threeLocalDays = async (p: Regular): Promise<void> => {
      await birdDogSession(p, utc(25, 5));
      await birdDogSession(p, utc(25, 16));
      await birdDogSession(p, utc(26, 16));
    };

    it('three local days in a row make a 3-day streak although they span two UTC days', async () => {
      const p = await regular(db, { timeZone: LA });
      await threeLocalDays(p);
      const c = p.session(utc(26, 18));
      expect(await c.launch()).toMatch(/^Welcome back\. That's 3 days in a row\. /);
    });

    it('the same sessions counted in UTC make only 2 (the zone is what makes the difference)', async () => {
      const p = await regular(db);
      await threeLocalDays(p);
      const c = p.session(utc(26, 18));
      expect(await c.launch()).toMatch(/^Welcome back\. That's 2 days in a row\. /);
    });

    it('a late-evening session is the same local day although UTC is already the next day', async () => {
      const p = await regular(db, { timeZone: LA });
      await threeLocalDays(p);
      // Thursday 21:00 in Los Angeles = Friday 05:00 UTC.
      await birdDogSession(p, utc(27, 5));
      const c = p.session(utc(27, 6));
      expect(await c.launch()).toMatch(/^Welcome back\. That's 3 days in a row\. /);
      expect(await c.say("what's my streak")).toContain("You're on a 3 day streak.");
      expect(c.text).toContain("This week you've done 4 sessions.");
      const profile = await p.profile();
      expect(profile?.activeDays).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
      expect(profile?.days['2026-11-26']?.sessions).toBe(2);
    });
  });
});

describe('a routine left unfinished', () => {
  it('is offered at launch within 24 hours, and "yes" picks up at the bird dog', async () => {
    const p = await regular(db);
    await stopAtBirdDog(p, at(0));
    const c = p.session(at(0, 23));
    expect((await c.launch()).endsWith(RESUME_OFFER)).toBe(true);
    expect(c.repromptText).toBe('Shall we pick up where you left off? Yes or no.');
    expect(await c.say('yes')).toContain("How's your pain right now");
    const resumed = await c.say("it's a two");
    // The bird dog is introduced again, and nothing before it is repeated.
    expect(resumed).toContain('Picking up where you left off. Bird dog. Come onto your hands and knees,');
    expect(resumed).not.toMatch(/Bridge|Clamshell/);
  });

  it('"no" starts the routine fresh, from its first exercise', async () => {
    const p = await regular(db);
    await stopAtBirdDog(p, at(0));
    const c = p.session(at(0, 2));
    expect(await c.launch()).toContain(RESUME_OFFER);
    expect(await c.say('no')).toMatch(/^Okay, we'll start fresh\. .*How's your pain right now/);
    const fresh = await c.say("it's a two");
    expect(fresh).toContain('The strength routine: 4 exercises.');
    expect(fresh).toContain('Bridge. Lie on your back');
    expect(fresh).not.toContain('Bird dog');
  });

  it('after 24 hours it is no longer offered', async () => {
    const p = await regular(db);
    await stopAtBirdDog(p, at(0));
    const c = p.session(at(1, 1));
    expect(await c.launch()).not.toContain('Last time you stopped');
    expect(c.text).toMatch(/What would you like\?$/);
  });
});

describe('"how am I doing" / "what\'s my streak"', () => {
  it('says sessions and minutes this week and in total, active days, streaks and the most-done exercise', async () => {
    const p = await regular(db);
    // Last week (Tue, Wed): a best streak of 2. This week (Mon, Tue, Wed): 3 sessions, a streak of 3.
    for (const day of [-9, -8]) await birdDogSession(p, at(day));
    for (const day of [-3, -2]) await birdDogSession(p, at(day));
    await birdDogSession(p, at(-1));
    const c = p.session(at(-1, 3));
    await c.launch();
    const report = await c.say('how am I doing');
    // Each bird dog takes about 2 minutes.
    expect(report).toMatch(
      /^This week you've done 3 sessions\. That's about [5-7] minutes of exercise\. That meets the aim of three active days a week\. Well done\. You're on a 3 day streak\. In all, you've done 5 sessions with me\. That's about (9|1[0-2]) minutes of exercise altogether\. Your most practised move is the bird dog, done 5 times\./,
    );
    expect(await c.say("what's my streak")).toContain("You're on a 3 day streak.");
  });

  it('before any exercise it says there is nothing yet, and how to start', async () => {
    const p = await regular(db);
    const c = p.session(at(0));
    await c.launch();
    expect(await c.say('how am I doing')).toMatch(/^You haven't done a session with me yet\./);
  });

  it('names the best streak when it is longer than the current one, and days left to the weekly aim', async () => {
    const p = await regular(db);
    // Thu, Fri, Sat of last week (best 3); then Monday of this week only.
    for (const day of [-7, -6, -5]) await birdDogSession(p, at(day));
    await birdDogSession(p, at(-3));
    const c = p.session(at(-3, 2));
    await c.launch();
    const report = await c.say('how am I doing');
    expect(report).toContain("This week you've done one session.");
    expect(report).toContain('2 more active days this week reach the aim of three.');
    expect(report).toContain('Your best streak is 3 days.');
    expect(report).toContain("In all, you've done 4 sessions with me.");
  });
});

describe('moving up a level', () => {
  /** Three clean bird dogs on three days. */
  const threeClean = async (): Promise<Regular> => {
    const p = await regular(db);
    for (const day of [0, 1, 2]) await birdDogSession(p, at(day));
    return p;
  };

  it('after three clean sessions the launch offers it; "yes" makes the bird dog hold 8 s instead of 5 s', async () => {
    const p = await threeClean();
    const c = p.session(at(3));
    expect(await c.launch()).toMatch(/^Welcome back\. That's 3 days in a row\. /);
    expect(c.text.endsWith(LEVEL_UP_OFFER)).toBe(true);
    expect(await c.say('yes')).toBe(
      "Great. Next time we do the bird dog, it'll be a step up. What would you like to do?",
    );
    const blocks = await doExercise(c, 'bird dog');
    expect(blocks[0]).toContain('Reach. [pause 8s] And back.');
    expect(blocks[0]).not.toContain('[pause 5s]');
    expect(blocks[0]).toMatch(/8\. Ready for the other side\?$/);
    // And the next session too.
    c.listen();
    await c.say('stop');
    const next = p.session(at(4));
    await next.launch();
    const [first] = await doExercise(next, 'bird dog');
    expect(first).toContain('Reach. [pause 8s] And back.');
  });

  it.each([
    ['pain of 4 before each (the easier version is coached)', 'four'],
    ['pain of 5 before each', 'five'],
  ])('is never offered after three sessions with %s', async (_what, pain) => {
    const p = await regular(db);
    for (const day of [0, 1, 2]) {
      const c = p.session(at(day));
      await c.launch();
      await doExercise(c, 'bird dog', pain);
      c.listen();
      await c.say('stop');
    }
    const c = p.session(at(3));
    expect(await c.launch()).not.toContain(LEVEL_UP_OFFER);
    expect(c.text).toMatch(/What would you like\?$/);
  });

  it('is never offered after three sessions in which "it hurts" was rated 4', async () => {
    const p = await regular(db);
    for (const day of [0, 1, 2]) {
      const c = p.session(at(day));
      await c.launch();
      await c.say('coach me through a bird dog');
      await screenIfAsked(c);
      await ratePainIfAsked(c);
      intoTheBlock(c);
      await c.say('ouch');
      expect(await c.say('four')).toContain("let's ease off");
      await c.say('no');
      for (let i = 0; i < 4 && !/Well done\./.test(c.text); i += 1) {
        c.listen();
        await c.say('yes');
      }
      expect(c.text).toContain("That's your bird dogs done");
      c.listen();
      await c.say('stop');
    }
    // The three sessions count as done, but none toward a harder level.
    expect((await p.profile())?.exerciseCounts['bird-dog']).toBe(3);
    const c = p.session(at(3));
    expect(await c.launch()).not.toContain(LEVEL_UP_OFFER);
  });

  it('two sessions are not enough', async () => {
    const p = await regular(db);
    for (const day of [0, 1]) await birdDogSession(p, at(day));
    const c = p.session(at(2));
    expect(await c.launch()).not.toContain('harder');
  });

  it('"no" keeps the level, is not asked again within a week, and is asked again after 8 days', async () => {
    const p = await threeClean();
    const c = p.session(at(3));
    expect(await c.launch()).toContain(LEVEL_UP_OFFER);
    expect(await c.say('no')).toBe("No problem. We'll keep it where it is. What would you like to do?");
    const [first] = await doExercise(c, 'bird dog');
    expect(first).toContain('Reach. [pause 5s] And back.');
    c.listen();
    await c.say('stop');

    for (const when of [at(4), at(9)]) {
      const quiet = p.session(when);
      expect(await quiet.launch()).not.toContain('harder');
    }
    const later = p.session(at(11));
    expect(await later.launch()).toContain(LEVEL_UP_OFFER);
  });

  it('a session where the bird dog was stopped for pain ("ouch", then six) does not count', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    await birdDogSession(p, at(1));
    await birdDogStoppedForPain(p, at(2));
    const c = p.session(at(3));
    expect(await c.launch()).not.toContain('harder');
    // Nothing of the pain itself is kept, only that the exercise was not clean.
    expect(JSON.stringify(await p.items())).not.toMatch(/pain|hurt|ouch|\bsix\b/i);
  });
});

describe('pace', () => {
  it('"slower" is remembered in the next session: the bird dog returns in 2.3 s instead of 1.5 s, its 5 s hold unchanged', async () => {
    const p = await regular(db);
    const c = p.session(at(0));
    await c.launch();
    await c.say('coach me through a bird dog');
    await screenIfAsked(c);
    await ratePainIfAsked(c);
    intoTheBlock(c);
    expect(await c.say('slower')).toMatch(
      /^Slower it is\. Rep \d\. Reach\. \[pause 5s\] And back\. \[pause 2\.3s\]/,
    );
    await c.say('stop');

    const next = p.session(at(1));
    await next.launch();
    const [first] = await doExercise(next, 'bird dog');
    expect(first).toContain('Reach. [pause 5s] And back. [pause 2.3s]');
    expect(first).not.toContain('And back. [pause 1.5s]');
  });
});

describe('pace one step at a time', () => {
  it('"slower" then "faster" is normal speed, and normal speed is what the next session remembers', async () => {
    const p = await regular(db);
    const c = p.session(at(0));
    await c.launch();
    await c.say('coach me through a bird dog');
    await screenIfAsked(c);
    await ratePainIfAsked(c);
    intoTheBlock(c);
    expect(await c.say('slower')).toMatch(/^Slower it is\./);
    c.wait(3000);
    expect(await c.say('faster')).toMatch(
      /^Back to normal speed\. Rep \d\. Reach\. \[pause 5s\] And back\. \[pause 1\.5s\]/,
    );
    await c.say('stop');
    expect((await p.profile())?.pace?.value).toBe('normal');

    const next = p.session(at(1));
    await next.launch();
    const [first] = await doExercise(next, 'bird dog');
    expect(first).toContain('Reach. [pause 5s] And back. [pause 1.5s]');
  });
});

describe('the easier version chosen because of pain', () => {
  it('is not remembered: the next session coaches the usual version at the usual pace', async () => {
    const p = await regular(db);
    const c = p.session(at(0));
    await c.launch();
    await c.say('coach me through a bird dog');
    await screenIfAsked(c);
    await ratePainIfAsked(c);
    intoTheBlock(c);
    await c.say('ouch');
    expect(await c.say('four')).toContain("let's ease off");
    expect(await c.say('easier')).toMatch(/^Let's make it easier\. Bird dog, one limb at a time\./);
    await c.say('stop');

    const next = p.session(at(1));
    await next.launch();
    const [first] = await doExercise(next, 'bird dog');
    expect(first).toContain('Reach. [pause 5s] And back. [pause 1.5s]');
    expect(first).toMatch(/^Thanks\. Let's begin\. Bird dog\./);
  });
});

describe('"delete my data"', () => {
  it('asks first; "yes" erases everything stored for the user and the next launch is a first launch', async () => {
    const p = await regular(db);
    // Someone else in the same table keeps their progress.
    const other = await regular(db, {
      tableName: p.tableName,
      userId: 'amzn1.ask.account.SOMEONE-ELSE-0d2f',
    });
    await birdDogSession(other, at(0));
    await birdDogSession(p, at(0));
    await birdDogSession(p, at(1));
    expect(await p.items()).toHaveLength(2);

    const c = p.session(at(2));
    await c.launch();
    expect(await c.say('delete my data')).toBe('This will erase your progress. Are you sure?');
    expect(await c.say('yes')).toBe("Done. I've erased your progress. What would you like to do?");
    const left = await p.items();
    expect(left).toHaveLength(1);
    expect(left[0]?.pk).toBe(`USER#${createHash('sha256').update(other.userId).digest('hex')}`);
    await c.say('stop');
    expect(await p.profile()).toBeUndefined();

    const again = p.session(at(3));
    const text = await again.launch();
    expect(text).toContain(FIRST_WELCOME);
    expect(text).toContain(DISCLAIMER);
    expect(text).not.toContain('Welcome back');
    expect(await again.say('how am I doing')).toMatch(/^You haven't done a session with me yet\./);
  });

  it('"no" keeps it', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    const c = p.session(at(1));
    await c.launch();
    await c.say('forget me');
    expect(await c.say('no')).toBe("Okay, I've kept your progress. What would you like to do?");
    expect((await p.profile())?.sessionsTotal).toBe(1);
    const next = p.session(at(1, 1));
    expect(await next.launch()).toMatch(/^Welcome back\./);
  });
});

describe('the skill is disabled (AlexaSkillEvent.SkillDisabled)', () => {
  /** The event as Alexa sends it to the skill's endpoint: no session, the user in context. */
  const skillDisabled = (
    userId: string,
    status: 'PERSISTED' | 'NOT_PERSISTED',
    when: number,
  ): RequestEnvelope => {
    const time = new Date(when).toISOString();
    return {
      version: '1.0',
      context: {
        System: {
          application: { applicationId: 'amzn1.ask.skill.back-and-hip-coach' },
          user: { userId },
          apiEndpoint: 'https://api.amazonalexa.com',
        },
      },
      request: {
        type: 'AlexaSkillEvent.SkillDisabled',
        requestId: `amzn1.echo-external.request.${randomUUID()}`,
        timestamp: time,
        eventCreationTime: time,
        eventPublishingTime: time,
        body: { userInformationPersistenceStatus: status },
      },
    } as unknown as RequestEnvelope;
  };

  const disable = async (p: Regular, status: 'PERSISTED' | 'NOT_PERSISTED'): Promise<string[]> => {
    const logs: string[] = [];
    const handler = buildHandler({
      clock: () => at(2),
      logger: jsonLogger((l) => logs.push(l)),
      store: p.store,
    });
    const response = await handler(skillDisabled(p.userId, status, at(2)));
    // An event gets an empty response: nothing is spoken.
    expect(response.response.outputSpeech).toBeUndefined();
    return logs;
  };

  it("with NOT_PERSISTED the user's item is deleted, and a later enable starts afresh", async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    expect(await p.items()).toHaveLength(1);
    const logs = await disable(p, 'NOT_PERSISTED');
    expect(await p.items()).toEqual([]);
    expect(logs.join('\n')).not.toContain(p.userId);
    expect(await p.session(at(3)).launch()).toContain(FIRST_WELCOME);
  });

  it('with PERSISTED (the user id will come back) the item is kept', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    await disable(p, 'PERSISTED');
    expect((await p.profile())?.sessionsTotal).toBe(1);
  });
});

describe('two devices at once', () => {
  it('two sessions interleaving block by block at the same moments both count', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    const kitchen = p.session(at(1));
    const bedroom = p.session(at(1));
    const both = [kitchen, bedroom];
    for (const c of both) await c.launch();
    for (const c of both) await c.say('coach me through a bird dog');
    for (const c of both) await ratePainIfAsked(c);
    for (const c of both) c.listen();
    for (const c of both) expect(await c.say('yes')).toMatch(/, other side\./);
    for (const c of both) c.listen();
    for (const c of both) expect(await c.say('yes')).toContain('What would you like');
    for (const c of both) await c.say('stop');

    const profile = await p.profile();
    expect(profile?.sessionsTotal).toBe(3);
    expect(profile?.exerciseCounts['bird-dog']).toBe(3);
    expect(profile?.days['2026-11-27']?.sessions).toBe(2);
  });
});

describe('two devices at once, for a brand-new user', () => {
  it('both first sessions count although neither device found an item to update', async () => {
    const p = await regular(db);
    const kitchen = p.session(at(0));
    const bedroom = p.session(at(0));
    const both = [kitchen, bedroom];
    for (const c of both) await c.launch();
    for (const c of both) await c.say('coach me through a bird dog');
    for (let i = 0; i < 9; i += 1) for (const c of both) if (!/None of those/.test(c.text)) await c.say('no');
    for (const c of both) await ratePainIfAsked(c);
    for (const c of both) expect(c.text).toContain('Bird dog.');
    for (const c of both) c.listen();
    for (const c of both) await c.say('yes');
    for (const c of both) c.listen();
    for (const c of both) await c.say('stop');
    const profile = await p.profile();
    expect(profile?.sessionsTotal).toBe(2);
    expect(profile?.exerciseCounts['bird-dog']).toBe(2);
    expect(await p.items()).toHaveLength(1);
  });
});

describe('what the table holds (the store contract, seen through the skill)', () => {
  it('one item keyed by a hash of the user id, sk PROFILE, counters that grow, and no raw user id anywhere', async () => {
    const userId = 'amzn1.ask.account.AGZ3STORECONTRACT7Q';
    const p = await regular(db, { userId });
    await birdDogSession(p, at(0));
    const first = (await p.items())[0];
    await birdDogSession(p, at(1));
    const items = await p.items();
    expect(items).toHaveLength(1);
    const item = items[0] ?? {};
    expect(item.pk).toBe(`USER#${createHash('sha256').update(userId, 'utf8').digest('hex')}`);
    expect(item.sk).toBe('PROFILE');
    expect(item.sessionsTotal).toBe(2);
    expect(first?.sessionsTotal).toBe(1);
    const text = JSON.stringify(items);
    expect(text).not.toContain(userId);
    expect(text).not.toContain('AGZ3STORECONTRACT7Q');
    expect(text).not.toContain('amzn1.ask.account');
  });
});

describe('regressions (defects found in review, now fixed)', () => {
  it('"how am I doing" right after finishing an exercise counts that exercise', async () => {
    const p = await regular(db);
    const c = p.session(at(0));
    await c.launch();
    const blocks = await doExercise(c, 'bird dog');
    // The coach itself suggests the question at the end of the exercise.
    expect(blocks[blocks.length - 1]).toContain("You can ask how you're doing");
    c.listen();
    expect(await c.say('how am I doing')).toContain("This week you've done one session.");
  });

  it('"what\'s my streak" after the first day of exercise says something about the streak', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    const c = p.session(at(0, 2));
    await c.launch();
    // The report's streak lines are only said from 2 days up (report.ts streakLines), so
    // the question asked is not answered at all.
    expect(await c.say("what's my streak")).toMatch(/streak/);
  });
});

describe('a session begun before an update', () => {
  it('carries on: a profile it holds in the older shape is read again, and its pending bridge still counts', async () => {
    const p = await regular(db);
    await birdDogSession(p, at(0));
    const when = at(0, 3);
    const time = new Date(when).toISOString();
    // The profile as the session attributes held it before clean sessions were kept by time.
    const profile = {
      schema: 1,
      firstUseDay: '2026-11-20',
      activeDays: ['2026-11-25'],
      bestStreak: 1,
      sessionsTotal: 1,
      secondsTotal: 120,
      days: { '2026-11-25': { sessions: 1, seconds: 120 } },
      exerciseCounts: { 'bird-dog': 1 },
      exerciseLevels: {},
      cleanSessionsAtLevel: { 'bird-dog': { level: 0, sessions: ['s1'] } },
      levelOfferDeclinedAt: {},
      pace: null,
      lastClearScreenDay: null,
      resume: null,
      resumeUpdatedAt: 0,
      disclaimerHeard: true,
      reminderConsent: null,
      sixWeekAskedDay: null,
      recentSessions: ['s1'],
      applied: ['r1'],
    };
    // And a bridge done earlier in this session, not yet written.
    const bridgeDone = {
      ...exerciseCompleted(momentIn(when - 60_000, 'UTC'), {
        sessionId: '0123456789abcdef',
        exercise: 'bridge',
        level: 0,
        seconds: 60,
      }),
      id: 'r2',
    };
    const handler = buildHandler({ clock: () => when, logger: jsonLogger(() => undefined), store: p.store });
    const response = await handler({
      version: '1.0',
      session: {
        new: false,
        sessionId: 'amzn1.echo-api.session.before-update',
        application: { applicationId: 'amzn1.ask.skill.back-and-hip-coach' },
        user: { userId: p.userId },
        attributes: {
          coach: {
            state: initialState(),
            user: {
              profile,
              pending: [bridgeDone],
              dirty: false,
              timeZone: 'UTC',
              sessionKey: '0123456789abcdef',
              warned: false,
            },
          },
        },
      },
      context: {
        System: {
          application: { applicationId: 'amzn1.ask.skill.back-and-hip-coach' },
          user: { userId: p.userId },
          apiEndpoint: 'https://api.amazonalexa.com',
        },
      },
      request: {
        type: 'IntentRequest',
        requestId: `amzn1.echo-api.request.${randomUUID()}`,
        timestamp: time,
        locale: 'en-US',
        intent: { name: 'ProgressIntent', confirmationStatus: 'NONE' },
      },
    } as unknown as RequestEnvelope);
    const ssml = (response.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
    expect(ssml).toContain('2 sessions');
  });
});
