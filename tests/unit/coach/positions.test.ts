import { CoachDriver } from '../../support/coachHarness';
import { EXERCISE_IDS } from '../../../lambda/src/coach/ids';

const strength = { type: 'startRoutine', routine: 'strength', levels: {} } as const;

/** The strength routine, listened to up to the end of the bridges (the question before the clamshell). */
const beforeClamshell = (): CoachDriver => {
  const d = new CoachDriver();
  d.send(strength);
  d.listen().send('yes');
  return d;
};

const GET_THERE = /Take a few seconds to get into position\. \[pause 6s\] Good\./;

describe('position first, and time to get there', () => {
  it('the question before a new exercise names it, describes its position by the limb, and waits for ready', () => {
    const d = beforeClamshell();
    expect(d.text).toMatch(
      /10\. Next is the clamshell\. Lie on your side, knees bent, hips stacked, feet together\. Left side down: your top knee, the right, lifts\. Say ready when you're there\.$/,
    );
    expect(d.text).not.toContain('Ready?');
    expect(d.last.reprompt).toEqual([{ say: 'coach.reprompt.position' }]);
  });

  it('after ready, the block starts with the movement, not the position again', () => {
    const d = beforeClamshell();
    d.listen().send('ready');
    expect(d.text).toMatch(
      /^Clamshell\. Keep your feet together and lift your top knee, pause, then lower it slowly\. Don't let your hips roll back\. Open\./,
    );
    expect(d.text).not.toContain('Lie on your side');
    expect(d.text).not.toContain('get into position');
  });

  it('a pause between the question and the answer describes the position again, with time to get there', () => {
    const d = beforeClamshell();
    d.listen().send('pause');
    d.wait(60_000).send('resume');
    expect(d.text).toMatch(/^Clamshell\. Lie on your side/);
    expect(d.text).toMatch(GET_THERE);
  });

  it.each([
    ['the first exercise of a routine', (d: CoachDriver) => d.send(strength)],
    [
      'a single exercise',
      (d: CoachDriver) => d.send({ type: 'startExercise', exercise: 'clamshell', levels: {} }),
    ],
    [
      'a routine resumed at a new exercise',
      (d: CoachDriver) => d.send({ type: 'startRoutine', routine: 'strength', levels: {}, fromBlock: 2 }),
    ],
    [
      'start over',
      (d: CoachDriver) => {
        d.send(strength);
        d.listen().send('yes');
        d.wait(5000).send('startOver');
      },
    ],
    [
      'skip to the next exercise',
      (d: CoachDriver) => {
        d.send(strength);
        d.wait(5000).send('skip');
      },
    ],
  ])('%s: position, then at least 5 s to get there, then the first movement', (_name, run) => {
    const d = new CoachDriver();
    run(d);
    const text = d.text;
    const position = text.search(/Lie on your/);
    const gap = text.search(GET_THERE);
    const firstMove = text.search(/ (Lift|Open)\. /);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(gap).toBeGreaterThan(position);
    expect(firstMove).toBeGreaterThan(gap);
    expect(d.markOf(0)).toBeGreaterThan(6000);
  });

  it('interrupted while the position is described, resume describes it again', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.wait(3000).send('pause');
    d.wait(30_000).send('resume');
    expect(d.text).toMatch(/^Bridge\. Lie on your back/);
    expect(d.text).toMatch(GET_THERE);
  });

  it('interrupted after the first movement, resume does not introduce it again', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.wait(d.markOf(0) + 500).send('pause');
    d.send('resume');
    expect(d.text).toMatch(/^Bridge\. Lift\./);
  });

  it('the time to get into position does not change with the pace', () => {
    const d = new CoachDriver();
    d.send({ type: 'pace', pace: 'faster' });
    d.send(strength);
    expect(d.text).toMatch(GET_THERE);
  });

  it('a later block of the same exercise gets only its side by the limb, and a moment to switch sides', () => {
    const d = beforeClamshell();
    d.listen().send('yes');
    d.listen().send('yes');
    expect(d.text).toMatch(
      /^Clamshell, other side\. Right side down: your top knee, the left, lifts\. \[pause 4s\] Open\./,
    );
    d.listen().send('yes');
    expect(d.text).toMatch(
      /^Set 2 of 2\. Left side down: your top knee, the right, lifts\. \[pause 4s\] Open\./,
    );
  });
});

describe('sides are named by the limb', () => {
  const bothSides = (exercise: (typeof EXERCISE_IDS)[number], levels = {}): [string, string] => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise, levels });
    const left = d.text;
    d.listen().send('yes');
    return [left, d.text];
  };

  it('clamshell: the side you lie on and the knee that lifts', () => {
    const [left, right] = bothSides('clamshell');
    expect(left).toContain('Left side down: your top knee, the right, lifts.');
    expect(right).toContain('Right side down: your top knee, the left, lifts.');
  });

  it('bird dog: the arm and the opposite leg', () => {
    const [left, right] = bothSides('bird-dog');
    expect(left).toContain('This side: your right arm and left leg.');
    expect(right).toContain('This side: your left arm and right leg.');
  });

  it('dead bug: the leg that lowers, and arm and leg once the arm joins in', () => {
    const [left, right] = bothSides('dead-bug');
    expect(left).toContain('This side: your left leg lowers, arms stay up.');
    expect(right).toContain('This side: your right leg lowers, arms stay up.');
    const [armLeft, armRight] = bothSides('dead-bug', { 'dead-bug': 2 });
    expect(armLeft).toContain('This side: lower your right arm and left leg.');
    expect(armRight).toContain('This side: lower your left arm and right leg.');
  });

  it('hip flexor stretch: the knee down, the foot in front, and where the stretch is', () => {
    const [left, right] = bothSides('hip-flexor-stretch');
    expect(left).toContain(
      'Right knee down, left foot in front: the stretch is at the front of your right hip.',
    );
    expect(right).toMatch(
      /^Kneeling hip flexor stretch, other side\. Left knee down, right foot in front: the stretch is at the front of your left hip\. \[pause 4s\] Hold it there\./,
    );
  });

  it('no block of the full routine names a side without its limb', () => {
    const d = new CoachDriver();
    d.send({ type: 'startRoutine', routine: 'full', levels: {} });
    const texts = [d.text];
    while (d.state.run && !/Well done/.test(d.text)) {
      d.listen().send('yes');
      texts.push(d.text);
    }
    for (const text of texts) {
      expect(text).not.toMatch(/(^|\. )(Left|Right) side\./);
      expect(text).not.toMatch(/, (left|right) side\./);
    }
  });
});
