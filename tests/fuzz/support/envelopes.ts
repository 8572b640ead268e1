import fc from 'fast-check';
import { START } from '../../support/conversation';
import { TAINT, isObject, junk, taintText, type Json, type JsonObject, type Path } from './json';
import { MODEL_INTENTS, SLOT_VALUES, intentNamed, type ModelIntent } from './model';

/**
 * Alexa request envelopes, as JSON, for every request type the skill can receive. Every
 * identifier and free text a request carries is marked with TAINT, so a log line that
 * holds any of it is caught.
 */

/** Where the skill's Alexa service calls go: a closed local port (nothing leaves the machine). */
export const LOCAL_NOWHERE = 'http://127.0.0.1:1';
export const APP_ID = `amzn1.ask.skill.${TAINT}-app`;
export const LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN'] as const;

/** The fake clock of every fuzz case: requests are stamped with it unless a case says otherwise. */
export const T0 = START;

export const userIdOf = (name: string): string => `amzn1.ask.account.${TAINT}-${name}-AFZ3K7QJ2M`;

// --- the parts of an envelope -------------------------------------------------------------

export interface Who {
  /** Absent: the request carries no user (CanFulfillIntentRequest may come without one). */
  readonly userId?: string;
  readonly sessionId: string;
}

export const contextOf = (who: Who): JsonObject => ({
  System: {
    application: { applicationId: APP_ID },
    ...(who.userId === undefined ? {} : { user: { userId: who.userId } }),
    device: { deviceId: `amzn1.ask.device.${TAINT}-device`, supportedInterfaces: {} },
    apiEndpoint: LOCAL_NOWHERE,
    apiAccessToken: `${TAINT}-api-token`,
  },
});

export const sessionOf = (who: Who, isNew: boolean, attributes: Json | undefined): JsonObject => ({
  new: isNew,
  sessionId: who.sessionId,
  application: { applicationId: APP_ID },
  ...(who.userId === undefined ? {} : { user: { userId: who.userId } }),
  ...(attributes === undefined ? {} : { attributes }),
});

export const envelopeOf = (
  request: Json,
  who: Who,
  session?: { isNew: boolean; attributes?: Json },
): JsonObject => ({
  version: '1.0',
  ...(session ? { session: sessionOf(who, session.isNew, session.attributes) } : {}),
  context: contextOf(who),
  request,
});

export const iso = (ms: number): string => new Date(ms).toISOString();

// --- requests ------------------------------------------------------------------------------

/** Request types that carry no conversation: answered with no speech and no error log. */
export const SILENT_TYPES = [
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillAccountLinked',
  'Messaging.MessageReceived',
  'System.ExceptionEncountered',
] as const;

/** Types the skill does not use but Alexa may still send. */
export const UNSUPPORTED_TYPES = [
  'AudioPlayer.PlaybackStarted',
  'PlaybackController.PlayCommandIssued',
  'Display.ElementSelected',
  'Dialog.API.Invoked',
  'GameEngine.InputHandlerEvent',
] as const;

export const REQUEST_TYPES = [
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'CanFulfillIntentRequest',
  'Connections.Response',
  'Alexa.Presentation.APL.UserEvent',
  ...SILENT_TYPES,
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** A request id; fixed ids would make a re-sent delta look like an old one. */
const requestId = fc.uuid().map((u) => `amzn1.echo-api.request.${TAINT}-${u}`);

/** Offsets from the fake clock that Alexa could stamp (it is never far off). */
const validTimestamp = fc.integer({ min: -2000, max: 0 }).map((d) => iso(T0 + d));

export const validLocale = fc.constantFrom<Json>(...LOCALES);

/** Locales Alexa never sends, or sends in another spelling: the skill must fall back to English. */
export const oddLocale: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constantFrom<Json | undefined>(
    undefined,
    '',
    'en_US',
    'xx-YY',
    'de-DE',
    'EN-us',
    'en',
    'zz',
    '  ',
    'en-US-x-private',
    '123',
    null,
    42,
    true,
    {},
    [],
    ['en-US'],
  ),
  taintText('locale'),
);

