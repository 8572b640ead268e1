import {
  askPainBeforeRoutine,
  hurtsMidExercise,
  painBeforeRoutine,
  painDuringExercise,
} from '../../../lambda/src/screening/pain';
import { words } from './render';

describe('pain before a routine', () => {
  test('asks for 0–10 and offers skip', () => {
    expect(words(askPainBeforeRoutine().plan)).toBe(
      "How's your pain right now, from zero to ten? You can say skip.",
    );
  });

  test.each([8, 9, 10, '8'])('%p swaps strength work for the relief routine or tips', (score) => {
    const r = painBeforeRoutine(score);
    expect(r.decision).toBe('relief');
    const text = words(r.plan);
    expect(text).toContain('leave the strength work for today');
    expect(text).toContain('relief routine');
    expect(text).toContain('tips');
    expect(r.reprompt).toBeDefined();
  });

  test.each([0, 3, 4, 5, 6, 7, '7'])('%p goes on', (score) => {
    expect(painBeforeRoutine(score).decision).toBe('go-on');
  });

  test('4 to 7 goes on gently; 3 or less just goes on', () => {
    expect(words(painBeforeRoutine(4).plan)).toContain('gently');
    expect(words(painBeforeRoutine(3).plan)).not.toContain('gently');
  });

  test('skip goes on without a score', () => {
    expect(painBeforeRoutine('skip').decision).toBe('go-on');
  });

  test.each([-1, 11, 'abc', '?', undefined, null, Number.NaN, Infinity, ''])(
    '%p is re-asked clearly',
    (score) => {
      const r = painBeforeRoutine(score);
      expect(r.decision).toBe('invalid');
      expect(words(r.plan)).toContain('a number from zero to ten');
      expect(words(r.plan)).toContain('Or say skip.');
      expect(r.reprompt).toBeDefined();
    },
  );
});

describe('pain during an exercise', () => {
  test('"that hurts" stops the exercise and asks how bad', () => {
    expect(words(hurtsMidExercise().plan)).toBe(
      "Let's stop that one. From zero to ten, how bad is it right now?",
    );
    expect(words(hurtsMidExercise().reprompt)).toContain('zero to ten');
  });

  test.each([
    [0, 'carry-on'],
    [3, 'carry-on'],
    [4, 'ease-off'],
    [5, 'ease-off'],
    [5.5, 'stop-exercise'],
    [6, 'stop-exercise'],
    [8, 'stop-exercise'],
    [10, 'stop-exercise'],
    ['6', 'stop-exercise'],
  ] as const)('%p → %s', (score, decision) => {
    expect(painDuringExercise(score).decision).toBe(decision);
  });

  test('above 5: skip the rest of this exercise, and offer the symptom check for spreading pain', () => {
    const text = words(painDuringExercise(6).plan);
    expect(text).toContain('skip the rest of this one');
    expect(text).toContain('spreads down a leg with numbness or tingling');
    expect(text).toContain('symptom check');
  });

  test('4–5: slower pace or the easier version', () => {
    const text = words(painDuringExercise(4).plan);
    expect(text).toContain('ease off');
    expect(text).toContain('slower');
    expect(text).toContain('easier version');
  });

  test('3 or less: carry on, and say if it gets worse', () => {
    expect(words(painDuringExercise(3).plan)).toContain('Carry on gently');
  });

  test.each([-1, 11, 'six', '?', undefined])('%p is re-asked, never taken as fine', (score) => {
    const r = painDuringExercise(score);
    expect(r.decision).toBe('invalid');
    expect(words(r.plan)).toContain('a number from zero to ten');
    expect(words(r.plan)).not.toContain('skip');
  });
});
