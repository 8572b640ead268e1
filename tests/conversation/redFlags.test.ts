import { Conversation } from '../support/conversation';
import { QUESTIONS, REPHRASES, questionIn, type QuestionNumber } from '../support/safetyPeople';

/**
 * The red-flag table of CONTENT.md, per English locale, through the real skill: each of the
 * nine questions answered yes → its level; an emergency names the locale's number digit by
 * digit, twice, and puts the same advice on a card in the Alexa app; "not sure" twice is a
 * yes; a symptom said during the screen is the answer to its question; "help", "why" and
 * "what do you mean" explain the question.
 */

const LOCALES = [
  ['en-US', '911', undefined],
  ['en-CA', '911', undefined],
  ['en-GB', '999', '111'],
  ['en-AU', '000', undefined],
  ['en-IN', '112', undefined],
] as const;

type Level = 'emergency' | 'urgent-today' | 'urgent-days' | 'see-clinician';
const LEVELS: Readonly<Record<QuestionNumber, Level>> = {
  1: 'emergency',
  2: 'emergency',
  3: 'emergency',
  4: 'emergency',
  5: 'urgent-today',
  6: 'urgent-today',
  7: 'urgent-days',
  8: 'urgent-days',
  9: 'see-clinician',
};
const NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

const digitsTag = (n: string): string => `<say-as interpret-as="digits">${n}</say-as>`;
const spaced = (n: string): string => n.split('').join(' ');
const count = (text: string, part: string): number => text.split(part).length - 1;

/** A screen asked for from the menu, with "no" to every question before `n`. */
const atQuestion = async (locale: string, n: QuestionNumber): Promise<Conversation> => {
  const c = new Conversation({ locale });
  await c.launch();
  await c.say('run a symptom check');
  for (let q = 1; q < n; q += 1) await c.say('no');
  expect(questionIn(c.text)).toBe(n);
  return c;
};

/** Says "no" to whatever question is still asked, until the screen ends. */
const noToTheRest = async (c: Conversation): Promise<void> => {
  for (let guard = 0; guard < 9 && questionIn(c.text) !== undefined; guard += 1) await c.say('no');
};

