import { say, type SpeechItem } from '../speech/plan';
import { buildBlocks, nextExerciseIndex, type Block, type Levels } from './blocks';
import { CATALOG, ROUTINES } from './catalog';
import type { ExerciseId, PaceId, RoutineId } from './ids';
import { blockScript } from './script';
import type { CoachState, Run } from './state';

/**
 * The routine engine: a pure reducer from (state, event, clock) to (state, speech, facts).
 * It never sees Alexa or i18next; speech is a list of i18n keys and timed pauses.
 */

export type CoachCommand =
  | 'next'
  | 'previous'
  | 'repeat'
  | 'pause'
  | 'resume'
  | 'startOver'
  | 'skip'
  | 'stop'
  | 'help'
  | 'yes'
  | 'no'
  /** The session is ending (SessionEndedRequest): settle only, say nothing. */
  | 'end';

export type CoachEvent =
  | {
      readonly type: 'startRoutine';
      readonly routine: RoutineId;
      readonly levels: Levels;
      readonly fromBlock?: number;
    }
  | { readonly type: 'startExercise'; readonly exercise: ExerciseId; readonly levels: Levels }
  | { readonly type: 'pace'; readonly pace: PaceId }
  | { readonly type: CoachCommand };

export interface Measured {
  /** ms offset of each Mark by step (sparse: steps before the start step are absent). */
  readonly marks: readonly (number | null | undefined)[];
  readonly totalMs: number;
}

export interface CoachContext {
  /** The request's timestamp, epoch ms. */
  readonly now: number;
  /** Times a list of speech items (the speech renderer's timeline), injected to keep this pure. */
  readonly measure: (items: readonly SpeechItem[]) => Measured;
}

/** What happened that progress may want to keep. */
export interface CoachFacts {
  readonly blocksDone: readonly {
    readonly exerciseId: ExerciseId;
    readonly level: number;
    readonly ms: number;
  }[];
  readonly exercisesDone: readonly { readonly exerciseId: ExerciseId; readonly level: number }[];
  readonly routineDone?: {
    readonly routine?: RoutineId;
    readonly exercises: readonly ExerciseId[];
    readonly ms: number;
  };
  /** Where an unfinished routine was left (stop, or a block interrupted), for a later resume offer. */
  readonly leftAt?: { readonly routine: RoutineId; readonly index: number; readonly exerciseId: ExerciseId };
}

export interface CoachResult {
  readonly state: CoachState;
  readonly speech: readonly SpeechItem[];
  readonly reprompt?: readonly SpeechItem[];
  readonly end: boolean;
  readonly facts: CoachFacts;
}

const NO_FACTS: CoachFacts = { blocksDone: [], exercisesDone: [] };

/**
 * Request timestamps have one-second precision and the speech starts a little after the
 * response is sent: a block answered within this of its end counts as finished.
 */
const END_SLACK_MS = 1000;

export const blocksOf = (run: Run): Block[] => buildBlocks(run.exercises, run.levels);

const merge = (a: CoachFacts, b: CoachFacts): CoachFacts => {
  const routineDone = b.routineDone ?? a.routineDone;
  const leftAt = b.leftAt ?? a.leftAt;
  return {
    blocksDone: [...a.blocksDone, ...b.blocksDone],
    exercisesDone: [...a.exercisesDone, ...b.exercisesDone],
    ...(routineDone ? { routineDone } : {}),
    ...(leftAt ? { leftAt } : {}),
  };
};

/**
 * Works out where the user is in the block that was last spoken, from the request's
 * timestamp: past its end (finished) or interrupted at a step (barge-in).
 */
export const settle = (state: CoachState, now: number): { state: CoachState; facts: CoachFacts } => {
  const run = state.run;
  if (!run || run.spokenAt === undefined || !run.marks) return { state, facts: NO_FACTS };
  const blocks = blocksOf(run);
  const block = blocks[run.index];
  if (!block) return { state: { pace: state.pace }, facts: NO_FACTS };
  const elapsed = now - run.spokenAt;
  const endMs = run.marks[block.dose.reps] ?? 0;
  const { spokenAt: _s, marks: _m, ...rest } = run;
  if (elapsed < endMs - END_SLACK_MS) {
    let step = run.step;
    run.marks.forEach((at, i) => {
      if (typeof at === 'number' && at <= elapsed && i < block.dose.reps) step = i;
    });
    const leftAt = run.routine
      ? { routine: run.routine, index: run.index, exerciseId: block.exerciseId }
      : undefined;
    return {
      state: { ...state, run: { ...rest, step, finished: false } },
      facts: { ...NO_FACTS, ...(leftAt ? { leftAt } : {}) },
    };
  }
  const done = { exerciseId: block.exerciseId, level: block.level, ms: endMs };
  const facts: CoachFacts = {
    blocksDone: [done],
    exercisesDone: block.last ? [{ exerciseId: block.exerciseId, level: block.level }] : [],
  };
  if (run.index >= blocks.length - 1) {
    const routineDone = {
      ...(run.routine ? { routine: run.routine } : {}),
      exercises: [...run.exercises],
      ms: now - run.startedAt,
    };
    return { state: { pace: state.pace }, facts: { ...facts, routineDone } };
  }
  const next = { ...rest, step: 0, finished: true, doneBlocks: run.doneBlocks + 1 };
  const upcoming = blocks[run.index + 1];
  const leftAt =
    run.routine && upcoming
      ? { routine: run.routine, index: run.index + 1, exerciseId: upcoming.exerciseId }
      : undefined;
  return { state: { ...state, run: next }, facts: { ...facts, ...(leftAt ? { leftAt } : {}) } };
};

