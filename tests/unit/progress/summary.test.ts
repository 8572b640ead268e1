import { emptyProfile, sixWeekAsked, sixWeekCheckDue, weekSummary } from '../../../lambda/src/progress';
import { activeOn, apply, done, on } from './fixtures';

// 2026-03-12 is a Thursday; the week (from Monday) began on 2026-03-09.
const TODAY = '2026-03-12';

describe('weekSummary', () => {
  it('sums this week’s sessions and minutes, leaving last week out', () => {
    let p = activeOn(['2026-03-05', '2026-03-06', '2026-03-09', '2026-03-11']);
    p = apply(p, done(on('2026-03-11', 90), 'second-session-on-11th', 'clamshell', 0, 300));
    const s = weekSummary(p, TODAY);
    expect(s.sessionsThisWeek).toBe(3);
    expect(s.minutesThisWeek).toBe(9); // 2 + 2 + 5
    expect(s.daysActiveThisWeek).toBe(2);
    expect(s.sessionsTotal).toBe(5);
    expect(s.minutesTotal).toBe(13);
  });

  it('reports the live streak and the best one', () => {
    const p = activeOn(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-10', '2026-03-11']);
    const s = weekSummary(p, TODAY);
    expect(s.currentStreak).toBe(2);
    expect(s.bestStreak).toBe(4);
    expect(s.activeToday).toBe(false);
    expect(s.daysSinceActive).toBe(1);
  });

  it('lists the most practised exercises first', () => {
    let p = activeOn(['2026-03-10']);
    for (let i = 0; i < 3; i++) p = apply(p, done(on('2026-03-11', i), `c${i}`, 'clamshell'));
    expect(weekSummary(p, TODAY).topExercises).toEqual([
      { exercise: 'clamshell', count: 3 },
      { exercise: 'bridge', count: 1 },
    ]);
  });

  it('can start the week on Sunday', () => {
    const p = activeOn(['2026-03-08']); // a Sunday
    expect(weekSummary(p, TODAY, 1).sessionsThisWeek).toBe(0);
    expect(weekSummary(p, TODAY, 0).sessionsThisWeek).toBe(1);
  });

  it('is all zeros for a new user', () => {
    expect(weekSummary(undefined, TODAY)).toMatchObject({
      sessionsThisWeek: 0,
      sessionsTotal: 0,
      currentStreak: 0,
      bestStreak: 0,
      daysSinceActive: undefined,
      topExercises: [],
    });
  });
});

describe('sixWeekCheckDue', () => {
  it('is due six weeks after first use, once', () => {
    const p = activeOn(['2026-01-29']);
    expect(sixWeekCheckDue(p, '2026-03-11')).toBe(false);
    expect(sixWeekCheckDue(p, '2026-03-12')).toBe(true);
    expect(sixWeekCheckDue(apply(p, sixWeekAsked(on('2026-03-12'))), '2026-03-20')).toBe(false);
  });

  test.each([
    ['2025-01-01', '2025-02-11', false, false], // 41 days
    ['2025-01-01', '2025-02-12', false, true], // 42 days
    ['2025-01-01', '2025-06-01', true, false], // already asked once
  ])('first use %p, today %p, asked %p → %p', (first, today, asked, due) => {
    const p = { ...emptyProfile(first), sixWeekAskedDay: asked ? first : null };
    expect(sixWeekCheckDue(p, today)).toBe(due);
  });

  it('is never due when first use is unknown', () => {
    expect(sixWeekCheckDue(undefined, '2025-06-01')).toBe(false);
  });
});
