import { Conversation } from '../support/conversation';
import { passScreen } from '../support/people';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import {
  QUESTIONS,
  REPHRASES,
  answerScreen,
  atHipFlexorStretch,
  dayOf,
  intoTheHold,
  personWithStore,
  questionIn,
} from '../support/safetyPeople';

const FIRST_TIME = 'Before we move, a few quick safety questions. Answer yes, no, or not sure.';
const ALL_CLEAR = 'Thanks. None of those warning signs.';
/** After a check that interrupted a routine, the routine carries on where it stopped. */
const ALL_CLEAR_CARRY_ON =
  "Thanks. None of those warning signs. If anything changes, tell me straight away. Let's carry on.";
const SYMPTOM_INTRO = "Thanks for telling me. Let's stop and check a few things, to be safe.";
const REFUSED = "Because of what you told me earlier, I won't coach exercise today.";
/** The number said twice, digit by digit (the console shows `<say-as interpret-as="digits">` as "9 1 1"). */
const EMERGENCY_CALL =
  "Please call 9 1 1, that's 9 1 1, or go to an emergency department now, and don't drive yourself.";
const DIGITS_911 = '<say-as interpret-as="digits">911</say-as>';
const CANT_CALL = "I can't call anyone for you. I'll stop here.";
const PAIN_QUESTION = "How's your pain right now, from zero to ten? You can say skip.";

let db: TestDynamo;
beforeAll(async () => {
  db = await startTestDynamo();
});
afterAll(async () => {
  await db.close();
});

/** A new user (no store) who opened the skill and asked for `phrase`. */
const newUserAsking = async (phrase: string): Promise<Conversation> => {
  const c = new Conversation();
  await c.launch();
  await c.say(phrase);
  return c;
};

/** A new user in the middle of the kneeling hip flexor stretch's 30-second hold. */
/** A new user asks for `request`, passes the screen, rates the pain 2 and is a few reps into the bridges. */
const midBridges = async (request: string): Promise<Conversation> => {
  const c = new Conversation();
  await c.launch();
  await c.say(request);
  await answerScreen(c);
  await c.say('two');
  c.wait(40_000);
  return c;
};

const midStretchHold = async (): Promise<Conversation> => {
  const c = new Conversation();
  await atHipFlexorStretch(c);
  intoTheHold(c);
  return c;
};

describe('the screen before the first exercise', () => {
  it('says why, then asks all nine questions one at a time, in order', async () => {
    const c = await newUserAsking('start my stretches');
    expect(c.text).toBe(`${FIRST_TIME} ${QUESTIONS[1]}`);
    expect(c.last.ended).toBe(false);
    expect(c.repromptText).toBe(`Please answer yes, no, or not sure. ${QUESTIONS[1]}`);
    const heard: string[] = [];
    for (let i = 0; i < 8; i += 1) heard.push(await c.say('no'));
    // Each reply is exactly one question: nothing else is asked at the same time.
    expect(heard).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map((n) => QUESTIONS[n as keyof typeof QUESTIONS]));
  });

  it('all clear: thanks, no "nothing serious", and the routine asked for starts (with the pain question)', async () => {
    const c = await newUserAsking("let's do the strength routine");
    const asked = await answerScreen(c);
    expect(asked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.text).toBe(`${ALL_CLEAR} ${PAIN_QUESTION}`);
    expect(c.text).not.toMatch(/nothing serious|nothing to worry/i);
    expect(await c.say('skip')).toMatch(
      /^Okay\. Let's begin\. The strength routine: 4 exercises\. Let's go\. Bridge\./,
    );
  });

  it('all clear before a single exercise starts that exercise', async () => {
    const c = await newUserAsking('coach me through a clamshell');
    await answerScreen(c);
    // A single exercise asks about pain too, then starts.
    expect(c.text).toBe(`${ALL_CLEAR} ${PAIN_QUESTION}`);
    expect(await c.say('two')).toMatch(/^Thanks\. Let's begin\. Clamshell\./);
  });

  it('"not sure" twice counts as yes, and the coach says so', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 7: 'not sure' });
    // Question 7 is urgent: "not sure" twice there means no exercise today.
    expect(c.text).toContain('a doctor should check within the next few days');
    expect(c.text).toContain('So no exercise for today.');

    const d = await newUserAsking('start my stretches');
    for (let i = 0; i < 6; i += 1) await d.say('no');
    expect(await d.say("I'm not sure")).toBe(`${REPHRASES[7]} Yes, no, or not sure?`);
    expect(await d.say('not sure')).toBe(`Okay, I'll count that as a yes, to be safe. ${QUESTIONS[8]}`);
  });

  it('"repeat" says the same question again', async () => {
    const c = await newUserAsking('start my stretches');
    await c.say('no');
    expect(await c.say('repeat')).toBe(QUESTIONS[2]);
    expect(await c.say('say it again')).toBe(QUESTIONS[2]);
  });

  it.each([
    ['words the model does not know', 'purple monkey dishwasher'],
    ['asking for a routine', 'start the strength routine'],
    ['asking for an exercise', 'coach me through a bridge'],
    ['"next"', 'next'],
    ['"skip"', 'skip'],
    ['a pain number', "it's a two"],
    ['asking for tips', 'what helps right now'],
  ])('%s during the screen re-asks the question briefly and never skips it', async (_what, line) => {
    const c = await newUserAsking('start my stretches');
    await c.say('no');
    expect(await c.say(line)).toBe(`Sorry, I need a yes, no, or not sure for this one. ${QUESTIONS[2]}`);
    expect(c.last.ended).toBe(false);
    // Asked a second time, it adds how to answer when unsure.
    expect(await c.say(line)).toBe(`If you don't know, just say not sure. Here it is again. ${QUESTIONS[2]}`);
    expect(await c.say('no')).toBe(QUESTIONS[3]);
  });
});

