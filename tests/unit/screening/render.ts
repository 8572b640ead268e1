import { translatorFor } from '../../../lambda/src/i18n';
import { isSay, type SpeechPlan } from '../../../lambda/src/speech/plan';

/**
 * Renders a plan's words with the real English resources, so tests check what a user
 * would hear. Throws on a key with no text, so a typo in a key cannot pass silently.
 */
export const words = (p: SpeechPlan | undefined, locale = 'en-US'): string => {
  if (!p) return '';
  const t = translatorFor(locale);
  return p.items
    .filter(isSay)
    .map((item) => {
      const text = t(item.say, item.params as Record<string, unknown>);
      if (typeof text !== 'string' || text === item.say || text.includes('{{')) {
        throw new Error(`no text for ${item.say}`);
      }
      return text;
    })
    .join(' ');
};
