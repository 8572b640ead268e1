import { getRequest, getRequestType, type HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { isHabitTopic } from '../advice/habits';
import { isOnset } from '../advice/relief';
import { isExerciseId, isPaceId, isRoutineId } from '../coach/ids';
import type { Event } from '../conversation/event';
import { isSymptomId } from '../screening/symptoms';
import { numberSlot, resolveSlot } from './slots';

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
  MedicineIntent: { kind: 'medicine' },
  ProgressIntent: { kind: 'progress' },
  DeleteDataIntent: { kind: 'deleteData' },
  WhereAmIIntent: { kind: 'whereAmI' },
  EasierIntent: { kind: 'easier' },
  WhyIntent: { kind: 'why' },
  'AMAZON.FallbackIntent': { kind: 'unknown' },
};

/** Intents with a slot: the slot's resolved id becomes part of the event. */
const WITH_SLOT: Readonly<Record<string, (input: HandlerInput, request: IntentRequest) => Event>> = {
  StartRoutineIntent: (input) => {
    const slot = resolveSlot(input, 'routine');
    if (slot.status === 'match' && isRoutineId(slot.id)) return { kind: 'startRoutine', routine: slot.id };
    return { kind: 'startRoutine', heard: slot.status === 'noMatch' };
  },
  StartExerciseIntent: (input) => {
    const slot = resolveSlot(input, 'exercise');
    if (slot.status === 'match' && isExerciseId(slot.id)) return { kind: 'startExercise', exercise: slot.id };
    return { kind: 'startExercise', heard: slot.status === 'noMatch' };
  },
  PaceIntent: (input) => {
    const slot = resolveSlot(input, 'pace');
    return slot.status === 'match' && isPaceId(slot.id) ? { kind: 'pace', pace: slot.id } : { kind: 'pace' };
  },
  SymptomReportIntent: (input) => {
    const slot = resolveSlot(input, 'symptom');
    return slot.status === 'match' && isSymptomId(slot.id)
      ? { kind: 'symptom', symptom: slot.id }
      : { kind: 'symptom' };
  },
  PainRatingIntent: (_input, request) => {
    const score = numberSlot(request, 'score');
    return score === undefined ? { kind: 'painScore' } : { kind: 'painScore', score };
  },
  ReliefTipsIntent: (input) => {
    const slot = resolveSlot(input, 'onset');
    return slot.status === 'match' && isOnset(slot.id)
      ? { kind: 'relief', onset: slot.id }
      : { kind: 'relief' };
  },
  HabitsIntent: (input) => {
    const slot = resolveSlot(input, 'topic');
    return slot.status === 'match' && isHabitTopic(slot.id)
      ? { kind: 'habit', topic: slot.id }
      : { kind: 'habit' };
  },
};

/** Every intent the conversation understands (the model must hold exactly these). */
export const KNOWN_INTENTS: readonly string[] = [...Object.keys(PLAIN), ...Object.keys(WITH_SLOT)];

/**
 * The request as a conversation event, or undefined for requests that are not a turn of
 * talk (skill events are answered by the shell). An intent this skill does not know is
 * `unknown`, answered like words that matched nothing.
 */
export const eventOf = (input: HandlerInput): Event | undefined => {
  switch (getRequestType(input.requestEnvelope)) {
    case 'LaunchRequest':
      return { kind: 'launch' };
    case 'SessionEndedRequest':
      return { kind: 'sessionEnded' };
    case 'IntentRequest': {
      const request = getRequest<IntentRequest>(input.requestEnvelope);
      const name = request.intent.name;
      const withSlot = WITH_SLOT[name];
      if (withSlot) return withSlot(input, request);
      return PLAIN[name] ?? { kind: 'unknown' };
    }
    default:
      return undefined;
  }
};
