/**
 * How long a TTS voice takes to say a piece of text, estimated without knowing the language.
 *
 * The estimate is a linear model over counts any script has: letters, words, digits and
 * punctuation pauses. It measures a text as spoken *between two breaks* (the way hold cues
 * are spoken), so a sentence-final mark adds nothing: the engine replaces that pause with
 * the following `<break>`. Punctuation inside the text adds its pause.
 *
 * Calibration (done once, by hand): 47 phrases from this skill (count cues such as "5.",
 * "20 seconds.", "And relax.", and instruction sentences up to 25 words) were rendered with
 * espeak-ng 1.51's default en voice in SSML mode; each phrase's in-context duration was
 * `soxi -D` of `one.<break 1s/>PHRASE<break 1s/>one.` minus that of `one.<break 2s/>one.`.
 * A least-squares fit gave 77 ms + 49 ms/letter + 44 ms/word + 278 ms/comma +
 * 596 ms/sentence stop; the constants below are those, rounded, with a digit counted as 3
 * letters (fitted on the count cues). Result: RMS error 88 ms, worst 227 ms; cues "1."–"50."
 * within ±140 ms. `npm run check:audio` speaks real holds to confirm the sum stays within
 * ±0.3 s of 10/30/60-second targets. Alexa's voices speak at about the same pace: Amazon's
 * Polly documentation shows "Mary had a little lamb," with its last sound at 1082 ms
 * (Joanna); espeak-ng measured 1147 ms and this model says 1180 ms.
 */

/** Fixed cost of starting an utterance. */
const BASE_MS = 80;
/** One letter (or one digit read as a word, see DIGIT_LETTERS). */
const LETTER_MS = 50;
/** Word boundaries cost a little on top of their letters. */
const WORD_MS = 40;
/** A comma-like pause inside the text (, ; : — …). */
const COMMA_MS = 280;
/** A sentence stop inside the text (. ! ? followed by more text). */
const STOP_MS = 600;
/** A digit is said as about three letters ("5" → "five", "20" → "twenty", "10" → "ten"). */
const DIGIT_LETTERS = 3;
/** A Han/kana/Hangul character is a syllable, about as long as a four-letter run. */
const SYLLABIC_LETTERS = 4;

const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER = /\p{L}/gu;
const DIGIT = /\p{Nd}/gu;
const WORD = /[\p{L}\p{Nd}]+(?:['’-][\p{L}\p{Nd}]+)*/gu;
const NUMBER_SEPARATOR = /(\p{Nd})[.,](?=\p{Nd})/gu;
const COMMA = /[,;:，、；：—–…]/gu;
const STOP = /[.!?。！？]+(?=\s*\S)/gu;
/** A trailing run of pause marks and closing quotes/brackets: its pause is the break's job. */
const TRAILING = /[\s.!?。！？,;:，、；：—–…"'”’»)\]]+$/u;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** Estimated milliseconds a TTS voice takes to say `text` (0 for blank text). */
export const estimateSpeechMs = (text: string): number => {
  // Separators inside numbers ("2.5", "1,000") are read as part of the number, not paused on.
  const body = text.replace(TRAILING, '').replace(NUMBER_SEPARATOR, '$1');
  const words = count(body, WORD);
  if (words === 0) return 0;
  const syllabic = count(body, SYLLABIC);
  const letters =
    count(body, LETTER) - syllabic + syllabic * SYLLABIC_LETTERS + count(body, DIGIT) * DIGIT_LETTERS;
  const commas = count(body, COMMA);
  const stops = count(body, STOP);
  return Math.round(BASE_MS + letters * LETTER_MS + words * WORD_MS + commas * COMMA_MS + stops * STOP_MS);
};
