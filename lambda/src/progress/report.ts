import type { ExerciseId } from '../coach/ids';
import { plan, say, type Say, type SpeechPlan } from '../speech/plan';
import { CLEAN_SESSIONS_FOR_LEVEL_UP } from './levels';
import type { WeekSummary } from './summary';

/**
 * CONTENT.md: exercise daily, or at least three days a week. Spoken through
 * `common.numberWords`, which must hold a word for it.
 */
export const WEEKLY_DAYS_AIM = 3;

/** A topmost exercise is worth mentioning once it has been done more than once. */
const TOP_WORTH_SAYING = 2;

const weekLines = (s: WeekSummary): Say[] => {
  if (s.sessionsThisWeek === 0) return [say('progress.report.weekNone')];
  const lines = [say('progress.report.week', { count: s.sessionsThisWeek })];
  if (s.minutesThisWeek > 0) lines.push(say('progress.report.weekMinutes', { count: s.minutesThisWeek }));
  lines.push(
    s.daysActiveThisWeek >= WEEKLY_DAYS_AIM
      ? say('progress.report.aimMet', { aim: WEEKLY_DAYS_AIM })
      : say('progress.report.aimLeft', {
          count: WEEKLY_DAYS_AIM - s.daysActiveThisWeek,
          aim: WEEKLY_DAYS_AIM,
        }),
  );
  return lines;
};

/** Always answers "what's my streak?", even when it is one day or has just lapsed. */
const streakLines = (s: WeekSummary): Say[] => {
  const lines = [
    s.currentStreak >= 1
      ? say('progress.report.streak', { count: s.currentStreak })
      : say('progress.report.streakNone'),
  ];
  if (s.bestStreak >= 2 && s.bestStreak > s.currentStreak) {
    lines.push(say('progress.report.best', { count: s.bestStreak }));
  }
  return lines;
};

/** Totals, unless every session was this week (they would repeat the week's figures). */
const totalLines = (s: WeekSummary): Say[] => {
  if (s.sessionsTotal <= s.sessionsThisWeek) return [];
  const lines = [say('progress.report.total', { count: s.sessionsTotal })];
  if (s.minutesTotal > 0) lines.push(say('progress.report.totalMinutes', { count: s.minutesTotal }));
  return lines;
};

/** Answer to "how am I doing?": this week, streaks, totals, the most practised move. */
export const progressReportPlan = (s: WeekSummary): SpeechPlan => {
  if (s.sessionsTotal === 0) return plan(say('progress.report.empty'));
  const top = s.topExercises[0];
  return plan(
    weekLines(s),
    streakLines(s),
    totalLines(s),
    top && top.count >= TOP_WORTH_SAYING
      ? [say(`progress.report.top.${top.exercise}`, { count: top.count })]
      : [],
  );
};

/**
 * The line after "open back and hip coach" for someone who has exercised before: the run of
 * days they have exercised, up to today or yesterday (a run still alive). Only days with
 * exercise count, so the number is true before today's session as well as after it.
 * Empty for a new user (the first-launch welcome is the coach's).
 */
export const welcomeBackPlan = (s: WeekSummary): SpeechPlan => {
  if (s.sessionsTotal === 0 || s.daysSinceActive === undefined) return plan();
  if (s.currentStreak >= 2)
    return plan(say('progress.welcome.back'), say('progress.welcome.streak', { count: s.currentStreak }));
  if (s.daysSinceActive >= 7) return plan(say('progress.welcome.back'), say('progress.welcome.longGap'));
  return plan(say('progress.welcome.back'));
};

/** The launch's offer of a harder level, saying how many clean sessions earned it. */
export const levelUpOfferLine = (exercise: ExerciseId): Say =>
  say('progress.offer.levelUp', { id: exercise, times: CLEAN_SESSIONS_FOR_LEVEL_UP });
