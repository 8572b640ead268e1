import { CoachDriver, durationOf } from '../../support/coachHarness';
import { runStatus } from '../../../lambda/src/coach/engine';

const strength = { type: 'startRoutine', routine: 'strength', levels: {} } as const;

/** Strength routine, barged in during rep `rep` (1-based) of the first bridge set. */
const midBridge = (rep: number): CoachDriver => {
  const d = new CoachDriver();
  d.send(strength);
  d.wait(d.markOf(rep - 1) + 500);
  return d;
};

describe('runStatus: where the user is, as data', () => {
  it('is undefined when nothing runs', () => {
    expect(runStatus(new CoachDriver().state, Date.now())).toBeUndefined();
  });

  it('mid-set: the rep the user is on, what is left, what comes next, roughly how long', () => {
    const d = midBridge(5);
    const status = runStatus(d.state, d.now);
    expect(status).toEqual(
      expect.objectContaining({
        exerciseId: 'bridge',
        kind: 'reps',
        set: 1,
        sets: 2,
        rep: 5,
        reps: 10,
        repsLeft: 5,
        nextExerciseId: 'clamshell',
        between: false,
        paused: false,
        easier: false,
      }),
    );
    expect(status?.side).toBeUndefined();
    expect(status?.minutesLeft).toBeGreaterThanOrEqual(5);
  });

  it('names the side of a sided exercise', () => {
    const d = new CoachDriver();
    d.send({ type: 'startRoutine', routine: 'strength', levels: {}, fromBlock: 3 });
    d.wait(d.markOf(1) + 200);
    expect(runStatus(d.state, d.now)).toEqual(
      expect.objectContaining({ exerciseId: 'clamshell', side: 'right', rep: 2, repsLeft: 8 }),
    );
  });

  it('between blocks: the block about to start, nothing of it done yet', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.listen();
    expect(runStatus(d.state, d.now)).toEqual(
      expect.objectContaining({ exerciseId: 'bridge', set: 2, rep: 0, repsLeft: 10, between: true }),
    );
  });

  it('minutes left are roughly the time the routine really takes, and go down', () => {
    const d = new CoachDriver();
    d.send(strength);
    const atStart = runStatus(d.state, d.now)?.minutesLeft ?? 0;
    let total = durationOf(d.last.speech);
    let before = atStart;
    while (d.state.run && !/Well done/.test(d.text)) {
      d.listen().send('yes');
      total += durationOf(d.last.speech) + 1500;
      const now = runStatus(d.state, d.now)?.minutesLeft;
      if (now !== undefined) {
        expect(now).toBeLessThanOrEqual(before);
        before = now;
      }
    }
    const realMinutes = total / 60_000;
    expect(atStart).toBeGreaterThan(realMinutes * 0.7);
    expect(atStart).toBeLessThan(realMinutes * 1.4 + 1);
  });
});

describe('"how many are left?" (status event)', () => {
  it('mid-set it pauses at the current rep and says where the user is, then how to go on', () => {
    const d = midBridge(5);
    d.send('status');
    expect(d.text).toMatch(
      /^Rep 5 of 10 of your bridges\. 5 more in this set, then set 2\. About \d+ minutes to go\. Say resume to carry on\.$/,
    );
    expect(d.state.run?.paused).toBe(true);
    expect(d.last.reprompt).toEqual([{ say: 'coach.reprompt.paused' }]);
    d.wait(10_000).send('resume');
    expect(d.text).toMatch(/^Rep 5\. Lift\./);
  });

  it('names the limb of a sided exercise and the exercise that follows', () => {
    const d = new CoachDriver();
    d.send({ type: 'startRoutine', routine: 'strength', levels: {}, fromBlock: 5 });
    d.wait(d.markOf(9) + 200).send('status');
    expect(d.text).toMatch(
      /^Rep 10 of 10 of your clamshells, lying on your right side, left knee lifting\. This is the last one in this set, then the bird dog\. About \d+ minutes? to go\./,
    );
  });

  it("between blocks it says what comes next and asks the block's question again", () => {
    const d = new CoachDriver();
    d.send(strength);
    d.listen().send('status');
    expect(d.text).toMatch(
      /^Next, 10 bridges, then the clamshell\. About \d+ minutes to go\. Ready for set 2\?$/,
    );
    expect(d.state.run?.paused).toBe(false);
    d.send('yes');
    expect(d.text).toMatch(/^Set 2 of 2\./);
  });

  it('during a stretch', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'hip-flexor-stretch', levels: {} });
    d.wait(d.markOf(0) + 5000).send('status');
    expect(d.text).toBe(
      "You're in your kneeling hip flexor stretch, right knee down, stretch 1 of 2 on this side. Then the other side. About 3 minutes to go. Say resume to carry on.",
    );
  });

  it('on the last set of the last exercise', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'bridge', levels: {} });
    d.listen().send('yes');
    d.wait(d.markOf(2) + 200).send('status');
    expect(d.text).toMatch(/^Rep 3 of 10 of your bridges\. 7 more in this set, and that's the last set\./);
  });

  it('with nothing running says so', () => {
    const d = new CoachDriver();
    d.send('status');
    expect(d.text).toContain("There's no exercise going right now.");
  });
});

describe('"why am I doing this?" (why event)', () => {
  it('mid-set it pauses and says why this exercise helps, then how to go on', () => {
    const d = new CoachDriver();
    d.send({ type: 'startExercise', exercise: 'clamshell', levels: {} });
    d.wait(d.markOf(3) + 300).send('why');
    expect(d.text).toBe(
      'It strengthens the muscle at the side of your hip, the gluteus medius, which steadies your hip when you walk. Say resume to carry on.',
    );
    expect(d.state.run?.paused).toBe(true);
    d.send('resume');
    expect(d.text).toMatch(/^Rep 4\./);
  });

  it('between blocks it explains the exercise that comes next and asks the question again', () => {
    const d = new CoachDriver();
    d.send(strength);
    d.listen().send('yes');
    d.listen().send('why');
    expect(d.text).toMatch(
      /^It strengthens the muscle at the side of your hip.* Next is the clamshell\. .* Say ready when you're there\.$/,
    );
  });

  it('with nothing running it says what the exercises help with, and how to start', () => {
    const d = new CoachDriver();
    d.send('why');
    expect(d.last.speech).toEqual([{ say: 'coach.why.nothingRunning' }]);
    expect(d.text).toContain('Say start my stretches');
  });
});
