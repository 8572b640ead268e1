import { dayInZone, type Day } from './days';

/** An instant and the user's calendar day at that instant: what every change is stamped with. */
export interface Moment {
  readonly at: number;
  readonly day: Day;
}

export const momentIn = (epochMs: number, timeZone: string | undefined): Moment => ({
  at: epochMs,
  day: dayInZone(epochMs, timeZone),
});
