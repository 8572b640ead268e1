import { translatorFor } from '../i18n';
import { markDigits } from '../speech/digits';
import type { Translate } from '../speech/plan';

/**
 * The locale's words for a key. List params (`{ list: [...] }`) are translated item by
 * item and joined the way the language joins a list ("a, b, and c"); a digits param
 * (`{ digits: '999' }`) is marked to be said digit by digit (speech/digits.ts).
 */
export const translateFor = (locale: string): Translate => {
  const fixed = translatorFor(locale);
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const t: Translate = (key, params) => {
    const flat: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params ?? {})) {
      flat[name] =
        typeof value !== 'object'
          ? value
          : 'list' in value
            ? lists.format(value.list.map((item) => t(item.say, item.params)))
            : markDigits(value.digits);
    }
    return String(fixed(key, flat));
  };
  return t;
};
