import i18next, { type i18n, type TFunction } from 'i18next';
import { resources } from './resources';

/**
 * One i18next instance, created once per Lambda container (safe to reuse: it holds only
 * the static resources). `t(locale)` returns a translator fixed to that locale.
 */
const instance: i18n = i18next.createInstance();
void instance.init({
  resources,
  fallbackLng: {
    'en-US': ['en'],
    'en-GB': ['en'],
    'en-CA': ['en'],
    'en-AU': ['en'],
    'en-IN': ['en'],
    default: ['en'],
  },
  supportedLngs: Object.keys(resources),
  nonExplicitSupportedLngs: true,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translator = TFunction;

export const translatorFor = (locale: string): Translator => instance.getFixedT(locale);

/** The locale spoken when a request's own is missing, malformed, or in a language not here. */
export const DEFAULT_LOCALE = 'en-US';

/** True when the words of `locale`'s language are here (else the default's are spoken). */
export const speaksLanguageOf = (locale: string): boolean =>
  Object.prototype.hasOwnProperty.call(resources, locale.split('-')[0] ?? '');
