import { Conversation } from '../support/conversation';
import { countsIn, passScreen } from '../support/people';

/** A new user who asks for `phrase`, passes the screen and rates their pain 2. */
const startedWith = async (phrase: string): Promise<Conversation> => {
  const c = new Conversation();
  await c.launch();
  await c.say(phrase);
  await passScreen(c);
  if (/How's your pain right now/.test(c.text)) await c.say("it's a two");
  return c;
};

describe('opening the skill', () => {
  it('welcomes, says what it can do, gives the disclaimer and asks what the user would like', async () => {
    const c = new Conversation();
    const text = await c.say('open back hip coach');
    expect(text).toContain('I can guide you through stretches and strength moves');
    expect(text).toContain('not a substitute for medical advice');
    expect(text).toMatch(/What would you like\?$/);
    expect(c.last.ended).toBe(false);
    expect(c.repromptText).toContain('start my stretches');
  });

  it('lists what it can coach', async () => {
    const c = new Conversation();
    await c.launch();
    const text = await c.say('what exercises do you have');
    expect(text).toBe(
      'I can coach pelvic tilts, bridges, clamshells, bird dogs, dead bugs, hip flexor stretches, and hamstring stretches. ' +
        'Or a whole routine: the quick relief routine, the strength routine, and the full routine. Which would you like?',
    );
  });
});

describe('a full strength routine, hands-free', () => {
  it('coaches every block with the right counts and ends with a summary', async () => {
    const c = await startedWith("let's do the strength routine");
    const blocks: string[] = [c.text];
    while (!/That's the strength routine done/.test(c.text)) {
      c.listen();
      blocks.push(await c.say('yes'));
      expect(blocks.length).toBeLessThan(20);
    }
    // bridge 2 sets; clamshell 2 sets x 2 sides; bird dog 2 sides; dead bug 2 sets x 2 sides
    expect(blocks).toHaveLength(12);
    const expected = [10, 10, 10, 10, 10, 10, 6, 6, 8, 8, 8, 8];
    blocks.forEach((block, i) => {
      const reps = expected[i] ?? 0;
      expect(countsIn(block)).toEqual(Array.from({ length: reps }, (_, k) => k + 1));
    });
    expect(blocks[0]).toContain('Bridge. Lie on your back');
    expect(blocks[2]).toContain('Clamshell\.');
    expect(blocks[3]).toMatch(/, other side\./);
    expect(blocks[6]).toContain('Bird dog.');
    expect(blocks[6]).toContain('Reach. [pause 5s] And back.');
    expect(c.text).toMatch(/That's the strength routine done: 4 exercises in \d+ minutes\. Well done\./);
    expect(c.last.ended).toBe(false);
  });

  it('each block ends with a short question and a reprompt, so "yes" is all it takes', async () => {
    const c = await startedWith('start my stretches');
    expect(c.text).toMatch(
      /Next is the kneeling hip flexor stretch\. Kneel on one knee, .* Right knee down, left foot in front: the stretch is at the front of your right hip\. Say ready when you're there\.$/,
    );
    expect(c.repromptText).toBe("Say ready when you're in position, or pause, repeat, or stop.");
    c.listen();
    expect(await c.say('yes')).toMatch(/Ready for the other side\?$/);
  });

  it('a 30-second stretch is spoken as count cues no more than 10 seconds apart', async () => {
    const c = await startedWith('start my stretches');
    c.listen();
    const text = await c.say('yes');
    expect(text).toContain(
      'Hold it there. [pause 10s] 20 seconds. [pause 9.2s] 10. [pause 4.6s] 5. [pause 0.7s] 4. [pause 0.7s] 3. [pause 0.7s] 2. [pause 0.7s] 1. [pause 0.7s] And relax.',
    );
  });
});

describe('commands in the middle of a routine (barge-in)', () => {
  /** In the first bridge set, `ms` after the block started. */
  const midBridge = async (ms: number): Promise<Conversation> => {
    const c = await startedWith('do the strength routine');
    c.wait(ms);
    return c;
  };
  // The bridge intro takes about 25 s; each rep about 7 s.
  const DURING_REP_4 = 48_000;

  it('"Alexa, pause" names the rep, and "resume" picks up there, not at the top', async () => {
    const c = await midBridge(DURING_REP_4);
    const paused = await c.say('pause');
    expect(paused).toMatch(/^Paused at rep \d+ of your bridges\. Say resume when you're ready\.$/);
    const rep = Number(/rep (\d+)/.exec(paused)?.[1]);
    expect(rep).toBeGreaterThan(2);
    expect(rep).toBeLessThan(7);
    c.wait(30_000);
    const resumed = await c.say('resume');
    expect(resumed).toMatch(new RegExp(`^Rep ${rep}\\. Lift\\.`));
    expect(countsIn(resumed)[0]).toBe(rep);
  });

  it('"repeat" repeats from the rep the user was on', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('repeat')).toMatch(/^Rep [3-6]\. Lift\./);
  });

  it('"next" moves on to the next block', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('next')).toMatch(/^Set 2 of 2\. Lift\./);
  });

  it('"previous" goes back a block', async () => {
    const c = await midBridge(DURING_REP_4);
    c.wait(60_000);
    await c.say('yes');
    c.wait(10_000);
    expect(await c.say('previous')).toContain('Bridge. Lie on your back');
  });

  it('"skip" leaves the exercise for the next one', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('skip')).toMatch(/^Skipping the bridges\. Clamshell\./);
  });

  it('"start over" goes back to the first block', async () => {
    const c = await midBridge(DURING_REP_4);
    await c.say('skip');
    c.wait(5000);
    expect(await c.say('start over')).toMatch(/^Starting over from the top\. Bridge\./);
  });

  it('"slower", "faster" and "normal speed" change the holds from the same rep, one step at a time', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('slower')).toMatch(/^Slower it is\. Rep \d+\. Lift\. \[pause 4\.5s\] And lower\./);
    c.wait(10_000);
    // "faster" right after "slower" is one step: back to normal, not straight to faster.
    expect(await c.say('faster')).toMatch(
      /^Back to normal speed\. Rep \d+\. Lift\. \[pause 3s\] And lower\./,
    );
    c.wait(10_000);
    expect(await c.say('faster')).toMatch(
      /^A bit faster, then\. Rep \d+\. Lift\. \[pause 2\.3s\] And lower\./,
    );
    c.wait(10_000);
    expect(await c.say('normal speed')).toMatch(
      /^Back to normal speed\. Rep \d+\. Lift\. \[pause 3s\] And lower\./,
    );
  });

  it('"help" lists the commands and "yes" carries on from the same rep', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('help')).toContain(
      'You can say next, previous, repeat, skip, pause, slower, faster, or stop.',
    );
    expect(await c.say('yes')).toMatch(/^Rep [3-6]\. Lift\./);
  });

  it('"stop" ends the session', async () => {
    const c = await midBridge(DURING_REP_4);
    expect(await c.say('stop')).toContain('Take care of your back');
    expect(c.last.ended).toBe(true);
  });
});

