import { spacedDigits } from './digits';
import { estimateSpeechMs } from './estimate';
import { holdCues, MAX_SILENCE_MS, type Cue, type HoldKind } from './holdCues';
import { isHold, isMark, isPause, isSay, type SpeechPlan, type Translate } from './plan';

/** Words to speak and the estimated ms they take. */
export interface TextSegment {
  readonly text: string;
  readonly ms: number;
}

/** Silence of `pause` ms (never more than 10 s, never 0). */
export interface PauseSegment {
  readonly pause: number;
}

export type Segment = TextSegment | PauseSegment;

/**
 * A plan resolved to words and silences with their times, before anything is spoken.
 * Invariants (resolvePlan): no two pauses are adjacent, no pause exceeds 10 s or is 0, and
 * adjacent texts are joined into one segment.
 */
export interface Timeline {
  readonly segments: readonly Segment[];
  /** Estimated length of the whole response, in ms. */
  readonly totalMs: number;
  /** `marks[step]` = ms offset where the plan's `mark(step)` stands (unmarked steps: holes). */
  readonly marks: readonly number[];
}

export type Estimate = (text: string) => number;

export const isTextSegment = (s: Segment): s is TextSegment => 'text' in s;
export const isPauseSegment = (s: Segment): s is PauseSegment => 'pause' in s;

/**
 * Accumulates segments. Silence is kept pending until the next words (or the end) so
 * adjacent pauses merge and a too-long silence can still be turned into a counted rest.
 */
const timelineBuilder = (t: Translate, estimateRaw: Estimate) => {
  // Whole, non-negative ms keep the hold arithmetic exact whatever estimator is injected; a
  // number said digit by digit is timed as the separate digits it is spoken as.
  const estimate = (text: string): number => Math.max(0, Math.round(estimateRaw(spacedDigits(text))));
  const segments: Segment[] = [];
  const marks: number[] = [];
  /** Marks placed right after words: where they fall depends on whether the next words join. */
  let marksAfterText: number[] = [];
  let now = 0; // end of the last segment
  let pending = 0; // silence not yet emitted

  const placeMarksAt = (offset: number): void => {
    for (const step of marksAfterText) marks[step] = offset;
    marksAfterText = [];
  };

  const pause = (ms: number): void => {
    if (!(ms > 0)) return;
    placeMarksAt(now);
    pending += Math.round(ms);
  };

  /** Emits pending silence: one break if it fits, else a counted rest (rest cues + closing). */
  const flush = (canCue: boolean): void => {
    const silence = pending;
    if (silence <= 0) return;
    pending = 0;
    if (silence > MAX_SILENCE_MS && canCue) {
      speakHold(silence, 'rest', false);
      return;
    }
    // Only reachable over 10 s when cue words cannot fit at all; ssml.ts clamps the break.
    segments.push({ pause: silence });
    now += silence;
  };

  const speak = (raw: string, canCue = true): void => {
    const text = raw.trim();
    if (!text) return;
    flush(canCue);
    const last = segments[segments.length - 1];
    if (last && isTextSegment(last)) {
      const start = now - last.ms;
      const joined = `${last.text} ${text}`;
      const ms = estimate(joined);
      placeMarksAt(Math.max(start, start + ms - estimate(text)));
      segments[segments.length - 1] = { text: joined, ms };
      now = start + ms;
      return;
    }
    placeMarksAt(now);
    const ms = estimate(text);
    segments.push({ text, ms });
    now += ms;
  };

  const clock = (): number => now + pending;

  /**
   * Speaks a hold of `ms` from the current clock (pending silence is its lead-in): each cue
   * starts at its scheduled time, the pauses absorbing the cue words, and a cue whose words
   * would run into the next cue is left out rather than letting the hold drift.
   */
  const speakHold = (ms: number, kind: HoldKind, canCue = true): void => {
    if (pending > MAX_SILENCE_MS) flush(canCue);
    const { cues, closing } = holdCues(ms, kind, pending);
    const start = clock();
    const say = (cue: Cue): string => t(cue.key, cue.params);
    cues.forEach((cue, i) => {
      const text = say(cue);
      const at = start + cue.at;
      const nextAt = start + (cues[i + 1]?.at ?? closing.at);
      if (at < clock() || at + estimate(text) > nextAt) return;
      pause(at - clock());
      speak(text, canCue);
    });
    pause(start + closing.at - clock());
    speak(say(closing), canCue);
  };

  const mark = (step: number): void => {
    if (!Number.isInteger(step) || step < 0) return;
    const last = segments[segments.length - 1];
    if (pending === 0 && last && isTextSegment(last)) marksAfterText.push(step);
    else marks[step] = clock();
  };

  const finish = (): Timeline => {
    flush(true);
    placeMarksAt(now);
    return { segments, totalMs: now, marks };
  };

  return { pause, speak, speakHold, mark, finish };
};

/**
 * Resolves a plan into a timeline: translates every key, expands holds into count cues with
 * fitted pauses, merges adjacent pauses, drops empty ones, and speaks any silence longer than
 * 10 s as a counted rest so no `<break>` has to exceed 10 s.
 */
export const resolvePlan = (
  plan: SpeechPlan,
  t: Translate,
  estimate: Estimate = estimateSpeechMs,
): Timeline => {
  const b = timelineBuilder(t, estimate);
  for (const item of plan.items) {
    if (isSay(item)) b.speak(t(item.say, item.params));
    else if (isPause(item)) b.pause(item.pause);
    else if (isHold(item)) {
      if (item.hold > 0) b.speakHold(Math.round(item.hold), item.kind ?? 'hold');
    } else if (isMark(item)) b.mark(item.mark);
  }
  return b.finish();
};
