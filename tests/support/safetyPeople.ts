import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { durationOf } from '../../lambda/src/console/player';
import { ssmlSegments } from '../../lambda/src/console/ssmlSegments';
import { DynamoUserStore } from '../../lambda/src/store/dynamoUserStore';
import { Conversation, START } from './conversation';
import type { TestDynamo } from './dynalite';

export const DAY_MS = 86_400_000;

/** The nine screen questions as the coach asks them (en-US), in the normal order. */
export const QUESTIONS = {
  1: "Have you had any new trouble peeing, like it's hard to start or you can't go, or any leaking from your bladder or bowels without meaning to?",
  2: 'Any numbness or tingling between your legs, around your genitals or back passage?',
  3: "Any numbness, tingling or weakness in one or both legs that's severe or getting worse, or trouble walking?",
  4: 'Did the pain start suddenly and severely after a fall, an accident or another injury?',
  5: 'Do you have a fever or chills, or have you lost weight without knowing why?',
  6: 'Have you ever had cancer?',
  7: 'Do any of these apply to you: steroid tablets taken long term, thin bones, called osteoporosis, a weakened immune system, or injecting drugs?',
  8: "Is the pain severe at night or when you're lying still, and not eased by rest?",
  9: "Has this pain lasted more than six weeks, even though you've been looking after it?",
} as const;

export type QuestionNumber = keyof typeof QUESTIONS;

/** Each question's plain rephrase with an everyday example (a first "not sure", or "help"). */
export const REPHRASES: Readonly<Record<QuestionNumber, string>> = {
  1: 'For example, is it harder than usual to start peeing, do you need to go but nothing comes, or have you wet or soiled yourself without meaning to?',
  2: 'For example, does it feel different when you wipe after the toilet, or when you sit on a hard chair, as if that area were partly numb?',
  3: 'For example, does a foot catch or drag when you walk, do your legs give way, or is a numb or tingling patch on a leg spreading or getting worse?',
  4: 'For example, did the pain come on all at once after you slipped and fell, after a car accident, or after a hard knock to your back?',
  5: 'For example, have you felt hot and shivery, woken up drenched in sweat, or found your clothes getting looser without trying to lose weight?',
  6: 'For example, have you ever been treated for any kind of cancer, even years ago, such as breast, prostate or lung cancer?',
  7: 'For example, have you taken steroid tablets for asthma or arthritis for three months or more, been told your bones are thin or brittle, taken medicine that weakens your immune system, or do you inject drugs?',
  8: 'For example, does the pain wake you up at night, or is it just as bad when you lie still, whichever way you lie?',
  9: 'For example, has it been there most days since more than six weeks ago, even with rest, gentle exercise or painkillers?',
};

/** Which question (1–9) a reply ends with, or undefined when it asks none. */
export const questionIn = (text: string): QuestionNumber | undefined => {
  for (const [n, q] of Object.entries(QUESTIONS)) if (text.endsWith(q)) return Number(n) as QuestionNumber;
  return undefined;
};

/** Which question a reply rephrases after a first "not sure" ("… Yes, no, or not sure?"). */
export const rephraseIn = (text: string): QuestionNumber | undefined => {
  for (const [n, r] of Object.entries(REPHRASES))
    if (text.endsWith(`${r} Yes, no, or not sure?`)) return Number(n) as QuestionNumber;
  return undefined;
};

/**
 * Answers the screen that is open: `answers[n]` for question n ("yes", "not sure", …),
 * "no" to the rest, until the coach stops asking. A rephrase after a first "not sure" is
 * answered the same way again (so "not sure" twice counts as yes). Returns the questions in
 * the order asked, each once.
 */
export const answerScreen = async (
  c: Conversation,
  answers: Partial<Record<QuestionNumber, string>> = {},
): Promise<QuestionNumber[]> => {
  const asked: QuestionNumber[] = [];
  for (let q = questionIn(c.text); q !== undefined; q = questionIn(c.text) ?? rephraseIn(c.text)) {
    if (asked[asked.length - 1] !== q) asked.push(q);
    if (asked.length > 9) throw new Error(`the screen asked more than 9 questions: ${asked.join(',')}`);
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
