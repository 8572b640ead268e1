import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { durationOf } from '../../../lambda/src/console/player';
import { ssmlSegments } from '../../../lambda/src/console/ssmlSegments';
import { buildHandler, type LambdaHandler } from '../../../lambda/src/skill';
import { DynamoUserStore } from '../../../lambda/src/store';
import { PROFILE_SK, userPk } from '../../../lambda/src/store/keys';
import { jsonLogger } from '../../../lambda/src/util/logger';
import { emfMetrics } from '../../../lambda/src/util/metrics';
import { alexaTimeZone } from '../../../lambda/src/util/timeZone';
import { startTestDynamo, type TestDynamo } from '../../support/dynalite';
import { envelopeOf, iso, T0, type Who } from './envelopes';
import { isObject, materialize, type Json, type JsonObject } from './json';

/** What one request did: the response (or what was thrown), and every line logged meanwhile. */
export interface Sent {
  readonly envelope: Json;
  readonly response?: JsonObject;
  readonly threw?: unknown;
  readonly logs: readonly string[];
}

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * The Lambda handler as index.ts builds it (JSON logger on the console, EMF metrics, the DynamoDB store with its
 * default log, the Alexa Settings API time zone, no skill id), its store on dynalite over
 * HTTP, a clock the tests move. The console is captured: on Lambda every line printed is a
 * log line, whoever prints it.
 */
export class FuzzSkill {
  private lines: string[] = [];
  private readonly spies: jest.SpyInstance[] = [];
  private users = 0;

  private constructor(
    readonly db: TestDynamo,
    readonly tableName: string,
    readonly store: DynamoUserStore,
    private readonly handler: LambdaHandler,
    private readonly clock: { now: number },
  ) {
    for (const method of CONSOLE) {
      this.spies.push(
        jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          this.lines.push(args.map(String).join(' '));
        }),
      );
    }
  }

  static async start(): Promise<FuzzSkill> {
    const db = await startTestDynamo();
    const tableName = await db.freshTable();
    const store = new DynamoUserStore({ client: db.client(), tableName });
    const clock = { now: T0 };
    const handler = buildHandler({
      clock: () => clock.now,
      logger: jsonLogger(),
      metrics: emfMetrics(),
      store,
      timeZone: alexaTimeZone(),
    });
    return new FuzzSkill(db, tableName, store, handler, clock);
  }

  /** The skill's clock (epoch ms); requests are stamped with it unless a case says otherwise. */
  get now(): number {
    return this.clock.now;
  }

  set now(ms: number) {
    this.clock.now = ms;
  }

  /** A user id never seen before (a fresh Alexa account). */
  newUserId(): string {
    this.users += 1;
    return `amzn1.ask.account.TAINT-new-${this.users}-AFZ3K7QJ2M`;
  }

  /** Sends the envelope as Lambda would hand it over (parsed JSON), never throwing itself. */
  async send(envelope: Json): Promise<Sent> {
    const sent = materialize(envelope);
    this.lines = [];
    try {
      const response = (await this.handler(sent as unknown as RequestEnvelope)) as unknown;
      return {
        envelope: sent,
        response: isObject(response) ? response : { notAnObject: String(response) },
        logs: this.lines,
      };
    } catch (threw) {
      return { envelope: sent, threw, logs: this.lines };
    }
  }

  /** The user's profile item as stored (raw), to put back later. */
  async itemOf(userId: string): Promise<Record<string, unknown> | undefined> {
    const out = await this.db.client().send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: userPk(userId), sk: PROFILE_SK },
        ConsistentRead: true,
      }),
    );
    return out.Item;
  }

  /** Stores `item` (taken from another user, or earlier) as `userId`'s profile. */
  async putItem(userId: string, item: Record<string, unknown>): Promise<void> {
    await this.db
      .client()
      .send(
        new PutCommand({ TableName: this.tableName, Item: { ...item, pk: userPk(userId), sk: PROFILE_SK } }),
      );
  }

  async close(): Promise<void> {
    for (const spy of this.spies) spy.mockRestore();
    await this.db.close();
  }
}

/** The words a response said (SSML), or '' when it said nothing. */
export const speechOf = (sent: Sent): string => {
  const speech = isObject(sent.response?.response) ? sent.response.response.outputSpeech : undefined;
  return isObject(speech) && typeof speech.ssml === 'string' ? speech.ssml : '';
};

/** How long the reply takes to say (its pauses waited out), and a moment to answer. */
export const listenedMs = (sent: Sent, gapMs = 1500): number =>
  durationOf(ssmlSegments(speechOf(sent))) + gapMs;

export const endsSession = (sent: Sent): boolean => {
  const response = sent.response?.response;
  return isObject(response) && response.shouldEndSession === true;
};

/**
 * One person talking to the skill across Alexa sessions, the way Alexa does it: each request
 * carries the session attributes of the previous response, until a response ends the
 * session; the next request then opens a new one. `damage` alters the attributes on the way,
 * standing for an older skill version's shape or a bug.
 */
export class Visit {
  attributes: Json | undefined;
  inSession = false;
  private sessions = 0;
  private requests = 0;

  constructor(
    readonly skill: FuzzSkill,
    readonly userId: string,
    private readonly name: string,
  ) {}

  get who(): Who {
    return { userId: this.userId, sessionId: `amzn1.echo-api.session.TAINT-${this.name}-${this.sessions}` };
  }

  /**
   * Sends a request (type and body; requestId, timestamp and locale are filled in unless
   * given) in the current session, or in a new one.
   */
  async send(
    request: JsonObject,
    damage?: (attributes: Json | undefined) => Json | undefined,
  ): Promise<Sent> {
    if (!this.inSession) {
      this.sessions += 1;
      this.attributes = undefined;
    }
    this.requests += 1;
    const isNew = !this.inSession;
    const attributes = damage ? damage(this.attributes) : this.attributes;
    const full: JsonObject = {
      requestId: `amzn1.echo-api.request.TAINT-${this.name}-${this.requests}`,
      timestamp: iso(this.skill.now),
      locale: 'en-US',
      ...request,
    };
    const sent = await this.skill.send(
      envelopeOf(full, this.who, { isNew, ...(attributes === undefined ? {} : { attributes }) }),
    );
    const over =
      request.type === 'SessionEndedRequest' ||
      sent.threw !== undefined ||
      endsSession(sent) ||
      !sent.response;
    this.inSession = !over;
    this.attributes = over ? undefined : (sent.response?.sessionAttributes as Json | undefined);
    return sent;
  }

  intent(
    name: string,
    slots: JsonObject = {},
    damage?: (attributes: Json | undefined) => Json | undefined,
  ): Promise<Sent> {
    return this.send({ type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots } }, damage);
  }

  launch(): Promise<Sent> {
    return this.send({ type: 'LaunchRequest' });
  }
}
