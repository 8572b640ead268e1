import {
  bandOf,
  beforeExercise,
  duringExercise,
  painAnswer,
  parsePainScore,
  troubles,
} from '../../../lambda/src/screening/pain';
import { isSay } from '../../../lambda/src/speech/plan';

const keys = (items: readonly unknown[]) =>
  (items as Parameters<typeof isSay>[0][]).filter(isSay).map((i) => i.say);

describe('the pain scale', () => {
  it.each([
    [0, 'fine'],
    [3, 'fine'],
    [3.5, 'fine'],
    [4, 'ease'],
    [5, 'ease'],
    [6, 'much'],
    [7, 'much'],
    [8, 'high'],
    [10, 'high'],
  ] as const)('%p is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it.each(['6', ' 6 ', 6, '0', '10'])('%p is a score', (raw) => {
    expect(parsePainScore(raw)).toBeDefined();
  });

  it.each([undefined, '?', '', 'six', -1, 11, '11', Number.NaN, {}])('%p is not a score', (raw) => {
    expect(parsePainScore(raw)).toBeUndefined();
    expect(painAnswer(raw)).toBe('unclear');
  });

  it('"skip" is its own answer', () => {
    expect(painAnswer('skip')).toBe('skip');
  });

  it('only 0–3 is trouble-free', () => {
    expect(troubles('fine')).toBe(false);
    for (const band of ['ease', 'much', 'high'] as const) expect(troubles(band)).toBe(true);
  });
});

describe('before exercise', () => {
  it('0–3 and skip go as planned', () => {
    expect(beforeExercise('fine')).toMatchObject({ kind: 'go', easier: false });
    expect(beforeExercise('skip')).toMatchObject({ kind: 'go', easier: false });
  });

  it('4–5 go in the easier versions', () => {
    const d = beforeExercise('ease');
    expect(d).toMatchObject({ kind: 'go', easier: true });
    expect(d.kind === 'go' && keys(d.lead.items)).toEqual(['screening.pain.goEasier']);
  });

  it('6–7 offer the gentle relief routine or the easier versions, as a question', () => {
    const d = beforeExercise('much');
    expect(d.kind).toBe('offer-gentle');
    expect(d.kind !== 'go' && keys(d.plan.items)).toEqual(['screening.pain.much.offer']);
  });

  it('8–10 no strength work: the safety net, then tips or the gentle routine offered last', () => {
    const d = beforeExercise('high');
    expect(d.kind).toBe('no-strength');
    expect(d.kind !== 'go' && keys(d.plan.items)).toEqual([
      'screening.pain.high.noStrength',
      'screening.pain.high.safetyNet',
      'screening.pain.high.offer',
    ]);
  });
});

describe('during exercise', () => {
  it('0–3 carry on', () => {
    expect(duringExercise('fine').kind).toBe('carry-on');
  });

  it('4–5 offer the easier version or skipping it', () => {
    expect(duringExercise('ease').kind).toBe('offer-easier');
  });

  it.each(['much', 'high'] as const)('%s stops, with the safety net, and ends on the offer', (band) => {
    const d = duringExercise(band);
    expect(d.kind).toBe('stop');
    expect(d.kind === 'stop' && keys(d.plan.items)).toEqual([
      'screening.pain.during.stop',
      'screening.pain.during.safetyNet',
      'screening.pain.during.offer',
    ]);
  });
});
