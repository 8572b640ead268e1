import { CoachDriver } from '../../support/coachHarness';
import { repHoldMs, scaled, stretchHoldMs, SHORT_REP_PAUSE_MAX_MS } from '../../../lambda/src/coach/pace';
import { PACE_IDS } from '../../../lambda/src/coach/ids';

describe('pace never changes a stated hold (CONTENT.md)', () => {
  it('moving parts and rests follow the pace', () => {
    expect(scaled(2000, 'slower')).toBe(3000);
    expect(scaled(2000, 'faster')).toBe(1500);
    expect(scaled(2000, 'normal')).toBe(2000);
  });

  it('short rep pauses (the movement itself) follow the pace; a stated hold never does', () => {
    expect(repHoldMs(3000, 'faster')).toBe(2250);
    expect(repHoldMs(SHORT_REP_PAUSE_MAX_MS, 'slower')).toBe(4500);
    for (const pace of PACE_IDS) {
      expect(repHoldMs(5000, pace)).toBe(5000);
      expect(repHoldMs(10_000, pace)).toBe(10_000);
      expect(stretchHoldMs(30_000, pace)).toBe(30_000);
    }
  });

  it.each(PACE_IDS)('a 30 s stretch lasts 30 s at %s pace', (pace) => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace });
    d.send({ type: 'startExercise', exercise: 'hip-flexor-stretch', levels: {} });
    const hold = (d.state.run?.marks?.[1] ?? 0) - d.markOf(0);
    expect(hold).toBeGreaterThan(30_000);
    expect(hold).toBeLessThan(32_000);
  });

  it('the bird dog 5 s hold stays 5 s when faster; its return gets quicker', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'faster' });
    d.send({ type: 'startExercise', exercise: 'bird-dog', levels: {} });
    expect(d.text).toContain('Reach. [pause 5s] And back. [pause 1.1s] 1.');
    const slow = new CoachDriver();
    slow.send({ type: 'pace', pace: 'slower' });
    slow.send({ type: 'startExercise', exercise: 'bird-dog', levels: {} });
    expect(slow.text).toContain('Reach. [pause 5s] And back. [pause 2.3s] 1.');
  });

  it('a counted 10 s bird dog hold stays 10 s at every pace', () => {
    for (const pace of PACE_IDS) {
      const d = new CoachDriver();
      d.send({ type: 'pace', pace });
      d.send({ type: 'startExercise', exercise: 'bird-dog', levels: { 'bird-dog': 2 } });
      expect(d.text).toContain('Reach. [pause 5s] 5. [pause 0.7s] 4.');
      expect(d.text).not.toContain('[pause 7.5s]');
    }
  });
});
