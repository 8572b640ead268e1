import type { CardPlan, SpeechPlan } from '../speech/plan';
import { chestPainCard, chestPainPlan } from './emergencyPlans';
import { startScreen, type ScreenStart } from './screen';
import type { QuestionNumber } from './questions';

/**
 * Where a reported symptom leads (SymptomReportIntent slot ids). Leg symptoms, sharp pain
 * and pain down a leg start at question 3 (legs); every screen still asks all 9 questions.
 * During the screen a symptom is the answer to the question it belongs to (`answersQuestion`).
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
  'breathing',
  'sharp-pain',
  'leg-pain',
] as const;
export type SymptomId = (typeof SYMPTOM_IDS)[number];

export type SymptomRoute =
  /** Run the screen, starting at this question. */
  | { readonly kind: 'screen'; readonly fromQuestion: QuestionNumber }
  /** Not a back red flag but possibly the heart or lungs: send for help now, no questions. */
  | { readonly kind: 'emergency' };

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
  'chest-pain': { kind: 'emergency' },
  breathing: { kind: 'emergency' },
};

/**
 * The questions a symptom is a yes to, the one it belongs to first (tingling is also a yes
 * to the question about tingling between the legs, when that is the one asked). Sharp pain
 * and pain down a leg answer none: they are not red flags by themselves, so they start the
 * screen at the leg question instead. Chest pain and breathing are emergencies of their own.
 */
const ANSWERS: Readonly<Record<SymptomId, readonly QuestionNumber[]>> = {
  bladder: [1],
  bowel: [1],
  'saddle-numbness': [2],
  'leg-numbness': [3],
  tingling: [3, 2],
  'weak-legs': [3],
  'cant-walk': [3],
  'sharp-pain': [],
  'leg-pain': [],
  fall: [4],
  fever: [5],
  'chest-pain': [],
  breathing: [],
};

/**
 * The question a symptom said during the screen answers "yes": the one being asked when
 * the symptom belongs to it, else the one it belongs to; undefined when it answers none.
 */
export const answersQuestion = (symptom: SymptomId, asked: QuestionNumber): QuestionNumber | undefined => {
  const questions = ANSWERS[symptom];
  return questions.includes(asked) ? asked : questions[0];
};

export const isSymptomId = (v: unknown): v is SymptomId => SYMPTOM_IDS.includes(v as SymptomId);

export const symptomRoute = (symptom: SymptomId): SymptomRoute => ROUTES[symptom];

export type SymptomStart =
  | ({ readonly kind: 'screen' } & ScreenStart)
  | {
      readonly kind: 'emergency';
      readonly plan: SpeechPlan;
      readonly card: CardPlan;
      readonly outcome: 'emergency';
      readonly endSession: true;
    };

/**
 * A resolved symptom word: the route, already turned into what to say. (A word Alexa could
 * not resolve is first asked about, in the conversation, before any screen starts.)
 */
export const startForSymptom = (symptom: SymptomId, locale: string | undefined): SymptomStart => {
  const route = symptomRoute(symptom);
  switch (route.kind) {
    case 'emergency':
      return {
        kind: 'emergency',
        plan: chestPainPlan(locale),
        card: chestPainCard(locale),
        outcome: 'emergency',
        endSession: true,
      };
    case 'screen':
      return { kind: 'screen', ...startScreen({ reason: 'symptom', fromQuestion: route.fromQuestion }) };
  }
};