describe('one exercise on its own', () => {
  it('"coach me through a bridge" screens a new user, then coaches the bridge only', async () => {
    const c = new Conversation();
    await c.launch();
    await c.say('coach me through a bridge');
    await passScreen(c);
    expect(c.text).toContain("None of those warning signs. How's your pain right now");
    expect(await c.say('two')).toContain("Thanks. Let's begin. Bridge. Lie on your back");
    c.listen();
    expect(await c.say('yes')).toContain("That's your bridges done");
  });
});

describe('the lying hamstring stretch', () => {
  it('position first with the side by limb, a 30 s hold, then the other leg', async () => {
    const c = await startedWith('coach me through a hamstring stretch');
    expect(c.text).toMatch(
      /Lying hamstring stretch\. Lie on your back, both knees bent, feet flat on the floor\. Loop a towel or strap around one foot .* Left leg up, right foot flat: the stretch is at the back of your left thigh\. Take a few seconds to get into position\. \[pause 6s\] Good\./,
    );
    expect(c.text).toContain(
      'Keep your lower back and your other foot on the floor. Hold still, no bouncing.',
    );
    expect(c.text).toContain(
      'Hold it there. [pause 10s] 20 seconds. [pause 9.2s] 10. [pause 4.6s] 5. [pause 0.7s] 4. [pause 0.7s] 3. [pause 0.7s] 2. [pause 0.7s] 1. [pause 0.7s] And relax. Ready for the other side?',
    );
    c.listen();
    expect(await c.say('yes')).toMatch(
      /^Lying hamstring stretch, other side\. Right leg up, left foot flat: the stretch is at the back of your right thigh\. \[pause 5s\] Hold it there\./,
    );
  });

  it.each(['hamstrings', 'the towel stretch', "let's do the hamstring stretch"])(
    '"%s" starts it, position first',
    async (phrase) => {
      const c = await startedWith(phrase);
      expect(c.text).toMatch(/Lying hamstring stretch\. Lie on your back, both knees bent/);
    },
  );

  it('says why it helps, and has an easier version with the knee more bent', async () => {
    const c = await startedWith('stretch my hamstrings');
    c.listen();
    expect(await c.say('why this exercise')).toMatch(
      /^Tight muscles at the back of your thighs tug on your pelvis/,
    );
    expect(await c.say('make it easier')).toMatch(
      /^Let's make it easier\..*this time that knee stays bent\./,
    );
    expect(await c.say('ready')).toMatch(/^Bent-knee hamstring stretch\. .*with the knee well bent/);
    expect(c.text).toContain('Hold it there. [pause 10s] 20 seconds.');
  });
});

