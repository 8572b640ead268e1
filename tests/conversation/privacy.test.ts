import { Conversation } from '../support/conversation';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import {
  answerScreen,
  dayOf,
  intoTheHold,
  personWithStore,
  type Person,
  type QuestionNumber,
} from '../support/safetyPeople';

/**
 * What a person tells the coach about their health. Two people whose choices lead to the
 * same spoken conversation (same pain band, same screen outcome) but differ in the exact
 * numbers and answers must leave exactly the same trace: then nothing of those numbers or
 * answers can have been kept.
 */
interface HealthChoices {
  /** Pain before a routine (4–7: "we'll take it gently"). */
  readonly before: string;
  /** Pain after "ouch" mid-stretch (0–3: carry on). */
  readonly during: string;
  /** Pain after "it hurts" with nothing running (4–7). */
  readonly idle: string;
  /** The urgent question answered yes (6 and 7 lead to the same "within a few days"). */
  readonly urgent: QuestionNumber;
}

// Numbers in the same band of the pain policy lead the same way; only the numbers differ.
const SEVEN_AND_THREE: HealthChoices = { before: 'four', during: 'three', idle: 'seven', urgent: 6 };
const FIVE_AND_ONE: HealthChoices = { before: 'five', during: 'one', idle: 'six', urgent: 6 };
const OTHER_URGENT_ANSWER: HealthChoices = { ...SEVEN_AND_THREE, urgent: 7 };