describe('asking about the screen', () => {
  it.each(['help', 'what do you mean', 'why are you asking', "i don't understand"])(
    '"%s" gets the example, why it asks, then the same question again',
    async (line) => {
      const c = await newUserAsking('start my stretches');
      await c.say('no');
      expect(await c.say(line)).toBe(
        `${REPHRASES[2]} I ask because numbness there can mean the nerves at the bottom of the spine are being squeezed, which needs help straight away. ${QUESTIONS[2]}`,
      );
      expect(await c.say('no')).toBe(QUESTIONS[3]);
    },
  );
});

describe('an emergency answer stops everything', () => {
  it.each([
    [1, 'New trouble with your bladder or bowels'],
    [2, 'Numbness there can be a sign of a serious nerve problem'],
    [3, "Numbness or weakness in your legs that's severe or getting worse, or trouble walking"],
    [4, 'Sudden, severe pain after a fall or an injury'],
  ] as const)(
    'a yes to question %i: call 911 or go to an emergency department, no driving, session over',
    async (n, reason) => {
      const c = await newUserAsking('start my stretches');
      const asked = await answerScreen(c, { [n]: 'yes' });
      expect(asked).toEqual([1, 2, 3, 4].slice(0, n));
      expect(c.text).toContain(reason);
      expect(c.text).toContain(EMERGENCY_CALL);
      expect(c.last.ssml.split(DIGITS_911)).toHaveLength(3);
      expect(c.last.card?.content).toContain('Call 911 or go to an emergency department now.');
      expect(c.text).toMatch(new RegExp(`${CANT_CALL}$`));
      expect(c.text).not.toContain("Let's start");
      expect(c.last.ended).toBe(true);
      expect(c.device.inSession).toBe(false);
    },
  );

  it('"not sure" twice to an emergency question is treated as yes', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 2: 'not sure' });
    expect(c.text).toMatch(/^Okay, I'll count that as a yes, to be safe\. Numbness there/);
    expect(c.text).toContain(EMERGENCY_CALL);
    expect(c.last.ended).toBe(true);
  });

  it('no exercise can follow: the session is over, and asking again starts a new session that screens again', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 1: 'yes' });
    expect(c.last.ended).toBe(true);
    // The next request cannot belong to the ended session: Alexa opens a new one.
    const next = await c.say('start my stretches');
    expect(next).toBe(`${FIRST_TIME} ${QUESTIONS[1]}`);
  });

  it('nothing about it is stored, and the next launch screens again', async () => {
    const person = await personWithStore(db);
    const c = person.session(0);
    await c.launch();
    await c.say('start my stretches');
    await answerScreen(c, { 3: 'yes' });
    expect(c.last.ended).toBe(true);
    expect(await person.items()).toEqual([]);

    const later = person.session(0, 3_600_000);
    await later.launch();
    expect(await later.say('start my stretches')).toBe(`${FIRST_TIME} ${QUESTIONS[1]}`);
  });

  it('chest pain sends for help straight away, without questions', async () => {
    const c = new Conversation();
    await c.launch();
    const text = await c.say('I have chest pain');
    expect(text).toContain('Chest pain or trouble breathing needs checking straight away.');
    expect(text).toContain("call 9 1 1 now, that's 9 1 1.");
    expect(c.last.ssml.split(DIGITS_911)).toHaveLength(3);
    expect(c.last.card?.content).toContain('call 911 now');
    expect(text).toContain("Don't drive yourself.");
    expect(text).toContain(CANT_CALL);
    expect(c.last.ended).toBe(true);
  });
});

