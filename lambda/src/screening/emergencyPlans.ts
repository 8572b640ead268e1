import { plan, say, type Say, type SpeechPlan } from '../speech/plan';
import { emergencyContactFor } from './emergencyNumbers';
import type { QuestionNumber } from './questions';

/**
 * The words said when a red flag means "get help now". Every variant names the locale's
 * number (or, when unknown, "your local emergency number"), says not to drive, and says
 * plainly that the skill cannot call anyone (Alexa policy: never imply it can help).
 */

const REASON_KEYS: Readonly<Partial<Record<QuestionNumber, string>>> = {
  1: 'screening.emergency.reason.bladderBowel',
  2: 'screening.emergency.reason.saddleNumbness',
  3: 'screening.emergency.reason.legs',
  4: 'screening.emergency.reason.injury',
};

/** "Please call 911 or go to an emergency department now…", or the careful fallback. */
const callOrGoLine = (locale: string | undefined): Say => {
  const contact = emergencyContactFor(locale);
  return contact
    ? say('screening.emergency.callOrGo', { number: contact.number })
    : say('screening.emergency.callOrGoLocal');
};

/** An emergency "yes" (or "not sure") to a screen question: stop at once. */
export const emergencyPlan = (
  question: QuestionNumber,
  unsure: boolean,
  locale: string | undefined,
): SpeechPlan =>
  plan(
    say(REASON_KEYS[question] ?? 'screening.emergency.reason.general'),
    unsure ? [say('screening.emergency.unsure')] : [],
    callOrGoLine(locale),
    say('screening.emergency.cantCall'),
  );

/**
 * Chest pain is not one of the back red flags, but it can be a heart problem: the careful
 * answer is to send for help straight away, without a screen and without "or go to A&E"
 * (someone with chest pain should be brought help, not travel).
 */
export const chestPainPlan = (locale: string | undefined): SpeechPlan => {
  const contact = emergencyContactFor(locale);
  return plan(
    say('screening.emergency.chestPain.reason'),
    contact
      ? say('screening.emergency.chestPain.call', { number: contact.number })
      : say('screening.emergency.chestPain.callLocal'),
    say('screening.emergency.cantCall'),
  );
};

/**
 * For urgent (not emergency) outcomes: where to turn if it gets worse, and, where the
 * country has one (NHS 111), the advice line.
 */
export const urgentSafetyNetLines = (locale: string | undefined): Say[] => {
  const contact = emergencyContactFor(locale);
  return [
    ...(contact?.urgentAdvice ? [say('screening.urgentAdviceLine', { number: contact.urgentAdvice })] : []),
    contact ? say('screening.ifWorse', { number: contact.number }) : say('screening.ifWorseLocal'),
  ];
};
