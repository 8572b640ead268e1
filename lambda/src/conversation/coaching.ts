import { coach, settle, type CoachEvent, type CoachFacts } from '../coach/engine';
import type { ExerciseId } from '../coach/ids';
import type { CoachState } from '../coach/state';
import { exerciseCompleted, paceChanged, resumeChanged, type ProgressChange } from '../progress';
import type { SpeechItem } from '../speech/plan';
import type { Context } from './context';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState } from './state';

/**
 * Turns what the routine engine reports into progress changes: time per exercise, an
 * exercise completed, where an unfinished routine was left, and a finished routine
 * clearing that resume point. Exercises stopped for pain were recorded when they stopped.
 */
export const progressOf = (
  state: ConversationState,
  facts: CoachFacts,
  ctx: Context,
): { state: ConversationState; changes: ProgressChange[] } => {
  const changes: ProgressChange[] = [];
  const spent: Partial<Record<ExerciseId, number>> = { ...state.exerciseMs };
  const completed = [...(state.completed ?? [])];
  for (const block of facts.blocksDone) spent[block.exerciseId] = (spent[block.exerciseId] ?? 0) + block.ms;
  for (const done of facts.exercisesDone) {
    if (!state.painStopped?.includes(done.exerciseId)) {
      changes.push(
        exerciseCompleted(
          ctx.moment,
          {
            sessionId: ctx.sessionKey,
            exercise: done.exerciseId,
            level: done.level,
            seconds: (spent[done.exerciseId] ?? 0) / 1000,
          },
          // Credit toward a harder level only when it went without trouble: not made
          // easier (not yet easy), and no pain of 4 or more this session.
          !done.easier && !state.troubled,
        ),
      );
      completed.push({ exercise: done.exerciseId, level: done.level });
    }
    spent[done.exerciseId] = 0;
  }
  const stored = ctx.profile?.resume;
  if (facts.routineDone) {
    if (stored) changes.push(resumeChanged(ctx.moment, null));
  } else if (
    facts.leftAt &&
    (stored?.routine !== facts.leftAt.routine || stored.blockIndex !== facts.leftAt.index)
  ) {
    changes.push(
      resumeChanged(ctx.moment, {
        routine: facts.leftAt.routine,
        blockIndex: facts.leftAt.index,
        exerciseId: facts.leftAt.exerciseId,
        at: ctx.now,
      }),
    );
  }
  return {
    state: {
      ...state,
      exerciseMs: spent,
      ...(completed.length > 0 ? { completed } : {}),
      ...(facts.routineDone ? { routinesDone: (state.routinesDone ?? 0) + 1 } : {}),
    },
    changes,
  };
};

/** Runs one event through the routine engine, records what it reports, and answers. */
export const runCoach = (
  state: ConversationState,
  event: CoachEvent,
  ctx: Context,
  prefix: readonly SpeechItem[] = [],
  extra: readonly ProgressChange[] = [],
  /** False when the pace follows a pain answer: that choice is not remembered. */
  rememberPace = true,
): StepResult => {
  const coached = coach(state.coach, event, { now: ctx.now, measure: ctx.measure });
  const progress = progressOf({ ...withoutMode(state), coach: coached.state }, coached.facts, ctx);
  // The pace that results (one step per request), not the one asked for.
  const paceChange =
    rememberPace && event.type === 'pace' && coached.state.pace !== (ctx.profile?.pace?.value ?? 'normal')
      ? [paceChanged(ctx.moment, coached.state.pace)]
      : [];
  return result(
    progress.state,
    {
      speech: [...prefix, ...coached.speech],
      ...(coached.reprompt ? { reprompt: coached.reprompt } : {}),
      end: coached.end,
    },
    [...extra, ...progress.changes, ...paceChange],
  );
};

/**
 * Stops whatever is being coached at the point the user spoke, keeping the place: any
 * turn that is not about the routine (a question, advice, a symptom) holds it still, so a
 * later "resume" picks up at that rep rather than after the block. A block heard to its
 * end before the user spoke still counts.
 */
export const holdStill = (
  state: ConversationState,
  ctx: Context,
): { state: ConversationState; changes: ProgressChange[] } => {
  const settled = settle(state.coach, ctx.now);
  const run = settled.state.run;
  const coachState: CoachState =
    run && !run.finished ? { ...settled.state, run: { ...run, paused: true } } : settled.state;
  return progressOf({ ...state, coach: coachState }, settled.facts, ctx);
};
