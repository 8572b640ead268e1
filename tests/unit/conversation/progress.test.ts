import type { ProgressChange } from '../../../lambda/src/progress';
import { Talk } from './fixtures';

/** Coaches a whole bridge exercise, hearing every block to its end; returns all changes kept. */
const wholeBridge = (makeEasier: boolean): ProgressChange[] => {
  const talk = new Talk();
  const changes: ProgressChange[] = [];
  changes.push(...talk.send({ kind: 'startExercise', exercise: 'bridge' }).changes);
  changes.push(...talk.send({ kind: 'painScore', score: 1 }).changes);
  if (makeEasier) changes.push(...talk.wait(5_000).send({ kind: 'easier' }).changes);
  for (let i = 0; i < 10 && talk.state.coach.run; i += 1) {
    changes.push(...talk.wait(10 * 60_000).send({ kind: 'answer', answer: 'yes' }).changes);
  }
  expect(talk.state.coach.run).toBeUndefined();
  return changes;
};

const practiceOf = (changes: readonly ProgressChange[]) => changes.flatMap((c) => c.practice ?? []);

describe('progress from a finished exercise', () => {
  it('done as coached, it counts as a clean session toward a harder level', () => {
    expect(practiceOf(wholeBridge(false))).toEqual([
      expect.objectContaining({ exercise: 'bridge', clean: true }),
    ]);
  });

  it('made easier, it counts as done but not toward a harder level', () => {
    const changes = wholeBridge(true);
    expect(practiceOf(changes)).toEqual([expect.objectContaining({ exercise: 'bridge', clean: false })]);
    expect(changes.some((c) => c.completions?.bridge === 1)).toBe(true);
  });
});
