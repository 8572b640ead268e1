import { answerProblems, envelopeProblems, logProblems } from './support/checks';
import { envelopeOf, iso, T0 } from './support/envelopes';
import type { Sent } from './support/harness';
import type { JsonObject } from './support/json';
import { ssmlProblems } from './support/ssml';

/**
 * The fuzz tests' own checks, on responses known to be wrong: each must be caught, or a
 * fuzz property built on it could never fail.
 */

const USER = 'amzn1.ask.account.TAINT-checks';
const who = { userId: USER, sessionId: 'amzn1.echo-api.session.TAINT-checks' };
const request = (type: string): JsonObject => ({ type, requestId: 'r', timestamp: iso(T0), locale: 'en-US' });

const sent = (type: string, response: JsonObject, logs: string[] = []): Sent => ({
  envelope: envelopeOf(request(type), who, { isNew: true }),
  response: { version: '1.0', response },
  logs,
});

const speech = (ssml: string): JsonObject => ({
  outputSpeech: { type: 'SSML', ssml },
  shouldEndSession: false,
});
const facts = { tolerated: true, broken: false, userId: USER };

describe('the SSML checks', () => {
  it('pass what the skill says', async () => {
    expect(
      await ssmlProblems('<speak>Hold it there.<break time="10000ms"/>And relax &amp; breathe.</speak>'),
    ).toEqual([]);
  });

  it.each([
    ['over 8000 characters', `<speak>${'a'.repeat(8000)}</speak>`, /8015 characters/],
    ['a break over 10 s', '<speak>Hold.<break time="10001ms"/>Done.</speak>', /a break of 10001ms/],
    ['a break in seconds over 10', '<speak>Hold.<break time="12s"/>Done.</speak>', /a break of 12s/],
    [
      'two breaks side by side',
      '<speak>Hold.<break time="2s"/> <break time="2s"/>Done.</speak>',
      /two breaks/,
    ],
    ['an unescaped ampersand', '<speak>Ice & heat</speak>', /unescaped "&"/],
    ['an unescaped angle bracket', '<speak>a < b</speak>', /unescaped "<"/],
    ['no speak element', 'Hello', /speak/],
  ])('catch %s', async (_what, ssml, problem) => {
    expect((await ssmlProblems(ssml)).join('\n')).toMatch(problem);
  });
});

describe('the log checks', () => {
  it('pass the skill’s own lines', () => {
    expect(
      logProblems(
        ['{"level":"info","event":"turn","requestType":"IntentRequest","input":"stop","ends":true}'],
        USER,
      ),
    ).toEqual([]);
  });

  it.each([
    ['a long line', `{"level":"info","event":"turn","x":"${'a'.repeat(1000)}"}`, /characters/],
    ['request text', '{"level":"info","event":"turn","slot":"TAINT-slot"}', /text from the request/],
    ['the user id', `{"level":"info","event":"turn","user":"${USER}"}`, /user id/],
    [
      'free text',
      '{"level":"error","event":"handler.error","message":"Cannot read properties of undefined"}',
      /free text/,
    ],
    ['a line that is not JSON', 'TypeError: boom', /not JSON/],
  ])('catch %s', (_what, line, problem) => {
    expect(logProblems([line], USER).join('\n')).toMatch(problem);
  });
});

describe('the answer checks', () => {
  it('catch speech and an error log for a skill event', () => {
    const problems = answerProblems(
      sent('AlexaSkillEvent.SkillEnabled', speech('<speak>Hi</speak>'), [
        '{"level":"error","event":"handler.error"}',
      ]),
      facts,
    );
    expect(problems.join('\n')).toMatch(/speech in answer.*\n.*an error logged/);
  });

  it('catch a CanFulfillIntentRequest with no answer, or a bad one', () => {
    expect(answerProblems(sent('CanFulfillIntentRequest', {}), facts).join('\n')).toMatch(
      /no canFulfillIntent/,
    );
    const bad = {
      canFulfillIntent: {
        canFulfill: 'YES',
        slots: { routine: { canUnderstand: 'SURE', canFulfill: 'YES' } },
      },
    };
    expect(answerProblems(sent('CanFulfillIntentRequest', bad), facts).join('\n')).toMatch(/slot routine/);
  });

  it('catch the generic error, and a launch with nothing said', () => {
    const generic = speech(
      "<speak>Sorry, something went wrong on my side. Let's try that again. What would you like?</speak>",
    );
    expect(answerProblems(sent('IntentRequest', generic), facts).join('\n')).toMatch(/generic error/);
    expect(answerProblems(sent('LaunchRequest', {}), facts).join('\n')).toMatch(/no speech/);
  });

  it('catch a thrown error, a response Alexa would refuse, and a huge one', async () => {
    const threw: Sent = { envelope: {}, threw: new TypeError('boom'), logs: [] };
    expect(await envelopeProblems(threw)).toEqual(['the handler threw TypeError: boom']);
    const plain = sent('IntentRequest', {
      outputSpeech: { type: 'PlainText', text: 'hi' },
      shouldEndSession: 'no',
    });
    expect((await envelopeProblems(plain)).join('\n')).toMatch(/not SSML[\s\S]*shouldEndSession/);
    const huge = {
      ...sent('IntentRequest', speech('<speak>Hi</speak>')),
      response: {
        version: '1.0',
        response: speech('<speak>Hi</speak>'),
        sessionAttributes: { big: 'x'.repeat(30_000) },
      },
    };
    expect((await envelopeProblems(huge)).join('\n')).toMatch(/24 KB/);
  });
});