/** Like atHipFlexorStretch (support/safetyPeople), with a chosen pain number before the routine. */
const atHipFlexorStretchWith = async (c: Conversation, pain: string): Promise<void> => {
  await c.launch();
  await c.say('start my stretches');
  await answerScreen(c);
  expect(await c.say(pain)).toMatch(/^Thanks\. We'll use the easier versions today\./);
  c.listen();
  expect(await c.say('yes')).toMatch(/hip flexor stretch\./);
};

/** Three days of use: a routine with pain checks, an urgent screen, a symptom mid-stretch. */
const threeDays = async (person: Person, choices: HealthChoices): Promise<void> => {
  // Day 0: first screen, pain before the routine, "ouch" mid-hold.
  const day0 = person.session(0);
  await atHipFlexorStretchWith(day0, choices.before);
  intoTheHold(day0);
  expect(await day0.say('ouch')).toContain('how bad is it right now?');
  expect(await day0.say(choices.during)).toMatch(/^That's fine\. Carry on gently/);
  day0.listen();
  await day0.say('yes');
  await day0.say('stop');

  // Day 1: a symptom check with a yes to an urgent question, then tips; exercise refused.
  const day1 = person.session(1);
  await day1.launch();
  await day1.say('run a symptom check');
  await answerScreen(day1, { [choices.urgent]: 'yes' });
  expect(day1.text).toContain('So no exercise for today.');
  await day1.say('what helps right now');
  await day1.say('yes');
  expect(await day1.say('start my stretches')).toContain("I won't coach exercise today");
  await day1.say('stop');

  // Day 2: "it hurts" with nothing running, then a routine and a symptom word mid-hold.
  const day2 = person.session(2);
  await day2.launch();
  expect(await day2.say('it hurts')).toContain('how bad is it right now?');
  await day2.say(choices.idle);
  await day2.say('start my stretches');
  day2.listen();
  // Pain of 6 or 7 a few minutes ago: the easier version, whichever the number.
  expect(await day2.say('yes')).toContain('Standing hip flexor stretch.');
  intoTheHold(day2);
  await day2.say('my legs are numb');
  await answerScreen(day2);
  expect(day2.text).toMatch(/^Thanks\. None of those warning signs\. .*Let's carry on\./);
  await day2.say('stop');
};

/** Every key, at any depth, of a stored item. */
const keysDeep = (value: unknown, path = ''): string[] => {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${path}${k}`, ...keysDeep(v, `${path}${k}.`)]);
};

/**
 * An item without what differs from person to person by design: the key, and the request
 * and session ids in set elements (`when|id`).
 */
const withoutIds = (item: Record<string, unknown>): Record<string, unknown> => {
  const { pk: _pk, ...rest } = item;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      v instanceof Set ? [...(v as Set<string>)].map((e) => e.replace(/\|.*$/, '|id')).sort() : v,
    ]),
  );
};

const allLogs = (person: Person): string[] => [
  ...person.conversations.flatMap((c) => c.logs),
  ...person.storeLogs,
];

/** The attributes a profile item may hold: progress, written out by the store's layout. */
const PROGRESS_ATTRIBUTES = [
  /^(pk|sk|firstUseDay|sessionsTotal|secondsTotal|bestStreak|disclaimerHeard|sixWeekAskedDay)$/,
  /^(activeDaySet|sessionSet|appliedSet)$/,
  /^day#\d{4}-\d{2}-\d{2}#(sessions|seconds)$/,
  /^(count|declined)#[a-z-]+$/,
  /^(clean|countFrom)#[a-z-]+#\d+$/,
  /^(pace|resume|reminderConsent|clearScreen|level#[a-z-]+)#(value|at)$/,
];

let db: TestDynamo;
beforeAll(async () => {
  db = await startTestDynamo();
});
afterAll(async () => {
  await db.close();
});

describe('what is kept after symptom checks and pain ratings', () => {
  let person: Person;
  /** Same conversation with other pain numbers. */
  let twin: Person;
  /** Same conversation with a yes to another urgent question. */
  let cousin: Person;
  beforeAll(async () => {
    person = await personWithStore(db, 'amzn1.ask.account.PRIVACY-SEVEN-THREE-9b2c');
    twin = await personWithStore(db, 'amzn1.ask.account.PRIVACY-FIVE-ONE-41de');
    cousin = await personWithStore(db, 'amzn1.ask.account.PRIVACY-OTHER-ANSWER-77aa');
    await threeDays(person, SEVEN_AND_THREE);
    await threeDays(twin, FIVE_AND_ONE);
    await threeDays(cousin, OTHER_URGENT_ANSWER);
  });

  it('the table holds one item for the person, with progress fields only', async () => {
    const items = await person.items();
    expect(items).toHaveLength(1);
    const item = items[0] ?? {};
    const extra = Object.keys(item).filter((k) => !PROGRESS_ATTRIBUTES.some((p) => p.test(k)));
    expect(extra).toEqual([]);
    expect(item.sk).toBe('PROFILE');
    // Of the safety check, only the date of the last clear one.
    expect(item['clearScreen#value']).toBe(JSON.stringify(dayOf(2)));
    expect(
      keysDeep(item).filter((k) => /pain|score|answer|symptom|worst|outcome|safety|urgent/i.test(k)),
    ).toEqual([]);
  });

  it('no raw Alexa user id anywhere in the table: the key is a hash', async () => {
    const items = await person.items();
    const text = JSON.stringify(items);
    expect(text).not.toContain(person.userId);
    expect(text).not.toContain('PRIVACY-SEVEN-THREE');
    expect(text).not.toContain('amzn1.ask.account');
    expect(items[0]?.pk).toMatch(/^USER#[0-9a-f]{64}$/);
  });

  it('different pain numbers leave exactly the same item', async () => {
    const [mine] = await person.items();
    const [theirs] = await twin.items();
    expect(mine).toBeDefined();
    expect(withoutIds(mine ?? {})).toEqual(withoutIds(theirs ?? {}));
  });

  it('a yes to a different urgent question leaves exactly the same item', async () => {
    const [mine] = await person.items();
    const [theirs] = await cousin.items();
    expect(withoutIds(mine ?? {})).toEqual(withoutIds(theirs ?? {}));
  });

  it('every log line is structured, and none holds a user id, a score or a symptom', () => {
    const lines = allLogs(person);
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(parsed).filter((k) => /score|pain|answer|symptom|slot|value|user/i.test(k))).toEqual(
        [],
      );
      expect(line).not.toContain(person.userId);
      expect(line).not.toContain('amzn1.ask.account');
      // The scores were 7 and 3: neither appears, as a digit or a word.
      expect(line).not.toMatch(/\b[37]\b|seven|three/i);
      expect(line).not.toMatch(/numb|tingl|fever|bladder|cancer|steroid|leg/i);
    }
  });

  it('the logs do not depend on the pain numbers', () => {
    const strip = (lines: string[]) => lines.filter((l) => !l.includes('"store.'));
    const mine = strip(allLogs(person));
    const theirs = strip(allLogs(twin));
    expect(mine).toEqual(theirs);
  });
});

describe('regressions (defects found in review, now fixed)', () => {
  it('the logs of a symptom check do not reveal the answers (yes to question 6 vs all no)', async () => {
    const screened = async (answers: Partial<Record<QuestionNumber, string>>): Promise<string[]> => {
      const c = new Conversation({ userId: 'amzn1.ask.account.PRIVACY-LOGS' });
      await c.launch();
      await c.say('run a symptom check');
      await answerScreen(c, { 8: 'yes', ...answers });
      return c.logs;
    };
    // Both end with the coach still listening, so only the answers differ.
    const allNo = await screened({});
    const cancerYes = await screened({ 6: 'yes' });
    expect(cancerYes).toEqual(allNo);
  });
});