describe('an urgent answer: no exercise coaching this session, advice still offered', () => {
  it('a fever: see a doctor today, and no exercise', async () => {
    const c = await newUserAsking('start the strength routine');
    const asked = await answerScreen(c, { 5: 'yes' });
    // The screen still asks the rest: an emergency sign must never go unasked.
    expect(asked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.text).toContain('please see a doctor today');
    expect(c.text).toContain('call 9 1 1');
    expect(c.last.ssml).toContain(DIGITS_911);
    expect(c.last.card).toBeUndefined();
    expect(c.text).toContain('So no exercise for today.');
    expect(c.text).toMatch(/Would you like some\?$/);
    expect(c.text).not.toContain("Let's start");
    expect(c.last.ended).toBe(false);
  });

  it('a yes to question 6 (cancer in the past): see a doctor today, and no exercise', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 6: 'yes' });
    expect(c.text).toContain('please see a doctor today');
    expect(c.text).toContain('So no exercise for today.');
    expect(c.last.ended).toBe(false);
  });

  it.each([7, 8] as const)(
    'a yes to question %i: see a doctor within a few days, and no exercise',
    async (n) => {
      const c = await newUserAsking('start my stretches');
      await answerScreen(c, { [n]: 'yes' });
      expect(c.text).toContain('a doctor should check within the next few days');
      expect(c.text).toContain('So no exercise for today.');
      expect(c.text).not.toContain('today, so please see a doctor today');
    },
  );

  it('every way of asking for exercise afterwards is refused', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 7: 'yes' });
    expect(await c.say('resume')).not.toMatch(/Lie on your back|Kneel on|Hold it there|How's your pain/);
    for (const ask of [
      'start the strength routine',
      'start my stretches',
      'coach me through a bridge',
      'do the full routine',
    ]) {
      const text = await c.say(ask);
      expect(text).not.toMatch(/Lie on your back|Kneel on|Hold it there|How's your pain/);
      expect(text).toContain(REFUSED);
    }
    // "Would you like some?" → yes gives relief tips, whose pelvic tilts are refused too.
    expect(await c.say('yes')).toBe('Did the pain start in the last two days?');
    expect(await c.say('no')).toMatch(/Would you like to do a few gentle pelvic tilts now\?$/);
    expect(await c.say('yes')).toContain(REFUSED);
    expect(c.last.ended).toBe(false);
  });

  it('relief and daily-habit advice is still given', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 5: 'yes' });
    expect(await c.say('should I use ice or heat')).toBe('Did the pain start in the last two days?');
    expect(await c.say('yes')).toContain('a cold pack can numb the area');
    expect(await c.say('how should I sit')).toContain('keep your feet flat on the floor');
  });

  it('a symptom check asked for after an urgent answer cannot clear the way to exercise', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 6: 'yes' });
    await c.say('run a symptom check');
    await answerScreen(c);
    expect(await c.say('start my stretches')).toContain(REFUSED);
  });
});

