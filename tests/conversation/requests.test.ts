import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { segmentsToText, ssmlSegments } from '../../lambda/src/console/ssmlSegments';
import { assertValidSsml, Conversation } from '../support/conversation';
import { startTestDynamo, type TestDynamo } from '../support/dynalite';
import { readyToExercise } from '../support/people';
import { at, doExercise, regular, type Regular } from '../support/progressPeople';

/**
 * Every request type Alexa may send gets a deliberate answer, and no request, however
 * malformed, makes the skill throw or speak an error it did not mean. Envelopes start as
 * real ones (through the real interaction model) and are then changed as a test needs.
 */

type Raw = Record<string, unknown>;

const PLAIN_ERROR = "Sorry, something went wrong on my side. Let's try that again. What would you like?";

/** A conversation that keeps a copy of every request envelope it sent. */
const recording = (options: ConstructorParameters<typeof Conversation>[0] = {}) => {
  const sent: RequestEnvelope[] = [];
  const c = new Conversation({ ...options, onRequest: (r) => sent.push(structuredClone(r)) });
  const last = (): RequestEnvelope => {
    const envelope = sent[sent.length - 1];
    if (!envelope) throw new Error('nothing sent yet');
    return structuredClone(envelope);
  };
  /** The next request of the session, of another kind: it carries what the last response kept. */
  const next = (request: Raw): RequestEnvelope => {
    const envelope = withRequest(last(), request);
    if (envelope.session)
      envelope.session.attributes = structuredClone(c.last.envelope.sessionAttributes ?? {});
    return envelope;
  };
  return { c, sent, last, next };
};

const speechOf = (response: ResponseEnvelope): string => {
  const speech = response.response.outputSpeech as { ssml?: string } | undefined;
  return speech?.ssml ? segmentsToText(ssmlSegments(speech.ssml)) : '';
};

const logLines = (c: Conversation): Raw[] => c.logs.map((l) => JSON.parse(l) as Raw);

/** The same envelope with `request` replaced (a new type of request in the same session). */
const withRequest = (envelope: RequestEnvelope, request: Raw): RequestEnvelope =>
  ({
    ...envelope,
    request: {
      requestId: 'amzn1.echo-api.request.4d5e6f',
      timestamp: envelope.request.timestamp,
      locale: 'en-US',
      ...request,
    },
  }) as unknown as RequestEnvelope;

/** An envelope with no session, as Alexa sends skill events. */
const outOfSession = (envelope: RequestEnvelope, request: Raw): RequestEnvelope => {
  const { session: _session, ...rest } = withRequest(envelope, request);
  return rest as RequestEnvelope;
};

describe('skill events and other requests without speech', () => {
  const SILENT: readonly [string, Raw][] = [
    ['AlexaSkillEvent.SkillEnabled', { type: 'AlexaSkillEvent.SkillEnabled' }],
    [
      'AlexaSkillEvent.SkillPermissionAccepted',
      { type: 'AlexaSkillEvent.SkillPermissionAccepted', body: { acceptedPermissions: [] } },
    ],
    [
      'AlexaSkillEvent.SkillPermissionChanged',
      { type: 'AlexaSkillEvent.SkillPermissionChanged', body: { acceptedPermissions: [] } },
    ],
    ['AlexaSkillEvent.SkillAccountLinked', { type: 'AlexaSkillEvent.SkillAccountLinked', body: {} }],
    ['Messaging.MessageReceived', { type: 'Messaging.MessageReceived', message: { text: 'hello' } }],
    [
      'System.ExceptionEncountered',
      {
        type: 'System.ExceptionEncountered',
        error: { type: 'DEVICE_COMMUNICATION_ERROR', message: 'lost' },
        cause: { requestId: 'amzn1.echo-api.request.1' },
      },
    ],
    ['a request type added after this was written', { type: 'Alexa.Something.New' }],
  ];

  it.each(SILENT)('%s: nothing is spoken, nothing is logged as an error', async (_name, request) => {
    const { c, last } = recording();
    await c.launch();
    const response = await c.handler(outOfSession(last(), request));
    expect(response.version).toBe('1.0');
    expect(response.response.outputSpeech).toBeUndefined();
    expect(response.response.reprompt).toBeUndefined();
    expect(logLines(c).filter((l) => l.level === 'error')).toEqual([]);
    expect(c.metrics).toEqual([]);
  });

  it('System.ExceptionEncountered mid-routine is logged, and the routine goes on at the next request', async () => {
    const { c, next } = recording();
    await c.launch();
    await c.say('coach me through a bridge');
    await readyToExercise(c);
    expect(c.text).toContain('Bridge');
    const response = await c.handler(
      next({
        type: 'System.ExceptionEncountered',
        error: { type: 'INVALID_RESPONSE', message: 'x'.repeat(5000) },
        cause: { requestId: 'amzn1.echo-api.request.1' },
      }),
    );
    expect(response.response.outputSpeech).toBeUndefined();
    const line = logLines(c).find((l) => l.event === 'alexa.exception');
    expect(line).toEqual({
      level: 'warn',
      event: 'alexa.exception',
      coldStart: false,
      error: 'INVALID_RESPONSE',
    });
    // An invalid response is the skill's own bug: the alarm must see it.
    expect(c.metrics).toEqual(['HandlerError']);
    c.wait(4000);
    expect(await c.say('pause')).toMatch(/^Paused at rep \d+ of your bridges\./);
  });
});

