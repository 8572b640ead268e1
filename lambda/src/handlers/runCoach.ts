import type { Response } from 'ask-sdk-model';
import type { SessionState } from '../attributes/session';
import { coach, type CoachEvent, type CoachFacts } from '../coach/engine';
import type { ExerciseId } from '../coach/ids';
import { exerciseCompleted, paceChanged, resumeChanged, type ProgressChange } from '../progress';
import type { SpeechItem } from '../speech/plan';
import type { Turn } from './turn';

/**
 * Turns what the routine engine reports into progress changes: time per exercise, an
 * exercise completed, where an unfinished routine was left, and a finished routine
 * clearing that resume point. Exercises stopped for pain were recorded when they stopped.
 */
export const progressOf = (
  turn: Turn,
  session: SessionState,
  facts: CoachFacts,
): { session: SessionState; changes: ProgressChange[] } => {
  const changes: ProgressChange[] = [];
  const spent: Partial<Record<ExerciseId, number>> = { ...session.exerciseMs };
  for (const block of facts.blocksDone) spent[block.exerciseId] = (spent[block.exerciseId] ?? 0) + block.ms;
  for (const done of facts.exercisesDone) {
    if (!session.painStopped?.includes(done.exerciseId)) {
      changes.push(
        exerciseCompleted(turn.moment, {
          sessionId: turn.user.sessionKey,
          exercise: done.exerciseId,
          level: done.level,
          seconds: (spent[done.exerciseId] ?? 0) / 1000,
        }),
      );
    }
    spent[done.exerciseId] = 0;
  }
  const stored = turn.profile?.resume;
  if (facts.routineDone) {
    if (stored) changes.push(resumeChanged(turn.moment, null));
  } else if (
    facts.leftAt &&
    (stored?.routine !== facts.leftAt.routine || stored.blockIndex !== facts.leftAt.index)
  ) {
    changes.push(
      resumeChanged(turn.moment, {
        routine: facts.leftAt.routine,
        blockIndex: facts.leftAt.index,
        exerciseId: facts.leftAt.exerciseId,
        at: turn.now,
      }),
    );
  }
  return { session: { ...session, exerciseMs: spent }, changes };
};

/** Runs one event through the routine engine, records what it reports, and answers. */
export const runCoach = (
  turn: Turn,
  session: SessionState,
  event: CoachEvent,
  prefix: readonly SpeechItem[] = [],
  extra: readonly ProgressChange[] = [],
  /** False when the pace follows a pain answer: that choice is not remembered. */
  rememberPace = true,
): Promise<Response> => {
  const result = coach(session.coach, event, turn.coachContext);
  const progress = progressOf(turn, { ...session, coach: result.state }, result.facts);
  const paceChange =
    rememberPace && event.type === 'pace' && event.pace !== (turn.profile?.pace?.value ?? 'normal')
      ? [paceChanged(turn.moment, event.pace)]
      : [];
  return turn.answer(
    progress.session,
    {
      speech: [...prefix, ...result.speech],
      ...(result.reprompt ? { reprompt: result.reprompt } : {}),
      end: result.end,
    },
    { changes: [...extra, ...progress.changes, ...paceChange] },
  );
};
