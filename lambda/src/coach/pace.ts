import type { PaceId } from './ids';

/** Pace scales holds and rests; the counting words keep their natural speed. */
export const PACE_FACTOR: Readonly<Record<PaceId, number>> = { slower: 1.5, normal: 1, faster: 0.75 };

export const scaled = (ms: number, pace: PaceId): number => Math.round(ms * PACE_FACTOR[pace]);
