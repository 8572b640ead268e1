import type { RequestEnvelope } from 'ask-sdk-model';
import { DEFAULT_LOCALE, speaksLanguageOf } from '../i18n';

/**
 * Facts read from a request that the rest of the skill relies on, made safe: Alexa sends
 * well-formed values, but nothing here may throw or mislead when one is not.
 */

/**
 * The request's locale as language and region in canonical form ("en_gb" → "en-GB",
 * "en-US-x-private" → "en-US"), or undefined when it is missing or malformed. Emergency
 * numbers follow its region, so it is never guessed.
 */
export const requestLocale = (envelope: RequestEnvelope | unknown): string | undefined => {
  const raw: unknown = (envelope as { request?: { locale?: unknown } } | null | undefined)?.request?.locale;
  if (typeof raw !== 'string' || raw.length > 35) return undefined;
  try {
    const locale = new Intl.Locale(raw.replace(/_/g, '-'));
    return locale.region ? `${locale.language}-${locale.region}` : locale.language;
  } catch {
    return undefined;
  }
};

/** The locale whose words are spoken: the request's own when its language is here, else the default. */
export const speechLocale = (locale: string | undefined): string =>
  locale !== undefined && speaksLanguageOf(locale) ? locale : DEFAULT_LOCALE;

/** Earliest and latest instants a real request can carry (Alexa skills began in 2014). */
const EARLIEST = Date.UTC(2014, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/**
 * The request's own timestamp (epoch ms), the clock that barge-in positions are measured
 * with; the fallback clock when it is missing or impossible.
 */
export const requestTime = (envelope: RequestEnvelope, fallback: () => number): number => {
  const raw: unknown = (envelope.request as { timestamp?: unknown } | undefined)?.timestamp;
  const stamp = typeof raw === 'string' ? Date.parse(raw) : NaN;
  return stamp >= EARLIEST && stamp < LATEST ? stamp : fallback();
};

/** The Alexa user id, or undefined when the envelope carries none (getUserId would throw). */
export const userIdOf = (envelope: RequestEnvelope): string | undefined => {
  const id: unknown = (envelope.context as { System?: { user?: { userId?: unknown } | null } } | undefined)
    ?.System?.user?.userId;
  return typeof id === 'string' && id !== '' ? id : undefined;
};
