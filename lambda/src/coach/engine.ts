import { say, type SpeechItem } from '../speech/plan';
import { buildBlocks, nextExerciseIndex, type Block, type Levels, type Side } from './blocks';
import { CATALOG, ROUTINES } from './catalog';
import type { ExerciseId, PaceId, RoutineId } from './ids';
import { paceAckKey, stepPace } from './pace';
import { blockScript, limbKey, positionOf, type Opening } from './script';
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

/**
 * Events beyond the plain commands:
 * - `ready`: "ready" / "I'm there": answers the block's question like `yes`;
 * - `status`: "how many are left", "what's next", "how long", "which side";
 * - `why`: "why am I doing this";
 * - `easier`: "make it easier", "I can't do this one" (and the pain policy at 4–5).
 * `status`, `why` and an `easier` that cannot go easier pause a running block at the
 * current rep first, exactly as `pause` does.
 */
export type CoachQuery = 'ready' | 'status' | 'why' | 'easier';

export type CoachEvent =
  | {
      readonly type: 'startRoutine';
      readonly routine: RoutineId;
      readonly levels: Levels;
      readonly fromBlock?: number;
      /** Coach every exercise of this run in its easier version (the pain policy). */
      readonly easier?: boolean;
    }
  | {
      readonly type: 'startExercise';
      readonly exercise: ExerciseId;
      readonly levels: Levels;
      readonly easier?: boolean;
    }
  /** A pace request: `slower` / `faster` move one step from the current pace, `normal` resets it. */
  | { readonly type: 'pace'; readonly pace: PaceId }
  | { readonly type: CoachCommand }
  | { readonly type: CoachQuery };

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
    /** Coached in the easier version. */
    readonly easier: boolean;
  }[];
  /** Exercises finished; `easier` ones were coached in the easier version (progression ignores them). */
  readonly exercisesDone: readonly {
    readonly exerciseId: ExerciseId;
    readonly level: number;
    readonly easier: boolean;
  }[];
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

export const blocksOf = (run: Run): Block[] => buildBlocks(run.exercises, run.levels, run.easier);

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

export interface SettleOptions {
  /**
   * The request answers the question that closed the block (yes, ready, no): the block
   * was heard to its end whatever the timestamp says (our speech estimate runs longer than
   * a real device, and the question is the last thing said).
   */
  readonly answered?: boolean;
}

/**
 * Works out where the user is in the block that was last spoken, from the request's
 * timestamp: past its end (finished) or interrupted at a step (barge-in). An answer to
 * the block's question always finishes it.
 */
