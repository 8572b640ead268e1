import { buildBlocks, nextExerciseIndex } from '../../../lambda/src/coach/blocks';
import { CATALOG, ROUTINES, levelOf } from '../../../lambda/src/coach/catalog';
import { EXERCISE_IDS } from '../../../lambda/src/coach/ids';

describe('routine blocks', () => {
  it('cuts a routine into one block per exercise, set and side, in routine order', () => {
    const blocks = buildBlocks(ROUTINES.strength, {});
    // bridge 2 sets; clamshell 2 sets × 2 sides; bird dog 1 × 2; dead bug 2 × 2
    expect(blocks.map((b) => `${b.exerciseId}:${b.set}${b.side ? `:${b.side}` : ''}`)).toEqual([
      'bridge:1',
      'bridge:2',
      'clamshell:1:left',
      'clamshell:1:right',
      'clamshell:2:left',
      'clamshell:2:right',
      'bird-dog:1:left',
      'bird-dog:1:right',
      'dead-bug:1:left',
      'dead-bug:1:right',
      'dead-bug:2:left',
      'dead-bug:2:right',
    ]);
  });

  it('marks the first and last block of each exercise', () => {
    const blocks = buildBlocks(ROUTINES['quick-relief'], {});
    expect(blocks.map((b) => [b.exerciseId, b.first, b.last])).toEqual([
      ['pelvic-tilt', true, true],
      ['hip-flexor-stretch', true, false],
      ['hip-flexor-stretch', false, false],
      ['hip-flexor-stretch', false, false],
      ['hip-flexor-stretch', false, true],
      ['hamstring-stretch', true, false],
      ['hamstring-stretch', false, false],
      ['hamstring-stretch', false, false],
      ['hamstring-stretch', false, true],
    ]);
  });

  it('the full routine holds all seven exercises, each side of the sided ones', () => {
    const blocks = buildBlocks(ROUTINES.full, {});
    expect(new Set(blocks.map((b) => b.exerciseId))).toEqual(new Set(EXERCISE_IDS));
    for (const id of EXERCISE_IDS.filter((e) => CATALOG[e].sided)) {
      const sides = blocks.filter((b) => b.exerciseId === id).map((b) => b.side);
      expect(sides.filter((s) => s === 'left')).toHaveLength(sides.filter((s) => s === 'right').length);
    }
  });

  it('a higher level changes the dose that is coached', () => {
    const [start] = buildBlocks(['bird-dog'], {});
    const [harder] = buildBlocks(['bird-dog'], { 'bird-dog': 2 });
    expect(start?.dose.holdMs).toBe(5000);
    expect(harder?.dose.holdMs).toBe(10000);
    expect(harder?.dose.reps).toBeGreaterThan(start?.dose.reps ?? 99);
  });

  it('clamps a stored level that the catalog no longer has', () => {
    expect(levelOf('hip-flexor-stretch', 7)).toEqual(CATALOG['hip-flexor-stretch'].levels[0]);
    expect(levelOf('bridge', -1)).toEqual(CATALOG.bridge.levels[0]);
  });

  it('finds where the next exercise starts', () => {
    const blocks = buildBlocks(ROUTINES.strength, {});
    expect(nextExerciseIndex(blocks, 0)).toBe(2);
    expect(nextExerciseIndex(blocks, 3)).toBe(6);
    expect(nextExerciseIndex(blocks, 11)).toBe(12);
  });
});
