/**
 * Emergency numbers by the country of the Alexa locale (CONTENT.md). Numbers belong to
 * countries, not languages, so the region decides: en-US, es-US, en-CA, fr-CA, es-MX → 911.
 * A country not in the table gets no number at all, and the wording falls back to "your
 * local emergency number": saying a wrong number in an emergency is worse than saying none.
 */

export interface EmergencyContact {
  /** Digits to call in an emergency, as a string ("000" must keep its zeros). */
  readonly number: string;
  /** A non-emergency medical advice line, where the country has one everyone knows. */
  readonly urgentAdvice?: string;
}

const BY_COUNTRY: Readonly<Record<string, EmergencyContact>> = {
  US: { number: '911' },
  CA: { number: '911' },
  MX: { number: '911' },
  GB: { number: '999', urgentAdvice: '111' },
  AU: { number: '000' },
  IN: { number: '112' },
  DE: { number: '112' },
  ES: { number: '112' },
  FR: { number: '112' },
  IT: { number: '112' },
};

/** The region of a BCP-47-ish locale ("en-GB", "en_gb" → "GB"), if it has one. */
const regionOf = (locale: string | undefined): string | undefined => {
  const parts = (locale ?? '').trim().split(/[-_]/);
  const region = parts.length >= 2 ? parts[parts.length - 1] : undefined;
  return region && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : undefined;
};

/** The contact for a locale, or undefined when we do not know it for sure. */
export const emergencyContactFor = (locale: string | undefined): EmergencyContact | undefined => {
  const region = regionOf(locale);
  return region !== undefined && Object.prototype.hasOwnProperty.call(BY_COUNTRY, region)
    ? BY_COUNTRY[region]
    : undefined;
};
