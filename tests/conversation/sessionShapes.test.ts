import type { RequestEnvelope } from 'ask-sdk-model';
import { jsonLogger } from '../../lambda/src/util/logger';
import { Conversation } from '../support/conversation';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { ratePainIfAsked } from '../support/people';
import { at, birdDogSession, doExercise, regular, type Regular } from '../support/progressPeople';

/**
 * Session attributes come back from Alexa as the last response left them. After a deploy
 * that changes their shape, an open session brings the old one: each part is checked, a
 * part that does not fit is dropped (the profile read again), and the conversation answers.
 */

type Raw = Record<string, unknown>;
const obj = (x: unknown): Raw => {
  if (typeof x !== 'object' || x === null) throw new Error(`not an object: ${JSON.stringify(x)}`);
  return x as Raw;
};

/** Rewrites the session attributes of the next request only, as a deploy would leave them. */
class Tamper {
  private change: ((coach: Raw) => void) | undefined;

  next(change: (coach: Raw) => void): void {
    this.change = change;
  }

  readonly onRequest = (request: RequestEnvelope): void => {
    const coach = request.session?.attributes?.coach as Raw | undefined;
    if (!this.change || !coach) return;
    this.change(coach);
    this.change = undefined;
  };
}

const user = (coach: Raw): Raw => obj(coach.user);
const state = (coach: Raw): Raw => obj(coach.state);

/** The older shapes a reliability run sent, each of which used to break the session for good. */
const OLD_SHAPES: readonly [string, (coach: Raw) => void][] = [
  ['no pending list', (coach) => delete user(coach).pending],
  ['an empty profile', (coach) => (user(coach).profile = {})],
  [
    'pending deltas with older field names',
    (coach) =>
      (user(coach).pending = [
        { deltaId: 'amzn1.echo-api.request.old', when: 1, sessionMarks: [{ id: 'x', date: '2026-11-27' }] },
      ]),
  ],
  [
    'a run holding its block list',
    (coach) =>
      (obj(state(coach).coach).run = {
        blocks: [{ exerciseId: 'bird-dog', set: 1, side: 'left' }],
        blockIndex: 0,
        rep: 3,
      }),
  ],
  ['a mode of a kind no longer known', (coach) => (state(coach).mode = { kind: 'painRating', tries: 1 })],
  ['a state that is not an object', (coach) => (coach.state = 'screen')],
  ['session data from another version', (coach) => (coach.v = 99)],
];

let db: TestDynamo;
beforeAll(async () => {
  db = await startTestDynamo();
});
afterAll(async () => {
  await db.close();
});

/** A day-0 bird dog: progress to keep, and a clear screen on record. */
const withHistory = async (): Promise<Regular> => {
  const p = await regular(db);
  await birdDogSession(p, at(0));
  expect((await p.profile())?.sessionsTotal).toBe(1);
  return p;
};

/** Day 1, into the first bird dog block, with the next request's attributes rewritten by `change`. */
const midBirdDogThen = async (p: Regular, change: (coach: Raw) => void): Promise<Conversation> => {
  const tamper = new Tamper();
  const c = p.session(at(1), { onRequest: tamper.onRequest });
  await c.launch();
  await c.say('coach me through a bird dog');
  await ratePainIfAsked(c);
  expect(c.text).toContain('Bird dog');
  tamper.next(change);
  return c;
};

const droppedLines = (c: Conversation): Raw[] =>
  c.logs.map((l) => JSON.parse(l) as Raw).filter((l) => l.event === 'session.dropped');