/** Timestamps no clock gives: missing, unparseable, or a year outside 1000–9999. */
export const oddTimestamp: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constantFrom<Json | undefined>(
    undefined,
    '',
    'garbage',
    '0000-01-01T00:00:00Z',
    '0500-06-15T12:00:00Z',
    '0999-12-31T23:59:59Z',
    '10000-01-01T00:00:00Z',
    '+099999-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '+275760-09-13T00:00:00.001Z',
    '2026-13-45T99:99:99Z',
    T0,
    0,
    -1,
    null,
    {},
    [],
  ),
  fc.integer({ min: -300_000, max: 300_000 }).map((year) => {
    const y =
      year < 0
        ? `-${String(-year).padStart(6, '0')}`
        : year > 9999
          ? `+${String(year).padStart(6, '0')}`
          : String(year).padStart(4, '0');
    return `${y}-06-15T12:00:00Z`;
  }),
  taintText('timestamp'),
);

/** The fields that are set (a field left out stays out of the JSON). */
export const present = (fields: Readonly<Record<string, Json | undefined>>): JsonObject => {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
};

/** The common fields of a request. */
const head = (
  type: string,
  locale: fc.Arbitrary<Json | undefined>,
  timestamp: fc.Arbitrary<Json | undefined>,
): fc.Arbitrary<JsonObject> =>
  fc.record({ requestId, timestamp, locale }).map((h) => present({ type, ...h }));

export interface Stamps {
  readonly locale: fc.Arbitrary<Json | undefined>;
  readonly timestamp: fc.Arbitrary<Json | undefined>;
}

export const VALID_STAMPS: Stamps = { locale: validLocale, timestamp: validTimestamp };
export const ODD_LOCALES: Stamps = { locale: oddLocale, timestamp: validTimestamp };
export const ODD_TIMESTAMPS: Stamps = { locale: validLocale, timestamp: oddTimestamp };

// --- slots -----------------------------------------------------------------------------------

const authority = (type: string): string => `amzn1.er-authority.echo-sdk.${APP_ID}.${type}`;

export const matchedSlot = (name: string, type: string, value: { id: string; name: string }): JsonObject => ({
  name,
  value: value.name,
  confirmationStatus: 'NONE',
  source: 'USER',
  resolutions: {
    resolutionsPerAuthority: [
      {
        authority: authority(type),
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: value.name, id: value.id } }],
      },
    ],
  },
});

const unmatchedSlot = (name: string, type: string, heard: string): JsonObject => ({
  name,
  value: heard,
  confirmationStatus: 'NONE',
  source: 'USER',
  resolutions: {
    resolutionsPerAuthority: [{ authority: authority(type), status: { code: 'ER_SUCCESS_NO_MATCH' } }],
  },
});

/** A slot as Alexa fills it: one of the model's values, words it could not match, or nothing. */
const slotOf = (slot: { name: string; type: string }): fc.Arbitrary<JsonObject> => {
  const values = SLOT_VALUES[slot.type];
  if (slot.type === 'AMAZON.NUMBER') {
    return fc
      .oneof(
        fc.integer({ min: -3, max: 15 }).map(String),
        fc.constantFrom('?', '3.5', '1e400', '-0', ''),
        taintText('number'),
      )
      .map((value) => ({ name: slot.name, value, confirmationStatus: 'NONE', source: 'USER' }));
  }
  return fc.oneof(
    {
      weight: 4,
      arbitrary:
        values && values.length > 0
          ? fc.constantFrom(...values).map((v) => matchedSlot(slot.name, slot.type, v))
          : fc.constant({ name: slot.name }),
    },
    { weight: 1, arbitrary: taintText('heard').map((heard) => unmatchedSlot(slot.name, slot.type, heard)) },
    { weight: 1, arbitrary: fc.constant<JsonObject>({ name: slot.name, confirmationStatus: 'NONE' }) },
  );
};

