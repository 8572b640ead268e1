import { EXERCISE_IDS, type ExerciseId } from '../coach/ids';
import type { ProgressChange } from './delta';
import type { Moment } from './moment';
import { cleanSessionsOf } from './practice';
import { storedLevel, type Profile } from './profile';

/** Clean sessions at a level before a harder one is offered (spoken via `common.numberWords`). */
export const CLEAN_SESSIONS_FOR_LEVEL_UP = 3;
/** After a "no thanks", the offer waits this long. */
export const DECLINE_QUIET_MS = 7 * 86_400_000;

export interface LevelUpOffer {
  readonly exercise: ExerciseId;
  readonly from: number;
  readonly to: number;
}

/** Highest level index for an exercise (from the catalog: its level list's length - 1). */
export type MaxLevel = (id: ExerciseId) => number;

/**
 * The exercise to offer a harder level for, if any: completed at its current level in
 * CLEAN_SESSIONS_FOR_LEVEL_UP separate sessions without a stop for pain, not already at
 * its top level, and not declined within the last week. `among` limits the choice (e.g.
 * to the exercises just done); the first in that order wins.
 */
export const levelUpCandidate = (
  profile: Profile | undefined,
  now: number,
  maxLevel: MaxLevel,
  among: readonly ExerciseId[] = EXERCISE_IDS,
): LevelUpOffer | undefined => {
  if (!profile) return undefined;
  for (const exercise of among) {
    const level = storedLevel(profile, exercise);
    const declinedAt = profile.levelOfferDeclinedAt[exercise];
    const ready = cleanSessionsOf(profile.practice[exercise], level).length >= CLEAN_SESSIONS_FOR_LEVEL_UP;
    const quiet = declinedAt !== undefined && now - declinedAt < DECLINE_QUIET_MS;
    if (ready && !quiet && level < maxLevel(exercise)) return { exercise, from: level, to: level + 1 };
  }
  return undefined;
};

/** Sets an exercise's level (clean sessions then count afresh at the new level). */
export const setLevel = (now: Moment, exercise: ExerciseId, level: number): ProgressChange => ({
  at: now.at,
  day: now.day,
  levels: { [exercise]: { level: Math.max(0, Math.floor(level)), updatedAt: now.at } },
});

/** The user accepted the offer. */
export const raiseLevel = (now: Moment, offer: LevelUpOffer): ProgressChange =>
  setLevel(now, offer.exercise, offer.to);

/** The user said no: the offer stays quiet for DECLINE_QUIET_MS. */
export const declineLevel = (now: Moment, exercise: ExerciseId): ProgressChange => ({
  at: now.at,
  day: now.day,
  declinedAt: { [exercise]: now.at },
});