describe('session attributes of an older shape (an open session across a deploy)', () => {
  it.each(OLD_SHAPES)(
    '%s: every later turn answers, "stop" says goodbye, and stored progress stays',
    async (_name, change) => {
      const p = await withHistory();
      const c = await midBirdDogThen(p, change);

      expect(await c.say('what exercises do you have')).toContain('I can coach pelvic tilts');
      expect(await c.say('how am I doing')).toMatch(/^This week you've done one session\./);
      expect(await c.say('stop')).toMatch(/Bye for now\.$/);
      expect(c.last.ended).toBe(true);
      for (const reply of c.replies) expect(reply.ssml).not.toContain('something went wrong');

      // Logged once, naming only parts from a fixed list.
      const dropped = droppedLines(c);
      expect(dropped).toHaveLength(1);
      const { level: _level, event: _event, coldStart: _cold, ...parts } = dropped[0] ?? {};
      expect(Object.keys(parts).length).toBeGreaterThan(0);
      for (const [part, value] of Object.entries(parts)) {
        expect(['version', 'state', 'run', 'mode', 'field', 'user', 'profile', 'pending']).toContain(part);
        expect(value).toBe(true);
      }
      expect((await p.profile())?.sessionsTotal).toBe(1);
      expect(await p.session(at(2)).launch()).toMatch(/^Welcome back\./);
    },
  );

  it('a profile of an older shape (schema 0, two fields renamed) is read again: "slower" keeps the stored totals', async () => {
    const p = await withHistory();
    const c = await midBirdDogThen(p, (coach) => {
      const { sessionsTotal, secondsTotal, ...rest } = obj(user(coach).profile);
      user(coach).profile = { ...rest, schema: 0, totalSessions: sessionsTotal, totalSeconds: secondsTotal };
    });

    expect(await c.say('slower')).toMatch(/^Slower it is\./);
    expect(await c.say('stop')).toMatch(/Bye for now\.$/);

    const stored = await p.profile();
    expect(stored?.sessionsTotal).toBe(1);
    expect(stored?.secondsTotal).toBeGreaterThan(0);
    expect(stored?.pace?.value).toBe('slower');
    const next = p.session(at(2));
    expect(await next.launch()).toMatch(/^Welcome back\./);
    expect(await next.say('how am I doing')).not.toContain("You haven't done a session with me yet");
  });

  it('the session then ends by silence: the bird dog heard to its end still counts', async () => {
    const p = await withHistory();
    const tamper = new Tamper();
    const c = p.session(at(1), { onRequest: tamper.onRequest });
    await c.launch();
    await c.say('coach me through a bird dog');
    await ratePainIfAsked(c);
    // Both sides, then the session closes while the summary plays.
    c.listen();
    await c.say('yes');
    expect(c.text).toMatch(/Well done\./);
    tamper.next((coach) => (user(coach).profile = {}));
    c.listen();
    await c.endSession('EXCEEDED_MAX_REPROMPTS');

    const stored = await p.profile();
    expect(stored?.exerciseCounts['bird-dog']).toBe(2);
    expect(droppedLines(c)).toHaveLength(1);
  });
});

describe('an error inside the skill', () => {
  it('is answered plainly and counted; the next turns answer, and what was pending is still saved', async () => {
    const p = await withHistory();
    let failOn: string | undefined;
    const logs: string[] = [];
    const write = jsonLogger((line) => logs.push(line));
    const c = new Conversation({
      userId: p.userId,
      now: at(1),
      deps: {
        store: p.store,
        // A logger that fails once on the turn line: a stand-in for any bug after the save.
        logger: {
          ...write,
          info: (event, fields) => {
            if (event === failOn) {
              failOn = undefined;
              throw new TypeError('injected');
            }
            write.info(event, fields);
          },
        },
      },
    });
    await c.launch();
    await doExercise(c, 'bird dog');
    c.listen();
    failOn = 'turn';
    expect(await c.say('how am I doing')).toBe(
      "Sorry, something went wrong on my side. Let's try that again. What would you like?",
    );
    expect(c.last.ended).toBe(false);
    expect(c.metrics).toEqual(['RoutineCompleted', 'HandlerError']);
    const errors = logs.map((l) => JSON.parse(l) as Raw).filter((l) => l.event === 'handler.error');
    expect(errors).toEqual([
      {
        level: 'error',
        event: 'handler.error',
        coldStart: false,
        errorName: 'TypeError',
        requestType: 'IntentRequest',
      },
    ]);

    expect(await c.say('what exercises do you have')).toContain('I can coach pelvic tilts');
    expect(await c.say('stop')).toMatch(/Bye for now\.$/);
    expect((await p.profile())?.exerciseCounts['bird-dog']).toBe(2);
  });
});
