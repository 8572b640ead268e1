import type { Event } from '../../../lambda/src/conversation/event';
import { clearedToday, Talk } from './fixtures';

/**
 * The pain policy as a table: every answer to "from zero to ten?" in every situation that
 * leads to exercise, through the reducer. Spoken number words arrive as digits (Alexa's
 * AMAZON.NUMBER), so each score is one event; "skip" and unclear answers are their own rows.
 */

type Before = 'go' | 'go-easier' | 'offer-gentle' | 'no-strength';
const BEFORE: Readonly<Record<number, Before>> = {
  0: 'go',
  1: 'go',
  2: 'go',
  3: 'go',
  4: 'go-easier',
  5: 'go-easier',
  6: 'offer-gentle',
  7: 'offer-gentle',
  8: 'no-strength',
  9: 'no-strength',
  10: 'no-strength',
};

/** Each context ends with the pain question open before exercise. */
const CONTEXTS: Readonly<Record<string, () => Talk>> = {
  'before a routine': () => {
    const t = new Talk();
    t.send({ kind: 'startRoutine', routine: 'strength' });
    return t;
  },
  'before a single exercise': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'bridge' });
    return t;
  },
  'after a clear screen': () => {
    const t = new Talk({ ...clearedToday(), lastClearScreenDay: null });
    t.send({ kind: 'startExercise', exercise: 'bird-dog' });
    for (let i = 0; i < 12 && t.state.mode?.kind === 'screen'; i += 1)
      t.send({ kind: 'answer', answer: 'no' });
    return t;
  },
  'after accepting a level-up offer': () => {
    const t = new Talk();
    t.state = { ...t.state, mode: { kind: 'levelUp', exerciseId: 'bridge', to: 1 } };
    t.send({ kind: 'answer', answer: 'yes' });
    t.send({ kind: 'startExercise', exercise: 'bridge' });
    return t;
  },
  'after a resume offer': () => {
    const t = new Talk();
    t.state = { ...t.state, mode: { kind: 'resumeOffer', routine: 'strength', fromBlock: 2 } };
    t.send({ kind: 'answer', answer: 'yes' });
    return t;
  },
};

const outcomeOf = (t: Talk): Before | 'asked-again' | 'other' => {
  const run = t.state.coach.run;
  if (run) return (run.easier ?? []).length > 0 ? 'go-easier' : 'go';
  switch (t.state.mode?.kind) {
    case 'painChoice':
      return 'offer-gentle';
    case 'offerRelief':
      return t.state.noStrength ? 'no-strength' : 'other';
    case 'painBefore':
      return 'asked-again';
    default:
      return 'other';
  }
};

describe.each(Object.keys(CONTEXTS))('%s', (context) => {
  const open = (): Talk => {
    const t = CONTEXTS[context]?.();
    if (!t) throw new Error(context);
    expect(t.state.mode?.kind).toBe('painBefore');
    return t;
  };

  it.each(Object.entries(BEFORE))('a %s → %s', (score, expected) => {
    const t = open();
    t.send({ kind: 'painScore', score: Number(score) });
    expect(outcomeOf(t)).toBe(expected);
    // Never "let's start" in a reply that starts nothing, never a second exercise after a stop.
    const said = t.last.reply.speech.flatMap((i) => ('say' in i ? [i.say] : []));
    if (expected !== 'go' && expected !== 'go-easier') expect(said).not.toContain('screening.pain.goOn');
  });

  it.each<[string, Event]>([
    ['skip', { kind: 'command', command: 'skip' }],
    ['not sure', { kind: 'answer', answer: 'unsure' }],
  ])('"%s" skips the question and goes', (_what, event) => {
    const t = open();
    t.send(event);
    expect(outcomeOf(t)).toBe('go');
  });

  it('an unclear answer is asked once more; a second goes gently, never a third ask', () => {
    const t = open();
    t.send({ kind: 'unknown' });
    expect(outcomeOf(t)).toBe('asked-again');
    t.send({ kind: 'answer', answer: 'yes' });
    expect(outcomeOf(t)).toBe('go');
    expect(t.last.reply.speech[0]).toEqual({ say: 'screening.pain.unclearGoGently' });
  });

  it('8 or more closes strength work for the rest of the session, whatever is asked next', () => {
    const t = open();
    t.send({ kind: 'painScore', score: 9 });
    for (const event of [
      { kind: 'startExercise', exercise: 'bridge' },
      { kind: 'startRoutine', routine: 'full' },
    ] as const) {
      t.send(event);
      expect(t.state.coach.run).toBeUndefined();
      expect(t.state.mode?.kind).toBe('offerRelief');
    }
    // The gentle routine stays open.
    t.send({ kind: 'startRoutine', routine: 'quick-relief' });
    expect(t.state.coach.run?.routine).toBe('quick-relief');
  });
});

/** Mid-exercise, after "it hurts", in each kind of exercise. */
const DURING: Readonly<Record<string, () => Talk>> = {
  'counted reps (bridge)': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'bridge' });
    t.send({ kind: 'painScore', score: 1 });
    t.wait(40_000).send({ kind: 'hurts' });
    return t;
  },
  'a sided exercise (clamshell)': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'clamshell' });
    t.send({ kind: 'painScore', score: 1 });
    t.wait(40_000).send({ kind: 'hurts' });
    return t;
  },
  'a held stretch (hip flexor)': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'hip-flexor-stretch' });
    t.send({ kind: 'painScore', score: 1 });
    t.wait(30_000).send({ kind: 'hurts' });
    return t;
  },
};

describe.each(Object.keys(DURING))('during %s', (kind) => {
  const hurt = (): Talk => {
    const t = DURING[kind]?.();
    if (!t) throw new Error(kind);
    expect(t.state.mode?.kind).toBe('painDuring');
    expect(t.state.coach.run?.paused).toBe(true);
    return t;
  };

  it.each([0, 1, 2, 3])('a %i carries on where it stopped', (score) => {
    const t = hurt();
    t.send({ kind: 'painScore', score });
    expect(t.state.mode).toBeUndefined();
    expect(t.state.coach.run?.paused).toBe(false);
    expect(t.state.troubled).toBeUndefined();
  });

  it.each([4, 5])('a %i asks: the easier version, or skip it; nothing moves until answered', (score) => {
    const t = hurt();
    t.send({ kind: 'painScore', score });
    expect(t.state.mode?.kind).toBe('painEase');
    expect(t.state.coach.run?.paused).toBe(true);
    expect(t.state.troubled).toBe(true);
  });

  it.each([6, 7, 8, 9, 10])('a %i stops it and strength work, and only asks what would help', (score) => {
    const t = hurt();
    t.send({ kind: 'painScore', score });
    expect(t.state.coach.run).toBeUndefined();
    expect(t.state.noStrength).toBe(true);
    expect(t.state.mode?.kind).toBe('offerRelief');
    expect(t.last.changes.some((c) => c.practice?.some((p) => !p.clean))).toBe(true);
  });

  it('unclear twice is taken as 4–5: the careful question', () => {
    const t = hurt();
    t.send({ kind: 'unknown' });
    expect(t.state.mode?.kind).toBe('painDuring');
    t.send({ kind: 'command', command: 'resume' });
    expect(t.state.mode?.kind).toBe('painEase');
  });
});
