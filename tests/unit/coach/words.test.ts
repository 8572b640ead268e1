import { t } from '../../support/coachHarness';
import { CATALOG } from '../../../lambda/src/coach/catalog';
import { EXERCISE_IDS } from '../../../lambda/src/coach/ids';

/** The English words of a key, failing when the key is missing or left half-interpolated. */
const words = (key: string): string => {
  const text = t(key);
  expect(text).not.toBe(key);
  expect(text).not.toMatch(/\$t\(|\{\{/);
  return text;
};

describe.each(EXERCISE_IDS)('the words of %s', (id) => {
  const sidesOf = (group: string): void => {
    for (const side of ['left', 'right']) {
      words(`${group}.${side}`);
      words(`${group}.limb.${side}`);
    }
  };

  it('position, movement, cue and one sentence on why it helps', () => {
    for (const part of ['position', 'movement', 'cue', 'why']) words(`coach.exercise.${id}.${part}`);
    expect(
      words(`coach.exercise.${id}.why`)
        .split(/[.!?](\s|$)/)
        .filter((s) => s.trim()).length,
    ).toBe(1);
  });

  it('an easier version with its own title, position, movement and cue', () => {
    for (const part of ['title', 'position', 'movement', 'cue']) words(`coach.exercise.${id}.easier.${part}`);
  });

  it('sides named by the limb, for each dose and the easier version', () => {
    if (!CATALOG[id].sided) return;
    sidesOf(`coach.exercise.${id}.side`);
    sidesOf(`coach.exercise.${id}.easier.side`);
    for (const level of CATALOG[id].levels) if (level.sides) sidesOf(`coach.exercise.${id}.${level.sides}`);
    expect(words(`coach.exercise.${id}.side.left`)).not.toBe(words(`coach.exercise.${id}.side.right`));
  });
});
