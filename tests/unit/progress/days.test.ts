import { addDays, daysBetween, dayInZone, startOfWeek } from '../../../lambda/src/progress';

describe('dayInZone', () => {
  // 2026-03-11 03:30 UTC is still the evening of the 10th in California.
  const lateEveningInCalifornia = Date.UTC(2026, 2, 11, 3, 30);

  it('gives the day where the user lives, not the UTC day', () => {
    expect(dayInZone(lateEveningInCalifornia, 'America/Los_Angeles')).toBe('2026-03-10');
    expect(dayInZone(lateEveningInCalifornia, 'UTC')).toBe('2026-03-11');
  });

  it('puts zones ahead of UTC on the next day', () => {
    expect(dayInZone(Date.UTC(2026, 2, 10, 20, 0), 'Australia/Sydney')).toBe('2026-03-11');
    expect(dayInZone(Date.UTC(2026, 2, 10, 20, 0), 'Asia/Kolkata')).toBe('2026-03-11');
  });

  it('falls back to the UTC day for an unknown or missing zone', () => {
    expect(dayInZone(lateEveningInCalifornia, 'Mars/Olympus_Mons')).toBe('2026-03-11');
    expect(dayInZone(lateEveningInCalifornia, undefined)).toBe('2026-03-11');
  });
});

describe('day arithmetic', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
  });

  it('is not thrown off by daylight-saving changes', () => {
    // US clocks go forward on 2026-03-08.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });

  it('starts weeks on Monday, or on Sunday when asked', () => {
    // 2026-03-12 is a Thursday.
    expect(startOfWeek('2026-03-12')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-12', 0)).toBe('2026-03-08');
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09');
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02');
  });
});