describe('pain for more than six weeks (question 9)', () => {
  it('recommends a physiotherapist or doctor, and gentle exercise may go on', async () => {
    const c = await newUserAsking('start my stretches');
    await answerScreen(c, { 9: 'yes' });
    expect(c.text).toContain('please book to see a physiotherapist or a doctor');
    expect(c.text).toContain('Gentle exercise is fine in the meantime.');
    expect(c.text.endsWith(`Gentle exercise is fine in the meantime. ${PAIN_QUESTION}`)).toBe(true);
    expect(await c.say("it's a two")).toContain('Pelvic tilts. Lie on your back');
  });
});

describe('what is stored after a clear screen', () => {
  it('only the date of the clear screen: no answers', async () => {
    const person = await personWithStore(db);
    const c = person.session(0);
    await c.launch();
    await c.say('start my stretches');
    await answerScreen(c, { 9: 'not sure' });
    const items = await person.items();
    expect(items).toHaveLength(1);
    const item = items[0] ?? {};
    expect(item['clearScreen#value']).toBe(JSON.stringify(dayOf(0)));
    const text = JSON.stringify(item);
    expect(text).not.toMatch(/answer|question|worst|outcome|symptom|clinician|urgent|emergency|unsure|pain/i);
  });
});

describe('"run a symptom check" at any time', () => {
  it('with nothing going on: all nine questions, then asks what next', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.say('run a symptom check')).toBe(
      `Sure. A few quick safety questions. Answer yes, no, or not sure. ${QUESTIONS[1]}`,
    );
    expect(await answerScreen(c)).toHaveLength(9);
    expect(c.text).toBe(
      'Thanks. None of those warning signs. If anything changes, tell me straight away. What would you like to do?',
    );
  });

  it('mid-hold: the stretch stops, the screen runs, and the stretch picks up again after a clear screen', async () => {
    const c = await midStretchHold();
    expect(await c.say('check my symptoms')).toMatch(/^Sure\. A few quick safety questions\./);
    await answerScreen(c);
    expect(c.text).toMatch(
      new RegExp(`^${ALL_CLEAR_CARRY_ON} Kneeling hip flexor stretch\\. .*Hold it there\\.`),
    );
    expect(c.text).toContain('And relax. Ready for the other side?');
  });
});

/** Routine states to report a symptom from, each set up from a fresh conversation. */
const STATES: ReadonlyArray<readonly [string, (c: Conversation) => Promise<void>]> = [
  [
    'idle',
    async (c) => {
      await c.launch();
    },
  ],
  [
    'mid-hold',
    async (c) => {
      await atHipFlexorStretch(c);
      intoTheHold(c);
    },
  ],
  [
    'between blocks',
    async (c) => {
      await atHipFlexorStretch(c);
      c.listen();
    },
  ],
  [
    'paused',
    async (c) => {
      await atHipFlexorStretch(c);
      intoTheHold(c);
      expect(await c.say('pause')).toMatch(/^Paused/);
      c.wait(20_000);
    },
  ],
];

const SYMPTOMS = [
  ['my legs are numb', 3],
  ['tingling', 3],
  ["I can't control my bladder", 1],
  ['I fell', 4],
  ['I have a fever', 5],
  ["I can't walk", 3],
  ['I have numbness between my legs', 2],
  ['sharp pain', 3],
  ['pain down my leg', 3],
] as const;

