import { PACE_IDS, type PaceId } from './ids';

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

/**
 * The pace after a request, one step at a time along slower ↔ normal ↔ faster: "faster"
 * when slower gives normal, "slower" when faster gives normal; "normal speed" is always
 * normal. At either end the pace stays where it is.
 */
export const stepPace = (current: PaceId, requested: PaceId): PaceId => {
  if (requested === 'normal') return 'normal';
  const at = PACE_IDS.indexOf(current);
  const to = requested === 'faster' ? at + 1 : at - 1;
  return PACE_IDS[Math.max(0, Math.min(PACE_IDS.length - 1, to))] ?? current;
};

/**
 * The i18n key acknowledging a pace request: the resulting pace ("Back to normal speed."),
 * or, when a step was asked for past either end, that it is already there.
 */
export const paceAckKey = (current: PaceId, requested: PaceId): string => {
  const next = stepPace(current, requested);
  return requested !== 'normal' && next === current ? `coach.pace.already.${next}` : `coach.pace.${next}`;
};
