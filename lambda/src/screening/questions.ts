/**
 * The red-flag screen of CONTENT.md as data (NICE CKS red flags, NHS cauda equina cards).
 * The order matters: the four emergency questions come first, so a normal screen rules
 * out the most dangerous signs before anything else.
 */

/** What a "yes" (or "not sure") to a question means, worst first. */
export type FlagLevel = 'emergency' | 'urgent-today' | 'urgent-days' | 'see-clinician';

/** How a finished screen ends: the worst level met, or clear. */
export type Outcome = FlagLevel | 'clear';

export type QuestionNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface ScreenQuestion {
  /** 1-based position in the normal order (CONTENT.md table row). */
  readonly number: QuestionNumber;
  readonly id: string;
  /** i18n key of the full question. */
  readonly key: string;
  readonly level: FlagLevel;
}

export const QUESTIONS: readonly ScreenQuestion[] = [
  { number: 1, id: 'bladder-bowel', key: 'screening.questions.bladderBowel', level: 'emergency' },
  { number: 2, id: 'saddle-numbness', key: 'screening.questions.saddleNumbness', level: 'emergency' },
  { number: 3, id: 'legs', key: 'screening.questions.legs', level: 'emergency' },
  { number: 4, id: 'injury', key: 'screening.questions.injury', level: 'emergency' },
  { number: 5, id: 'fever', key: 'screening.questions.fever', level: 'urgent-today' },
  { number: 6, id: 'history', key: 'screening.questions.history', level: 'urgent-days' },
  { number: 7, id: 'night-pain', key: 'screening.questions.nightPain', level: 'urgent-days' },
  { number: 8, id: 'six-weeks', key: 'screening.questions.sixWeeks', level: 'see-clinician' },
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
