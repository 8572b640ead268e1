import { onsetFromAnswer, reliefPlan } from '../../../lambda/src/advice/relief';
import { words } from '../screening/render';

describe('relief advice', () => {
  test('without an onset it first asks whether the pain started in the last two days', () => {
    const turn = reliefPlan(undefined);
    expect(words(turn.plan)).toBe('Did the pain start in the last two days?');
    expect(turn.awaiting).toBe('onset');
  });

  test.each([
    ['yes', 'recent'],
    ['no', 'older'],
    ['unsure', 'recent'],
  ] as const)('"%s" to that question gives the %s advice', (answer, onset) => {
    expect(onsetFromAnswer(answer)).toBe(onset);
  });

  test('recent pain: cold is optional, wrapped, 15 to 20 minutes, never on bare skin', () => {
    const text = words(reliefPlan('recent').plan);
    expect(text).toContain("It's optional, just for comfort.");
    expect(text).toContain('Wrap it in a thin towel');
    expect(text).toContain('never on bare skin');
    expect(text).toContain('15 to 20 minutes');
  });

  test.each(['recent', 'older'] as const)(
    '%s pain: heat is offered with "never sleep on a heat pad"',
    (onset) => {
      const text = words(reliefPlan(onset).plan);
      expect(text).toContain('warmth can help the muscles relax');
      expect(text).toContain('never sleep on a heat pad');
    },
  );

  test('older pain: heat, and no cold pack', () => {
    expect(words(reliefPlan('older').plan)).not.toContain('cold');
  });

  test.each(['recent', 'older'] as const)(
    '%s pain: keep moving, no bed rest, ask a doctor or pharmacist about medicine, then offer pelvic tilts',
    (onset) => {
      const turn = reliefPlan(onset);
      const text = words({ items: [...turn.plan.items, ...(turn.offer ? [turn.offer] : [])] });
      expect(text).toContain("Bed rest isn't advised");
      expect(text).toContain('Ask a doctor or pharmacist');
      expect(text).toMatch(/pelvic tilts now\?$/);
      expect(turn.awaiting).toBe('pelvic-tilts');
    },
  );
});
