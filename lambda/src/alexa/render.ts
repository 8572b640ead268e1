import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Measured } from '../coach/engine';
import type { Reply } from '../conversation/reply';
import { fitTimeline, plainDigits, resolvePlan, toSsml } from '../speech';
import { say, type Say, type SpeechItem, type Translate } from '../speech/plan';

/** SSML for Alexa; a plan too long for Alexa's 8000 characters is cut between whole phrases. */
export const ssmlOf = (items: readonly SpeechItem[], t: Translate): string =>
  toSsml(fitTimeline(resolvePlan({ items }, t)).timeline);

/** Times speech as it will be spoken, for the routine engine's barge-in positions. */
export const measurer =
  (t: Translate) =>
  (items: readonly SpeechItem[]): Measured => {
    const timeline = resolvePlan({ items }, t);
    return { marks: timeline.marks, totalMs: timeline.totalMs };
  };

/** Plain text for a card: the lines joined, digit runs as a plain number ("999"). */
export const plainTextOf = (items: readonly Say[], t: Translate): string =>
  items
    .map((item) => plainDigits(t(item.say, item.params)).trim())
    .filter((line) => line.length > 0)
    .join(' ');

/**
 * Renders a Reply into an Alexa response. A reply without `end` keeps the session open
 * with its reprompt, so the user can barge in while it is spoken. A reply's card becomes a
 * Simple card in the Alexa app.
 */
export const render = (input: HandlerInput, t: Translate, reply: Reply): Response => {
  const builder = input.responseBuilder;
  if (reply.speech.length > 0) builder.speak(ssmlOf(reply.speech, t));
  if (reply.card) builder.withSimpleCard(plainTextOf([reply.card.title], t), plainTextOf(reply.card.text, t));
  if (reply.end) return builder.withShouldEndSession(true).getResponse();
  const reprompt = reply.reprompt ?? [say('common.reprompt')];
  return builder.reprompt(ssmlOf(reprompt, t)).withShouldEndSession(false).getResponse();
};