describe('bad input never breaks the conversation', () => {
  it('an exercise it does not know gets the list of those it does', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.say('coach me through a pizza')).toBe(
      "I don't know that one. I can coach pelvic tilts, bridges, clamshells, bird dogs, dead bugs, hip flexor stretches, and hamstring stretches. Which would you like?",
    );
    expect(c.last.ended).toBe(false);
  });

  it('a missing exercise is asked for', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.intend('StartExerciseIntent')).toBe(
      'Which exercise? For example, the bridge or the clamshell.',
    );
  });

  it('words the model cannot match reach the fallback, which says what to try', async () => {
    const c = new Conversation();
    await c.launch();
    const text = await c.say('purple monkey dishwasher');
    expect(c.last.unmatched).toBe(true);
    expect(text).toContain("Sorry, I didn't catch that.");
    expect(c.last.ended).toBe(false);
  });

  it('"next" with nothing running says so and how to start', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.say('next')).toContain("There's no exercise going right now.");
  });

  it('a pain number when none was asked for does not break anything', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.say("it's a six")).toContain("Sorry, I didn't catch that.");
  });

  it('the end of a session gets an empty response and is logged without user data', async () => {
    const c = new Conversation();
    await c.launch();
    await c.endSession('EXCEEDED_MAX_REPROMPTS');
    const line = c.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'session.ended');
    expect(line).toEqual({
      level: 'info',
      event: 'session.ended',
      coldStart: false,
      reason: 'EXCEEDED_MAX_REPROMPTS',
    });
  });

  it('a thrown error gets a helpful spoken answer, the session goes on, and one JSON log line', async () => {
    const c = new Conversation({
      deps: {
        timeZone: () => {
          throw new TypeError('settings service exploded');
        },
      },
    });
    const text = await c.launch();
    expect(text).toBe("Sorry, something went wrong on my side. Let's try that again. What would you like?");
    expect(c.last.ended).toBe(false);
    const errors = c.logs.filter((l) => l.includes('"level":"error"'));
    expect(errors.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        level: 'error',
        event: 'handler.error',
        coldStart: true,
        errorName: 'TypeError',
        requestType: 'LaunchRequest',
      },
    ]);
    expect(c.metrics).toEqual(['HandlerError']);
    expect(c.logs.join('\n')).not.toContain('amzn1.ask.account');
  });

  it('with SKILL_ID set, a request meant for another skill is not served', async () => {
    const c = new Conversation({
      deps: { skillId: 'amzn1.ask.skill.ours' },
      applicationId: 'amzn1.ask.skill.someone-else',
    });
    expect(await c.launch()).toBe(
      "Sorry, something went wrong on my side. Let's try that again. What would you like?",
    );
    expect(c.last.envelope.sessionAttributes).toBeUndefined();
    expect(c.logs.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['handler.error']);
    const ours = new Conversation({
      deps: { skillId: 'amzn1.ask.skill.ours' },
      applicationId: 'amzn1.ask.skill.ours',
    });
    expect(await ours.launch()).toContain('What would you like?');
  });
});

