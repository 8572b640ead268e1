import { ratePainIfAsked } from './people';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Profile } from '../../lambda/src/progress';
import { DynamoUserStore } from '../../lambda/src/store/dynamoUserStore';
import type { RetryPolicy } from '../../lambda/src/store/resilience';
import type { UserStore } from '../../lambda/src/store/userStore';
import { durationOf } from '../../lambda/src/console/player';
import { ssmlSegments } from '../../lambda/src/console/ssmlSegments';
import { Conversation, START, type ConversationOptions } from './conversation';
import type { TestDynamo } from './dynalite';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Someone who keeps coming back: every `session(at)` is a new Alexa session at `at` (epoch ms). */
export interface Regular {
  readonly userId: string;
  readonly store: UserStore;
  readonly tableName: string;
  /** Lines the store logged (faults, retries, conflicts). */
  readonly storeLogs: string[];
  readonly conversations: Conversation[];
  /** `onRequest` sees (and may alter) each request envelope of that session. */
  session(at: number, options?: Pick<ConversationOptions, 'onRequest'>): Conversation;
  /** Every item in the table, read straight from dynalite (not through the skill). */
  items(): Promise<Record<string, unknown>[]>;
  /** The stored profile, read straight from dynalite. */
  profile(): Promise<Profile | undefined>;
}

export interface RegularOptions {
  readonly userId?: string;
  /** The zone the Alexa Settings API would report for the device. */
  readonly timeZone?: string;
  /** Use this table (a second person in the same table); a fresh one otherwise. */
  readonly tableName?: string;
  /** The store talks to dynalite through this client (e.g. one pointed at a fault proxy). */
  readonly client?: DynamoDBDocumentClient;
  readonly policy?: Partial<RetryPolicy>;
}

export const regular = async (db: TestDynamo, options: RegularOptions = {}): Promise<Regular> => {
  const userId = options.userId ?? 'amzn1.ask.account.PROGRESS-REGULAR-5c1e';
  const tableName = options.tableName ?? (await db.freshTable());
  const direct = db.client();
  const storeLogs: string[] = [];
  const store = new DynamoUserStore({
    client: options.client ?? direct,
    tableName,
    log: (line) => storeLogs.push(line),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const timeZone = options.timeZone;
  const conversations: Conversation[] = [];
  const items = async (): Promise<Record<string, unknown>[]> => {
    const out = await direct.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
    return out.Items ?? [];
  };
  const reader = new DynamoUserStore({ client: direct, tableName, log: () => undefined });
  return {
    userId,
    store,
    tableName,
    storeLogs,
    conversations,
    session(at, sessionOptions = {}) {
      const c = new Conversation({
        deps: { store, ...(timeZone ? { timeZone: () => Promise.resolve(timeZone) } : {}) },
        userId,
        now: at,
        ...sessionOptions,
      });
      conversations.push(c);
      return c;
    },
    items,
    profile: () => reader.load(userId),
  };
};

/** `day` days and `hours` hours after START (a Thursday, 08:30 UTC). */
export const at = (day: number, hours = 0): number => START + day * DAY_MS + hours * HOUR_MS;

/** Passes the red-flag screen ("no" to every question) when the coach asks it: the first time, then weekly. */
export const screenIfAsked = async (c: Conversation): Promise<void> => {
  if (!/before we move, a few quick safety questions/i.test(c.text)) return;
  for (let i = 0; i < 9 && !/None of those warning signs/.test(c.text); i += 1) await c.say('no');
  expect(c.text).toContain('None of those warning signs');
};

/**
 * Asks for one exercise on its own ("coach me through a bird dog"), passes the screen if
 * asked, and listens to every block to the end. Returns every block as spoken.
 */
export const doExercise = async (c: Conversation, name: string, pain = "it's a two"): Promise<string[]> => {
  await c.say(`coach me through a ${name}`);
  await screenIfAsked(c);
  await ratePainIfAsked(c, pain);
  const blocks = [c.text];
  while (!/Well done\./.test(c.text)) {
    c.listen();
    blocks.push(await c.say('yes'));
    if (blocks.length > 12) throw new Error(`the ${name} never ended: ${c.text}`);
  }
  return blocks;
};

/** Lets `fraction` of the last reply play, then the user speaks over it (a barge-in). */
export const intoTheBlock = (c: Conversation, fraction = 0.5): Conversation =>
  c.wait(Math.round(durationOf(ssmlSegments(c.last.ssml)) * fraction));

/** A whole bird dog (both sides) in a session at `when`, then "stop" after its summary. */
export const birdDogSession = async (p: Regular, when: number): Promise<Conversation> => {
  const c = p.session(when);
  await c.launch();
  await doExercise(c, 'bird dog');
  c.listen();
  await c.say('stop');
  return c;
};
