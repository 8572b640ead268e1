import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { eventOf, KNOWN_INTENTS } from '../../lambda/src/alexa/parse';
import { loadLocaleModels } from './localeModels';

/** A request for `intent` with no slots filled, as Alexa sends for a slotless sample. */
const inputFor = (intent: string): HandlerInput =>
  ({
    requestEnvelope: {
      version: '1.0',
      context: { System: {} },
      request: {
        type: 'IntentRequest',
        requestId: 'r',
        timestamp: '',
        locale: 'en-US',
        intent: { name: intent, confirmationStatus: 'NONE', slots: {} },
      },
    } as unknown as RequestEnvelope,
  }) as HandlerInput;

describe.each(loadLocaleModels().map((m) => [m.locale, m] as const))(
  'the %s model and the parser',
  (_locale, model) => {
    const modelIntents = (model.languageModel.intents ?? []).map((i) => i.name ?? '');

    it('holds every intent the conversation understands', () => {
      expect(KNOWN_INTENTS.filter((name) => !modelIntents.includes(name))).toEqual([]);
    });

    it.each(modelIntents.filter((name) => name !== 'AMAZON.FallbackIntent'))(
      '%s becomes an event of its own, not "unknown"',
      (name) => {
        expect(eventOf(inputFor(name))?.kind).not.toBe('unknown');
      },
    );
  },
);

it('an intent the skill does not know is answered like words that matched nothing', () => {
  expect(eventOf(inputFor('SomeoneElsesIntent'))).toEqual({ kind: 'unknown' });
});
