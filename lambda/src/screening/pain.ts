import { plan, say, type SpeechPlan } from '../speech/plan';

/**
 * The one pain policy (docs/CONTENT.md "Pain policy"; pain-monitoring model, Silbernagel
 * 2007): the same on every path to exercise. Scores are used within the session only and
 * never stored or logged; only what follows from them is kept (an exercise stopped, a
 * session that does not count toward a harder level).
 */

/** 0–3 fine, 4–5 ease off, 6–7 a lot, 8–10 too much for strength work today. */
export type PainBand = 'fine' | 'ease' | 'much' | 'high';

export const bandOf = (score: number): PainBand =>
  score >= 8 ? 'high' : score >= 6 ? 'much' : score >= 4 ? 'ease' : 'fine';

/** Pain of this band or worse means the session does not count toward a harder level. */
export const troubles = (band: PainBand): boolean => band !== 'fine';

/** How long an answer before exercise stands: not asked again within this in a session. */
export const PAIN_ANSWER_VALID_MS = 10 * 60_000;

/** Unclear answers to the pain question before the coach stops asking. */
export const PAIN_REASKS = 1;

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

/** What the user said to "from zero to ten?": a band, "skip" (or not sure), or nothing usable. */
export type PainAnswer = PainBand | 'skip' | 'unclear';

export const painAnswer = (raw: unknown): PainAnswer => {
  if (raw === 'skip') return 'skip';
  const n = parsePainScore(raw);
  return n === undefined ? 'unclear' : bandOf(n);
};

export interface PainPrompt {
  readonly plan: SpeechPlan;
  readonly reprompt: SpeechPlan;
}

export const askPainBefore = (): PainPrompt => ({
  plan: plan(say('screening.pain.askBefore')),
  reprompt: plan(say('screening.pain.scaleHintSkip')),
});

/** "Ouch, that hurts" mid-exercise: the movement has stopped; this is what is asked. */
export const askPainDuring = (): PainPrompt => ({
  plan: plan(say('screening.pain.hurts')),
  reprompt: plan(say('screening.pain.scaleHint')),
});

/** The first unclear answer: the question once more, with the scale. */
export const askPainAgain = (before: boolean): PainPrompt => {
  const hint = say(before ? 'screening.pain.scaleHintSkip' : 'screening.pain.scaleHint');
  return { plan: plan(say('screening.pain.invalid'), hint), reprompt: plan(hint) };
};

/**
 * Before a routine or an exercise. `easier`: coach the easier versions; `offer`: ask
 * whether the gentle relief routine or the easier versions; `noStrength`: no strength
 * work this session, relief tips or the gentle routine offered instead.
 */
export type BeforeDecision =
  | { readonly kind: 'go'; readonly easier: boolean; readonly lead: SpeechPlan }
  | { readonly kind: 'offer-gentle'; readonly plan: SpeechPlan; readonly reprompt: SpeechPlan }
  | { readonly kind: 'no-strength'; readonly plan: SpeechPlan; readonly reprompt: SpeechPlan };

export const beforeExercise = (answer: PainBand | 'skip'): BeforeDecision => {
  switch (answer) {
    case 'fine':
      return { kind: 'go', easier: false, lead: plan(say('screening.pain.goOn')) };
    case 'skip':
      return { kind: 'go', easier: false, lead: plan(say('screening.pain.skipped')) };
    case 'ease':
      return { kind: 'go', easier: true, lead: plan(say('screening.pain.goEasier')) };
    case 'much':
      return {
        kind: 'offer-gentle',
        plan: plan(say('screening.pain.much.offer')),
        reprompt: plan(say('screening.pain.much.offerReprompt')),
      };
    case 'high':
      return { kind: 'no-strength', ...noStrengthOffer() };
  }
};

/** Too much pain for strength work today: gentle work or tips offered instead. */
export const noStrengthOffer = (): PainPrompt => ({
  // The safety net before the question: a reply ends with what the user answers.
  plan: plan(
    say('screening.pain.high.noStrength'),
    say('screening.pain.high.safetyNet'),
    say('screening.pain.high.offer'),
  ),
  reprompt: plan(say('screening.pain.high.offerReprompt')),
});

/** During an exercise, after "it hurts": what happens to it. */
export type DuringDecision =
  | { readonly kind: 'carry-on'; readonly lead: SpeechPlan }
  | { readonly kind: 'offer-easier'; readonly plan: SpeechPlan; readonly reprompt: SpeechPlan }
  | { readonly kind: 'stop'; readonly plan: SpeechPlan; readonly reprompt: SpeechPlan };

export const duringExercise = (band: PainBand): DuringDecision => {
  switch (band) {
    case 'fine':
      return { kind: 'carry-on', lead: plan(say('screening.pain.during.carryOn')) };
    case 'ease':
      return {
        kind: 'offer-easier',
        plan: plan(say('screening.pain.during.easeOff')),
        reprompt: plan(say('screening.pain.during.easeOffReprompt')),
      };
    case 'much':
    case 'high':
      return {
        kind: 'stop',
        plan: plan(
          say('screening.pain.during.stop'),
          say('screening.pain.during.safetyNet'),
          say('screening.pain.during.offer'),
        ),
        reprompt: plan(say('screening.pain.high.offerReprompt')),
      };
  }
};
