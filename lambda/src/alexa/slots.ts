import type { Intent, Slot } from 'ask-sdk-model';

/** A custom slot as the coach cares about it: one of our ids, heard but unknown, or not said. */
export type SlotResult =
  | { readonly status: 'match'; readonly id: string }
  | { readonly status: 'noMatch' }
  | { readonly status: 'missing' };

/** The slot as sent, or undefined when it is absent or not shaped like a slot. */
const slotOf = (intent: Intent, name: string): Slot | undefined => {
  const slot: unknown = intent.slots?.[name];
  return typeof slot === 'object' && slot !== null ? (slot as Slot) : undefined;
};

/** Reads a custom slot through entity resolution (ids are the catalog's ids). */
export const resolveSlot = (intent: Intent, name: string): SlotResult => {
  const slot = slotOf(intent, name);
  if (typeof slot?.value !== 'string' || slot.value === '') return { status: 'missing' };
  const authorities: unknown = slot.resolutions?.resolutionsPerAuthority;
  for (const authority of Array.isArray(authorities) ? authorities : []) {
    const id: unknown =
      authority?.status?.code === 'ER_SUCCESS_MATCH' ? authority.values?.[0]?.value?.id : undefined;
    if (typeof id === 'string' && id !== '') return { status: 'match', id };
  }
  return { status: 'noMatch' };
};

/** A numeric slot (AMAZON.NUMBER): a finite number, or undefined when absent or "?". */
export const numberSlot = (intent: Intent, name: string): number | undefined => {
  const raw = slotOf(intent, name)?.value;
  if (typeof raw !== 'string' || raw === '' || raw === '?') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
};