/** Slots a device would never send: wrong shapes at every level of a slot. */
export const garbageSlots = (intent: ModelIntent): fc.Arbitrary<Json> => {
  const name = intent.slots[0]?.name ?? `${TAINT}-slot`;
  const type = intent.slots[0]?.type ?? `${TAINT}-type`;
  const brokenResolutions = fc.constantFrom<Json>(
    null,
    {},
    { resolutionsPerAuthority: null },
    { resolutionsPerAuthority: {} },
    { resolutionsPerAuthority: 'ER_SUCCESS_MATCH' },
    { resolutionsPerAuthority: [null] },
    { resolutionsPerAuthority: [{ status: null }] },
    { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: null }] },
    { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: {} }] },
    { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [null] }] },
    { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: null }] }] },
    { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 42 } }] }] },
    {
      resolutionsPerAuthority: [
        { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: `${TAINT}-id`, name: 'x' } }] },
      ],
    },
    { resolutionsPerAuthority: [{ authority: authority(type), status: { code: `${TAINT}-code` } }] },
  );
  return fc.oneof(
    // The whole slots object of the wrong shape.
    fc.constantFrom<Json>(null, `${TAINT}-slots`, 7, [], [{ name, value: 'bridge' }]),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    // One slot of the wrong shape, or with a value of the wrong type.
    fc.oneof(junk, taintText('slot')).map((slot): Json => ({ [name]: slot })),
    fc.oneof(junk, taintText('value')).map((value): Json => ({ [name]: { name, value } })),
    // Entity resolution of the wrong shape, at every level.
    {
      weight: 3,
      arbitrary: brokenResolutions.map((resolutions): Json => ({
        [name]: { name, value: 'bridge', resolutions },
      })),
    },
  );
};

const slotsOf = (intent: ModelIntent): fc.Arbitrary<Json | undefined> =>
  intent.slots.length === 0
    ? fc.constantFrom<Json | undefined>(undefined, {})
    : fc
        .tuple(...intent.slots.map(slotOf))
        .map((slots): Json => Object.fromEntries(slots.map((s) => [s.name as string, s])));

/** Intents of the model with slots as Alexa fills them, or (`garbage`) slots no device sends. */
export const intentOf = (
  options: { garbage?: boolean; names?: readonly string[] } = {},
): fc.Arbitrary<JsonObject> => {
  const intents = options.names ? options.names.map(intentNamed) : MODEL_INTENTS;
  return fc.constantFrom(...intents).chain((intent) =>
    (options.garbage ? garbageSlots(intent) : slotsOf(intent)).map((slots): JsonObject => ({
      name: intent.name,
      confirmationStatus: 'NONE',
      ...(slots === undefined ? {} : { slots }),
    })),
  );
};

/** An intent name not in the model (another skill's, an old one, or junk). */
const strangeIntent: fc.Arbitrary<JsonObject> = fc
  .oneof(
    fc.constantFrom('AMAZON.ShuffleOffIntent', 'OldWorkoutIntent', 'AMAZON.SendToPhoneIntent'),
    taintText('intent'),
  )
  .map((name) => ({ name, confirmationStatus: 'NONE', slots: {} }));

// --- request arbitraries ---------------------------------------------------------------------

export const launchRequest = (s: Stamps = VALID_STAMPS) =>
  head('LaunchRequest', s.locale, s.timestamp).map((h): JsonObject => ({
    ...h,
    shouldLinkResultBeReturned: false,
  }));

export const intentRequest = (
  s: Stamps = VALID_STAMPS,
  intent: fc.Arbitrary<JsonObject> = fc.oneof(
    { weight: 9, arbitrary: intentOf() },
    { weight: 1, arbitrary: strangeIntent },
  ),
) =>
  fc
    .record({
      h: head('IntentRequest', s.locale, s.timestamp),
      dialogState: fc.constantFrom<Json | undefined>(undefined, 'STARTED', 'IN_PROGRESS', 'COMPLETED'),
      intent,
    })
    .map(({ h, dialogState, intent: i }): JsonObject => present({ ...h, dialogState, intent: i }));

