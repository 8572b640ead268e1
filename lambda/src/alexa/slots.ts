import { getSlot, type HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';

/** A custom slot as the coach cares about it: one of our ids, heard but unknown, or not said. */
export type SlotResult =
  | { readonly status: 'match'; readonly id: string }
  | { readonly status: 'noMatch' }
  | { readonly status: 'missing' };

/** Reads a custom slot through entity resolution (ids are the catalog's ids). */
export const resolveSlot = (input: HandlerInput, name: string): SlotResult => {
  const slot = getSlot(input.requestEnvelope, name);
  if (!slot?.value) return { status: 'missing' };
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    const id = authority.status?.code === 'ER_SUCCESS_MATCH' ? authority.values?.[0]?.value?.id : undefined;
    if (id) return { status: 'match', id };
  }
  return { status: 'noMatch' };
};

/** A numeric slot (AMAZON.NUMBER): a finite number, or undefined when absent or "?". */
export const numberSlot = (request: IntentRequest, name: string): number | undefined => {
  const raw = request.intent.slots?.[name]?.value;
  if (raw === undefined || raw === '' || raw === '?') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
};
