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