export const sessionEndedRequest = (s: Stamps = VALID_STAMPS) =>
  fc
    .record({
      h: head('SessionEndedRequest', s.locale, s.timestamp),
      reason: fc.oneof(
        fc.constantFrom<Json>('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'),
        taintText('reason'),
      ),
      error: fc.option(
        fc.record({
          type: fc.constantFrom<Json>(
            'INVALID_RESPONSE',
            'DEVICE_COMMUNICATION_ERROR',
            'INTERNAL_SERVICE_ERROR',
          ),
          message: taintText('error'),
        }),
        { nil: undefined },
      ),
    })
    .map(({ h, reason, error }): JsonObject => present({ ...h, reason, error }));

export const canFulfillRequest = (s: Stamps = VALID_STAMPS) =>
  fc
    .record({
      h: head('CanFulfillIntentRequest', s.locale, s.timestamp),
      intent: fc.oneof({ weight: 4, arbitrary: intentOf() }, { weight: 1, arbitrary: strangeIntent }),
    })
    .map(({ h, intent }): JsonObject => {
      const { confirmationStatus: _unused, ...bare } = intent;
      return { ...h, intent: bare };
    });

const eventHead = (type: string) =>
  fc
    .record({ type: fc.constant<Json>(type), requestId, timestamp: validTimestamp })
    .map((h): JsonObject => ({ ...h, eventCreationTime: h.timestamp, eventPublishingTime: h.timestamp }));

const REMINDERS = 'alexa::alerts:reminders:skill:readwrite';

export const skillEventRequest = (type: (typeof SILENT_TYPES)[number]): fc.Arbitrary<JsonObject> => {
  switch (type) {
    case 'AlexaSkillEvent.SkillEnabled':
      return eventHead(type);
    case 'AlexaSkillEvent.SkillDisabled':
      return fc
        .tuple(eventHead(type), fc.constantFrom('PERSISTED', 'NOT_PERSISTED'))
        .map(([h, status]) => ({ ...h, body: { userInformationPersistenceStatus: status } }));
    case 'AlexaSkillEvent.SkillPermissionAccepted':
    case 'AlexaSkillEvent.SkillPermissionChanged':
      return fc
        .tuple(eventHead(type), fc.subarray([REMINDERS, 'alexa::profile:given_name:read', `${TAINT}-scope`]))
        .map(([h, scopes]) => ({ ...h, body: { acceptedPermissions: scopes.map((scope) => ({ scope })) } }));
    case 'AlexaSkillEvent.SkillAccountLinked':
      return fc
        .tuple(eventHead(type), taintText('token'))
        .map(([h, accessToken]) => ({ ...h, body: { accessToken } }));
    case 'Messaging.MessageReceived':
      return fc
        .tuple(eventHead(type), fc.dictionary(taintText('key'), taintText('message'), { maxKeys: 3 }))
        .map(([h, message]) => ({ ...h, message }));
    case 'System.ExceptionEncountered':
      return fc
        .record({
          h: head(type, validLocale, validTimestamp),
          type: fc.constantFrom('INVALID_RESPONSE', 'DEVICE_COMMUNICATION_ERROR', 'INTERNAL_SERVICE_ERROR'),
          message: taintText('error'),
          cause: taintText('cause'),
        })
        .map(({ h, type: errorType, message, cause }) => ({
          ...h,
          error: { type: errorType, message },
          cause: { requestId: cause },
        }));
  }
};

export const connectionsResponse = (s: Stamps = VALID_STAMPS) =>
  fc
    .record({
      h: head('Connections.Response', s.locale, s.timestamp),
      name: fc.oneof(fc.constantFrom('Buy', 'Upsell', 'Cancel', 'AskFor'), taintText('name')),
      code: fc.constantFrom('200', '400', '500'),
      message: fc.oneof(fc.constant('OK'), taintText('status')),
      token: taintText('token'),
      payload: fc.oneof(
        fc.record({
          purchaseResult: fc.constantFrom('ACCEPTED', 'DECLINED', 'ERROR', 'ALREADY_PURCHASED'),
          productId: taintText('product'),
          message: taintText('message'),
        }),
        fc.record({
          permissionScope: fc.constant(REMINDERS),
          status: fc.constantFrom('ACCEPTED', 'DENIED', 'NOT_ANSWERED'),
        }),
        fc.constant({}),
      ),
    })
    .map(({ h, name, code, message, token, payload }): JsonObject => ({
      ...h,
      name,
      status: { code, message },
      token,
      payload: payload as Json,
    }));