/** The short question that closes a block, so the user only says "yes" between blocks. */
const question = (blocks: readonly Block[], index: number): SpeechItem => {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (!block || !next) return say('coach.ask.ready');
  if (next.exerciseId !== block.exerciseId) return say('coach.ask.nextExercise', { id: next.exerciseId });
  if (next.set === block.set) return say('coach.ask.otherSide');
  return say('coach.ask.nextSet', { set: next.set });
};

const minutesParams = (ms: number): { count: number } => ({ count: Math.max(0, Math.round(ms / 60000)) });

const summary = (run: Run, ms: number): SpeechItem[] => {
  const exercises = run.exercises.length;
  const minutes = minutesParams(ms);
  const time = minutes.count < 1 ? say('coach.summary.underAMinute') : say('coach.summary.minutes', minutes);
  const what = run.routine
    ? say('coach.summary.routine', { routine: run.routine, count: exercises })
    : say('coach.summary.exercise', { id: run.exercises[0] ?? '' });
  return [what, time, say('coach.summary.wellDone'), say('coach.summary.anythingElse')];
};

const finishRun = (state: CoachState, run: Run, now: number, prefix: SpeechItem[]): CoachResult => ({
  state: { pace: state.pace },
  speech: [...prefix, ...summary(run, now - run.startedAt)],
  reprompt: [say('coach.reprompt.idle')],
  end: false,
  facts: NO_FACTS,
});

/** Speaks block `index` from `step`, ending with a question (or the summary after the last block). */
const speak = (
  state: CoachState,
  run: Run,
  index: number,
  step: number,
  prefix: SpeechItem[],
  ctx: CoachContext,
  introduce = false,
  /** The block was interrupted and goes on where it stopped: no second introduction. */
  resumed = false,
): CoachResult => {
  const blocks = blocksOf(run);
  const block = blocks[index];
  if (!block) return finishRun(state, run, ctx.now, prefix);
  const body = [
    ...prefix,
    ...blockScript(block, step, state.pace, (introduce || block.first) && !resumed, resumed),
  ];
  const measured = ctx.measure(body);
  const last = index === blocks.length - 1;
  const tail = last ? summary(run, ctx.now + measured.totalMs - run.startedAt) : [question(blocks, index)];
  const next: Run = {
    ...run,
    index,
    step,
    finished: false,
    paused: false,
    spokenAt: ctx.now,
    marks: measured.marks.map((m) => (typeof m === 'number' ? m : null)),
  };
  return {
    state: { ...state, run: next },
    speech: [...body, ...tail],
    reprompt: [say(last ? 'coach.reprompt.idle' : 'coach.reprompt.block')],
    end: false,
    facts: NO_FACTS,
  };
};

const newRun = (exercises: readonly ExerciseId[], levels: Levels, now: number, routine?: RoutineId): Run => ({
  exercises,
  ...(routine ? { routine } : {}),
  levels,
  index: 0,
  step: 0,
  finished: false,
  paused: false,
  startedAt: now,
  doneBlocks: 0,
});

const idle = (state: CoachState, key: string): CoachResult => ({
  state,
  speech: [say(key)],
  reprompt: [say('coach.reprompt.idle')],
  end: false,
  facts: NO_FACTS,
});

