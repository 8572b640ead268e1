import { getIntentName, getRequestType, getSlot, type HandlerInput } from 'ask-sdk-core';

/** True when the request is an IntentRequest for one of `names`. */
export const isIntent = (input: HandlerInput, ...names: string[]): boolean =>
  getRequestType(input.requestEnvelope) === 'IntentRequest' &&
  names.includes(getIntentName(input.requestEnvelope));

export const isType = (input: HandlerInput, type: string): boolean =>
  getRequestType(input.requestEnvelope) === type;

/** A slot as the coach cares about it: resolved to one of our ids, heard but unknown, or not said. */
export type SlotResult =
  | { readonly status: 'match'; readonly id: string }
  | { readonly status: 'noMatch'; readonly heard: string }
  | { readonly status: 'missing' };

/** Reads a custom slot through entity resolution (ids are the catalog's ids). */
export const resolveSlot = (input: HandlerInput, name: string): SlotResult => {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return { status: 'missing' };
  const slot = getSlot(input.requestEnvelope, name);
  if (!slot?.value) return { status: 'missing' };
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    const id = authority.status?.code === 'ER_SUCCESS_MATCH' ? authority.values?.[0]?.value?.id : undefined;
    if (id) return { status: 'match', id };
  }
  return { status: 'noMatch', heard: slot.value };
};

/** A numeric slot (AMAZON.NUMBER): a finite number, or undefined when absent or "?". */
export const numberSlot = (input: HandlerInput, name: string): number | undefined => {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const raw = getSlot(input.requestEnvelope, name)?.value;
  if (raw === undefined || raw === '' || raw === '?') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
};

/** The request's own timestamp (epoch ms): the clock that barge-in positions are measured with. */
export const requestTime = (input: HandlerInput, fallback: () => number): number => {
  const stamp = Date.parse(input.requestEnvelope.request.timestamp);
  return Number.isFinite(stamp) ? stamp : fallback();
};

/** How the user answered a question the coach asked. */
export type Answer = 'yes' | 'no' | 'unsure' | 'repeat' | 'other';

const ANSWER_INTENTS: Readonly<Record<string, Answer>> = {
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
  UnsureIntent: 'unsure',
  'AMAZON.RepeatIntent': 'repeat',
};

/** The answer an intent carries: yes, no, not sure, repeat, or anything else. */
export const answerOf = (input: HandlerInput): Answer => {
  const request = input.requestEnvelope.request;
  return (request.type === 'IntentRequest' && ANSWER_INTENTS[request.intent.name]) || 'other';
};
