import type { Intent, canfulfill } from 'ask-sdk-model';
import type { EventKind } from '../conversation/event';
import { eventOfIntent, slotOfIntent } from './parse';
import { resolveSlot } from './slots';

/**
 * What the skill can do in full when asked out of the blue ("Alexa, how should I sit with
 * back pain?"): start a routine or an exercise (the safety check comes first, as always),
 * advice, the list, progress, a symptom check. Everything else only means something inside
 * a conversation (yes, next, a pain score) and is declined.
 */
const FROM_COLD: ReadonlySet<EventKind> = new Set([
  'startRoutine',
  'startExercise',
  'listExercises',
  'relief',
  'habit',
  'medicine',
  'progress',
  'symptomCheck',
]);

/** The answer to a CanFulfillIntentRequest, from the same parsing as the conversation. */
export const canFulfillOf = (intent: Intent): canfulfill.CanFulfillIntent => {
  if (!FROM_COLD.has(eventOfIntent(intent).kind)) return { canFulfill: 'NO' };
  const name = slotOfIntent(intent);
  const slot = name === undefined ? { status: 'missing' as const } : resolveSlot(intent, name);
  if (name === undefined || slot.status === 'missing') return { canFulfill: 'YES' };
  // Words in the slot that are not one of ours: the coach asks which one it should be.
  const understood = slot.status === 'match';
  return {
    canFulfill: understood ? 'YES' : 'MAYBE',
    slots: { [name]: { canUnderstand: understood ? 'YES' : 'MAYBE', canFulfill: understood ? 'YES' : 'NO' } },
  };
};
