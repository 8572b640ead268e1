import { blocksOf } from '../coach/engine';
import { creditWithdrawn, exerciseStoppedForPain, type ProgressChange } from '../progress';
import {
  askPainAgain,
  askPainBefore,
  askPainDuring,
  beforeExercise,
  duringExercise,
  noStrengthOffer,
  painAnswer,
  PAIN_REASKS,
  troubles,
  type PainAnswer,
} from '../screening/pain';
import { say } from '../speech/plan';
import { begin, easierStart } from './begin';
import { holdStill, runCoach } from './coaching';
import type { Context } from './context';
import type { Event } from './event';
import { whatNext } from './offers';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState, type Mode } from './state';

/**
 * The pain policy in the conversation (docs/CONTENT.md "Pain policy"); the thresholds and
 * words are in screening/pain.ts. Scores never leave this turn: only the band's effect is
 * kept in the session (no strength work, no credit toward a harder level).
 */

type PainMode = Extract<Mode, { kind: 'painBefore' | 'painDuring' | 'painIdle' }>;

/** "It hurts" / "ouch": whatever is running stops at once, then the 0–10 question. */
export const hurts = (state: ConversationState, ctx: Context): StepResult => {
  const held = holdStill(state, ctx);
  if (held.state.coach.run) {
    const ask = askPainDuring();
    return result(
      { ...held.state, mode: { kind: 'painDuring' } },
      { speech: ask.plan.items, reprompt: ask.reprompt.items },
      held.changes,
    );
  }
  return result(
    { ...held.state, mode: { kind: 'painIdle' } },
    { speech: [say('screening.pain.askIdle')], reprompt: askPainBefore().reprompt.items },
    held.changes,
  );
};

/** The pain question's answer in an event: a number, "skip" (or not sure), or nothing usable. */
const painAnswerOf = (event: Event, mode: PainMode): PainAnswer => {
  if (event.kind === 'painScore') return painAnswer(event.score);
  // Mid-exercise "skip" skips the exercise; "not sure" there is no answer (asked again).
  if (event.kind === 'command' && event.command === 'skip') return 'skip';
  if (event.kind === 'answer' && event.answer === 'unsure' && mode.kind !== 'painDuring') return 'skip';
  return 'unclear';
};

/**
 * Pain of 4 or more (or a stop for pain) this session: exercises already done earn no
 * credit toward a harder level after all, and none done later will.
 */
const troubled = (
  state: ConversationState,
  ctx: Context,
): { state: ConversationState; changes: ProgressChange[] } =>
  state.troubled
    ? { state, changes: [] }
    : {
        state: { ...state, troubled: true },
        changes: (state.completed ?? []).map((done) =>
          creditWithdrawn(ctx.moment, { sessionId: ctx.sessionKey, ...done }),
        ),
      };

/**
 * A pain answer while the coach waits for one. Nothing but a number, "skip" or "not
 * sure" starts or resumes exercise: one unclear answer gets the question once more with
 * the scale; a second carries on gently, as if skipped (never a third re-ask).
 */
export const answerPain = (
  state: ConversationState,
  mode: PainMode,
  event: Event,
  ctx: Context,
): StepResult => {
  const answer = painAnswerOf(event, mode);
  if (answer === 'unclear' && (mode.unclear ?? 0) < PAIN_REASKS) {
    const again = askPainAgain(mode.kind !== 'painDuring');
    return result(
      { ...state, mode: { ...mode, unclear: (mode.unclear ?? 0) + 1 } },
      { speech: again.plan.items, reprompt: again.reprompt.items },
    );
  }
  const after = withoutMode(state);
  if (mode.kind === 'painDuring') return painDuring(after, answer, ctx);
  if (answer === 'unclear') {
    const lead = [say('screening.pain.unclearGoGently')];
    if (mode.kind === 'painBefore')
      return begin({ ...after, pain: { answer: 'skip', at: ctx.now } }, mode.then, ctx, lead);
    return whatNext(after, lead, ctx);
  }
  const marked = troubles(answer === 'skip' ? 'fine' : answer)
    ? troubled(after, ctx)
    : { state: after, changes: [] };
  const s: ConversationState = { ...marked.state, pain: { answer, at: ctx.now } };
  if (mode.kind === 'painIdle') return painAtRest(s, answer, marked.changes);
  const decided = beforeExercise(answer);
  switch (decided.kind) {
    case 'go':
      return begin(
        s,
        decided.easier ? easierStart(mode.then) : mode.then,
        ctx,
        decided.lead.items,
        marked.changes,
      );
    case 'offer-gentle':
      return result(
        { ...s, mode: { kind: 'painChoice', then: mode.then } },
        { speech: decided.plan.items, reprompt: decided.reprompt.items },
        marked.changes,
      );
    case 'no-strength':
      return result(
        { ...s, noStrength: true, mode: { kind: 'offerRelief' } },
        { speech: decided.plan.items, reprompt: decided.reprompt.items },
        marked.changes,
      );
  }
};

