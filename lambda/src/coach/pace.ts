import type { PaceId } from './ids';

/**
 * Pace changes the tempo of moving parts and rests, never a stated hold or stretch time
 * (CONTENT.md: "a 30 s stretch lasts 30 s at every pace"). The counting words keep their
 * natural speed.
 */
export const PACE_FACTOR: Readonly<Record<PaceId, number>> = { slower: 1.5, normal: 1, faster: 0.75 };

/** A moving part or a rest (the return after a rep, the gap before the next): follows the pace. */
export const scaled = (ms: number, pace: PaceId): number => Math.round(ms * PACE_FACTOR[pace]);

/**
 * Rep holds up to this long are mostly the movement itself (lift, touch the top, come
 * down), so they follow the pace; longer ones are a stated hold ("hold 5 s") and never do.
 */
export const SHORT_REP_PAUSE_MAX_MS = 3000;

/** The pause at the top of a rep at `pace`: short ones scale, a stated hold keeps its length. */
export const repHoldMs = (ms: number, pace: PaceId): number =>
  ms <= SHORT_REP_PAUSE_MAX_MS ? scaled(ms, pace) : Math.round(ms);

/** A stretch hold, or any counted hold: never changed by the pace. */
export const stretchHoldMs = (ms: number, _pace?: PaceId): number => Math.round(ms);