describe('the real Lambda handler', () => {
  it('answers a real request envelope through index.handler, logging one JSON line per turn', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const { handler } = await import('../../lambda/src/index');
    const c = new Conversation({ handler });
    expect(await c.launch()).toContain('What would you like?');
    expect(await c.say('what exercises do you have')).toContain('I can coach pelvic tilts');
    spy.mockRestore();
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        level: 'info',
        event: 'turn',
        coldStart: true,
        requestType: 'LaunchRequest',
        input: 'launch',
        ends: false,
      },
      {
        level: 'info',
        event: 'turn',
        coldStart: false,
        requestType: 'IntentRequest',
        input: 'listExercises',
        ends: false,
      },
    ]);
  });
});

describe('response size', () => {
  it("every block of the full routine, at the slowest pace, stays within Alexa's 8000 characters uncut", async () => {
    const c = await startedWith('do the full routine');
    await c.say('slower');
    let longest = c.last.ssml.length;
    while (!/That's the full routine done/.test(c.text)) {
      c.listen();
      await c.say('yes');
      longest = Math.max(longest, c.last.ssml.length);
    }
    // Far from the limit: nothing is ever cut from a block.
    expect(longest).toBeLessThan(4000);
  });
});

describe('the time zone', () => {
  /** The skill's real Settings API lookup, recording what it found. */
  const recordedTimeZone = async () => {
    const { alexaTimeZone } = await import('../../lambda/src/util/timeZone');
    const lookup = alexaTimeZone();
    const zones: (string | undefined)[] = [];
    const timeZone = async (input: Parameters<typeof lookup>[0]) => {
      const zone = await lookup(input);
      zones.push(zone);
      return zone;
    };
    return { zones, timeZone };
  };

  it("comes from the Alexa Settings API, asked at the request's apiEndpoint with its token", async () => {
    const http = await import('node:http');
    const asked: string[] = [];
    const settings = http.createServer((req, res) => {
      asked.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify('Pacific/Auckland'));
    });
    await new Promise<void>((resolve) => settings.listen(0, '127.0.0.1', resolve));
    const { port } = settings.address() as import('node:net').AddressInfo;
    const { zones, timeZone } = await recordedTimeZone();
    const c = new Conversation({ deps: { timeZone }, apiEndpoint: `http://127.0.0.1:${port}` });
    await c.launch();
    settings.close();
    expect(zones).toEqual(['Pacific/Auckland']);
    expect(asked).toEqual([
      expect.stringMatching(/^GET \/v2\/devices\/[^/]+\/settings\/System\.timeZone Bearer /),
    ]);
  });

  it('falls back to UTC when the Settings API does not answer, and the conversation goes on', async () => {
    const { zones, timeZone } = await recordedTimeZone();
    const c = new Conversation({ deps: { timeZone } });
    expect(await c.launch()).toContain('What would you like?');
    expect(zones).toEqual([undefined]);
  });
});
