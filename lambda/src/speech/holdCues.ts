import type { Params } from './plan';

/**
 * The count cues of a timed hold, as data: which i18n key to say and when it should start,
 * in ms from the start of the hold. No words and no durations here: the timeline fits the
 * pauses around the translated cues (timeline.ts).
 *
 * Schedule for a hold of N ms:
 * - remaining-time cues at every whole multiple of 10 s strictly below N ("20 seconds.",
 *   then the short form "10."), each said when that much time is left;
 * - a countdown "5." … "1." in the last five seconds, one per second (holds of 5 s or more);
 * - the closing cue ("And relax." / "Time's up.") exactly at N.
 * So no silence inside the hold exceeds 10 s. Holds shorter than 5 s are silent until the
 * closing cue: a countdown would start the instant the hold does, over the instruction.
 *
 * `leadInMs` is silence already pending before the hold (a Pause just before it). When the
 * lead-in plus the silence before the first cue would exceed 10 s, one extra remaining-time
 * cue is added early enough, on a 5-second grid ("25 seconds."), or at the hold's start.
 */

export type HoldKind = 'hold' | 'rest';

/** One cue: say `key` (with `params`) starting `at` ms after the hold starts. */
export interface Cue {
  readonly key: string;
  readonly params?: Params;
  readonly at: number;
}

export interface HoldCues {
  /** Count cues in time order, all strictly before `closing.at`. */
  readonly cues: readonly Cue[];
  /** Said when the time is up: `closing.at` is the hold's length. */
  readonly closing: Cue;
}

/** No silence may be longer than this: it is also Alexa's longest `<break>`. */
export const MAX_SILENCE_MS = 10_000;
const REMAINING_STEP_MS = 10_000;
const LEAD_IN_GRID_MS = 5_000;
const COUNTDOWN_FROM = 5;
const SECOND_MS = 1_000;

const keys = (kind: HoldKind) => ({
  remaining: `speech.${kind}.remaining`,
  remainingShort: `speech.${kind}.remainingShort`,
  countdown: 'speech.countdown',
  done: `speech.${kind}.done`,
});

/** Remaining-time marks (ms left) at multiples of 10 s below the hold length, longest first. */
const remainingMarks = (ms: number): number[] => {
  const marks: number[] = [];
  for (
    let left = Math.floor((ms - 1) / REMAINING_STEP_MS) * REMAINING_STEP_MS;
    left >= REMAINING_STEP_MS;
    left -= REMAINING_STEP_MS
  ) {
    marks.push(left);
  }
  return marks;
};

/** The extra remaining-time mark (ms left) needed so the lead-in silence stays ≤ 10 s, if any. */
const leadInMark = (ms: number, leadInMs: number, firstAt: number): number | undefined => {
  if (leadInMs + firstAt <= MAX_SILENCE_MS) return undefined;
  const leastLeft = ms - (MAX_SILENCE_MS - leadInMs);
  const onGrid = Math.ceil(leastLeft / LEAD_IN_GRID_MS) * LEAD_IN_GRID_MS;
  if (onGrid <= ms) return onGrid;
  // Off the grid: speak at the hold's start, rounding the time left down to whole seconds.
  const wholeSeconds = Math.floor(ms / SECOND_MS) * SECOND_MS;
  return wholeSeconds >= SECOND_MS ? ms : undefined;
};

/** The cue schedule of a hold (or rest) lasting `ms`, after `leadInMs` of silence. */
export const holdCues = (ms: number, kind: HoldKind = 'hold', leadInMs = 0): HoldCues => {
  const length = Math.max(0, Math.round(ms));
  const k = keys(kind);
  const left = remainingMarks(length);
  const countdown: Cue[] = [];
  if (length >= COUNTDOWN_FROM * SECOND_MS) {
    for (let n = COUNTDOWN_FROM; n >= 1; n -= 1) {
      countdown.push({ key: k.countdown, params: { count: n }, at: length - n * SECOND_MS });
    }
  }
  const firstAt = left[0] !== undefined ? length - left[0] : (countdown[0]?.at ?? length);
  const extra = leadInMark(length, Math.max(0, leadInMs), firstAt);
  const allLeft = extra !== undefined ? [extra, ...left] : left;
  const remaining = allLeft.map((l, i): Cue => ({
    // The first cue names the unit ("20 seconds."), later ones just the number ("10.").
    key: i === 0 ? k.remaining : k.remainingShort,
    params: { count: Math.floor(l / SECOND_MS) },
    at: length - l,
  }));
  return { cues: [...remaining, ...countdown], closing: { key: k.done, at: length } };
};