describe('symptom words stop whatever is running and start the screen at the matching question', () => {
  describe.each(STATES)('from %s', (_state, setUp) => {
    it.each(SYMPTOMS)('"%s" → question %i', async (line, question) => {
      const c = new Conversation();
      await setUp(c);
      const text = await c.say(line);
      expect(text).toBe(`${SYMPTOM_INTRO} Answer yes, no, or not sure. ${QUESTIONS[question]}`);
      expect(c.last.ended).toBe(false);
    });
  });

  it.each(STATES)('from %s, "chest pain" sends for help and ends the session', async (_state, setUp) => {
    const c = new Conversation();
    await setUp(c);
    expect(await c.say('chest pain')).toContain("call 9 1 1 now, that's 9 1 1.");
    expect(c.last.ended).toBe(true);
  });

  it('a screen started by a symptom still asks all nine questions, each once', async () => {
    const c = await midStretchHold();
    await c.say('I have a fever');
    const asked = await answerScreen(c);
    expect(asked).toEqual([5, 6, 7, 8, 9, 1, 2, 3, 4]);
  });

  it('a symptom word mid-hold stops the hold: nothing more of the stretch is spoken until the screen is done', async () => {
    const c = await midStretchHold();
    const text = await c.say('tingling');
    expect(text).not.toMatch(/seconds|And relax/);
    expect(c.text).toMatch(/\?$/);
  });

  it('a yes after a symptom word mid-routine ends it: emergency, and the session is over', async () => {
    const c = await midStretchHold();
    await c.say('my legs are numb');
    expect(await c.say('yes')).toContain(EMERGENCY_CALL);
    expect(c.last.ended).toBe(true);
  });

  it('an urgent yes after a symptom word mid-routine: the routine does not carry on', async () => {
    const c = await midStretchHold();
    await c.say('I have a fever');
    await answerScreen(c, { 5: 'yes' });
    expect(c.text).toContain('So no exercise for today.');
    for (const line of ['resume', 'next', 'start over']) {
      expect(await c.say(line)).not.toMatch(/Hold it there|Right side|Kneel on|seconds/);
    }
  });
});

describe('the weekly re-screen, across sessions', () => {
  it('day 0 clear, day 5 and day 7 no screen, day 8 screens again', async () => {
    const person = await personWithStore(db);
    const day0 = person.session(0);
    await day0.launch();
    await day0.say('start my stretches');
    await answerScreen(day0);
    expect(day0.text).toBe(`${ALL_CLEAR} ${PAIN_QUESTION}`);
    await day0.say('stop');

    for (const day of [5, 7]) {
      const c = person.session(day);
      await c.launch();
      expect(await c.say('start my stretches')).toBe(PAIN_QUESTION);
      await c.say('stop');
    }

    const day8 = person.session(8);
    await day8.launch();
    expect(await day8.say('start my stretches')).toBe(
      `It's been over a week since your last safety check, so before we move, a few quick safety questions. Answer yes, no, or not sure. ${QUESTIONS[1]}`,
    );
    await answerScreen(day8);
    expect((await person.items())[0]?.['clearScreen#value']).toBe(JSON.stringify(dayOf(8)));
  });
});

describe('the six-week question, across sessions', () => {
  /** A person who first used the coach on day 0 (and passed the screen). */
  const firstUsedOnDayZero = async () => {
    const person = await personWithStore(db);
    const c = person.session(0);
    await c.launch();
    await c.say('start my stretches');
    await answerScreen(c);
    await c.say('stop');
    return person;
  };
  const SIX_WEEK_QUESTION = 'Is your back or hip pain still there?';

  it('is asked once, six weeks after first use; yes recommends a physiotherapist or doctor', async () => {
    const person = await firstUsedOnDayZero();
    const before = person.session(41);
    expect(await before.launch()).not.toContain(SIX_WEEK_QUESTION);

    const due = person.session(42);
    expect(await due.launch()).toContain(
      `You've been using the coach for about six weeks now. ${SIX_WEEK_QUESTION}`,
    );
    expect(due.last.ended).toBe(false);
    const answer = await due.say('yes');
    expect(answer).toContain('please book to see a physiotherapist or a doctor');
    expect(answer).toContain('You can keep doing your gentle exercises in the meantime.');

    for (const day of [42, 43, 60]) {
      const later = person.session(day, 3_600_000);
      expect(await later.launch()).not.toContain(SIX_WEEK_QUESTION);
    }
  });

  it('"no" is acknowledged without a referral, and it is still not asked again', async () => {
    const person = await firstUsedOnDayZero();
    const due = person.session(45);
    expect(await due.launch()).toContain(SIX_WEEK_QUESTION);
    const answer = await due.say('no');
    expect(answer).toContain('Good to hear.');
    expect(answer).not.toContain('physiotherapist');
    expect(await person.session(50).launch()).not.toContain(SIX_WEEK_QUESTION);
    // Only that it was asked is kept, never the answer.
    const item = (await person.items())[0] ?? {};
    expect(Object.keys(item).filter((k) => /six|pain|answer/i.test(k))).toEqual(['sixWeekAskedDay']);
  });
});

