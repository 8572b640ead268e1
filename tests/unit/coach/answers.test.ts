import { CoachDriver } from '../../support/coachHarness';
import { settle } from '../../../lambda/src/coach/engine';

const strength = { type: 'startRoutine', routine: 'strength', levels: {} } as const;

/** Started the strength routine; `fraction` of the first block's estimated speech has played. */
const partWay = (fraction: number): CoachDriver => {
  const d = new CoachDriver();
  d.send(strength);
  d.part(fraction);
  return d;
};

describe('"yes" answers the question asked once most of the block has played', () => {
  it("yes at 90% of the block's estimated time goes to the next block (our estimate runs long)", () => {
    const d = partWay(0.9);
    d.send('yes');
    expect(d.text).toMatch(/^Set 2 of 2\. Lift\./);
    expect(d.last.facts.blocksDone).toEqual([
      expect.objectContaining({ exerciseId: 'bridge', level: 0, easier: false }),
    ]);
    expect(d.state.run?.index).toBe(1);
  });

  it('ready does the same', () => {
    const d = partWay(0.9);
    d.send('ready');
    expect(d.text).toMatch(/^Set 2 of 2\./);
  });

  it('yes near the end before a new exercise starts it with the movement (the position was just described)', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.listen().send('yes');
    d.part(0.9).send('yes');
    expect(d.text).toMatch(/^Clamshell\. Keep your feet together/);
  });

  it('yes or ok said over the reps, long before the question, carries on from the rep the user is on', () => {
    const d = partWay(0.5);
    d.send('yes');
    expect(d.text).toMatch(/^Rep \d+\. Lift\./);
    expect(d.last.facts.blocksDone).toEqual([]);
    expect(d.state.run?.index).toBe(0);
  });

  it('no said over the reps holds the block at that rep; yes then carries on from it', () => {
    const d = partWay(0.5);
    d.send('no');
    expect(d.text).toMatch(/^Paused at rep (\d+) of your bridges\./);
    const rep = Number(/rep (\d+)/.exec(d.text)?.[1]);
    d.wait(20_000).send('yes');
    expect(d.text).toMatch(new RegExp(`^Rep ${rep}\\. Lift\\.`));
  });

  it('no near the end answers the question: the next yes goes on to the next block', () => {
    const d = partWay(0.9);
    d.send('no');
    expect(d.text).toContain('No rush');
    d.wait(20_000).send('yes');
    expect(d.text).toMatch(/^Set 2 of 2\./);
  });

  it('yes on the last block near its end finishes the run', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'pelvic-tilt', levels: {} });
    d.part(0.9).send('yes');
    expect(d.state.run).toBeUndefined();
    expect(d.last.facts.exercisesDone).toEqual([{ exerciseId: 'pelvic-tilt', level: 0, easier: false }]);
  });

  it('resume keeps the barge-in logic: part-way it carries on from the rep the user was on', () => {
    const d = partWay(0.6);
    d.send('resume');
    expect(d.text).toMatch(/^Rep \d+\. Lift\./);
  });

  it('pause keeps the barge-in logic too', () => {
    const d = partWay(0.3);
    d.send('pause');
    expect(d.text).toMatch(/^Paused at rep \d+ of your bridges\./);
  });

  it('settle with answered finishes the block; without it the clock decides', () => {
    const d = partWay(0.3);
    const byClock = settle(d.state, d.now);
    expect(byClock.state.run?.finished).toBe(false);
    const answered = settle(d.state, d.now, { answered: true });
    expect(answered.state.run?.finished).toBe(true);
    expect(answered.facts.blocksDone).toHaveLength(1);
  });
});
