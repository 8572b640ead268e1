/**
 * A SpeechPlan is what the coach wants said, as data: i18n keys and timed silences.
 * Renderers (SSML for Alexa, plain text for the console) turn it into output; the
 * timeline is known before anything is spoken, which is what makes holds truly timed and
 * barge-in positions computable.
 */

/**
 * Interpolation values for an i18n key. Numbers stay numbers so renderers can localise
 * them; a list of phrases is joined by the renderer in the user's language ("a, b, and c").
 */
export type Params = Readonly<Record<string, string | number | ListParam | DigitsParam>>;

export interface ListParam {
  readonly list: readonly Say[];
}

/**
 * A number read digit by digit (an emergency number: "999" is "nine nine nine"); the SSML
 * renderer says it with `<say-as interpret-as="digits">`. A string, so "000" keeps its zeros.
 */
export interface DigitsParam {
  readonly digits: string;
}

/** Speak the text of an i18n key. */
export interface Say {
  readonly say: string;
  readonly params?: Params;
}

/** Exact silence, in milliseconds (the renderer splits or merges as SSML requires). */
export interface Pause {
  readonly pause: number;
}

/**
 * A timed hold (or rest) of `hold` ms, counted out loud: the renderer adds count cues at
 * most 10 s apart ("twenty seconds… ten… five, four, three, two, one") and subtracts the
 * time the cue words take from the pauses, so the whole item lasts `hold` ms.
 */
export interface Hold {
  readonly hold: number;
  /** `rest` uses the rest wording for cues; default is a hold. */
  readonly kind?: 'hold' | 'rest';
}

/** A position marker: the step index of the block that starts here (for barge-in). */
export interface Mark {
  readonly mark: number;
}

export type SpeechItem = Say | Pause | Hold | Mark;

export interface SpeechPlan {
  readonly items: readonly SpeechItem[];
}

export const isSay = (i: SpeechItem): i is Say => 'say' in i;
export const isPause = (i: SpeechItem): i is Pause => 'pause' in i;
export const isHold = (i: SpeechItem): i is Hold => 'hold' in i;
export const isMark = (i: SpeechItem): i is Mark => 'mark' in i;

/** Builds a plan from items, dropping nothing: small helper so the core reads as a script. */
export const plan = (...items: (SpeechItem | readonly SpeechItem[])[]): SpeechPlan => ({
  items: items.flat() as SpeechItem[],
});

export const listOf = (items: readonly Say[]): ListParam => ({ list: items });
export const digits = (value: string): DigitsParam => ({ digits: value });

/**
 * A card in the Alexa app (a Simple card): a title and lines of plain text, as i18n keys.
 * Renderers join the lines; digit params are shown as a plain number.
 */
export interface CardPlan {
  readonly title: Say;
  readonly text: readonly Say[];
}

export const say = (key: string, params?: Params): Say => (params ? { say: key, params } : { say: key });
export const pause = (ms: number): Pause => ({ pause: ms });
export const hold = (ms: number, kind: 'hold' | 'rest' = 'hold'): Hold => ({ hold: ms, kind });
export const mark = (step: number): Mark => ({ mark: step });

/** Translates an i18n key with params into the words to speak (i18next `t`, injected). */
export type Translate = (key: string, params?: Params) => string;
