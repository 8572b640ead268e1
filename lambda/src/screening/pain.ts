import { plan, say, type SpeechPlan } from '../speech/plan';

/**
 * Pain checks on a 0–10 scale. Scores are used within this turn (and at most the session)
 * and never stored or logged. Thresholds follow the pain-monitoring model in CONTENT.md
 * (Silbernagel 2007): during exercise 0–3 fine, 4–5 ease off, above 5 stop that exercise;
 * before a routine, 8 or more swaps strength work for relief.
 */

export interface PainPrompt {
  readonly plan: SpeechPlan;
  readonly reprompt: SpeechPlan;
}

export type BeforeRoutineDecision = 'relief' | 'go-on' | 'invalid';
export type DuringExerciseDecision = 'stop-exercise' | 'ease-off' | 'carry-on' | 'invalid';

export interface PainResult<D> {
  readonly decision: D;
  readonly plan: SpeechPlan;
  /** Present when the coach waits for an answer (a re-ask, or the relief offer). */
  readonly reprompt?: SpeechPlan;
}

/** At or above this before a routine, offer relief instead of strength work. */
export const RELIEF_THRESHOLD = 8;
/** Above this during an exercise, stop that exercise. */
export const STOP_ABOVE = 5;
/** At or above this (and not above STOP_ABOVE), ease off. */
export const EASE_FROM = 4;

/**
 * A score from a slot value or number: 0–10, or undefined. Alexa sends AMAZON.NUMBER as a
 * string ("6"), and "?" when it could not resolve one.
 */
export const parsePainScore = (value: unknown): number | undefined => {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
};

export const askPainBeforeRoutine = (): PainPrompt => ({
  plan: plan(say('screening.pain.askBefore')),
  reprompt: plan(say('screening.pain.scaleHintSkip')),
});

/** `score` may be a number, a slot string, or 'skip' (the user chose not to rate it). */
export const painBeforeRoutine = (score: unknown): PainResult<BeforeRoutineDecision> => {
  if (score === 'skip') return { decision: 'go-on', plan: plan(say('screening.pain.skipped')) };
  const n = parsePainScore(score);
  if (n === undefined) {
    return {
      decision: 'invalid',
      plan: plan(say('screening.pain.invalid'), say('screening.pain.scaleHintSkip')),
      reprompt: plan(say('screening.pain.scaleHintSkip')),
    };
  }
  if (n >= RELIEF_THRESHOLD) {
    return {
      decision: 'relief',
      plan: plan(
        say('screening.pain.high.noStrength'),
        say('screening.pain.high.safetyNet'),
        say('screening.pain.high.offer'),
      ),
      reprompt: plan(say('screening.pain.high.offerReprompt')),
    };
  }
  return {
    decision: 'go-on',
    plan: plan(say(n >= EASE_FROM ? 'screening.pain.goOnGently' : 'screening.pain.goOn')),
  };
};

/** "Ouch, that hurts" mid-exercise: the handler stops the hold; this is what is said. */
export const hurtsMidExercise = (): PainPrompt => ({
  plan: plan(say('screening.pain.hurts')),
  reprompt: plan(say('screening.pain.scaleHint')),
});

/**
 * A score given during an exercise. The plan says what happens to this exercise; the
 * handler adds what comes next (the next exercise and "Ready?", or the end).
 */
export const painDuringExercise = (score: unknown): PainResult<DuringExerciseDecision> => {
  const n = parsePainScore(score);
  if (n === undefined) {
    return {
      decision: 'invalid',
      plan: plan(say('screening.pain.invalid'), say('screening.pain.scaleHint')),
      reprompt: plan(say('screening.pain.scaleHint')),
    };
  }
  if (n > STOP_ABOVE) {
    return {
      decision: 'stop-exercise',
      plan: plan(say('screening.pain.during.stop'), say('screening.pain.during.safetyNet')),
    };
  }
  if (n >= EASE_FROM) return { decision: 'ease-off', plan: plan(say('screening.pain.during.easeOff')) };
  return { decision: 'carry-on', plan: plan(say('screening.pain.during.carryOn')) };
};
