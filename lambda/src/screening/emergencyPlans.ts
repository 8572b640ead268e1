import { digits, plan, say, type CardPlan, type Say, type SpeechPlan } from '../speech/plan';
import { emergencyContactFor } from './emergencyNumbers';
import type { QuestionNumber } from './questions';

/**
 * The words said when a red flag means "get help now". Every variant names the locale's
 * number (or, when unknown, "your local emergency number"), says it twice and digit by
 * digit (an engine may read "999" as "nine hundred and ninety-nine"), says not to drive,
 * and says plainly that the skill cannot call anyone (Alexa policy: never imply it can
 * help). The same advice goes to a card in the Alexa app, to read once the session is over.
 */

const REASON_KEYS: Readonly<Partial<Record<QuestionNumber, string>>> = {
  1: 'screening.emergency.reason.bladderBowel',
  2: 'screening.emergency.reason.saddleNumbness',
  3: 'screening.emergency.reason.legs',
  4: 'screening.emergency.reason.injury',
};

const reasonOf = (question: QuestionNumber): Say =>
  say(REASON_KEYS[question] ?? 'screening.emergency.reason.general');

/** "Please call 9 1 1, that's 9 1 1, or go to an emergency department now…", or the fallback. */
const callOrGoLine = (locale: string | undefined): Say => {
  const contact = emergencyContactFor(locale);
  return contact
    ? say('screening.emergency.callOrGo', { number: digits(contact.number) })
    : say('screening.emergency.callOrGoLocal');
};

/**
 * An emergency "yes" to a screen question (or a second "not sure", which the coach says
 * it counts as yes): stop at once.
 */
export const emergencyPlan = (
  question: QuestionNumber,
  unsure: boolean,
  locale: string | undefined,
): SpeechPlan =>
  plan(
    unsure ? [say('screening.unsureNoted')] : [],
    reasonOf(question),
    callOrGoLine(locale),
    say('screening.emergency.cantCall'),
  );

/** The card of an emergency answer: the reason and what to do, with the number once, as text. */
export const emergencyCard = (question: QuestionNumber, locale: string | undefined): CardPlan => {
  const contact = emergencyContactFor(locale);
  return {
    title: say('screening.emergency.card.title'),
    text: [
      reasonOf(question),
      contact
        ? say('screening.emergency.card.callOrGo', { number: contact.number })
        : say('screening.emergency.card.callOrGoLocal'),
      say('screening.emergency.card.cantCall'),
    ],
  };
};

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
      ? say('screening.emergency.chestPain.call', { number: digits(contact.number) })
      : say('screening.emergency.chestPain.callLocal'),
    say('screening.emergency.cantCall'),
  );
};

/** The card of a chest pain or breathing emergency. */
export const chestPainCard = (locale: string | undefined): CardPlan => {
  const contact = emergencyContactFor(locale);
  return {
    title: say('screening.emergency.card.title'),
    text: [
      say('screening.emergency.chestPain.reason'),
      contact
        ? say('screening.emergency.card.chestPainCall', { number: contact.number })
        : say('screening.emergency.card.chestPainCallLocal'),
      say('screening.emergency.card.cantCall'),
    ],
  };
};

/**
 * For urgent (not emergency) outcomes: where to turn if it gets worse, and, where the
 * country has one (NHS 111), the advice line; numbers said digit by digit.
 */
export const urgentSafetyNetLines = (locale: string | undefined): Say[] => {
  const contact = emergencyContactFor(locale);
  return [
    ...(contact?.urgentAdvice
      ? [say('screening.urgentAdviceLine', { number: digits(contact.urgentAdvice) })]
      : []),
    contact ? say('screening.ifWorse', { number: digits(contact.number) }) : say('screening.ifWorseLocal'),
  ];
};
