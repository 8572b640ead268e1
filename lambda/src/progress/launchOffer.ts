import type { ExerciseId, RoutineId } from '../coach/ids';
import type { Day } from './days';
import { levelUpCandidate, type LevelUpOffer, type MaxLevel } from './levels';
import type { Profile } from './profile';
import { sixWeekCheckDue } from './summary';

/** An unfinished routine is offered back for this long. */
export const RESUME_WINDOW_MS = 24 * 3_600_000;

/** The one question a launch may ask after the welcome: most important first. */
export type LaunchOffer =
  | { readonly kind: 'sixWeek' }
  | {
      readonly kind: 'resume';
      readonly routine: RoutineId;
      readonly blockIndex: number;
      readonly exerciseId: ExerciseId;
    }
  | { readonly kind: 'levelUp'; readonly offer: LevelUpOffer };

export const launchOffer = (
  profile: Profile | undefined,
  today: Day,
  now: number,
  maxLevel: MaxLevel,
): LaunchOffer | undefined => {
  if (!profile) return undefined;
  // Asked once, six weeks after first use (CONTENT.md): a health question outranks progress.
  if (sixWeekCheckDue(profile, today)) return { kind: 'sixWeek' };
  const resume = profile.resume;
  // A little clock skew between devices (or a simulated clock) must not hide the offer.
  if (resume && now - resume.at < RESUME_WINDOW_MS) {
    return {
      kind: 'resume',
      routine: resume.routine,
      blockIndex: resume.blockIndex,
      exerciseId: resume.exerciseId,
    };
  }
  const offer = levelUpCandidate(profile, now, maxLevel);
  return offer ? { kind: 'levelUp', offer } : undefined;
};