describe('CanFulfillIntentRequest', () => {
  const canFulfill = async (intent: Raw): Promise<unknown> => {
    const { c, last } = recording();
    await c.launch();
    const response = await c.handler(
      outOfSession(last(), {
        type: 'CanFulfillIntentRequest',
        intent: { confirmationStatus: 'NONE', ...intent },
      }),
    );
    expect(response.response.outputSpeech).toBeUndefined();
    return response.response.canFulfillIntent;
  };

  const resolved = (name: string, value: string, id: string | undefined) => ({
    [name]: {
      name,
      value,
      confirmationStatus: 'NONE',
      resolutions: {
        resolutionsPerAuthority: [
          id
            ? {
                authority: 'a',
                status: { code: 'ER_SUCCESS_MATCH' },
                values: [{ value: { name: value, id } }],
              }
            : { authority: 'a', status: { code: 'ER_SUCCESS_NO_MATCH' } },
        ],
      },
    },
  });

  it('a routine it has: yes, the slot understood', async () => {
    expect(
      await canFulfill({
        name: 'StartRoutineIntent',
        slots: resolved('routine', 'stretches', 'quick-relief'),
      }),
    ).toEqual({ canFulfill: 'YES', slots: { routine: { canUnderstand: 'YES', canFulfill: 'YES' } } });
  });

  it('a routine it does not know: maybe (it would ask which one)', async () => {
    expect(
      await canFulfill({ name: 'StartRoutineIntent', slots: resolved('routine', 'yoga', undefined) }),
    ).toEqual({
      canFulfill: 'MAYBE',
      slots: { routine: { canUnderstand: 'MAYBE', canFulfill: 'NO' } },
    });
  });

  it('advice asked out of the blue: yes', async () => {
    expect(await canFulfill({ name: 'HabitsIntent', slots: {} })).toEqual({ canFulfill: 'YES' });
  });

  it.each([
    'PaceIntent',
    'PainRatingIntent',
    'AMAZON.YesIntent',
    'AMAZON.NextIntent',
    'SomeOtherSkillsIntent',
  ])('%s only means something inside a conversation: no', async (name) => {
    expect(await canFulfill({ name, slots: {} })).toEqual({ canFulfill: 'NO' });
  });
});

describe('input without words (a touch, the answer to a request the skill made)', () => {
  const NUDGES: readonly Raw[] = [
    { type: 'Alexa.Presentation.APL.UserEvent', token: 'x', arguments: ['start'] },
    { type: 'Connections.Response', name: 'AskFor', status: { code: '200', message: 'OK' }, payload: {} },
  ];

  it.each(NUDGES)('$type with nothing open: what would you like', async (request) => {
    const { c, next } = recording();
    await c.launch();
    const response = await c.handler(next(request));
    expect(speechOf(response)).toMatch(/^What would you like to do\?/);
    expect(response.response.shouldEndSession).toBe(false);
  });

  it.each(NUDGES)(
    '$type during the safety questions: the question again, no answer taken',
    async (request) => {
      const { c, next } = recording();
      await c.launch();
      expect(await c.say('start my stretches')).toContain('Have you had any new trouble peeing');
      const response = await c.handler(next(request));
      expect(speechOf(response)).toMatch(/Have you had any new trouble peeing[^?]*\?$/);
      // Still the first question: a "no" now moves on to the second.
      expect(await c.say('no')).toContain('Any numbness or tingling between your legs');
    },
  );
});

