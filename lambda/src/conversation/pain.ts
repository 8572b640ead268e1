import { blocksOf } from '../coach/engine';
import { exerciseStoppedForPain } from '../progress';
import {
  askPainBeforeRoutine,
  hurtsMidExercise,
  painBeforeRoutine,
  painDuringExercise,
} from '../screening/pain';
import { say } from '../speech/plan';
import { begin } from './begin';
import { holdStill, runCoach } from './coaching';
import type { Context } from './context';
import type { Event } from './event';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Mode } from './state';

/** "It hurts" / "ouch": mid-exercise the movement stops and the 0–10 question is asked. */
export const hurts = (state: ConversationState, ctx: Context): StepResult => {
  const held = holdStill(state, ctx);
  if (held.state.coach.run) {
    const ask = hurtsMidExercise();
    return result(
      { ...held.state, mode: { kind: 'painDuring' } },
      { speech: ask.plan.items, reprompt: ask.reprompt.items },
      held.changes,
    );
  }
  return result(
    { ...held.state, mode: { kind: 'painIdle' } },
    { speech: [say('screening.pain.askIdle')], reprompt: askPainBeforeRoutine().reprompt.items },
    held.changes,
  );
};

/** The score an event carries for the pain question: a number, 'skip', or nothing usable. */
const painAnswerOf = (event: Event): number | 'skip' | undefined => {
  if (event.kind === 'painScore') return event.score;
  if (event.kind === 'command' && event.command === 'skip') return 'skip';
  if (event.kind === 'answer' && event.answer === 'unsure') return 'skip';
  return undefined;
};

/**
 * A pain number while the coach waits for one. Before exercise and after "it hurts"
 * anything else asks for the number again, so an unclear answer never starts or resumes
 * exercise.
 */
export const answerPain = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'painBefore' | 'painDuring' | 'painIdle' }>,
  event: Event,
  ctx: Context,
): StepResult => {
  const raw = painAnswerOf(event);
  if (mode.kind === 'painDuring') return painDuring(state, raw, ctx);
  const decided = painBeforeRoutine(raw);
  const reprompt = decided.reprompt ? { reprompt: decided.reprompt.items } : {};
  if (decided.decision === 'invalid') return result(state, { speech: decided.plan.items, ...reprompt });
  if (decided.decision === 'relief') {
    return result(
      { ...withoutMode(state), pain: 'high', mode: { kind: 'offerRelief' } },
      { speech: decided.plan.items, ...reprompt },
    );
  }
  const after: ConversationState = { ...withoutMode(state), pain: 'ok' };
  if (mode.kind === 'painBefore') return begin(after, mode.then, ctx, decided.plan.items, [], false);
  return result(after, {
    speech: [say('screening.pain.thanks'), say('common.whatNext')],
    reprompt: [say('common.reprompt')],
  });
};

/** Mid-exercise pain: above 5 stop that exercise, 4–5 ease off, 3 or less carry on. */
const painDuring = (state: ConversationState, raw: number | 'skip' | undefined, ctx: Context): StepResult => {
  const decided = painDuringExercise(raw);
  const after = withoutMode(state);
  switch (decided.decision) {
    case 'invalid':
      return result(state, {
        speech: decided.plan.items,
        ...(decided.reprompt ? { reprompt: decided.reprompt.items } : {}),
      });
    case 'stop-exercise': {
      const run = after.coach.run;
      const block = run ? blocksOf(run)[run.index] : undefined;
      if (!block) return runCoach(after, { type: 'resume' }, ctx, decided.plan.items);
      // Only the effect is kept (no level-up credit for today), never the number.
      const stopped = exerciseStoppedForPain(ctx.moment, {
        sessionId: ctx.sessionKey,
        exercise: block.exerciseId,
        level: block.level,
        seconds: (after.exerciseMs?.[block.exerciseId] ?? 0) / 1000,
      });
      const painStopped = [...(after.painStopped ?? []), block.exerciseId];
      return runCoach({ ...after, painStopped }, { type: 'skip' }, ctx, decided.plan.items, [stopped]);
    }
    case 'ease-off':
      return runCoach(after, { type: 'pace', pace: 'slower' }, ctx, decided.plan.items, [], false);
    case 'carry-on':
      return runCoach(after, { type: 'resume' }, ctx, decided.plan.items);
  }
};
