import { CoachDriver } from '../../support/coachHarness';
import {
  paceAckKey,
  repHoldMs,
  scaled,
  stepPace,
  stretchHoldMs,
  SHORT_REP_PAUSE_MAX_MS,
} from '../../../lambda/src/coach/pace';
import { PACE_IDS, type PaceId } from '../../../lambda/src/coach/ids';

/** With nothing running, a pace answer goes on to ask what next. */
const WHAT_NEXT =
  'What would you like to do? You can say start my stretches, do the strength routine, or what exercises do you have.';

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

describe('pace moves one step at a time (slower ↔ normal ↔ faster)', () => {
  it.each<[PaceId, PaceId, PaceId]>([
    ['normal', 'slower', 'slower'],
    ['normal', 'faster', 'faster'],
    ['normal', 'normal', 'normal'],
    ['slower', 'faster', 'normal'],
    ['slower', 'slower', 'slower'],
    ['slower', 'normal', 'normal'],
    ['faster', 'slower', 'normal'],
    ['faster', 'faster', 'faster'],
    ['faster', 'normal', 'normal'],
  ])('at %s, "%s" gives %s', (current, requested, next) => {
    expect(stepPace(current, requested)).toBe(next);
    const d = new CoachDriver();
    d.state = { pace: current };
    d.send({ type: 'pace', pace: requested });
    expect(d.state.pace).toBe(next);
  });

  it('"faster" right after "slower" is normal speed, and says so', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'slower' });
    expect(d.text).toBe(`Slower it is. ${WHAT_NEXT}`);
    d.send({ type: 'pace', pace: 'faster' });
    expect(d.state.pace).toBe('normal');
    expect(d.text).toBe(`Back to normal speed. ${WHAT_NEXT}`);
    d.send({ type: 'pace', pace: 'faster' });
    expect(d.state.pace).toBe('faster');
    expect(d.text).toBe(`A bit faster, then. ${WHAT_NEXT}`);
  });

  it('"slower" right after "faster" is normal speed, and says so', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'faster' });
    d.send({ type: 'pace', pace: 'slower' });
    expect(d.state.pace).toBe('normal');
    expect(d.text).toBe(`Back to normal speed. ${WHAT_NEXT}`);
  });

  it('past either end the pace stays, and the answer says it is already there', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'faster' });
    d.send({ type: 'pace', pace: 'faster' });
    expect(d.state.pace).toBe('faster');
    expect(d.text).toBe(`This is already the fastest pace. ${WHAT_NEXT}`);
    const s = new CoachDriver();
    s.send({ type: 'pace', pace: 'slower' });
    s.send({ type: 'pace', pace: 'slower' });
    expect(s.state.pace).toBe('slower');
    expect(s.text).toBe(`This is already the slowest pace. ${WHAT_NEXT}`);
    expect(paceAckKey('slower', 'slower')).toBe('coach.pace.already.slower');
    expect(paceAckKey('faster', 'normal')).toBe('coach.pace.normal');
  });

  it('mid-block the block goes on from the same rep at the pace that results', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'bridge', levels: {} });
    d.wait(d.markOf(2) + 500).send({ type: 'pace', pace: 'slower' });
    expect(d.text).toMatch(/^Slower it is\. Rep 3\. Lift\. \[pause 4\.5s\] And lower\./);
    d.wait(1000).send({ type: 'pace', pace: 'faster' });
    expect(d.text).toMatch(/^Back to normal speed\. Rep 3\. Lift\. \[pause 3s\] And lower\./);
  });

  it('while paused or between blocks the step is the same and the question is kept', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'faster' });
    d.send({ type: 'startExercise', exercise: 'bridge', levels: {} });
    d.wait(d.markOf(2) + 500).send('pause');
    d.send({ type: 'pace', pace: 'slower' });
    expect(d.state.pace).toBe('normal');
    expect(d.text).toBe("Back to normal speed. Say resume when you're ready.");
    d.send('resume');
    expect(d.text).toMatch(/^Rep 3\. Lift\. \[pause 3s\] And lower\./);
  });
});