describe('pain checks', () => {
  /** A new user who asked for `routine` and passed the screen: the pain question is next. */
  const atPainQuestion = async (routine: string): Promise<Conversation> => {
    const c = await newUserAsking(routine);
    await answerScreen(c);
    expect(c.text).toContain(PAIN_QUESTION);
    return c;
  };

  it('before a routine the coach asks for a number, and "skip" is fine', async () => {
    const c = await atPainQuestion('start my stretches');
    expect(c.repromptText).toContain('Or say skip.');
    expect(await c.say('skip')).toMatch(/^Okay\. Let's begin\. The quick relief routine/);
  });

  it('a number that is not on the scale is asked again', async () => {
    const c = await atPainQuestion('start my stretches');
    expect(await c.say("it's a twelve")).toBe(
      "Sorry, I didn't get a number from zero to ten. Tell me a number from zero to ten, where zero is no pain and ten is the worst you can imagine. Or say skip.",
    );
    expect(await c.say('three')).toMatch(/^Thanks\. Let's begin\./);
  });

  it('8 or more: relief is offered instead of strength work, and the strength routine stays closed', async () => {
    const c = await atPainQuestion('start the strength routine');
    const text = await c.say("it's eight");
    expect(text).toContain("That's a lot of pain, so let's leave the strength work for today.");
    expect(text).toContain('a short, gentle relief routine, or give you tips to ease it');
    expect(text).not.toContain('Bridge');
    for (const ask of ['start the strength routine', 'coach me through a bridge', 'do the full routine']) {
      const again = await c.say(ask);
      expect(again).not.toMatch(/Bridge\.|Lie on your back|How's your pain/);
      expect(again).toContain('leave the strength work for today');
    }
    // The gentle relief routine is still open, and so are relief tips.
    expect(await c.say('start the relief routine')).toMatch(/^The quick relief routine: 3 exercises\./);
  });

  it('8 or more: "yes" to the offer gives relief advice', async () => {
    const c = await atPainQuestion('start the strength routine');
    await c.say('nine');
    expect(await c.say('yes')).toBe('Did the pain start in the last two days?');
  });

  it('"it hurts" mid-hold stops the stretch and asks for a number', async () => {
    const c = await midStretchHold();
    expect(await c.say('it hurts')).toBe("Let's stop that one. From zero to ten, how bad is it right now?");
    expect(c.repromptText).toContain('Tell me a number from zero to ten');
  });

  it('above 5: that exercise and all strength work stop, and gentle help is offered as a question', async () => {
    const c = await midBridges('start the strength routine');
    expect(await c.say('ouch')).toBe("Let's stop that one. From zero to ten, how bad is it right now?");
    const text = await c.say('six');
    expect(text).toBe(
      "That's more than we want during exercise, so we'll stop this one and leave strength work for today. " +
        'If the pain is sharp, or spreads down a leg with numbness or tingling, say symptom check. ' +
        'Would you like some tips to ease it, or the gentle relief routine?',
    );
    expect(c.last.ended).toBe(false);
    // No strength exercise for the rest of the session, whatever is asked.
    expect(await c.say('coach me through a bridge')).toContain('leave the strength work for today');
  });

  it('4 or 5: the easier version of this one, or skipping it, is offered', async () => {
    const c = await midBridges('start the strength routine');
    await c.say('ouch');
    expect(await c.say('five')).toBe(
      "That's okay, but let's ease off. Would you like the easier version of this one, or to skip it?",
    );
    expect(await c.say('purple monkey dishwasher')).toBe("Sorry, I didn't catch that. Say easier, or skip.");
    expect(await c.say('make it easier')).toMatch(/^Let's make it easier\. Half bridge\./);
  });

  it('4 or 5, then "skip": on to the next exercise', async () => {
    const c = await midBridges('start the strength routine');
    await c.say('ouch');
    await c.say('four');
    expect(await c.say('skip')).toMatch(/^Skipping the bridges\. Clamshell\. Lie on your side/);
  });

  it('3 or less: carry on from where it stopped', async () => {
    const c = await midStretchHold();
    await c.say('it hurts');
    const text = await c.say('three');
    expect(text).toMatch(/^That's fine\. Carry on gently, and tell me if it gets worse\./);
    // The same side's hold again (a hold is restarted whole), not the next side or exercise.
    expect(text).toContain('Kneeling hip flexor stretch.');
    expect(text).toContain('Hold it there.');
    expect(text).toMatch(/And relax\. Ready for the other side\?$/);
  });

  it.each(['sharp pain', 'pain down my leg'])(
    '"%s" mid-exercise goes to the screen, not the pain scale',
    async (line) => {
      const c = await midStretchHold();
      expect(await c.say(line)).toBe(`${SYMPTOM_INTRO} Answer yes, no, or not sure. ${QUESTIONS[3]}`);
    },
  );

  it('"it hurts" with nothing running asks for a number; 8 or more offers relief', async () => {
    const c = new Conversation();
    await c.launch();
    expect(await c.say('it hurts')).toBe("I'm sorry it hurts. From zero to ten, how bad is it right now?");
    expect(await c.say('nine')).toContain("That's a lot of pain");
  });
});

describe('regressions (defects found in review, now fixed)', () => {
  it('"it hurts" during a symptom screen must not skip the rest of the screen', async () => {
    const c = await midStretchHold();
    await c.say('tingling');
    expect(questionIn(c.text)).toBe(3);
    await c.say('it hurts');
    await c.say('two');
    // The screen the symptom started is still owed: the stretch must not carry on yet.
    expect(c.text).not.toMatch(/Carry on gently|Hold it there|And relax/);
    expect(questionIn(c.text)).toBeDefined();
  });

  it('after an emergency answer, the next launch screens again even with a recent clear screen', async () => {
    const person = await personWithStore(db);
    const day0 = person.session(0);
    await day0.launch();
    await day0.say('start my stretches');
    await answerScreen(day0);
    await day0.say('stop');

    const day2 = person.session(2);
    await day2.launch();
    await day2.say('run a symptom check');
    await answerScreen(day2, { 1: 'yes' });
    expect(day2.last.ended).toBe(true);

    const next = person.session(2, 3_600_000);
    await next.launch();
    expect(await next.say('start my stretches')).toContain(QUESTIONS[1]);
  });

  it('after 8 or more, the offer\'s own words ("relief routine", "tips") are understood', async () => {
    const c = await newUserAsking('start the strength routine');
    await answerScreen(c);
    await c.say('eight');
    expect(c.repromptText).toBe('You can say relief routine, or tips.');
    expect(await c.say('relief routine')).toMatch(/^The quick relief routine: 3 exercises\./);

    const d = await newUserAsking('start the strength routine');
    await answerScreen(d);
    await d.say('eight');
    expect(await d.say('tips')).toBe('Did the pain start in the last two days?');
  });
});

describe('an unclear answer to the pain question', () => {
  it('before a routine, "yes" asks for the number again and starts nothing', async () => {
    const c = new Conversation();
    await c.launch();
    await c.say('start my stretches');
    await passScreen(c);
    expect(await c.say('yes')).toContain('Tell me a number from zero to ten');
    expect(c.text).not.toContain('Pelvic tilts');
    expect(await c.say("it's a two")).toContain('The quick relief routine');
  });

  it('after "it hurts", "resume" asks for the number again and does not resume', async () => {
    const c = await midBridges('coach me through a bridge');
    await c.say('ouch');
    expect(await c.say('resume')).toContain('from zero to ten');
    expect(c.text).not.toMatch(/Lift\./);
    // A second unclear answer is the careful choice: the easier version or skipping it.
    expect(await c.say('resume')).toBe(
      "That's okay, but let's ease off. Would you like the easier version of this one, or to skip it?",
    );
    expect(await c.say('stop')).toContain('Take care of your back');
  });

  it('before exercise, a second unclear answer goes on gently, as if skipped: never a third ask', async () => {
    const c = new Conversation();
    await c.launch();
    await c.say('start my stretches');
    await passScreen(c);
    expect(await c.say('purple monkey dishwasher')).toContain('Tell me a number from zero to ten');
    expect(await c.say('purple monkey dishwasher')).toMatch(
      /^Let's go gently, then\. .*The quick relief routine/,
    );
  });
});
