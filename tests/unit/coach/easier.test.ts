import { CoachDriver, durationOf } from '../../support/coachHarness';
import { blocksOf } from '../../../lambda/src/coach/engine';
import { CATALOG } from '../../../lambda/src/coach/catalog';
import { EXERCISE_IDS } from '../../../lambda/src/coach/ids';

const strength = { type: 'startRoutine', routine: 'strength', levels: {} } as const;

const running = (d: CoachDriver) => {
  const run = d.state.run;
  if (!run) throw new Error('nothing running');
  return run;
};

/** Plays every block to its end, answering yes, and returns all facts' exercisesDone. */
const finish = (d: CoachDriver) => {
  while (d.state.run && !/Well done/.test(d.text)) d.listen().send('yes');
  d.listen().send('end');
  return d.facts.flatMap((f) => f.exercisesDone);
};

describe('easier versions (catalog)', () => {
  it.each(EXERCISE_IDS)('%s: the easier dose is no harder than the starting one', (id) => {
    const base = CATALOG[id].levels[0];
    const easier = CATALOG[id].easier;
    expect(easier.reps).toBeLessThanOrEqual(base?.reps ?? 0);
    if (CATALOG[id].kind === 'stretch') expect(easier.holdMs).toBe(30_000);
    else expect(easier.holdMs).toBeLessThanOrEqual(base?.holdMs ?? 0);
  });
});

describe('"make it easier" (easier event)', () => {
  it('mid-set: says so, and this side starts again from rep 1 in the easier version, position first', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.wait(d.markOf(4) + 300).send('easier');
    expect(d.text).toMatch(
      /^Let's make it easier\. Half bridge\. Lie on your back.* Take a few seconds to get into position\. \[pause 6s\] Good\. Squeeze your glutes and lift your hips only halfway/,
    );
    expect(d.text).toContain('Lift. [pause 2s] And lower. [pause 2s] 1.');
    expect(d.text).toContain(' 8.');
    expect(d.text).not.toContain(' 9.');
    expect(d.state.run?.easier).toEqual(['bridge']);
    expect(d.state.run?.index).toBe(0);
    expect(d.state.run?.step).toBe(0);
  });

  it('between blocks: the next exercise switches, its easier position is described, then ready', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.listen().send('yes');
    d.listen().send('easier');
    expect(d.text).toBe(
      "Let's make it easier. Next is the clamshell. Lie on your side, knees bent, hips stacked, feet together. Left side down: your top knee, the right, lifts a little. Say ready when you're there.",
    );
    d.send('ready');
    expect(d.text).toMatch(
      /^Small clamshell\. Keep your feet together and open your top knee just a few inches/,
    );
    expect(d.text).toContain('Open. [pause 1s] And close.');
  });

  it('between the sides of one exercise, the other side is coached easier, its movement explained', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'hip-flexor-stretch', levels: {} });
    d.listen().send('easier');
    expect(d.text).toBe(
      "Let's make it easier. Stand tall with one hand on a chair or a wall, and step one foot back. Left foot back: the stretch is at the front of your left hip. Say ready when you're there.",
    );
    d.send('yes');
    expect(d.text).toMatch(/^Standing hip flexor stretch\. Keep the back heel lifted/);
  });

  it('a second easier on an easier exercise says so and offers skip, pausing there', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.wait(d.markOf(2) + 300).send('easier');
    d.wait(d.markOf(3) + 300).send('easier');
    expect(d.text).toBe('This is already the easiest version. Say skip to move on, or resume.');
    expect(d.state.run?.paused).toBe(true);
    d.send('resume');
    expect(d.text).toMatch(/^Rep 4\./);
  });

  it('the easier version keeps the block list: the run goes on where it was', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'pelvic-tilt', levels: { 'pelvic-tilt': 2 } });
    const before = blocksOf(running(d)).length;
    d.wait(d.markOf(1) + 300).send('easier');
    expect(blocksOf(running(d))).toHaveLength(before);
  });

  it('a stretch made easier still holds 30 seconds', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'hip-flexor-stretch', levels: {} });
    d.wait(d.markOf(0) + 3000).send('easier');
    const hold = (d.state.run?.marks?.[1] ?? 0) - d.markOf(0);
    expect(hold).toBeGreaterThan(30_000);
    expect(hold).toBeLessThan(32_000);
  });

  it('completed exercises say whether they were coached easier', () => {
    const d = new CoachDriver();
    d.send({ type: 'startRoutine', routine: 'quick-relief', levels: {} });
    d.wait(d.markOf(1) + 300).send('easier');
    const done = finish(d);
    expect(done).toEqual([
      { exerciseId: 'pelvic-tilt', level: 0, easier: true },
      { exerciseId: 'hip-flexor-stretch', level: 0, easier: false },
      { exerciseId: 'hamstring-stretch', level: 0, easier: false },
    ]);
  });

  it('with nothing running says so', () => {
    const d = new CoachDriver();
    d.send('easier');
    expect(d.text).toContain("There's no exercise going right now.");
  });
});

describe('a run started easier (the pain policy)', () => {
  it('startRoutine with easier: every exercise in its easier version, reported so', () => {
    const d = new CoachDriver();
    d.send({ type: 'startRoutine', routine: 'quick-relief', levels: {}, easier: true });
    expect(d.text).toMatch(/^The quick relief routine: 3 exercises\. Let's go\. Gentle pelvic tilts\./);
    expect(d.state.run?.easier).toEqual(['pelvic-tilt', 'hip-flexor-stretch', 'hamstring-stretch']);
    const done = finish(d);
    expect(done.every((e) => e.easier)).toBe(true);
    expect(done).toHaveLength(3);
  });

  it('startExercise with easier', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'dead-bug', levels: { 'dead-bug': 2 }, easier: true });
    expect(d.text).toMatch(
      /^Heel slides\. Lie on your back, knees bent, feet flat.* This side: your left heel slides\./,
    );
    expect(d.text).toContain('Slide. [pause 1s] And back.');
    expect(d.text).not.toContain('arm overhead');
  });

  it('bird dog easier: arm only, then leg only, rep by rep', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'bird-dog', levels: {}, easier: true });
    expect(d.text).toContain('This side: your right arm, then your left leg, one at a time.');
    expect(d.text).toMatch(
      /Reach your arm\. \[pause 3s\] And back\. \[pause 1\.5s\] 1\. Now your leg\. \[pause 3s\] And back\./,
    );
    expect(durationOf(d.last.speech)).toBeGreaterThan(0);
  });
});
