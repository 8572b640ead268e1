import {
  ACTIVE_DAYS_KEPT,
  addDays,
  addToPending,
  applyDelta,
  applyDeltas,
  cleanSessionsOf,
  disclaimerHeard,
  markSent,
  mergeDeltas,
  paceChanged,
  readProfile,
  resumeChanged,
  screenCleared,
  type ProgressDelta,
} from '../../../lambda/src/progress';
import { activeOn, apply, done, hurt, must, on } from './fixtures';

const asDelta = (id: string, change: Omit<ProgressDelta, 'id'>): ProgressDelta => ({ ...change, id });

describe('applyDelta', () => {
  it('starts a new profile on the day of its first change', () => {
    const p = apply(undefined, done(on('2026-03-10'), 's1'));
    expect(p.firstUseDay).toBe('2026-03-10');
    expect(p.sessionsTotal).toBe(1);
    expect(p.secondsTotal).toBe(120);
    expect(p.exerciseCounts).toEqual({ bridge: 1 });
    expect(p.activeDays).toEqual(['2026-03-10']);
    expect(p.days['2026-03-10']).toEqual({ sessions: 1, seconds: 120 });
  });

  it('counts a session once however many exercises it had', () => {
    let p = apply(undefined, done(on('2026-03-10'), 's1', 'bridge'));
    p = apply(p, done(on('2026-03-10', 5), 's1', 'clamshell'));
    p = apply(p, done(on('2026-03-10', 60), 's2', 'bridge'));
    expect(p.sessionsTotal).toBe(2);
    expect(p.exerciseCounts).toEqual({ bridge: 2, clamshell: 1 });
    expect(p.secondsTotal).toBe(360);
  });

  it('changes nothing when the same delta arrives twice', () => {
    const delta = asDelta('d1', done(on('2026-03-10'), 's1'));
    const once = applyDelta(undefined, delta);
    expect(applyDelta(once, delta)).toBe(once);
  });

  it('lets the newest pace win, whatever order the devices write in', () => {
    const early = paceChanged(on('2026-03-10', 0), 'slower');
    const late = paceChanged(on('2026-03-10', 5), 'faster');
    expect(apply(apply(undefined, early), late).pace?.value).toBe('faster');
    expect(apply(apply(undefined, late), early).pace?.value).toBe('faster');
  });

  it('keeps the latest clear safety-check date and never goes back', () => {
    const p = apply(apply(undefined, screenCleared(on('2026-03-10'))), screenCleared(on('2026-03-02')));
    expect(p.lastClearScreenDay).toBe('2026-03-10');
  });

  it('does not bring back a resume point another device already cleared', () => {
    const point = {
      routine: 'strength',
      blockIndex: 3,
      exerciseId: 'bridge',
      at: on('2026-03-10').at,
    } as const;
    const set = resumeChanged(on('2026-03-10', 0), point);
    const cleared = resumeChanged(on('2026-03-10', 10), null);
    expect(apply(apply(undefined, cleared), set).resume).toBeNull();
    expect(apply(apply(undefined, set), cleared).resume).toBeNull();
    expect(apply(undefined, set).resume).toEqual(point);
  });

  it('remembers that the disclaimer was heard for good', () => {
    const p = apply(undefined, disclaimerHeard(on('2026-03-10')));
    expect(apply(p, paceChanged(on('2026-03-11'), 'normal')).disclaimerHeard).toBe(true);
  });

  it('keeps the firstUseDay of the earliest change', () => {
    const p = apply(apply(undefined, done(on('2026-03-10'), 's2')), done(on('2026-03-08'), 's1'));
    expect(p.firstUseDay).toBe('2026-03-08');
  });

  it('gives the same result in either order for two devices’ sessions', () => {
    const a = asDelta('a', done(on('2026-03-10'), 'sa', 'bridge'));
    const b = asDelta('b', done(on('2026-03-11'), 'sb', 'clamshell'));
    const ab = applyDeltas(undefined, [a, b]);
    const ba = applyDeltas(undefined, [b, a]);
    const { applied: _x, ...abRest } = must(ab);
    const { applied: _y, ...baRest } = must(ba);
    expect({ ...abRest, recentSessions: [...abRest.recentSessions].sort() }).toEqual({
      ...baRest,
      recentSessions: [...baRest.recentSessions].sort(),
    });
  });

  it('trims old active days but keeps the best streak they made', () => {
    const start = '2024-01-01';
    let p = activeOn([0, 1, 2, 3, 4].map((n) => addDays(start, n)));
    p = activeOn([addDays(start, ACTIVE_DAYS_KEPT + 30)], p);
    expect(p.activeDays).toHaveLength(1);
    expect(p.bestStreak).toBe(5);
    expect(Object.keys(p.days)).toEqual([addDays(start, ACTIVE_DAYS_KEPT + 30)]);
    expect(p.sessionsTotal).toBe(6);
  });
});

