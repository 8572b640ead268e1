import type { ExerciseId } from '../../../lambda/src/coach/ids';
import {
  DECLINE_QUIET_MS,
  declineLevel,
  levelUpCandidate,
  raiseLevel,
  setLevel,
  type Profile,
} from '../../../lambda/src/progress';
import { apply, done, hurt, must, on } from './fixtures';

const maxLevel = (): number => 2;
/** `n` clean sessions an hour apart from `day` 12:00 UTC. */
const cleanSessions = (
  n: number,
  exercise: ExerciseId = 'bridge',
  level = 0,
  profile?: Profile,
  day = '2026-03-10',
): Profile => {
  let p = profile;
  for (let i = 0; i < n; i++) p = apply(p, done(on(day, i * 60), `s${level}-${day}-${i}`, exercise, level));
  return p as Profile;
};
const later = on('2026-03-11');

describe('levelUpCandidate', () => {
  it('offers a harder level after three clean sessions at the current one', () => {
    expect(levelUpCandidate(cleanSessions(2), later.at, maxLevel)).toBeUndefined();
    expect(levelUpCandidate(cleanSessions(3), later.at, maxLevel)).toEqual({
      exercise: 'bridge',
      from: 0,
      to: 1,
    });
  });

  it('counts sessions, not repeats within one session', () => {
    let p: Profile | undefined;
    for (let i = 0; i < 3; i++) p = apply(p, done(on('2026-03-10', i), 'same-session'));
    expect(levelUpCandidate(p, later.at, maxLevel)).toBeUndefined();
  });

  it('does not count a session in which the exercise was stopped for pain, and starts the count over', () => {
    let p = cleanSessions(2);
    p = apply(p, hurt(on('2026-03-10', 500), 'sore-session'));
    p = apply(p, done(on('2026-03-10', 600), 'next-session'));
    expect(levelUpCandidate(p, later.at, maxLevel)).toBeUndefined();
    p = cleanSessions(2, 'bridge', 0, p, '2026-03-11');
    expect(levelUpCandidate(p, later.at, maxLevel)?.exercise).toBe('bridge');
  });

  it('stays quiet for a week after the user declines, then asks again', () => {
    const p = apply(cleanSessions(3), declineLevel(later, 'bridge'));
    expect(levelUpCandidate(p, later.at + DECLINE_QUIET_MS - 1, maxLevel)).toBeUndefined();
    expect(levelUpCandidate(p, later.at + DECLINE_QUIET_MS, maxLevel)?.exercise).toBe('bridge');
  });

  it('counts again from zero at the new level once raised', () => {
    const offer = must(levelUpCandidate(cleanSessions(3), later.at, maxLevel));
    let p = apply(cleanSessions(3), raiseLevel(later, offer));
    expect(p.exerciseLevels.bridge?.level).toBe(1);
    expect(levelUpCandidate(p, later.at, maxLevel)).toBeUndefined();
    // Sessions recorded at the old level (another device, late) do not count for the new one.
    p = apply(p, done(on('2026-03-11', 10), 'old-level', 'bridge', 0));
    expect(levelUpCandidate(p, later.at, maxLevel)).toBeUndefined();
    p = cleanSessions(3, 'bridge', 1, p, '2026-03-12');
    expect(levelUpCandidate(p, later.at, maxLevel)).toEqual({ exercise: 'bridge', from: 1, to: 2 });
  });

  it('offers nothing beyond an exercise’s top level', () => {
    const p = cleanSessions(3, 'bridge', 2, apply(undefined, setLevel(on('2026-03-01'), 'bridge', 2)));
    expect(levelUpCandidate(p, later.at, maxLevel)).toBeUndefined();
  });

  it('looks only among the exercises it is asked about', () => {
    const p = cleanSessions(3, 'clamshell');
    expect(levelUpCandidate(p, later.at, maxLevel, ['bridge'])).toBeUndefined();
    expect(levelUpCandidate(p, later.at, maxLevel, ['bridge', 'clamshell'])?.exercise).toBe('clamshell');
  });

  it('takes the newest level when two devices change it', () => {
    const p = apply(
      apply(undefined, setLevel(on('2026-03-10', 10), 'bridge', 2)),
      setLevel(on('2026-03-10', 0), 'bridge', 1),
    );
    expect(p.exerciseLevels.bridge?.level).toBe(2);
  });
});
