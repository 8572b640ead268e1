/**
 * The red-flag screen of CONTENT.md as data (NICE CKS red flags, NHS cauda equina cards).
 * The order matters: the four emergency questions come first, so a normal screen rules
 * out the most dangerous signs before anything else.
 */

/** What a "yes" (or "not sure") to a question means, worst first. */
export type FlagLevel = 'emergency' | 'urgent-today' | 'urgent-days' | 'see-clinician';

/** How a finished screen ends: the worst level met, or clear. */
export type Outcome = FlagLevel | 'clear';

export type QuestionNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ScreenQuestion {
  /** 1-based position in the normal order (CONTENT.md table row). */
  readonly number: QuestionNumber;
  readonly id: string;
  /** i18n key of the full question. */
  readonly key: string;
  /** i18n key of the plain rephrase with a concrete everyday example ("not sure", "help"). */
  readonly rephraseKey: string;
  /** i18n key of the one sentence on why the question is asked ("why", "what do you mean"). */
  readonly whyKey: string;
  readonly level: FlagLevel;
}

const question = (number: QuestionNumber, id: string, name: string, level: FlagLevel): ScreenQuestion => ({
  number,
  id,
  key: `screening.questions.${name}`,
  rephraseKey: `screening.rephrase.${name}`,
  whyKey: `screening.why.${name}`,
  level,
});

export const QUESTIONS: readonly ScreenQuestion[] = [
  question(1, 'bladder-bowel', 'bladderBowel', 'emergency'),
  question(2, 'saddle-numbness', 'saddleNumbness', 'emergency'),
  question(3, 'legs', 'legs', 'emergency'),
  question(4, 'injury', 'injury', 'emergency'),
  question(5, 'fever', 'fever', 'urgent-today'),
  // New back pain after cancer needs prompt checking (NICE NG234): today, not in a few days.
  question(6, 'cancer', 'cancer', 'urgent-today'),
  question(7, 'steroids-immune', 'steroidsImmune', 'urgent-days'),
  question(8, 'night-pain', 'nightPain', 'urgent-days'),
  question(9, 'six-weeks', 'sixWeeks', 'see-clinician'),
];

export const QUESTION_COUNT = QUESTIONS.length;

export const isQuestionNumber = (n: unknown): n is QuestionNumber =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= QUESTION_COUNT;

export const questionByNumber = (n: QuestionNumber): ScreenQuestion => {
  const q = QUESTIONS[n - 1];
  // Unreachable for a QuestionNumber; kept so a bad table edit fails loudly, not silently.
  if (!q || q.number !== n) throw new Error(`screening question ${n} missing`);
  return q;
};

/** Higher is worse; 'clear' is 0. */
const SEVERITY: Readonly<Record<Outcome, number>> = {
  clear: 0,
  'see-clinician': 1,
  'urgent-days': 2,
  'urgent-today': 3,
  emergency: 4,
};

export const worse = (a: Outcome, b: Outcome): Outcome => (SEVERITY[b] > SEVERITY[a] ? b : a);

/** Exercise coaching may go ahead only after these outcomes (CONTENT.md "Outcomes"). */
export const exerciseAllowed = (outcome: Outcome): boolean =>
  outcome === 'clear' || outcome === 'see-clinician';

export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && v in SEVERITY;