describe('malformed request facts', () => {
  /** Someone answering yes to the first safety question, each request's locale rewritten. */
  const emergencyWith = async (locale: unknown, model = 'en-US'): Promise<Conversation> => {
    const c = new Conversation({
      locale: model,
      onRequest: (r) => void ((r.request as unknown as Raw).locale = locale),
    });
    await c.launch();
    await c.say('run a symptom check');
    await c.say('yes');
    expect(c.last.ended).toBe(true);
    return c;
  };

  it.each([
    ['a locale that is not a string', 42],
    ['no locale', undefined],
    ['a locale in a language the skill does not speak', 'xx-YY'],
    ['a locale too long to be one', 'en-'.repeat(1000)],
  ])('%s: the default language, and no emergency number guessed', async (_name, locale) => {
    const c = await emergencyWith(locale);
    expect(c.text).toContain('your local emergency number');
    expect(c.text).not.toMatch(/call \d/);
  });

  it('a locale written with an underscore is read as the locale it names: en_GB says 999', async () => {
    const c = await emergencyWith('en_GB', 'en-GB');
    expect(c.text).toContain("call 9 9 9, that's 9 9 9,");
  });

  it.each([
    ['a year before 1000', '0999-01-01T00:00:00Z'],
    ['a year after 9999', '+010000-01-01T00:00:00Z'],
    ['no timestamp at all', undefined],
    ['words', 'yesterday'],
  ])('%s as the timestamp: the skill uses its clock and answers', async (_name, timestamp) => {
    const { c, last } = recording();
    await c.launch();
    const request = last();
    (request.request as unknown as Raw).type = 'IntentRequest';
    (request.request as unknown as Raw).timestamp = timestamp;
    (request.request as unknown as Raw).intent = {
      name: 'ProgressIntent',
      confirmationStatus: 'NONE',
      slots: {},
    };
    expect(speechOf(await c.handler(request))).toMatch(/You haven't done a session with me yet/);
  });

  it.each([
    ['no request', (e: Raw) => delete e.request],
    ['a request that is a string', (e: Raw) => (e.request = 'LaunchRequest')],
    ['a request with no type', (e: Raw) => (e.request = { requestId: 'x' })],
    ['no context', (e: Raw) => delete e.context],
    ['an intent that is not an object', (e: Raw) => (e.request = { type: 'IntentRequest', intent: 7 })],
    [
      'an intent named like an object property',
      (e: Raw) => (e.request = { type: 'IntentRequest', intent: { name: '__proto__' } }),
    ],
    [
      'slots that are not objects',
      (e: Raw) =>
        (e.request = {
          type: 'IntentRequest',
          intent: { name: 'StartRoutineIntent', slots: { routine: 5 } },
        }),
    ],
  ])('%s: a plain spoken answer, never a throw', async (_name, change) => {
    const { c, last } = recording();
    await c.launch();
    const envelope = last() as unknown as Raw;
    change(envelope);
    const response = await c.handler(envelope as unknown as RequestEnvelope);
    expect(response.version).toBe('1.0');
    const text = speechOf(response);
    expect(text.length).toBeGreaterThan(0);
    expect(response.response.shouldEndSession).toBe(false);
    await assertValidSsml((response.response.outputSpeech as { ssml: string }).ssml);
  });

  it('not even an object: a plain spoken error', async () => {
    const c = new Conversation();
    for (const event of [null, undefined, 'LaunchRequest', 42, []]) {
      const response = await c.handler(event as unknown as RequestEnvelope);
      expect(speechOf(response)).toBe(PLAIN_ERROR);
    }
    expect(c.metrics).toEqual(Array(5).fill('HandlerError'));
  });
});

describe('logs hold no request-controlled text', () => {
  const HUGE = 'x'.repeat(2_000_000);

  it.each([
    ['an intent name', (r: Raw) => (r.intent = { name: HUGE, slots: {} })],
    ['a request type', (r: Raw) => (r.type = HUGE)],
    ['a session end reason', (r: Raw) => Object.assign(r, { type: 'SessionEndedRequest', reason: HUGE })],
    [
      'an exception type',
      (r: Raw) =>
        Object.assign(r, { type: 'System.ExceptionEncountered', error: { type: HUGE, message: HUGE } }),
    ],
    ['a locale', (r: Raw) => (r.locale = HUGE)],
    [
      'a slot value',
      (r: Raw) =>
        (r.intent = { name: 'StartRoutineIntent', slots: { routine: { name: 'routine', value: HUGE } } }),
    ],
  ])('%s of two million characters: every line short, none of it logged', async (_name, change) => {
    const { c, last } = recording({ userId: 'amzn1.ask.account.LOGS-PERSON' });
    await c.launch();
    const envelope = last();
    Object.assign(envelope.request, {
      type: 'IntentRequest',
      intent: { name: 'AMAZON.HelpIntent', slots: {} },
    });
    change(envelope.request as unknown as Raw);
    await c.handler(envelope);
    expect(c.logs.length).toBeGreaterThan(1);
    for (const line of c.logs) {
      expect(line.length).toBeLessThan(300);
      expect(line).not.toContain('xxxxxxxx');
      expect(line).not.toContain('LOGS-PERSON');
    }
  });

  it('every line carries the invocation id and whether it was a cold start', async () => {
    const { c, last } = recording();
    await c.launch();
    await c.handler(last(), { awsRequestId: '6bc28136-7f3a-4a4c-9c6f-1d0a3f2f5e11' });
    await c.handler(last(), { awsRequestId: 'not an id <script>' });
    const lines = logLines(c);
    expect(lines.map((l) => [l.coldStart, l.requestId])).toEqual([
      [true, undefined],
      [false, '6bc28136-7f3a-4a4c-9c6f-1d0a3f2f5e11'],
      [false, undefined],
    ]);
  });
});

describe('the store cannot be reached', () => {
  let db: TestDynamo;
  beforeAll(async () => {
    db = await startTestDynamo();
  });
  afterAll(async () => {
    await db.close();
  });

  /** The same person's store, through a client pointed at a closed port. */
  const unreachable = async (p: Regular): Promise<Conversation> => {
    const { DynamoUserStore } = await import('../../lambda/src/store/dynamoUserStore');
    const store = new DynamoUserStore({
      client: db.client({ endpoint: 'http://127.0.0.1:1', maxAttempts: 2, connectionTimeoutMs: 100 }),
      tableName: p.tableName,
      log: () => undefined,
      policy: { budgetMs: 500 },
    });
    return new Conversation({ userId: p.userId, now: at(1), deps: { store } });
  };

  it('a returning user is told, not greeted as new; the outage is counted', async () => {
    const p = await regular(db);
    const first = p.session(at(0));
    await first.launch();
    await doExercise(first, 'bird dog');

    const c = await unreachable(p);
    const welcome = await c.launch();
    expect(welcome).toMatch(
      /^Hi, this is your back and hip coach\. I can't reach your saved progress right now\./,
    );
    expect(welcome).not.toContain("Hi, I'm your back and hip coach.");
    expect(await c.say('how am I doing')).toMatch(/^I can't reach your saved progress right now/);
    expect(c.metrics).toEqual(['StoreUnavailable']);
    expect(logLines(c).some((l) => l.event === 'progress.load.failed')).toBe(true);
  });

  it('the answer that says goodbye says plainly that the session was not saved, even after the first warning', async () => {
    const p = await regular(db);
    const c = await unreachable(p);
    await c.launch();
    await doExercise(c, 'bird dog');
    c.listen();
    expect(await c.say('stop')).toMatch(/^I'm sorry: I couldn't save this session's progress/);
    expect(c.last.ended).toBe(true);
    expect(c.replies.filter((r) => r.ssml.includes("I can't save your progress right now"))).toHaveLength(1);
  });
});