describe.each(LOCALES)('in %s (emergency number %s)', (locale, number, adviceLine) => {
  /** What an emergency reply must hold, whatever led to it. */
  const expectEmergency = (c: Conversation): void => {
    expect(count(c.last.ssml, digitsTag(number))).toBe(2);
    expect(c.text).toContain(
      `Please call ${spaced(number)}, that's ${spaced(number)}, or go to an emergency department now, and don't drive yourself.`,
    );
    expect(c.text).toContain("I can't call anyone for you.");
    expect(c.last.card?.title).toBe('Get help now');
    expect(c.last.card?.content).toContain(`Call ${number} or go to an emergency department now.`);
    expect(c.last.card?.content).toContain("Don't drive yourself.");
    expect(c.last.card?.content).not.toMatch(/\uE000|\uE001|say-as/);
    expect(c.last.ended).toBe(true);
  };

  /** What the end of a screen must say for a level other than an emergency. */
  const expectLevel = (c: Conversation, level: Exclude<Level, 'emergency'>): void => {
    expect(c.last.ended).toBe(false);
    expect(c.last.card).toBeUndefined();
    expect(c.text).not.toMatch(/nothing serious|nothing to worry/i);
    if (level === 'see-clinician') {
      expect(c.text).toContain('please book to see a physiotherapist or a doctor');
      return;
    }
    expect(c.text).toContain(
      level === 'urgent-today'
        ? 'please see a doctor today'
        : 'a doctor should check within the next few days',
    );
    expect(c.text).toContain('So no exercise for today.');
    expect(c.text).toContain(`call ${spaced(number)}`);
    expect(c.last.ssml).toContain(digitsTag(number));
    if (adviceLine) {
      expect(c.text).toContain(`call ${spaced(adviceLine)} for urgent medical advice`);
      expect(c.last.ssml).toContain(digitsTag(adviceLine));
    } else {
      expect(c.text).not.toContain('urgent medical advice');
    }
  };

  const expectOutcome = async (c: Conversation, n: QuestionNumber): Promise<void> => {
    const level = LEVELS[n];
    if (level === 'emergency') {
      expectEmergency(c);
      return;
    }
    await noToTheRest(c);
    expectLevel(c, level);
  };

  it('"no" to all nine: none of those warning signs, never "nothing serious", no card', async () => {
    const c = await atQuestion(locale, 1);
    await noToTheRest(c);
    expect(c.text).toMatch(/^Thanks\. None of those warning signs\./);
    expect(c.text).not.toMatch(/nothing serious|nothing to worry|you're fine/i);
    expect(c.last.card).toBeUndefined();
    expect(c.last.ended).toBe(false);
  });

  it.each(NUMBERS)('question %i answered yes → its level', async (n) => {
    const c = await atQuestion(locale, n);
    await c.say('yes');
    await expectOutcome(c, n);
  });

  it.each(NUMBERS)(
    'question %i: "not sure" gets its example, a second "not sure" counts as yes',
    async (n) => {
      const c = await atQuestion(locale, n);
      expect(await c.say("I'm not sure")).toBe(`${REPHRASES[n]} Yes, no, or not sure?`);
      expect(c.last.ended).toBe(false);
      expect(await c.say('not sure')).toMatch(/^Okay, I'll count that as a yes, to be safe\./);
      await expectOutcome(c, n);
    },
  );

  it.each(
    NUMBERS.flatMap((n) =>
      (['help', 'what do you mean', 'why are you asking'] as const).map((l) => [n, l] as const),
    ),
  )('question %i: "%s" → its example, one sentence on why, the question again', async (n, line) => {
    const c = await atQuestion(locale, n);
    const text = await c.say(line);
    expect(text.startsWith(`${REPHRASES[n]} I ask because `)).toBe(true);
    expect(text.endsWith(QUESTIONS[n])).toBe(true);
    // Exactly one sentence between the example and the question.
    const why = text.slice(REPHRASES[n].length + 1, text.length - QUESTIONS[n].length - 1);
    expect(why).toMatch(/^I ask because [^.?!]+\.$/);
    // The question is still open: "no" moves on to the next one.
    await c.say('no');
    if (n < 9) expect(questionIn(c.text)).toBe(n + 1);
  });

  it.each([
    ['I wet myself', 1, 1],
    ["I can't control my bladder", 2, 1],
    ['I have numbness between my legs', 2, 2],
    ['my legs are numb', 2, 3],
    ["I can't walk", 1, 3],
    ['weak legs', 4, 3],
    ['I fell', 2, 4],
  ] as const)(
    '"%s" during question %i is a yes to question %i: an emergency at once',
    async (line, at, answers) => {
      const c = await atQuestion(locale, at);
      await c.say(line);
      expectEmergency(c);
      const reasons: Record<number, string> = {
        1: 'New trouble with your bladder or bowels',
        2: 'Numbness there',
        3: "Numbness or weakness in your legs that's severe or getting worse",
        4: 'Sudden, severe pain after a fall or an injury',
      };
      expect(c.text).toMatch(new RegExp(`^${reasons[answers]}`));
    },
  );

  it('"I have a fever" during question 2 marks same-day urgency, and the screen goes on', async () => {
    const c = await atQuestion(locale, 2);
    expect(await c.say('I have a fever')).toBe(
      `Thanks for telling me, I've noted that. Let's finish the questions. ${QUESTIONS[2]}`,
    );
    await noToTheRest(c);
    expectLevel(c, 'urgent-today');
  });

  it('"I have a fever" at the fever question answers it', async () => {
    const c = await atQuestion(locale, 5);
    expect(await c.say('I have a fever')).toBe(QUESTIONS[6]);
    await noToTheRest(c);
    expectLevel(c, 'urgent-today');
  });

  it.each(['sharp pain', 'pain down my leg'])(
    '"%s" during the screen answers no question: the screen starts again at the leg question',
    async (line) => {
      const c = await atQuestion(locale, 6);
      expect(await c.say(line)).toMatch(
        new RegExp(`Answer yes, no, or not sure\\. ${QUESTIONS[3].replace(/[.?*+()]/g, '\\$&')}$`),
      );
      expect(c.last.ended).toBe(false);
    },
  );

  it('chest pain during the screen: call now, digit by digit, twice, with a card', async () => {
    const c = await atQuestion(locale, 3);
    await c.say('I have chest pain');
    expect(count(c.last.ssml, digitsTag(number))).toBe(2);
    expect(c.text).toContain(`call ${spaced(number)} now, that's ${spaced(number)}.`);
    expect(c.last.card?.content).toContain(`call ${number} now`);
    expect(c.last.ended).toBe(true);
  });
});
