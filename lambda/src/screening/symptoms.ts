import type { SpeechPlan } from '../speech/plan';
import { chestPainPlan } from './emergencyPlans';
import { hurtsMidExercise } from './pain';
import { startScreen, type ScreenStart } from './screen';
import type { QuestionNumber } from './questions';

/**
 * Where a reported symptom leads (SymptomReportIntent slot ids). Leg symptoms, sharp pain
 * and pain down a leg start at question 3 (legs); every screen still asks all 8 questions.
 */

export const SYMPTOM_IDS = [
  'bladder',
  'bowel',
  'saddle-numbness',
  'leg-numbness',
  'tingling',
  'weak-legs',
  'cant-walk',
  'fall',
  'fever',
  'chest-pain',
  'hurts',
  'sharp-pain',
  'leg-pain',
] as const;
export type SymptomId = (typeof SYMPTOM_IDS)[number];

export type SymptomRoute =
  /** Run the screen, starting at this question. */
  | { readonly kind: 'screen'; readonly fromQuestion: QuestionNumber }
  /** Not a back red flag but possibly the heart: send for help now, no questions. */
  | { readonly kind: 'emergency'; readonly reason: 'chest-pain' }
  /** Ordinary pain ("it hurts"): the pain check, not the screen. */
  | { readonly kind: 'pain-check' };

const ROUTES: Readonly<Record<SymptomId, SymptomRoute>> = {
  bladder: { kind: 'screen', fromQuestion: 1 },
  bowel: { kind: 'screen', fromQuestion: 1 },
  'saddle-numbness': { kind: 'screen', fromQuestion: 2 },
  'leg-numbness': { kind: 'screen', fromQuestion: 3 },
  tingling: { kind: 'screen', fromQuestion: 3 },
  'weak-legs': { kind: 'screen', fromQuestion: 3 },
  'cant-walk': { kind: 'screen', fromQuestion: 3 },
  'sharp-pain': { kind: 'screen', fromQuestion: 3 },
  'leg-pain': { kind: 'screen', fromQuestion: 3 },
  fall: { kind: 'screen', fromQuestion: 4 },
  fever: { kind: 'screen', fromQuestion: 5 },
  'chest-pain': { kind: 'emergency', reason: 'chest-pain' },
  hurts: { kind: 'pain-check' },
};

export const isSymptomId = (v: unknown): v is SymptomId => SYMPTOM_IDS.includes(v as SymptomId);

/**
 * The route for a slot id. An unknown or missing id (the user said something we could not
 * resolve) runs the whole screen from question 1: being unsure is a reason to check.
 */
export const symptomToQuestion = (symptomId: string | undefined): SymptomRoute =>
  isSymptomId(symptomId) ? ROUTES[symptomId] : { kind: 'screen', fromQuestion: 1 };

export type SymptomStart =
  | ({ readonly kind: 'screen' } & ScreenStart)
  | {
      readonly kind: 'emergency';
      readonly plan: SpeechPlan;
      readonly outcome: 'emergency';
      readonly endSession: true;
    }
  | { readonly kind: 'pain-check'; readonly plan: SpeechPlan; readonly reprompt: SpeechPlan };

/** One call for SymptomReportIntent: the route, already turned into what to say. */
export const startForSymptom = (symptomId: string | undefined, locale: string | undefined): SymptomStart => {
  const route = symptomToQuestion(symptomId);
  switch (route.kind) {
    case 'emergency':
      return { kind: 'emergency', plan: chestPainPlan(locale), outcome: 'emergency', endSession: true };
    case 'pain-check':
      return { kind: 'pain-check', ...hurtsMidExercise() };
    case 'screen':
      return { kind: 'screen', ...startScreen({ reason: 'symptom', fromQuestion: route.fromQuestion }) };
  }
};
