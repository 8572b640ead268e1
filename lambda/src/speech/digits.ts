/**
 * A number to be read digit by digit ("999" → "nine nine nine", never "nine hundred and
 * ninety-nine"), carried through translated text between two private-use characters, so
 * the words around it stay ordinary text. The renderers turn a run into SSML
 * `<say-as interpret-as="digits">`, the console into "9 9 9", a card into plain "999";
 * the speech estimate times it as separate spoken digits.
 */

const OPEN = '\uE000';
const CLOSE = '\uE001';
const RUN = /\uE000([^\uE000\uE001]*)\uE001/g;
const STRAY = /[\uE000\uE001]/g;

/** The digits of `value` (anything else dropped), marked to be read one by one. */
export const markDigits = (value: string): string => `${OPEN}${value.replace(/\D/g, '')}${CLOSE}`;

export type DigitsPart = { readonly text: string } | { readonly digits: string };

/** Text split into plain parts and digit runs, in order (empty parts left out). */
export const splitDigits = (text: string): DigitsPart[] => {
  const parts: DigitsPart[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    const before = text.slice(at, m.index).replace(STRAY, '');
    if (before) parts.push({ text: before });
    const digits = (m[1] ?? '').replace(/\D/g, '');
    if (digits) parts.push({ digits });
    at = (m.index ?? 0) + m[0].length;
  }
  const rest = text.slice(at).replace(STRAY, '');
  if (rest) parts.push({ text: rest });
  return parts;
};

/** Digit runs as spaced digits ("9 9 9"): how they sound, for the console and the estimate. */
export const spacedDigits = (text: string): string =>
  splitDigits(text)
    .map((p) => ('text' in p ? p.text : p.digits.split('').join(' ')))
    .join('');

/** Digit runs as a plain number ("999"), for text that is read, such as a card. */
export const plainDigits = (text: string): string =>
  splitDigits(text)
    .map((p) => ('text' in p ? p.text : p.digits))
    .join('');
