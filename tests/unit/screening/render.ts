import { translateFor } from '../../../lambda/src/alexa/translate';
import { plainDigits } from '../../../lambda/src/speech';
import { isSay, type Say, type SpeechPlan } from '../../../lambda/src/speech/plan';

/**
 * Renders a plan's words with the real English resources, so tests check what a user
 * would hear; a number said digit by digit shows as its plain digits ("911"). Throws on a
 * key with no text, so a typo in a key cannot pass silently.
 */
export const words = (p: SpeechPlan | undefined, locale = 'en-US'): string => {
  if (!p) return '';
  return sayWords(p.items.filter(isSay), locale);
};

/** The words of i18n keys (a card's lines, say), checked the same way. */
export const sayWords = (items: readonly Say[], locale = 'en-US'): string => {
  const t = translateFor(locale);
  return items
    .map((item) => {
      const text = t(item.say, item.params);
      if (text === item.say || text.includes('{{') || text.includes('[object')) {
        throw new Error(`no text for ${item.say}`);
      }
      return plainDigits(text);
    })
    .join(' ');
};
