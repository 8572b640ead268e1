import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { durationOf } from '../../lambda/src/console/player';
import { ssmlSegments } from '../../lambda/src/console/ssmlSegments';
import { DynamoUserStore } from '../../lambda/src/store/dynamoUserStore';
import { Conversation, START } from './conversation';
import type { TestDynamo } from './dynalite';

export const DAY_MS = 86_400_000;

/** The eight screen questions as the coach asks them (en-US), in the normal order. */
export const QUESTIONS = {
  1: 'Have you had any new trouble peeing, controlling your bladder or bowels, or any leaking?',
  2: 'Any numbness or tingling between your legs, around your genitals or back passage?',
  3: "Any numbness or weakness in both legs, weakness that's getting worse, or trouble walking?",
  4: 'Did the pain start suddenly and severely after a fall, an accident or another injury?',
  5: 'Do you have a fever or chills, or have you lost weight without knowing why?',
  6: 'Have you ever had cancer, do you take steroid tablets long term, or is your immune system weakened?',
  7: "Is the pain severe at night or when you're lying still, and not eased by rest?",
  8: "Has this pain lasted more than six weeks, even though you've been looking after it?",
} as const;

export type QuestionNumber = keyof typeof QUESTIONS;

/** Which question (1–8) a reply ends with, or undefined when it asks none. */
export const questionIn = (text: string): QuestionNumber | undefined => {
  for (const [n, q] of Object.entries(QUESTIONS)) if (text.endsWith(q)) return Number(n) as QuestionNumber;
  return undefined;
};

/**
 * Answers the screen that is open: `answers[n]` for question n ("yes", "not sure", …),
 * "no" to the rest, until the coach stops asking. Returns the questions in the order asked.
 */
export const answerScreen = async (
  c: Conversation,
  answers: Partial<Record<QuestionNumber, string>> = {},
): Promise<QuestionNumber[]> => {
  const asked: QuestionNumber[] = [];
  for (let q = questionIn(c.text); q !== undefined; q = questionIn(c.text)) {
    asked.push(q);
    if (asked.length > 8) throw new Error(`the screen asked more than 8 questions: ${asked.join(',')}`);
    await c.say(answers[q] ?? 'no');
  }
  return asked;
};

/** One person with one store: each `session(day)` is a new Alexa session on that day. */
export interface Person {
  readonly userId: string;
  readonly store: DynamoUserStore;
  /** Log lines written by the store (retries, conflicts), to check for user data. */
  readonly storeLogs: string[];
  /** Every conversation this person has had, for their log lines. */
  readonly conversations: Conversation[];
  session(day?: number, atMs?: number): Conversation;
  /** Every item in the table (a Scan through the document client). */
  items(): Promise<Record<string, unknown>[]>;
}

export const personWithStore = async (
  db: TestDynamo,
  userId = 'amzn1.ask.account.SAFETY-PERSON-7f3a91',
): Promise<Person> => {
  const tableName = await db.freshTable();
  const client = db.client();
  const storeLogs: string[] = [];
  const store = new DynamoUserStore({ client, tableName, log: (line) => storeLogs.push(line) });
  const conversations: Conversation[] = [];
  return {
    userId,
    store,
    storeLogs,
    conversations,
    session(day = 0, atMs = 0) {
      const c = new Conversation({ deps: { store }, userId, now: START + day * DAY_MS + atMs });
      conversations.push(c);
      return c;
    },
    async items() {
      const out = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return out.Items ?? [];
    },
  };
};

/** The calendar day (UTC, the skill's default time zone) `day` days after START. */
export const dayOf = (day: number): string => new Date(START + day * DAY_MS).toISOString().slice(0, 10);

/** How long the last reply takes to say, as the simulated device plays it. */
export const lastReplyMs = (c: Conversation): number => durationOf(ssmlSegments(c.last.ssml));

/**
 * A new user asks for the quick relief routine, passes the screen, rates their pain 2, and
 * is taken to the first block of the kneeling hip flexor stretch (a 30-second hold).
 */
export const atHipFlexorStretch = async (c: Conversation): Promise<void> => {
  await c.launch();
  await c.say('start my stretches');
  await answerScreen(c);
  await c.say("it's a two");
  c.listen();
  await c.say('yes');
  expect(c.text).toContain('Kneeling hip flexor stretch.');
};

/** Lets the stretch play until about `secondsLeft` seconds of the hold remain, then stops listening. */
export const intoTheHold = (c: Conversation, secondsLeft = 15): Conversation =>
  // The block ends with the hold, then "And relax. Ready for the other side?" (about 3 s).
  c.wait(lastReplyMs(c) - (secondsLeft + 3) * 1000);