/** "It hurts" with nothing running: a lot of pain gets the gentle routine or tips offered. */
const painAtRest = (state: ConversationState, answer: PainAnswer, changes: ProgressChange[]): StepResult => {
  if (answer === 'high' || answer === 'much') {
    const offer = noStrengthOffer();
    return result(
      { ...state, ...(answer === 'high' ? { noStrength: true } : {}), mode: { kind: 'offerRelief' } },
      { speech: offer.plan.items, reprompt: offer.reprompt.items },
      changes,
    );
  }
  return result(
    state,
    { speech: [say('screening.pain.thanks'), say('common.whatNext')], reprompt: [say('common.reprompt')] },
    changes,
  );
};

/**
 * Mid-exercise, after "it hurts": 0–3 carry on gently where they stopped; 4–5 the easier
 * version of this one, or skip it (asked); 6–10 this exercise and all strength work stop
 * for the session, and tips or the gentle routine are offered, as a question: no other
 * exercise starts in the same answer. Unclear twice: the careful choice, 4–5.
 */
const painDuring = (state: ConversationState, answer: PainAnswer, ctx: Context): StepResult => {
  if (answer === 'skip') return runCoach(troubled(state, ctx).state, { type: 'skip' }, ctx);
  const band = answer === 'unclear' ? 'ease' : answer;
  const decided = duringExercise(band);
  if (decided.kind === 'carry-on') return runCoach(state, { type: 'resume' }, ctx, decided.lead.items);
  const marked = troubled(state, ctx);
  if (decided.kind === 'offer-easier') {
    return result(
      { ...marked.state, mode: { kind: 'painEase' } },
      { speech: decided.plan.items, reprompt: decided.reprompt.items },
      marked.changes,
    );
  }
  const run = marked.state.coach.run;
  const block = run ? blocksOf(run)[run.index] : undefined;
  // Only the effect is kept (no level-up credit, earlier clean sessions start over), never the number.
  const stopped = block
    ? [
        exerciseStoppedForPain(ctx.moment, {
          sessionId: ctx.sessionKey,
          exercise: block.exerciseId,
          level: block.level,
          seconds: (marked.state.exerciseMs?.[block.exerciseId] ?? 0) / 1000,
        }),
      ]
    : [];
  return result(
    {
      ...marked.state,
      coach: { pace: marked.state.coach.pace },
      noStrength: true,
      painStopped: [...(marked.state.painStopped ?? []), ...(block ? [block.exerciseId] : [])],
      mode: { kind: 'offerRelief' },
    },
    { speech: decided.plan.items, reprompt: decided.reprompt.items },
    [...marked.changes, ...stopped],
  );
};

/** "The easier version of this one, or skip it?" The block is held still until answered. */
export const answerPainEase = (state: ConversationState, event: Event, ctx: Context): StepResult => {
  const after = withoutMode(state);
  if (event.kind === 'easier' || (event.kind === 'answer' && event.answer === 'yes'))
    return runCoach(after, { type: 'easier' }, ctx);
  if (event.kind === 'command' && event.command === 'skip') return runCoach(after, { type: 'skip' }, ctx);
  if (event.kind === 'hurts') return hurts(after, ctx);
  if (
    (event.kind === 'answer' && event.answer === 'no') ||
    (event.kind === 'command' && event.command === 'resume')
  )
    return runCoach(after, { type: 'resume' }, ctx, [say('screening.pain.during.easeOffNo')]);
  return result(state, {
    speech: [say('conversation.notCaught'), say('screening.pain.during.easeOffReprompt')],
    reprompt: [say('screening.pain.during.easeOffReprompt')],
  });
};

/** "The gentle relief routine, or the easier versions?" before exercise (pain 6–7). */
export const answerPainChoice = (
  state: ConversationState,
  mode: Extract<Mode, { kind: 'painChoice' }>,
  event: Event,
  ctx: Context,
): StepResult | undefined => {
  const after = withoutMode(state);
  if (event.kind === 'easier') return begin(after, easierStart(mode.then), ctx);
  if (event.kind === 'answer' && event.answer === 'yes')
    return begin(after, { type: 'routine', routine: 'quick-relief' }, ctx);
  if (event.kind === 'answer' && event.answer === 'no') return whatNext(after, [], ctx);
  // A request ("the relief routine", "tips") is answered as asked.
  if (!['answer', 'unknown', 'help', 'painScore', 'command', 'hurts'].includes(event.kind)) return undefined;
  return result(state, {
    speech: [say('conversation.notCaught'), say('screening.pain.much.offerReprompt')],
    reprompt: [say('screening.pain.much.offerReprompt')],
  });
};