const onRun = (state: CoachState, run: Run, event: CoachEvent, ctx: CoachContext): CoachResult => {
  const blocks = blocksOf(run);
  // The block the user would meet next if nothing is said.
  const pointer = run.finished ? run.index + 1 : run.index;
  const current = blocks[run.index];
  switch (event.type) {
    case 'yes':
    case 'resume':
      return run.finished
        ? speak(state, run, run.index + 1, 0, [], ctx)
        : speak(state, run, run.index, run.step, [], ctx, false, true);
    case 'next':
      return speak(state, run, run.index + 1, 0, [], ctx);
    case 'previous':
      return pointer - 1 < 0
        ? speak(state, run, 0, 0, [say('coach.firstAlready')], ctx)
        : speak(state, run, pointer - 1, 0, [], ctx);
    case 'repeat':
      return speak(state, run, run.index, run.finished ? 0 : run.step, [], ctx, false, !run.finished);
    case 'skip': {
      const target = nextExerciseIndex(blocks, pointer);
      const skipped = blocks[pointer]?.exerciseId;
      const prefix = skipped ? [say('coach.skipped', { id: skipped })] : [];
      return speak(state, run, target, 0, prefix, ctx);
    }
    case 'startOver':
      return speak(
        state,
        { ...run, startedAt: ctx.now, doneBlocks: 0 },
        0,
        0,
        [say('coach.startingOver')],
        ctx,
      );
    case 'pause': {
      const where =
        run.finished || !current
          ? say('coach.paused.between')
          : CATALOG[current.exerciseId].kind === 'stretch'
            ? say('coach.paused.inStretch', { id: current.exerciseId })
            : say('coach.paused.atRep', { count: run.step + 1, id: current.exerciseId });
      return {
        state: { ...state, run: { ...run, paused: true } },
        speech: [where, say('coach.paused.howToResume')],
        reprompt: [say('coach.reprompt.paused')],
        end: false,
        facts: NO_FACTS,
      };
    }
    case 'stop': {
      const speech =
        run.doneBlocks > 0
          ? [say('coach.stopped.withProgress', minutesParams(ctx.now - run.startedAt)), say('common.goodbye')]
          : [say('coach.stopped.plain'), say('common.goodbye')];
      return { state: { pace: state.pace }, speech, end: true, facts: NO_FACTS };
    }
    case 'pace': {
      const paced: CoachState = { ...state, pace: event.pace };
      const ack = say(`coach.pace.${event.pace}`);
      // Mid-block the block goes on from the same rep at the new pace; otherwise just acknowledge.
      if (!run.paused && !run.finished)
        return speak(paced, run, run.index, run.step, [ack], ctx, false, true);
      const then = run.paused ? say('coach.paused.howToResume') : question(blocks, run.index);
      return {
        state: paced,
        speech: [ack, then],
        reprompt: [say(run.paused ? 'coach.reprompt.paused' : 'coach.reprompt.block')],
        end: false,
        facts: NO_FACTS,
      };
    }
    case 'help':
      return {
        state: { ...state, run },
        speech: [say('coach.help.running'), say('coach.ask.goOn')],
        reprompt: [say('coach.reprompt.block')],
        end: false,
        facts: NO_FACTS,
      };
    case 'no':
      return {
        state: { ...state, run },
        speech: [say('coach.noRush')],
        reprompt: [say('coach.reprompt.block')],
        end: false,
        facts: NO_FACTS,
      };
    case 'end':
      return { state: { ...state, run }, speech: [], end: true, facts: NO_FACTS };
    case 'startRoutine':
    case 'startExercise':
      return start(state, event, ctx);
  }
};

const start = (state: CoachState, event: CoachEvent, ctx: CoachContext): CoachResult => {
  if (event.type === 'startRoutine') {
    const exercises = ROUTINES[event.routine];
    const run = newRun(exercises, event.levels, ctx.now, event.routine);
    const from = Math.max(0, Math.min(event.fromBlock ?? 0, blocksOf(run).length - 1));
    const intro =
      from > 0
        ? say('coach.resuming')
        : say('coach.startRoutine', { routine: event.routine, count: exercises.length });
    // A resumed routine re-introduces the exercise it resumes at, even mid-exercise.
    return speak(state, run, from, 0, [intro], ctx, true);
  }
  if (event.type === 'startExercise') {
    return speak(state, newRun([event.exercise], event.levels, ctx.now), 0, 0, [], ctx);
  }
  return idle(state, 'coach.nothingRunning');
};

/** Handles one event. Always settles the last spoken block against the clock first. */
export const coach = (state: CoachState, event: CoachEvent, ctx: CoachContext): CoachResult => {
  const settled = settle(state, ctx.now);
  const s = settled.state;
  let result: CoachResult;
  if (event.type === 'startRoutine' || event.type === 'startExercise') result = start(s, event, ctx);
  else if (s.run) result = onRun(s, s.run, event, ctx);
  else if (event.type === 'pace') result = idle({ ...s, pace: event.pace }, `coach.pace.${event.pace}`);
  else if (event.type === 'end') result = { state: s, speech: [], end: true, facts: NO_FACTS };
  else if (event.type === 'stop')
    result = { state: s, speech: [say('common.goodbye')], end: true, facts: NO_FACTS };
  // A yes or no with nothing asked (e.g. after a routine's summary): ask what next.
  else if (event.type === 'yes' || event.type === 'no') result = idle(s, 'coach.whatNext');
  else result = idle(s, 'coach.nothingRunning');
  return { ...result, facts: merge(settled.facts, result.facts) };
};

/** True while a routine or exercise is in progress (after settling against the clock). */
export const isRunning = (state: CoachState): boolean => state.run !== undefined;
