import * as v from 'valibot';
import { EXERCISE_IDS, PACE_IDS, ROUTINE_IDS } from '../coach/ids';
import { blocksOf } from '../coach/engine';
import type { Run } from '../coach/state';
import type { ConversationState, Mode } from '../conversation/state';
import type { Profile, ProgressDelta } from '../progress';

/**
 * The shapes session attributes must have, as valibot schemas. Alexa hands back whatever
 * the last response stored, so after a deploy that changes a shape an open session brings
 * the old one: each part is checked here and a part that fails is dropped (session.ts).
 * Each schema is declared against the core's own type, so the two cannot drift apart.
 */

const exerciseId = v.picklist(EXERCISE_IDS);
const routineId = v.picklist(ROUTINE_IDS);
export const paceSchema = v.picklist(PACE_IDS);
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0));
const epochMs = v.pipe(v.number(), v.finite());
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const id = v.pipe(v.string(), v.maxLength(200));
/** Lists in the profile are trimmed to a few hundred entries when written; anything longer is not ours. */
const list = <T extends v.GenericSchema>(item: T) => v.pipe(v.array(item), v.maxLength(1000));
const perExercise = <T extends v.GenericSchema>(value: T) => v.record(exerciseId, value);
const stamped = <T extends v.GenericSchema>(value: T) => v.object({ value, updatedAt: epochMs });
const levelSetting = v.object({ level: count, updatedAt: epochMs });
const resumePoint = v.object({ routine: routineId, blockIndex: count, exerciseId, at: epochMs });

export const profileSchema: v.GenericSchema<unknown, Profile> = v.object({
  schema: v.literal(1),
  firstUseDay: day,
  activeDays: list(day),
  bestStreak: count,
  sessionsTotal: count,
  secondsTotal: amount,
  days: v.record(day, v.object({ sessions: count, seconds: amount })),
  exerciseCounts: perExercise(count),
  exerciseLevels: perExercise(levelSetting),
  practice: perExercise(
    v.record(
      v.pipe(v.string(), v.regex(/^\d{1,3}$/)),
      v.object({ countFrom: epochMs, clean: v.record(id, epochMs) }),
    ),
  ),
  levelOfferDeclinedAt: perExercise(epochMs),
  pace: v.nullable(stamped(paceSchema)),
  lastClearScreenDay: v.nullable(day),
  clearScreenUpdatedAt: epochMs,
  resume: v.nullable(resumePoint),
  resumeUpdatedAt: epochMs,
  disclaimerHeard: v.boolean(),
  reminderConsent: v.nullable(stamped(v.boolean())),
  sixWeekAskedDay: v.nullable(day),
  recentSessions: list(v.object({ id, day: v.optional(day) })),
  applied: list(id),
});

export const deltaSchema: v.GenericSchema<unknown, ProgressDelta> = v.object({
  id,
  sent: v.optional(v.boolean()),
  at: epochMs,
  day,
  sessions: v.optional(v.array(v.object({ id, day }))),
  seconds: v.optional(v.record(day, amount)),
  completions: v.optional(perExercise(count)),
  practice: v.optional(
    v.array(v.object({ exercise: exerciseId, level: count, sessionId: id, clean: v.boolean() })),
  ),
  levels: v.optional(perExercise(levelSetting)),
  declinedAt: v.optional(perExercise(epochMs)),
  pace: v.optional(stamped(paceSchema)),
  clearScreenDay: v.optional(v.nullable(day)),
  resume: v.optional(stamped(v.nullable(resumePoint))),
  disclaimerHeard: v.optional(v.boolean()),
  reminderConsent: v.optional(stamped(v.boolean())),
  sixWeekAskedDay: v.optional(day),
});

export const runSchema: v.GenericSchema<unknown, Run> = v.pipe(
  v.object({
    exercises: v.pipe(v.array(exerciseId), v.minLength(1)),
    routine: v.optional(routineId),
    levels: perExercise(count),
    index: count,
    step: count,
    finished: v.boolean(),
    paused: v.boolean(),
    spokenAt: v.optional(epochMs),
    marks: v.optional(v.array(v.nullable(epochMs))),
    startedAt: epochMs,
    doneBlocks: count,
    easier: v.optional(v.array(exerciseId)),
    positioned: v.optional(v.boolean()),
    unheard: v.optional(v.boolean()),
  }),
  // The block it points at must exist in the block list it derives (a catalog change may shorten it).
  v.check((run) => run.index < blocksOf(run).length),
);

const outcome = v.picklist(['emergency', 'urgent-today', 'urgent-days', 'see-clinician', 'clear']);
const unclear = v.optional(count);
const start = v.variant('type', [
  v.object({
    type: v.literal('routine'),
    routine: routineId,
    fromBlock: v.optional(count),
    easier: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('exercise'), exercise: exerciseId, easier: v.optional(v.boolean()) }),
  v.object({ type: v.literal('continue') }),
]);

export const modeSchema: v.GenericSchema<unknown, Mode> = v.variant('kind', [
  v.object({
    kind: v.literal('screen'),
    screen: v.object({
      kind: v.literal('screen'),
      reason: v.picklist(['first-time', 'weekly', 'requested', 'symptom']),
      order: v.array(v.picklist([1, 2, 3, 4, 5, 6, 7, 8, 9])),
      index: count,
      worst: outcome,
      unclear: count,
      unsure: count,
      done: v.boolean(),
    }),
    then: v.optional(start),
  }),
  v.object({ kind: v.literal('symptomConfirm'), then: v.optional(start) }),
  v.object({ kind: v.literal('painBefore'), then: start, unclear }),
  v.object({ kind: v.literal('painDuring'), unclear }),
  v.object({ kind: v.literal('painIdle'), unclear }),
  v.object({ kind: v.literal('painEase') }),
  v.object({ kind: v.literal('painChoice'), then: start }),
  v.object({ kind: v.literal('offerRelief') }),
  v.object({
    kind: v.literal('advice'),
    awaiting: v.picklist(['onset', 'pelvic-tilts', 'topic-or-routine', 'topic']),
  }),
  v.object({ kind: v.literal('sixWeek') }),
  v.object({ kind: v.literal('resumeOffer'), routine: routineId, fromBlock: count }),
  v.object({ kind: v.literal('levelUp'), exerciseId, to: count }),
  v.object({ kind: v.literal('deleteData') }),
  v.object({ kind: v.literal('deleting') }),
]);

/** An IANA zone name as the Settings API gives it ("America/Los_Angeles"). */
export const timeZoneSchema = v.pipe(v.string(), v.maxLength(64), v.regex(/^[A-Za-z0-9_+\-/]+$/));
/** The opaque key user.ts derives from the session id. */
export const sessionKeySchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));

/** The conversation's own fields besides `coach` and `mode`, each checked on its own. */
export const stateFieldSchemas: {
  readonly [K in Exclude<keyof ConversationState, 'coach' | 'mode'>]-?: v.GenericSchema<
    unknown,
    NonNullable<ConversationState[K]>
  >;
} = {
  safety: outcome,
  pain: v.object({ answer: v.picklist(['fine', 'ease', 'much', 'high', 'skip']), at: epochMs }),
  noStrength: v.boolean(),
  troubled: v.boolean(),
  completed: v.array(v.object({ exercise: exerciseId, level: count })),
  painStopped: v.array(exerciseId),
  exerciseMs: perExercise(amount),
  routinesDone: count,
};
