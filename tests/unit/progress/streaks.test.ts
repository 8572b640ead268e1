import { dayInZone, streaks } from '../../../lambda/src/progress';

describe('streaks', () => {
  it('counts consecutive days ending today', () => {
    expect(streaks(['2026-03-08', '2026-03-09', '2026-03-10'], '2026-03-10')).toEqual({
      current: 3,
      best: 3,
    });
  });

  it('keeps a streak alive through today when the last active day was yesterday', () => {
    expect(streaks(['2026-03-08', '2026-03-09'], '2026-03-10').current).toBe(2);
  });

  it('breaks the streak once a whole day is missed, but remembers the best', () => {
    expect(streaks(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-07'], '2026-03-09')).toEqual({
      current: 0,
      best: 3,
    });
  });

  it('counts a day once however many sessions it had, in any order', () => {
    expect(streaks(['2026-03-10', '2026-03-09', '2026-03-10', '2026-03-09'], '2026-03-10')).toEqual({
      current: 2,
      best: 2,
    });
  });

  it('is zero for someone who never exercised', () => {
    expect(streaks([], '2026-03-10')).toEqual({ current: 0, best: 0 });
  });

  it('follows the user’s own evenings, even when UTC has moved to the next day', () => {
    const zone = 'America/Los_Angeles';
    // Three evenings at 19:30 Pacific, which are the next morning in UTC.
    const evenings = [
      Date.UTC(2026, 2, 9, 2, 30),
      Date.UTC(2026, 2, 10, 2, 30),
      Date.UTC(2026, 2, 11, 2, 30),
    ];
    const days = evenings.map((t) => dayInZone(t, zone));
    expect(days).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    // The next morning in California (still the 11th there) the streak is alive.
    expect(streaks(days, dayInZone(Date.UTC(2026, 2, 11, 16, 0), zone)).current).toBe(3);
  });

  it('does not count a streak across a skipped day in the user’s zone that UTC would hide', () => {
    const zone = 'Pacific/Auckland';
    // 23:30 and then 06:30 two days later in Auckland: UTC sees consecutive days.
    const a = Date.UTC(2026, 2, 9, 10, 30); // 2026-03-09 23:30 NZDT
    const b = Date.UTC(2026, 2, 10, 17, 30); // 2026-03-11 06:30 NZDT
    expect(streaks([dayInZone(a, 'UTC'), dayInZone(b, 'UTC')], dayInZone(b, 'UTC')).current).toBe(2);
    expect(streaks([dayInZone(a, zone), dayInZone(b, zone)], dayInZone(b, zone)).current).toBe(1);
  });
});
