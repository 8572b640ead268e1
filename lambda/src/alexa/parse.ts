import { getRequestType, type HandlerInput } from 'ask-sdk-core';
import type { Intent } from 'ask-sdk-model';
import { isHabitTopic } from '../advice/habits';
import { isOnset } from '../advice/relief';
import { isExerciseId, isPaceId, isRoutineId } from '../coach/ids';
import type { Event } from '../conversation/event';
import { isSymptomId } from '../screening/symptoms';
import { valueOfIntent } from '../model/valueIntents';
import { numberSlot, resolveSlot, type SlotResult } from './slots';

/** Intents whose meaning needs no slot. */
const PLAIN: Readonly<Record<string, Event>> = {
  'AMAZON.StopIntent': { kind: 'stop' },
  'AMAZON.CancelIntent': { kind: 'stop' },
  'AMAZON.NavigateHomeIntent': { kind: 'stop' },
  'AMAZON.HelpIntent': { kind: 'help' },
  'AMAZON.YesIntent': { kind: 'answer', answer: 'yes' },
  'AMAZON.NoIntent': { kind: 'answer', answer: 'no' },
  UnsureIntent: { kind: 'answer', answer: 'unsure' },
  'AMAZON.NextIntent': { kind: 'command', command: 'next' },
  'AMAZON.PreviousIntent': { kind: 'command', command: 'previous' },
  'AMAZON.RepeatIntent': { kind: 'command', command: 'repeat' },
  'AMAZON.PauseIntent': { kind: 'command', command: 'pause' },
  'AMAZON.ResumeIntent': { kind: 'command', command: 'resume' },
  'AMAZON.StartOverIntent': { kind: 'command', command: 'startOver' },
  SkipIntent: { kind: 'command', command: 'skip' },
  ListExercisesIntent: { kind: 'listExercises' },
  SymptomCheckIntent: { kind: 'symptomCheck' },
  HurtsIntent: { kind: 'hurts' },
  NoPainIntent: { kind: 'painScore', score: 0 },
  MedicineIntent: { kind: 'medicine' },
  ProgressIntent: { kind: 'progress' },
  DeleteDataIntent: { kind: 'deleteData' },
  WhereAmIIntent: { kind: 'whereAmI' },
  EasierIntent: { kind: 'easier' },
  WhyIntent: { kind: 'why' },
  'AMAZON.FallbackIntent': { kind: 'unknown' },
};

interface SlotIntent {
  readonly slot: string;
  /** The slot type, whose value intents (`<type>_<id>`, model/valueIntents.ts) mean the same. */
  readonly type: string;
  readonly event: (slot: SlotResult, intent: Intent) => Event;
}

const matched = (slot: SlotResult): string | undefined => (slot.status === 'match' ? slot.id : undefined);

/** Intents with a slot: the slot's resolved id becomes part of the event. */
const WITH_SLOT: Readonly<Record<string, SlotIntent>> = {
  StartRoutineIntent: {
    slot: 'routine',
    type: 'RoutineName',
    event: (slot) => {
      const id = matched(slot);
      return isRoutineId(id)
        ? { kind: 'startRoutine', routine: id }
        : { kind: 'startRoutine', heard: slot.status === 'noMatch' };
    },
  },
  StartExerciseIntent: {
    slot: 'exercise',
    type: 'ExerciseName',
    event: (slot) => {
      const id = matched(slot);
      return isExerciseId(id)
        ? { kind: 'startExercise', exercise: id }
        : { kind: 'startExercise', heard: slot.status === 'noMatch' };
    },
  },
  PaceIntent: {
    slot: 'pace',
    type: 'PaceName',
    event: (slot) => {
      const id = matched(slot);
      return isPaceId(id) ? { kind: 'pace', pace: id } : { kind: 'pace' };
    },
  },
  SymptomReportIntent: {
    slot: 'symptom',
    type: 'SymptomName',
    event: (slot) => {
      const id = matched(slot);
      if (isSymptomId(id)) return { kind: 'symptom', symptom: id };
      // Words in a symptom phrase Alexa could not match get a question; a plain statement
      // with no slot ("something is wrong") is a symptom all the same.
      return slot.status === 'noMatch' ? { kind: 'symptom', unclear: true } : { kind: 'symptom' };
    },
  },
  PainRatingIntent: {
    slot: 'score',
    type: 'AMAZON.NUMBER',
    event: (_slot, intent) => {
      const score = numberSlot(intent, 'score');
      return score === undefined ? { kind: 'painScore' } : { kind: 'painScore', score };
    },
  },
  ReliefTipsIntent: {
    slot: 'onset',
    type: 'PainOnset',
    event: (slot) => {
      const id = matched(slot);
      return isOnset(id) ? { kind: 'relief', onset: id } : { kind: 'relief' };
    },
  },
  HabitsIntent: {
    slot: 'topic',
    type: 'HabitTopic',
    event: (slot) => {
      const id = matched(slot);
      return isHabitTopic(id) ? { kind: 'habit', topic: id } : { kind: 'habit' };
    },
  },
};

