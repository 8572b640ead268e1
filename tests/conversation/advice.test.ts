import { Conversation } from '../support/conversation';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { QUESTIONS, answerScreen, personWithStore } from '../support/safetyPeople';

const ASK_ONSET = 'Did the pain start in the last two days?';
const OFFER_TILTS = 'Would you like to do a few gentle pelvic tilts now?';
const MEDICINE = 'Some pain medicines may help a little. Ask a doctor or pharmacist before you take any.';
/** Doses, units and medicine names must never be spoken. */
const DOSES_OR_NAMES =
  /\d+\s*(mg|milligram|gram|ml)|\btablets? a day|ibuprofen|naproxen|paracetamol|acetaminophen|aspirin|advil|tylenol|aleve|motrin|diclofenac|codeine/i;

let db: TestDynamo;
beforeAll(async () => {
  db = await startTestDynamo();
});
afterAll(async () => {
  await db.close();
});

const opened = async (): Promise<Conversation> => {
  const c = new Conversation();
  await c.launch();
  return c;
};

describe('relief: "what helps right now" / "should I use ice or heat"', () => {
  it.each(['what helps right now', 'should I use ice or heat'])(
    '"%s" first asks whether the pain started in the last two days',
    async (line) => {
      const c = await opened();
      expect(await c.say(line)).toBe(ASK_ONSET);
      expect(c.repromptText).toBe('Did it start in the last two days? Yes, no, or not sure.');
      expect(c.last.ended).toBe(false);
    },
  );

  it('started in the last two days: cold is optional, wrapped, 15 to 20 minutes; then heat, movement, medicine, tilts', async () => {
    const c = await opened();
    await c.say('what helps right now');
    const text = await c.say('yes');
    expect(text).toContain("a cold pack can numb the area. It's optional, just for comfort.");
    expect(text).toContain('Wrap it in a thin towel, never on bare skin');
    expect(text).toContain('15 to 20 minutes');
    expect(text).toContain('never sleep on a heat pad');
    expect(text).toContain('Keep moving gently. Bed rest isn');
    expect(text).toContain(MEDICINE);
    expect(text).not.toMatch(DOSES_OR_NAMES);
    expect(text).toMatch(new RegExp(`${OFFER_TILTS.replace('?', '\\?')}$`));
    expect(c.repromptText).toBe('Shall we do a few pelvic tilts? Yes or no.');
  });

  it('started longer ago: heat for stiffness (never sleep on a heat pad), no cold pack', async () => {
    const c = await opened();
    await c.say('should I use ice or heat');
    const text = await c.say('no');
    expect(text).toContain('For stiffness, or pain that started more than two days ago, warmth can help');
    expect(text).toContain('never sleep on a heat pad');
    expect(text).not.toMatch(/cold pack|\bice\b/i);
    expect(text).toContain('Keep moving gently.');
    expect(text).toContain(MEDICINE);
    expect(text).not.toMatch(DOSES_OR_NAMES);
    expect(text).toMatch(/pelvic tilts now\?$/);
  });

  it('"not sure" when it started gets the careful answer: cold as an option, then when to use heat', async () => {
    const c = await opened();
    await c.say('what helps right now');
    const text = await c.say("I'm not sure");
    expect(text).toContain('a cold pack can numb the area');
    expect(text).toContain('After those first two days, or when it feels stiff, warmth can help');
  });

  it('saying when it started in the question itself skips the onset question', async () => {
    const c = await opened();
    expect(await c.say('I hurt my back yesterday')).toContain('a cold pack can numb the area');
    const d = await opened();
    expect(await d.say('it started a few weeks ago')).toMatch(/^For stiffness/);
  });

  it('answering the onset question in words ("it started yesterday") works too', async () => {
    const c = await opened();
    await c.say('what helps right now');
    expect(await c.say('it started yesterday')).toContain('a cold pack can numb the area');
  });

  it('no to the pelvic tilts: asks what next, nothing starts', async () => {
    const c = await opened();
    await c.say('what helps right now');
    await c.say('no');
    expect(await c.say('no')).toBe('What would you like to do?');
    expect(c.last.ended).toBe(false);
  });

  it('yes to the pelvic tilts goes through the safety gate: a new user is screened first', async () => {
    const c = await opened();
    await c.say('what helps right now');
    await c.say('yes');
    expect(await c.say('yes')).toBe(
      `Before we move, a few quick safety questions. Answer yes, no, or not sure. ${QUESTIONS[1]}`,
    );
    await answerScreen(c);
    expect(c.text).toMatch(/^Thanks\. None of those warning signs\. How's your pain right now/);
    expect(await c.say('two')).toMatch(/^Thanks\. Let's begin\. Pelvic tilts\. Lie on your back/);
  });

  it('yes to the pelvic tilts with a clear screen this week starts them straight away', async () => {
    const person = await personWithStore(db);
    const day0 = person.session(0);
    await day0.launch();
    await day0.say('run a symptom check');
    await answerScreen(day0);
    await day0.say('stop');

    const c = person.session(3);
    await c.launch();
    await c.say('what helps right now');
    await c.say('no');
    expect(await c.say('yes')).toMatch(/^How's your pain right now/);
    expect(await c.say('one')).toMatch(/^Thanks\. Let's begin\. Pelvic tilts\. Lie on your back/);
  });

  it('yes to the pelvic tilts after an urgent screen answer is refused', async () => {
    const c = await opened();
    await c.say('run a symptom check');
    await answerScreen(c, { 6: 'yes' });
    await c.say('what helps right now');
    await c.say('yes');
    const text = await c.say('yes');
    expect(text).toContain("I won't coach exercise today");
    expect(text).not.toMatch(/Pelvic tilts\. Lie on your back/);
  });
});

describe('daily habits', () => {
  it.each([
    [
      'how should I sit',
      'keep your feet flat on the floor and your knees level with your hips or a little below. Support your lower back',
      'I can also tell you about breaks, lifting or sleep, or we can start a routine. What would you like?',
    ],
    [
      'tips for sleeping',
      'If you sleep on your side, put a firm pillow between your knees. If you sleep on your back, try a pillow under your knees.',
      'I can also tell you about sitting, breaks or lifting, or we can start a routine. What would you like?',
    ],
    [
      'how do I lift',
      'bend your knees and hips, not your back. Keep the load close to your body, and power the lift with your legs.',
      'I can also tell you about sitting, breaks or sleep, or we can start a routine. What would you like?',
    ],
    [
      'tips for taking breaks',
      'Every 30 to 60 minutes, get up: stand, walk a little, or do a gentle stretch.',
      'I can also tell you about sitting, lifting or sleep, or we can start a routine. What would you like?',
    ],
  ])('"%s": the tips, then another topic or a routine is offered', async (line, tips, offer) => {
    const c = await opened();
    const text = await c.say(line);
    expect(text).toContain(tips);
    expect(text).toMatch(new RegExp(`${offer.replace(/[.?]/g, '\\$&')}$`));
    expect(c.repromptText).toBe('You can say sitting, breaks, lifting or sleep, or start my stretches.');
    expect(c.last.ended).toBe(false);
  });

  it('another topic can follow, and then a routine (through the safety gate)', async () => {
    const c = await opened();
    await c.say('how should I sit');
    expect(await c.say('what about sleep')).toContain('firm pillow between your knees');
    expect(await c.say('start my stretches')).toContain('Before we move, a few quick safety questions.');
  });

  it('"daily habits" without a topic lists the topics', async () => {
    const c = await opened();
    expect(await c.say('daily habits')).toBe(
      'I have tips on sitting, breaks, lifting and sleep. Which would you like?',
    );
    expect(c.repromptText).toBe('Say sitting, breaks, lifting or sleep.');
  });

  it('habit advice does not need a screen, and needs no exercise to be allowed', async () => {
    const c = await opened();
    await c.say('start my stretches');
    await answerScreen(c, { 5: 'yes' });
    expect(await c.say('how do I lift')).toContain('power the lift with your legs');
  });
});

describe('regressions (defects found in review, now fixed)', () => {
  it('"how often should I take breaks" is understood and answered', async () => {
    const c = await opened();
    const text = await c.say('how often should I take breaks');
    expect(c.last.unmatched).toBe(false);
    expect(text).toContain('Every 30 to 60 minutes, get up');
  });

  it.each([
    ['sleep', 'firm pillow between your knees'],
    ['breaks', 'Every 30 to 60 minutes'],
    ['lifting', 'power the lift with your legs'],
    ['sitting', 'keep your feet flat on the floor'],
  ])('a topic named as the coach offered it ("%s") is understood', async (topic, tips) => {
    const c = await opened();
    await c.say('daily habits');
    expect(c.repromptText).toContain(topic);
    expect(await c.say(topic)).toContain(tips);
  });
});
