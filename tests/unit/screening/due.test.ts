import { screenDue } from '../../../lambda/src/screening/due';

describe('when the safety screen is due', () => {
  test.each([
    [undefined, '2025-03-10', true],
    ['2025-03-10', '2025-03-10', false],
    ['2025-03-03', '2025-03-10', false], // 7 days: still valid
    ['2025-03-02', '2025-03-10', true], // 8 days
    ['2025-02-26', '2025-03-05', false], // across February's end: 7 days
    ['2024-12-31', '2025-01-08', true], // across the year: 8 days
    ['2025-03-11', '2025-03-10', true], // a stored day in the future is not trusted
    ['not a day', '2025-03-10', true],
    ['2025-02-30', '2025-03-03', true], // not a real date
  ])('last clear %p, today %p → due %p', (last, today, due) => {
    expect(screenDue(last, today)).toBe(due);
  });
});