export const aplUserEvent = (s: Stamps = VALID_STAMPS) =>
  fc
    .record({
      h: head('Alexa.Presentation.APL.UserEvent', s.locale, s.timestamp),
      token: taintText('token'),
      args: fc.array(fc.oneof(taintText('argument'), fc.integer()), { maxLength: 3 }),
      id: taintText('component'),
    })
    .map(({ h, token, args, id }): JsonObject => ({
      ...h,
      token,
      arguments: args,
      source: { type: 'TouchWrapper', handler: 'Press', id },
      components: {},
    }));

export const unsupportedRequest = fc
  .tuple(fc.oneof(fc.constantFrom(...UNSUPPORTED_TYPES), taintText('type')), requestId)
  .map(([type, id]): JsonObject => ({ type, requestId: id, timestamp: iso(T0), locale: 'en-US' }));

/** A well-formed request of the given type. */
export const requestOfType = (type: RequestType, s: Stamps = VALID_STAMPS): fc.Arbitrary<JsonObject> => {
  switch (type) {
    case 'LaunchRequest':
      return launchRequest(s);
    case 'IntentRequest':
      return intentRequest(s);
    case 'SessionEndedRequest':
      return sessionEndedRequest(s);
    case 'CanFulfillIntentRequest':
      return canFulfillRequest(s);
    case 'Connections.Response':
      return connectionsResponse(s);
    case 'Alexa.Presentation.APL.UserEvent':
      return aplUserEvent(s);
    default:
      return skillEventRequest(type);
  }
};

/** Whether a request of this type comes inside a session (skill events and messages never do). */
export const sessionKind = (type: RequestType): 'always' | 'never' | 'either' => {
  switch (type) {
    case 'LaunchRequest':
    case 'IntentRequest':
    case 'SessionEndedRequest':
    case 'CanFulfillIntentRequest':
      return 'always';
    case 'System.ExceptionEncountered':
    case 'Connections.Response':
    case 'Alexa.Presentation.APL.UserEvent':
      return 'either';
    default:
      return 'never';
  }
};

// --- where damage may go, and what it means --------------------------------------------------

const at = (path: Path, ...prefix: (string | number)[]): boolean =>
  prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

/** Never rewritten into another address: the skill would call it (the Settings API). */
export const NOT_MUTATED = (path: Path): boolean => at(path, 'context', 'System', 'apiEndpoint');

/**
 * What the issue says the skill must take in its stride with a normal answer: odd locales,
 * impossible timestamps, garbage slots, and any session attributes.
 */
export const isTolerated = (path: Path): boolean =>
  at(path, 'session', 'attributes') ||
  (path.length === 2 && at(path, 'request', 'locale')) ||
  (path.length === 2 && at(path, 'request', 'timestamp')) ||
  at(path, 'request', 'intent', 'slots');

/** The envelope itself broken: one of its containers (or the request type) removed or retyped. */
export const breaksEnvelope = (path: Path): boolean =>
  ['version', 'request', 'request.type', 'context', 'context.System', 'session'].includes(path.join('.'));

/** Containers and their direct fields: where a "broken envelope" case does its damage. */
export const isStructural = (path: Path): boolean =>
  !NOT_MUTATED(path) &&
  (path.length <= 1 ||
    (path.length === 2 && (path[0] === 'request' || path[0] === 'session' || path[0] === 'context')) ||
    (path.length === 3 && path[0] === 'context' && path[1] === 'System'));

export const requestTypeOf = (envelope: Json): string | undefined => {
  const request = isObject(envelope) ? envelope.request : undefined;
  return isObject(request) && typeof request.type === 'string' ? request.type : undefined;
};
