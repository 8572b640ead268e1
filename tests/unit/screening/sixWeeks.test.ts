import { answerSixWeek, sixWeekQuestion } from '../../../lambda/src/screening/sixWeeks';
import { isSay, type SpeechPlan } from '../../../lambda/src/speech/plan';
import { words } from './render';

const keys = (p: SpeechPlan): string[] => p.items.filter(isSay).map((i) => i.say);

describe('the six-week question', () => {
  test('asks whether the pain is still there', () => {
    expect(words(sixWeekQuestion().plan)).toBe(
      "You've been using the coach for about six weeks now. Is your back or hip pain still there?",
    );
  });

  test.each(['yes', 'unsure'] as const)('%s → recommend a physiotherapist or doctor', (answer) => {
    const step = answerSixWeek(answer);
    expect(words(step.plan)).toContain('physiotherapist or a doctor');
    expect(keys(step.plan)).toEqual(['screening.sixWeeks.recommend']);
    expect(step.done).toBe(true);
  });

  test('no → no referral', () => {
    const step = answerSixWeek('no');
    expect(words(step.plan)).not.toContain('doctor');
    expect(keys(step.plan)).toEqual(['screening.sixWeeks.better']);
    expect(step.done).toBe(true);
  });

  test.each(['repeat', 'other'] as const)('%s asks the question again', (answer) => {
    const step = answerSixWeek(answer);
    expect(step.done).toBe(false);
    expect(words(step.plan)).toContain('Is your back or hip pain still there?');
    expect(step.reprompt).toBeDefined();
  });
});