export const settle = (
  state: CoachState,
  now: number,
  options: SettleOptions = {},
): { state: CoachState; facts: CoachFacts } => {
  const run = state.run;
  if (!run || run.spokenAt === undefined || !run.marks) return { state, facts: NO_FACTS };
  const blocks = blocksOf(run);
  const block = blocks[run.index];
  if (!block) return { state: { pace: state.pace }, facts: NO_FACTS };
  const elapsed = now - run.spokenAt;
  const endMs = run.marks[block.dose.reps] ?? 0;
  const { spokenAt: _s, marks: _m, unheard: _u, ...rest } = run;
  if (!options.answered && elapsed < endMs - END_SLACK_MS) {
    let step = run.step;
    run.marks.forEach((at, i) => {
      if (typeof at === 'number' && at <= elapsed && i < block.dose.reps) step = i;
    });
    const leftAt = run.routine
      ? { routine: run.routine, index: run.index, exerciseId: block.exerciseId }
      : undefined;
    const first = run.marks[run.step];
    const unheard = typeof first === 'number' && elapsed < first;
    return {
      state: { ...state, run: { ...rest, step, finished: false, ...(unheard ? { unheard } : {}) } },
      facts: { ...NO_FACTS, ...(leftAt ? { leftAt } : {}) },
    };
  }
  const easier = block.easier === true;
  const done = { exerciseId: block.exerciseId, level: block.level, ms: endMs, easier };
  const facts: CoachFacts = {
    blocksDone: [done],
    exercisesDone: block.last ? [{ exerciseId: block.exerciseId, level: block.level, easier }] : [],
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

/** What the user is asked before `next`: its name when it is a new exercise, its position, time to get there. */
const positionQuestion = (block: Block | undefined, next: Block): SpeechItem[] => [
  ...(block?.exerciseId !== next.exerciseId ? [say('coach.ask.nextExercise', { id: next.exerciseId })] : []),
  ...positionOf(next),
  say('coach.ask.whenThere'),
];

/** The question closing block `index` describes the next block's position (a new exercise follows). */
const asksPosition = (blocks: readonly Block[], index: number): boolean => {
  const block = blocks[index];
  const next = blocks[index + 1];
  return !!block && !!next && next.exerciseId !== block.exerciseId;
};

/** The reprompt after the question closing block `index`: "say ready" when it asked to get into position. */
const blockReprompt = (blocks: readonly Block[], index: number): string =>
  asksPosition(blocks, index) ? 'coach.reprompt.position' : 'coach.reprompt.block';

/**
 * The short question that closes a block, so the user only says "yes" between blocks.
 * Before a new exercise it names it and describes its position: "Say ready when you're there."
 */
const question = (blocks: readonly Block[], index: number): SpeechItem[] => {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (!block || !next) return [say('coach.ask.ready')];
  if (next.exerciseId !== block.exerciseId) return positionQuestion(block, next);
  if (next.set === block.set) return [say('coach.ask.otherSide')];
  return [say('coach.ask.nextSet', { set: next.set })];
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

/**
 * Speaks block `index` from `step`, ending with a question (or the summary after the last
 * block). Without an explicit opening, a block whose exercise was not the one last spoken
 * is introduced in full (position, time to get there, movement), a later one briefly.
 */
const speak = (
  state: CoachState,
  run: Run,
  index: number,
  step: number,
  prefix: SpeechItem[],
  ctx: CoachContext,
  opening?: Opening,
): CoachResult => {
  const blocks = blocksOf(run);
  const block = blocks[index];
  if (!block) return finishRun(state, run, ctx.now, prefix);
  const before = blocks[run.index];
  const how: Opening = opening ?? (block.first || before?.exerciseId !== block.exerciseId ? 'full' : 'short');
  const body = [...prefix, ...blockScript(block, step, state.pace, how)];
  const measured = ctx.measure(body);
  const last = index === blocks.length - 1;
  const tail = last ? summary(run, ctx.now + measured.totalMs - run.startedAt) : question(blocks, index);
  const { positioned: _p, unheard: _u, ...rest } = run;
  const next: Run = {
    ...rest,
    index,
    step,
    finished: false,
    paused: false,
    spokenAt: ctx.now,
    marks: measured.marks.map((m) => (typeof m === 'number' ? m : null)),
    ...(!last && asksPosition(blocks, index) ? { positioned: true } : {}),
  };
  return {
    state: { ...state, run: next },
    speech: [...body, ...tail],
    reprompt: [say(last ? 'coach.reprompt.idle' : blockReprompt(blocks, index))],
    end: false,
    facts: NO_FACTS,
  };
};

const newRun = (
  exercises: readonly ExerciseId[],
  levels: Levels,
  now: number,
  routine?: RoutineId,
  easier = false,
): Run => ({
  exercises,
  ...(routine ? { routine } : {}),
  levels,
  index: 0,
  step: 0,
  finished: false,
  paused: false,
  startedAt: now,
  doneBlocks: 0,
  ...(easier ? { easier: [...exercises] } : {}),
});

const idle = (state: CoachState, key: string): CoachResult => ({
  state,
  speech: [say(key)],
  reprompt: [say('coach.reprompt.idle')],
  end: false,
  facts: NO_FACTS,
});

/** Where the user is in a run, as plain data (see runStatus). */
export interface RunStatus {
  /** The exercise the user is in, or about to start between blocks. */
  readonly exerciseId: ExerciseId;
  readonly side?: Side;
  readonly kind: 'reps' | 'stretch';
  /** 1-based set of that exercise, and how many it has. */
  readonly set: number;
  readonly sets: number;
  /** 1-based rep the user is on; 0 between blocks (the block has not started yet). */
  readonly rep: number;
  /** Reps in this set (and side); a stretch is one. */
  readonly reps: number;
  /** Reps of this set after the one the user is on (between blocks: all of them). */
  readonly repsLeft: number;
  /** The exercise after this one, if any. */
  readonly nextExerciseId?: ExerciseId;
  /** The rest of the whole run, rounded up, from the catalog doses at normal pace (roughly). */
  readonly minutesLeft: number;
  /** Between blocks: the block was heard to its end and the next one not begun. */
  readonly between: boolean;
  readonly paused: boolean;
  /** This exercise is coached in its easier version. */
  readonly easier: boolean;
}

/** Rough spoken cost of one rep's words ("Lift." "And lower." "Three."). */
const REP_WORDS_MS = 1800;
/** Rough cost of a stretch's words around its hold. */
const STRETCH_WORDS_MS = 2000;
/** Rough cost of introducing an exercise in full (name, position, time to get there, movement, cue). */
const INTRO_MS = 25000;
/** Rough cost of a later block's header, its question and the user's answer. */
const BLOCK_GAP_MS = 6000;

const blockMs = (block: Block, fromStep: number): number => {
  const exercise = CATALOG[block.exerciseId];
  if (exercise.kind === 'stretch') return fromStep > 0 ? 0 : block.dose.holdMs + STRETCH_WORDS_MS;
  return Math.max(0, block.dose.reps - fromStep) * (block.dose.holdMs + exercise.returnMs + REP_WORDS_MS);
};

/** Estimated ms left from step `fromStep` of block `index` to the end of the run. */
const remainingMs = (blocks: readonly Block[], index: number, fromStep: number, started: boolean): number =>
  blocks.slice(index).reduce((sum, block, i) => {
    const opening = i === 0 && started ? 0 : block.first ? INTRO_MS : BLOCK_GAP_MS;
    const switching = block.side && !block.first ? CATALOG[block.exerciseId].switchMs : 0;
    return sum + opening + switching + blockMs(block, i === 0 ? fromStep : 0);
  }, 0);

const statusOf = (run: Run, blocks: readonly Block[]): RunStatus | undefined => {
  const between = run.finished;
  const index = between ? run.index + 1 : run.index;
  const block = blocks[index];
  if (!block) return undefined;
  const rep = between ? 0 : run.step + 1;
  const reps = block.dose.reps;
  const next = blocks[nextExerciseIndex(blocks, index)];
  const ms = remainingMs(blocks, index, between ? 0 : run.step, !between);
  return {
    exerciseId: block.exerciseId,
    ...(block.side ? { side: block.side } : {}),
    kind: CATALOG[block.exerciseId].kind,
    set: block.set,
    sets: block.dose.sets,
    rep,
    reps,
    repsLeft: between ? reps : Math.max(0, reps - rep),
    ...(next ? { nextExerciseId: next.exerciseId } : {}),
    minutesLeft: Math.max(1, Math.ceil(ms / 60000)),
    between,
    paused: run.paused,
    easier: block.easier === true,
  };
};

/**
 * Where the user is, as plain data for "how many are left", "what's next", "how long",
 * "which side": settles the last spoken block against `now` first. Undefined when nothing runs.
 */
export const runStatus = (state: CoachState, now: number): RunStatus | undefined => {
  const run = settle(state, now).state.run;
  return run ? statusOf(run, blocksOf(run)) : undefined;
};

/** What follows block `index`, as the `then` param of coach.status.* keys, with its params. */
const thenOf = (blocks: readonly Block[], index: number): Record<string, string | number> => {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (!block || !next) return { then: 'end' };
  if (next.exerciseId !== block.exerciseId) return { then: 'nextExercise', next: next.exerciseId };
  if (next.set === block.set) return { then: 'otherSide' };
  return { then: 'nextSet', nextSet: next.set };
};

/** The spoken answer to a status question: where the user is, what is left, how long. */
const statusSpeech = (run: Run, blocks: readonly Block[], status: RunStatus): SpeechItem[] => {
  const index = status.between ? run.index + 1 : run.index;
  const block = blocks[index] as Block;
  const id = status.exerciseId;
  const limb = limbKey(block);
  const sided: Record<string, string> = limb ? { limb } : {};
  const then = thenOf(blocks, index);
  const minutes = say('coach.status.minutes', { count: status.minutesLeft });
  if (status.kind === 'stretch') {
    const where = { id, ...sided, set: status.set, sets: status.sets, ...then };
    if (status.between)
      return [say(limb ? 'coach.status.upNextStretchSided' : 'coach.status.upNextStretch', where), minutes];
    return [
      say(limb ? 'coach.status.stretchSided' : 'coach.status.stretch', where),
      say(`coach.status.after.${String(then.then)}`, then),
      minutes,
    ];
  }
  if (status.between) {
    return [
      say(limb ? 'coach.status.upNextSided' : 'coach.status.upNext', {
        count: status.reps,
        id,
        ...sided,
        ...then,
      }),
      minutes,
    ];
  }
  const left =
    status.repsLeft > 0
      ? say('coach.status.more', { count: status.repsLeft, ...then })
      : say('coach.status.lastRep', then);
  return [
    say(limb ? 'coach.status.repSided' : 'coach.status.rep', {
      rep: status.rep,
      reps: status.reps,
      id,
      ...sided,
    }),
    left,
    minutes,
  ];
};

/** How to go on after an aside: "Say resume…" when paused, the block's question between blocks. */
const howToGoOn = (run: Run, blocks: readonly Block[]): SpeechItem[] =>
  run.paused ? [say('coach.goOn.resume')] : question(blocks, run.index);

/** An aside (status, why…) answered without moving: a running block is paused at the current rep first. */
const aside = (state: CoachState, run: Run, answer: (held: Run) => SpeechItem[]): CoachResult => {
  const held: Run = run.finished ? run : { ...run, paused: true };
  return {
    state: { ...state, run: held },
    speech: answer(held),
    reprompt: [say(held.paused ? 'coach.reprompt.paused' : blockReprompt(blocksOf(held), held.index))],
    end: false,
    facts: NO_FACTS,
  };
};

const onRun = (state: CoachState, run: Run, event: CoachEvent, ctx: CoachContext): CoachResult => {
  const blocks = blocksOf(run);
  // The block the user would meet next if nothing is said.
  const pointer = run.finished ? run.index + 1 : run.index;
  const current = blocks[run.index];
  // After "Say ready when you're there" the next block starts with the movement, unless a pause came between.
  const afterQuestion: Opening | undefined = run.positioned && !run.paused ? 'positioned' : undefined;
  // An interrupted block is picked up without a second introduction, unless its opening was cut short.
  const pickUp: Opening | undefined = run.unheard ? undefined : 'resumed';
  switch (event.type) {
    case 'yes':
    case 'ready':
    case 'resume':
      return run.finished
        ? speak(state, run, run.index + 1, 0, [], ctx, afterQuestion)
        : speak(state, run, run.index, run.step, [], ctx, pickUp);
    case 'next':
      return speak(state, run, run.index + 1, 0, [], ctx, run.finished ? afterQuestion : undefined);
    case 'previous':
      return pointer - 1 < 0
        ? speak(state, run, 0, 0, [say('coach.firstAlready')], ctx, 'full')
        : speak(state, run, pointer - 1, 0, [], ctx);
    case 'repeat':
      return run.finished
        ? speak(state, run, run.index, 0, [], ctx)
        : speak(state, run, run.index, run.step, [], ctx, pickUp);
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
        'full',
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
    case 'status':
      return aside(state, run, (held) => {
        const status = statusOf(held, blocks);
        return [...(status ? statusSpeech(held, blocks, status) : []), ...howToGoOn(held, blocks)];
      });
    case 'why': {
      const id = blocks[pointer]?.exerciseId;
      return aside(state, run, (held) => [
        ...(id ? [say(`coach.exercise.${id}.why`)] : []),
        ...howToGoOn(held, blocks),
      ]);
    }
    case 'easier': {
      const target = blocks[pointer];
      if (!target) return idle(state, 'coach.nothingRunning');
      if (target.easier) return aside(state, run, () => [say('coach.easier.already')]);
      const eased: Run = { ...run, easier: [...(run.easier ?? []), target.exerciseId] };
      const ack = say('coach.easier.ack');
      // Mid-block: this side starts again from rep 1, in the easier version, position first.
      if (!run.finished) return speak(state, eased, run.index, 0, [ack], ctx, 'full');
      // Between blocks: the next block's easier position, and time to get there.
      const easedBlocks = blocksOf(eased);
      const next = easedBlocks[pointer] as Block;
      return {
        state: { ...state, run: { ...eased, paused: false, positioned: true } },
        speech: [ack, ...positionQuestion(easedBlocks[run.index], next)],
        reprompt: [say('coach.reprompt.position')],
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
      // One step per request along slower ↔ normal ↔ faster; the acknowledgement names the result.
      const paced: CoachState = { ...state, pace: stepPace(state.pace, event.pace) };
      const ack = say(paceAckKey(state.pace, event.pace));
      // Mid-block the block goes on from the same rep at the new pace; otherwise just acknowledge.
      if (!run.paused && !run.finished) return speak(paced, run, run.index, run.step, [ack], ctx, pickUp);
      const then = run.paused ? [say('coach.paused.howToResume')] : question(blocks, run.index);
      return {
        state: paced,
        speech: [ack, ...then],
        reprompt: [say(run.paused ? 'coach.reprompt.paused' : blockReprompt(blocks, run.index))],
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
    const run = newRun(exercises, event.levels, ctx.now, event.routine, event.easier === true);
    const from = Math.max(0, Math.min(event.fromBlock ?? 0, blocksOf(run).length - 1));
    const intro =
      from > 0
        ? say('coach.resuming')
        : say('coach.startRoutine', { routine: event.routine, count: exercises.length });
    // A resumed routine re-introduces the exercise it resumes at, even mid-exercise.
    return speak(state, run, from, 0, [intro], ctx, 'full');
  }
  if (event.type === 'startExercise') {
    const run = newRun([event.exercise], event.levels, ctx.now, undefined, event.easier === true);
    return speak(state, run, 0, 0, [], ctx, 'full');
  }
  return idle(state, 'coach.nothingRunning');
};

/** Events that answer the question closing a block: they find it heard to its end. */
const ANSWERS: ReadonlySet<CoachEvent['type']> = new Set<CoachEvent['type']>(['yes', 'ready', 'no']);

/**
 * How much of a block must have played before a yes or no can be the answer to its closing
 * question. Our estimate of the spoken words runs a little longer than a device (the pauses
 * are exact), so an answer near the end counts even if the clock says the block is not
 * quite over; one said far earlier was said over the exercise ("ok", "no" mid-reps).
 */
export const ANSWER_FROM = 0.75;

const heardMostOf = (run: Run | undefined, now: number): boolean => {
  const block = run ? blocksOf(run)[run.index] : undefined;
  if (!run || !block || run.spokenAt === undefined || !run.marks || run.finished) return true;
  return now - run.spokenAt >= ANSWER_FROM * (run.marks[block.dose.reps] ?? 0);
};

/**
 * Handles one event. Always settles the last spoken block first: against the clock, or as
 * finished when the event answers the block's question (yes, ready, no). A yes said well
 * before the question carries on from the rep the user is on; a no holds it there.
 */
export const coach = (state: CoachState, said: CoachEvent, ctx: CoachContext): CoachResult => {
  const answers = ANSWERS.has(said.type);
  const answered = answers && heardMostOf(state.run, ctx.now);
  const settled = settle(state, ctx.now, { answered });
  const overTheExercise =
    answers && !answered && settled.state.run !== undefined && !settled.state.run.finished;
  const heard: CoachEvent = !overTheExercise
    ? said
    : said.type === 'no'
      ? { type: 'pause' }
      : { type: 'resume' };
  const s = settled.state;
  let result: CoachResult;
  if (heard.type === 'startRoutine' || heard.type === 'startExercise') result = start(s, heard, ctx);
  else if (s.run) result = onRun(s, s.run, heard, ctx);
  else if (heard.type === 'pace') {
    // Remembered for the next exercise; the answer still says what to do next.
    const paced = idle({ ...s, pace: stepPace(s.pace, heard.pace) }, paceAckKey(s.pace, heard.pace));
    result = { ...paced, speech: [...paced.speech, say('coach.whatNext')] };
  } else if (heard.type === 'end') result = { state: s, speech: [], end: true, facts: NO_FACTS };
  else if (heard.type === 'stop')
    result = { state: s, speech: [say('common.goodbye')], end: true, facts: NO_FACTS };
  // A yes or no with nothing asked (e.g. after a routine's summary): ask what next.
  else if (heard.type === 'yes' || heard.type === 'no' || heard.type === 'ready')
    result = idle(s, 'coach.whatNext');
  else if (heard.type === 'why') result = idle(s, 'coach.why.nothingRunning');
  else result = idle(s, 'coach.nothingRunning');
  return { ...result, facts: merge(settled.facts, result.facts) };
};

/** True while a routine or exercise is in progress (after settling against the clock). */
export const isRunning = (state: CoachState): boolean => state.run !== undefined;
