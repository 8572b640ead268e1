import type { HabitTopic } from '../advice/habits';
import type { Onset } from '../advice/relief';
import type { ExerciseId, PaceId, RoutineId } from '../coach/ids';
import type { SymptomId } from '../screening/symptoms';

/**
 * Everything the user (or Alexa) can do, parsed once from the request by the adapter.
 * Slot values arrive resolved to catalog ids; `heard: true` with no id means Alexa heard
 * words it could not match ("coach me through a pizza"). A new input channel (a touch on a
 * screen, a permission answer) becomes one more kind here and goes through the same
 * reducer, so it cannot go around the safety policy.
 */
export type Event =
  | { readonly kind: 'launch' }
  /** The session closed (silence, "Alexa, stop" outside the skill): settle and save, say nothing. */
  | { readonly kind: 'sessionEnded' }
  | { readonly kind: 'stop' }
  | { readonly kind: 'help' }
  | { readonly kind: 'answer'; readonly answer: 'yes' | 'no' | 'unsure' }
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'pace'; readonly pace?: PaceId }
  | { readonly kind: 'startRoutine'; readonly routine?: RoutineId; readonly heard?: boolean }
  | { readonly kind: 'startExercise'; readonly exercise?: ExerciseId; readonly heard?: boolean }
  | { readonly kind: 'listExercises' }
  | { readonly kind: 'symptomCheck' }
  /**
   * A symptom. No `symptom` with `unclear`: words in a symptom phrase Alexa could not match
   * (asked about first); no `symptom` alone: a plain statement ("something is wrong").
   */
  | { readonly kind: 'symptom'; readonly symptom?: SymptomId; readonly unclear?: boolean }
  /** "It hurts", "ouch": ordinary pain, the pain check. */
  | { readonly kind: 'hurts' }
  /** A number said as a pain score; no `score` when Alexa heard no usable number. */
  | { readonly kind: 'painScore'; readonly score?: number }
  | { readonly kind: 'relief'; readonly onset?: Onset }
  | { readonly kind: 'habit'; readonly topic?: HabitTopic }
  | { readonly kind: 'medicine' }
  | { readonly kind: 'progress' }
  | { readonly kind: 'deleteData' }
  /** "How many are left", "what's next", "how long is this", "which side". */
  | { readonly kind: 'whereAmI' }
  | { readonly kind: 'easier' }
  | { readonly kind: 'why' }
  /** Words that matched nothing (FallbackIntent), or an intent this skill does not know. */
  | { readonly kind: 'unknown' }
  /**
   * Input without words: a touch on a screen, or the answer to a request the skill made
   * (Connections.Response). Until screens and reminders exist, it only brings the user back
   * to where they were.
   */
  | { readonly kind: 'nudge' }
  /** The shell's report on the confirmed delete. */
  | { readonly kind: 'removed'; readonly ok: boolean };

export type Command = 'next' | 'previous' | 'repeat' | 'pause' | 'resume' | 'startOver' | 'skip';

export type EventKind = Event['kind'];

/** Events whose very kind says something about health: their turns log no event name. */
export const HEALTH_EVENTS: ReadonlySet<EventKind> = new Set([
  'symptom',
  'symptomCheck',
  'hurts',
  'painScore',
]);
