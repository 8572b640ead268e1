import { isSay, type SpeechPlan } from '../../../lambda/src/speech/plan';
import {
  CLEAN_SESSIONS_FOR_LEVEL_UP,
  levelUpOfferLine,
  progressReportPlan,
  WEEKLY_DAYS_AIM,
  welcomeBackPlan,
  weekSummary,
} from '../../../lambda/src/progress';
import { plan } from '../../../lambda/src/speech/plan';
import { translatorFor } from '../../../lambda/src/i18n';
import { activeOn, apply, done, on } from './fixtures';

const t = translatorFor('en-US');
const spoken = (plan: SpeechPlan): string =>
  plan.items
    .filter(isSay)
    .map((i) => {
      const text = t(i.say, i.params);
      // A missing key comes back as the key itself.
      expect(text).not.toBe(i.say);
      return text;
    })
    .join(' ');

const TODAY = '2026-03-12';

describe('progressReportPlan', () => {
  it('invites a new user to start', () => {
    expect(spoken(progressReportPlan(weekSummary(undefined, TODAY)))).toMatch(/haven't done a session/);
  });

  it('tells the week, the streak, the total and the favourite move, with plurals right', () => {
    let p = activeOn([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-10',
      '2026-03-11',
      TODAY,
    ]);
    p = apply(p, done(on(TODAY, 30), 'extra', 'bridge', 0, 600));
    const text = spoken(progressReportPlan(weekSummary(p, TODAY)));
    expect(text).toContain("This week you've done 4 sessions.");
    expect(text).toContain('That meets the aim of three active days a week.');
    expect(text).toContain("You're on a 3 day streak.");
    expect(text).toContain('Your best streak is 4 days.');
    expect(text).toContain("In all, you've done 8 sessions with me.");
    expect(text).toContain('Your most practised move is the bridge, done 8 times.');
  });

  it('says how many more days reach the weekly aim, in the singular when it is one', () => {
    const p = activeOn(['2026-03-10', '2026-03-11']);
    const text = spoken(progressReportPlan(weekSummary(p, TODAY)));
    expect(text).toContain('One more active day this week reaches the aim of three.');
    expect(text).toContain("That's about 4 minutes of exercise.");
  });

  it('says the aim in words, with the number of days left in the plural', () => {
    const text = spoken(progressReportPlan(weekSummary(activeOn([TODAY]), TODAY)));
    expect(text).toContain('2 more active days this week reach the aim of three.');
  });

  it('speaks of one session in the singular and still answers about the streak', () => {
    const text = spoken(progressReportPlan(weekSummary(activeOn([TODAY]), TODAY)));
    expect(text).toContain("This week you've done one session.");
    expect(text).toContain("You've started a streak: one day so far.");
    // Everything happened this week: totals would only repeat it.
    expect(text).not.toContain('In all');
  });

  it('says a lapsed streak starts again, and keeps the best one', () => {
    const text = spoken(progressReportPlan(weekSummary(activeOn(['2026-03-01', '2026-03-02']), TODAY)));
    expect(text).toContain('Your streak starts again with your next session.');
    expect(text).toContain('Your best streak is 2 days.');
  });

  it('says when nothing has been done yet this week', () => {
    const text = spoken(progressReportPlan(weekSummary(activeOn(['2026-03-01']), TODAY)));
    expect(text).toContain("You haven't exercised with me yet this week.");
  });
});

describe('welcomeBackPlan', () => {
  it('says nothing for someone who never exercised', () => {
    expect(welcomeBackPlan(weekSummary(undefined, TODAY)).items).toEqual([]);
  });

  it('names the run of days exercised, still alive when the last was yesterday', () => {
    const text = spoken(
      welcomeBackPlan(weekSummary(activeOn(['2026-03-09', '2026-03-10', '2026-03-11']), TODAY)),
    );
    expect(text).toBe("Welcome back. That's 3 days in a row.");
  });

  it('counts today once the user has exercised today', () => {
    const text = spoken(welcomeBackPlan(weekSummary(activeOn(['2026-03-11', TODAY]), TODAY)));
    expect(text).toBe("Welcome back. That's 2 days in a row.");
  });

  it('does not count a day without exercise: yesterday alone is no run yet', () => {
    expect(spoken(welcomeBackPlan(weekSummary(activeOn(['2026-03-11']), TODAY)))).toBe('Welcome back.');
  });

  it('just welcomes back after a short break, and warmly after a long one', () => {
    expect(spoken(welcomeBackPlan(weekSummary(activeOn(['2026-03-09']), TODAY)))).toBe('Welcome back.');
    expect(spoken(welcomeBackPlan(weekSummary(activeOn(['2026-02-20']), TODAY)))).toBe(
      "Welcome back. It's good to hear from you again.",
    );
  });
});

describe('numbers in speech come from the rules, said as words', () => {
  it('offers a harder level after the clean sessions it takes', () => {
    expect(spoken(plan(levelUpOfferLine('bird-dog')))).toBe(
      "You've done the bird dog three times now without trouble. Ready to make it a little harder?",
    );
  });

  it.each([WEEKLY_DAYS_AIM, CLEAN_SESSIONS_FOR_LEVEL_UP])('has a word for %p', (n) => {
    expect(t(`common.numberWords.${n}`)).toMatch(/^[a-z]+$/);
  });
});
