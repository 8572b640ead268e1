import fc from 'fast-check';
import { damage } from './support/attributes';
import { assertNoProblems, outputOf } from './support/checks';
import { anywhere, cases, runCase, type Case } from './support/cases';
import {
  ODD_LOCALES,
  ODD_TIMESTAMPS,
  REQUEST_TYPES,
  VALID_STAMPS,
  intentRequest,
  intentOf,
  isStructural,
  oddLocale,
  oddTimestamp,
  validLocale,
  iso,
  type Stamps,
} from './support/envelopes';
import { FuzzSkill, speechOf } from './support/harness';
import { mutations, type Json, type JsonObject, type Mutation } from './support/json';
import { SLOT_INTENTS } from './support/model';
import { buildLibrary, type Library } from './support/library';
import { replayHint, runsFor, settings, timeoutFor } from './support/budget';

/**
 * Request envelopes through the real handler (built as index.ts builds it, its store on
 * dynalite): well-formed ones of every type Alexa sends, and damaged ones. Whatever comes in,
 * the handler answers (it never throws), with a response Alexa accepts, logs that hold no
 * request text, and the answer the request's type calls for.
 */

let skill: FuzzSkill;
let library: Library;
beforeAll(async () => {
  skill = await FuzzSkill.start();
  library = await buildLibrary(skill);
}, 60_000);
afterAll(async () => {
  await skill.close();
});

const MS_PER_CASE = 8;

/** Runs `numRuns` cases, failing with the first case's problems (shrunk) and its envelope. */
const property = async (numRuns: number, arb: fc.Arbitrary<Case>, keep = anywhere) =>
  fc.assert(
    fc.asyncProperty(arb, async (c) => {
      const { sent, problems, note } = await runCase(skill, library, c, keep);
      assertNoProblems(problems, sent, note);
    }),
    settings(numRuns),
  );

describe('every request type, well-formed, is answered on purpose', () => {
  const runs = runsFor(0.02, 10);
  it.each(REQUEST_TYPES)(
    `%s (${replayHint(runs)})`,
    async (type) => {
      await property(runs, cases({ types: [type], stamps: VALID_STAMPS }));
    },
    timeoutFor(runs, MS_PER_CASE),
  );
});

describe('odd requests', () => {
  const CONVERSATION = ['LaunchRequest', 'IntentRequest', 'SessionEndedRequest'] as const;

  /**
   * The case, and the same case with the odd field set right: the user hears the same words
   * (the user's stored progress is put back in between, a new user is new both times).
   */
  const sameAs = (numRuns: number, stamps: Stamps, fix: (request: JsonObject) => JsonObject) =>
    fc.assert(
      fc.asyncProperty(cases({ types: CONVERSATION, stamps }), async (c) => {
        const odd = await runCase(skill, library, c);
        const plain = await runCase(skill, library, { ...c, request: fix(c.request) });
        const differs = speechOf(odd.sent) !== speechOf(plain.sent);
        assertNoProblems(
          [
            ...odd.problems,
            ...(differs
              ? [`said "${speechOf(odd.sent)}" where the plain request gets "${speechOf(plain.sent)}"`]
              : []),
          ],
          odd.sent,
          odd.note,
        );
      }),
      settings(numRuns),
    );

  /**
   * What an odd locale must be answered as: English, with the emergency number of the region
   * it names when it names one ("de-DE": 112), and none at all when it names none or cannot be
   * read (plain "en", English of no country: "your local emergency number"), never a guess.
   */
  const englishOfItsRegion = (locale: Json | undefined): string => {
    try {
      const region =
        typeof locale === 'string' ? new Intl.Locale(locale.replace(/_/g, '-')).region : undefined;
      return region ? `en-${region}` : 'en';
    } catch {
      return 'en';
    }
  };

  const locales = runsFor(0.05);
  it(
    `a malformed or unsupported locale is answered in English, the emergency number never guessed (${replayHint(locales)})`,
    async () => {
      await sameAs(locales, ODD_LOCALES, (request) => ({
        ...request,
        locale: englishOfItsRegion(request.locale),
      }));
    },
    timeoutFor(locales * 2, MS_PER_CASE),
  );

  const timestamps = runsFor(0.05);
  it(
    `an impossible timestamp (missing, garbage, a year outside 1000–9999) is answered by the clock (${replayHint(timestamps)})`,
    async () => {
      await sameAs(timestamps, ODD_TIMESTAMPS, (request) => ({ ...request, timestamp: iso(skill.now) }));
    },
    timeoutFor(timestamps * 2, MS_PER_CASE),
  );

  const broken = runsFor(0.08);
  it(
    `a broken envelope gets a plain spoken error, never a throw (${replayHint(broken)})`,
    async () => {
      await property(broken, cases({ types: CONVERSATION, mutations: mutations(2) }), isStructural);
    },
    timeoutFor(broken, MS_PER_CASE),
  );

  const garbageSlots = runsFor(0.04);
  it(
    `garbage slots in any intent of the model are answered (${replayHint(garbageSlots)})`,
    async () => {
      await property(
        garbageSlots,
        cases({
          types: ['IntentRequest'],
          // Mostly the intents that read a slot; now and then one that reads none.
          request: intentRequest(
            VALID_STAMPS,
            fc.oneof(
              { weight: 4, arbitrary: intentOf({ garbage: true, names: SLOT_INTENTS }) },
              { weight: 1, arbitrary: intentOf({ garbage: true }) },
            ),
          ),
        }),
      );
    },
    timeoutFor(garbageSlots, MS_PER_CASE),
  );
});

describe('session attributes', () => {
  const runs = runsFor(0.1);
  it(
    `a bad or old shape is dropped and the request answered (${replayHint(runs)})`,
    async () => {
      await property(
        runs,
        cases({
          types: ['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'System.ExceptionEncountered'],
          damage,
        }),
      );
    },
    timeoutFor(runs, MS_PER_CASE),
  );

  const stops = runsFor(0.04);
  it(
    `"stop" and "cancel" end the session, whatever the attributes hold (${replayHint(stops)})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          cases({
            types: ['IntentRequest'],
            request: intentRequest(
              VALID_STAMPS,
              intentOf({ names: ['AMAZON.StopIntent', 'AMAZON.CancelIntent'] }),
            ),
            damage,
          }),
          async (c) => {
            const { sent, problems, note } = await runCase(skill, library, c);
            const ends = outputOf(sent).response?.shouldEndSession === true;
            assertNoProblems(
              [...problems, ...(ends ? [] : ['the session stays open after "stop"'])],
              sent,
              note,
            );
          },
        ),
        settings(stops),
      );
    },
    timeoutFor(stops, MS_PER_CASE),
  );
});

describe('anything at all', () => {
  const runs = runsFor(0.2);
  it(
    `every type, odd stamps, damaged attributes and envelopes: answered, valid, quiet logs (${replayHint(runs)})`,
    async () => {
      const stamps = {
        locale: fc.oneof({ weight: 3, arbitrary: validLocale }, { weight: 1, arbitrary: oddLocale }),
        timestamp: fc.oneof(
          { weight: 3, arbitrary: VALID_STAMPS.timestamp },
          { weight: 1, arbitrary: oddTimestamp },
        ),
      };
      await property(
        runs,
        cases({
          types: [...REQUEST_TYPES, 'unsupported'],
          stamps,
          damage: fc.oneof(
            { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
            { weight: 1, arbitrary: damage },
          ),
          mutations: fc.oneof(fc.constant<Mutation[]>([]), mutations(3)),
        }),
      );
    },
    timeoutFor(runs, MS_PER_CASE),
  );
});
