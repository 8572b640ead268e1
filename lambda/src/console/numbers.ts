/**
 * Alexa fills AMAZON.NUMBER slots with digits ("it's a six" → "6"); virtual-alexa passes the
 * words through. The simulated device converts them so the handler sees what a device sends.
 */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The number words zero to twenty, as a user says a pain score. */
export const NUMBER_WORDS: readonly string[] = [...UNITS, ...TEENS, 'twenty'];

export const numberWordsToDigits = (value: string): string => {
  const words = value.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || /^\d+$/.test(value.trim())) return value;
  let total = 0;
  for (const word of words) {
    const unit = UNITS.indexOf(word);
    const teen = TEENS.indexOf(word);
    const ten = TENS.indexOf(word);
    if (unit >= 0) total += unit;
    else if (teen >= 0) total += 10 + teen;
    else if (ten >= 2) total += ten * 10;
    else if (word === 'hundred') total *= 100;
    else return value;
  }
  return String(total);
};