describe('mergeDeltas', () => {
  it('is the same as applying both changes one after the other', () => {
    const first = done(on('2026-03-10'), 's1', 'bridge');
    const second = paceChanged(on('2026-03-10', 3), 'slower');
    const third = done(on('2026-03-10', 6), 's1', 'dead-bug');
    const merged = mergeDeltas(mergeDeltas(asDelta('m', first), second), third);
    const oneByOne = [first, second, third].reduce<ReturnType<typeof apply> | undefined>(
      (p, c) => apply(p, c),
      undefined,
    );
    const { applied: _a, practice: mergedPractice, ...fromMerged } = applyDelta(undefined, merged);
    const { applied: _b, practice: stepsPractice, ...fromSteps } = must(oneByOne);
    expect(fromMerged).toEqual(fromSteps);
    for (const exercise of ['bridge', 'dead-bug'] as const) {
      expect(cleanSessionsOf(mergedPractice[exercise], 0)).toEqual(
        cleanSessionsOf(stepsPractice[exercise], 0),
      );
    }
    expect(merged.id).toBe('m');
  });

  it('lets a pain stop in a session outweigh a clean completion of the same exercise', () => {
    const merged = mergeDeltas(asDelta('m', done(on('2026-03-10'), 's1')), hurt(on('2026-03-10', 5), 's1'));
    expect(merged.practice).toEqual([{ exercise: 'bridge', level: 0, sessionId: 's1', clean: false }]);
  });
});

describe('pending changes', () => {
  it('folds changes into one delta until a write of it is attempted', () => {
    let pending = addToPending([], done(on('2026-03-10'), 's1'), 'req-1');
    pending = addToPending(pending, paceChanged(on('2026-03-10', 1), 'slower'), 'req-2');
    expect(pending).toHaveLength(1);
    expect(pending[0]?.id).toBe('req-1');
  });

  it('keeps later changes apart from a delta whose write may have landed, so neither is lost nor doubled', () => {
    const sent = markSent(addToPending([], done(on('2026-03-10'), 's1'), 'req-1'));
    const pending = addToPending(sent, done(on('2026-03-10', 5), 's1', 'clamshell'), 'req-2');
    expect(pending.map((d) => d.id)).toEqual(['req-1', 'req-2']);
    // Whether or not the first write landed, the result is the same.
    const landed = applyDeltas(undefined, sent);
    const fromLanded = applyDeltas(landed, pending);
    const fromNothing = applyDeltas(undefined, pending);
    expect(fromLanded?.exerciseCounts).toEqual({ bridge: 1, clamshell: 1 });
    expect(fromNothing?.exerciseCounts).toEqual({ bridge: 1, clamshell: 1 });
  });

  it('keeps ids unique when a caller reuses one', () => {
    const sent = markSent(addToPending([], done(on('2026-03-10'), 's1'), 'req-1'));
    const pending = addToPending(sent, done(on('2026-03-10'), 's1', 'clamshell'), 'req-1');
    expect(new Set(pending.map((d) => d.id)).size).toBe(2);
  });
});

describe('readProfile', () => {
  it('reads back a profile that went through JSON (session attributes)', () => {
    const p = apply(apply(undefined, done(on('2026-03-10'), 's1')), paceChanged(on('2026-03-10'), 'faster'));
    expect(readProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('ignores what it does not recognise instead of failing', () => {
    const p = readProfile({
      firstUseDay: '2026-03-10',
      exerciseCounts: { bridge: 2, moonwalk: 9 },
      pace: { value: 'warp' },
    });
    expect(p?.exerciseCounts).toEqual({ bridge: 2 });
    expect(p?.pace).toBeNull();
    expect(readProfile({ hello: 1 })).toBeUndefined();
  });
});