/**
 * A value intent (`PaceName_slower`, model/valueIntents.ts) read as the intent whose slot
 * it fills and the value's id; undefined for any other intent name.
 */
export const valueIntentOf = (name: string): { intent: string; slot: string; id: string } | undefined => {
  const value = valueOfIntent(name);
  const owner = value && Object.entries(WITH_SLOT).find(([, i]) => i.type === value.slotType);
  return owner && value ? { intent: owner[0], slot: owner[1].slot, id: value.id } : undefined;
};

/** Every intent the conversation understands (the model must hold exactly these). */
export const KNOWN_INTENTS: readonly string[] = [...Object.keys(PLAIN), ...Object.keys(WITH_SLOT)];

/** The custom slot an intent carries (value intents carry none), if any. */
export const slotOfIntent = (intent: Intent): string | undefined => {
  const name = typeof intent.name === 'string' ? intent.name : '';
  return Object.hasOwn(WITH_SLOT, name) ? WITH_SLOT[name]?.slot : undefined;
};

/**
 * An intent as a conversation event. An intent this skill does not know is `unknown`,
 * answered like words that matched nothing.
 */
export const eventOfIntent = (intent: Intent): Event => {
  const name = typeof intent.name === 'string' ? intent.name : '';
  const withSlot = Object.hasOwn(WITH_SLOT, name) ? WITH_SLOT[name] : undefined;
  if (withSlot) return withSlot.event(resolveSlot(intent, withSlot.slot), intent);
  const plain = Object.hasOwn(PLAIN, name) ? PLAIN[name] : undefined;
  if (plain) return plain;
  // A slot value said on its own arrives as its own intent, the id in its name.
  const value = valueIntentOf(name);
  const owner = value && WITH_SLOT[value.intent];
  return owner && value ? owner.event({ status: 'match', id: value.id }, intent) : { kind: 'unknown' };
};

/**
 * The request as a conversation event, or undefined for requests that are not a turn of
 * the conversation (skill events, CanFulfillIntentRequest: answered by the shell). A touch
 * on a screen or the answer to a request the skill made (Connections.Response) carries no
 * words: it is a `nudge`.
 */
export const eventOf = (input: HandlerInput): Event | undefined => {
  switch (getRequestType(input.requestEnvelope)) {
    case 'LaunchRequest':
      return { kind: 'launch' };
    case 'SessionEndedRequest':
      return { kind: 'sessionEnded' };
    case 'IntentRequest': {
      const intent: unknown = (input.requestEnvelope.request as { intent?: unknown }).intent;
      return typeof intent === 'object' && intent !== null
        ? eventOfIntent(intent as Intent)
        : { kind: 'unknown' };
    }
    case 'Alexa.Presentation.APL.UserEvent':
    case 'Connections.Response':
      return { kind: 'nudge' };
    default:
      return undefined;
  }
};
