import type { Event } from '../../../lambda/src/conversation/event';
import type { ConversationState, ModeKind } from '../../../lambda/src/conversation/state';
import { keysOf, Talk } from './fixtures';

/** One of each kind of event a user (or Alexa) can send mid-conversation. */
const EVENTS: readonly Event[] = [
  { kind: 'stop' },
  { kind: 'help' },
  { kind: 'answer', answer: 'yes' },
  { kind: 'answer', answer: 'no' },
  { kind: 'answer', answer: 'unsure' },
  ...(['next', 'previous', 'repeat', 'pause', 'resume', 'startOver', 'skip'] as const).map(
    (command): Event => ({ kind: 'command', command }),
  ),
  { kind: 'pace', pace: 'slower' },
  { kind: 'pace' },
  { kind: 'startRoutine', routine: 'strength' },
  { kind: 'startRoutine' },
  { kind: 'startRoutine', heard: true },
  { kind: 'startExercise', exercise: 'bridge' },
  { kind: 'startExercise', heard: true },
  { kind: 'listExercises' },
  { kind: 'symptomCheck' },
  { kind: 'symptom', symptom: 'leg-numbness' },
  { kind: 'symptom', symptom: 'chest-pain' },
  { kind: 'symptom' },
  { kind: 'symptom', unclear: true },
  { kind: 'hurts' },
  { kind: 'painScore', score: 2 },
  { kind: 'painScore', score: 9 },
  { kind: 'painScore' },
  { kind: 'relief' },
  { kind: 'relief', onset: 'recent' },
  { kind: 'habit' },
  { kind: 'habit', topic: 'sleep' },
  { kind: 'medicine' },
  { kind: 'progress' },
  { kind: 'deleteData' },
  { kind: 'whereAmI' },
  { kind: 'easier' },
  { kind: 'why' },
  { kind: 'unknown' },
];

const describeEvent = (e: Event): string => JSON.stringify(e);

/** A fresh conversation driven into the named situation. */
const situation = (name: string): Talk => {
  const drive = SITUATIONS[name];
  if (!drive) throw new Error(`no situation ${name}`);
  return drive();
};

/** Drives a fresh conversation into each situation a user can be in. */
const SITUATIONS: Readonly<Record<string, () => Talk>> = {
  menu: () => {
    const t = new Talk();
    t.send({ kind: 'launch' });
    return t;
  },
  'mid-set': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'bridge' });
    t.send({ kind: 'painScore', score: 2 });
    return t.wait(40_000);
  },
  paused: () => {
    const t = situation('mid-set');
    t.send({ kind: 'command', command: 'pause' });
    return t;
  },
  'between sides': () => {
    const t = new Talk();
    t.send({ kind: 'startExercise', exercise: 'clamshell' });
    t.send({ kind: 'painScore', score: 2 });
    return t.wait(10 * 60_000);
  },
  'easier or skip, after "it hurts" and a 4': () => {
    const t = situation('pain during');
    t.send({ kind: 'painScore', score: 4 });
    return t;
  },
  'relief routine or easier versions, after a 6 before exercise': () => {
    const t = situation('pain before a routine');
    t.send({ kind: 'painScore', score: 6 });
    return t;
  },
  screen: () => {
    const t = situation('menu');
    t.send({ kind: 'symptomCheck' });
    return t;
  },
  'symptom confirm': () => {
    const t = situation('mid-set');
    t.send({ kind: 'symptom', unclear: true });
    return t;
  },
  'pain before a routine': () => {
    const t = situation('menu');
    t.send({ kind: 'startRoutine', routine: 'full' });
    return t;
  },
  'pain during': () => {
    const t = situation('mid-set');
    t.send({ kind: 'hurts' });
    return t;
  },
  'pain at the menu': () => {
    const t = situation('menu');
    t.send({ kind: 'hurts' });
    return t;
  },
  'relief offered': () => {
    const t = situation('pain before a routine');
    t.send({ kind: 'painScore', score: 9 });
    return t;
  },
  'relief: when did it start': () => {
    const t = situation('menu');
    t.send({ kind: 'relief' });
    return t;
  },
  'relief: pelvic tilts offered': () => {
    const t = situation('menu');
    t.send({ kind: 'relief', onset: 'older' });
    return t;
  },
  'habits: which topic': () => {
    const t = situation('menu');
    t.send({ kind: 'habit' });
    return t;
  },
  'delete confirmation': () => {
    const t = situation('menu');
    t.send({ kind: 'deleteData' });
    return t;
  },
  'six-week question': () => {
    const t = situation('menu');
    t.state = { ...t.state, mode: { kind: 'sixWeek' } };
    return t;
  },
  'resume offer': () => {
    const t = situation('menu');
    t.state = { ...t.state, mode: { kind: 'resumeOffer', routine: 'strength', fromBlock: 3 } };
    return t;
  },
  'level-up offer': () => {
    const t = situation('menu');
    t.state = { ...t.state, mode: { kind: 'levelUp', exerciseId: 'bridge', to: 1 } };
    return t;
  },
};

/** Each open question and the words that show it is still being asked. */
const QUESTION_HINT: Readonly<Partial<Record<ModeKind, string>>> = {
  screen: 'screening.answerHint',
  symptomConfirm: 'conversation.symptomConfirm.reprompt',
  painBefore: 'screening.pain.scaleHintSkip',
  painDuring: 'screening.pain.scaleHint',
  sixWeek: 'screening.sixWeeks.reprompt',
  resumeOffer: 'progress.offer.resumeReprompt',
  levelUp: 'progress.offer.levelUpReprompt',
  deleteData: 'progress.delete.confirmReprompt',
  painEase: 'screening.pain.during.easeOffReprompt',
  painChoice: 'screening.pain.much.offerReprompt',
};

/** What may leave any question: stop, a symptom, a symptom check. */
const interrupts = (e: Event): boolean =>
  e.kind === 'stop' || e.kind === 'symptom' || e.kind === 'symptomCheck';

/** Events that answer a given question (everything else must get the question again). */
const answers = (mode: ModeKind, e: Event): boolean => {
  switch (mode) {
    case 'screen':
    case 'symptomConfirm':
      return e.kind === 'answer';
    case 'painBefore':
    case 'painIdle':
      return (
        (e.kind === 'painScore' && e.score !== undefined) ||
        (e.kind === 'command' && e.command === 'skip') ||
        (e.kind === 'answer' && e.answer === 'unsure')
      );
    case 'painDuring':
      return (
        (e.kind === 'painScore' && e.score !== undefined) || (e.kind === 'command' && e.command === 'skip')
      );
    case 'painEase':
      return (
        e.kind === 'answer' ||
        e.kind === 'easier' ||
        e.kind === 'hurts' ||
        (e.kind === 'command' && (e.command === 'skip' || e.command === 'resume'))
      );
    case 'painChoice':
      return (e.kind === 'answer' && e.answer !== 'unsure') || e.kind === 'easier';
    default:
      return e.kind === 'answer';
  }
};

/** Non-health questions let a request through ("start my stretches" at the resume offer). */
const isRequest = (e: Event): boolean =>
  !['answer', 'unknown', 'help', 'painScore', 'hurts'].includes(e.kind) &&
  !(e.kind === 'command' && (e.command === 'repeat' || e.command === 'skip'));

const HEALTH: ReadonlySet<ModeKind> = new Set([
  'screen',
  'symptomConfirm',
  'painBefore',
  'painDuring',
  'painEase',
]);

describe.each(Object.keys(SITUATIONS))('in the situation "%s"', (name) => {
  const before = (): { talk: Talk; state: ConversationState } => {
    const talk = situation(name);
    return { talk, state: talk.state };
  };

  it.each(EVENTS.map((e) => [describeEvent(e), e] as const))('%s gets an answer', (_name, event) => {
    const { talk } = before();
    const r = talk.send(event);
    if (r.effect === 'removeUser')
      return expect(talk.send({ kind: 'removed', ok: true }).reply.speech.length).toBeGreaterThan(0);
    if (r.reply.end) {
      // Only stop, an emergency and "no" to "what next" end a session.
      expect(event.kind === 'stop' || event.kind === 'symptom' || event.kind === 'answer').toBe(true);
      return undefined;
    }
    expect(r.reply.speech.length).toBeGreaterThan(0);
    expect(keysOf(r.reply.reprompt).length).toBeGreaterThan(0);
    return undefined;
  });

  it.each(EVENTS.map((e) => [describeEvent(e), e] as const))(
    '%s never loses an open question or starts exercise around it',
    (_name, event) => {
      const { talk, state } = before();
      const mode = state.mode?.kind;
      if (!mode || interrupts(event) || answers(mode, event)) return;
      if (!HEALTH.has(mode) && isRequest(event)) return;
      const r = talk.send(event);
      expect(r.state.mode?.kind).toBe(mode);
      const hint = QUESTION_HINT[mode];
      if (hint) expect(keysOf(r.reply.reprompt)).toContain(hint);
      // A block that was held still stays held still: nothing started in its place.
      expect(r.state.coach.run?.spokenAt).toBe(state.coach.run?.spokenAt);
    },
  );
});

describe('mid-set, anything unexpected pauses at the rep the user was on', () => {
  it.each([{ kind: 'unknown' }, { kind: 'painScore' }] as const)('%j', (event) => {
    const talk = situation('mid-set');
    const r = talk.send(event);
    expect(r.state.coach.run?.paused).toBe(true);
    expect(r.state.coach.run?.step).toBeGreaterThan(0);
    expect(keysOf(r.reply.speech)).toEqual(['coach.paused.atRep', 'coach.paused.howToResume']);
    const resumed = talk.wait(60_000).send({ kind: 'command', command: 'resume' });
    expect(keysOf(resumed.reply.speech)[0]).toBe('coach.resumeAt');
  });
});

describe('a question about something else mid-set keeps the place', () => {
  it('advice, then "resume", picks up at the same rep', () => {
    const talk = situation('mid-set');
    const step = talk.state.coach.run?.step;
    talk.send({ kind: 'habit', topic: 'sleep' });
    expect(talk.state.coach.run?.paused).toBe(true);
    const resumed = talk.wait(5 * 60_000).send({ kind: 'command', command: 'resume' });
    expect(resumed.state.coach.run?.step).toBeGreaterThanOrEqual(step ?? 0);
    expect(resumed.reply.speech).toContainEqual({
      say: 'coach.resumeAt',
      params: { count: (talk.state.coach.run?.step ?? 0) + 1 },
    });
  });
});

describe('what next', () => {
  it('"no" at the menu ends the session kindly', () => {
    const talk = situation('menu');
    const r = talk.send({ kind: 'answer', answer: 'no' });
    expect(r.reply.end).toBe(true);
    expect(keysOf(r.reply.speech)).toEqual(['conversation.goodbyeKind']);
  });

  it('something unmatched at the menu gets the short menu, and the session stays open', () => {
    const talk = situation('menu');
    const r = talk.send({ kind: 'unknown' });
    expect(r.reply.end).toBeFalsy();
    expect(keysOf(r.reply.speech)).toEqual(['common.fallback']);
  });
});

describe('symptom words', () => {
  it('a symptom statement with none named ("something is wrong") runs the whole screen', () => {
    const r = situation('mid-set').send({ kind: 'symptom' });
    expect(r.state.mode?.kind).toBe('screen');
    expect(keysOf(r.reply.speech)[0]).toBe('screening.intro.symptom');
    expect(r.state.coach.run?.paused).toBe(true);
  });

  it('a symptom word Alexa could not resolve asks one yes/no question, not the screen', () => {
    const talk = situation('mid-set');
    const r = talk.send({ kind: 'symptom', unclear: true });
    expect(r.state.mode?.kind).toBe('symptomConfirm');
    expect(keysOf(r.reply.speech)).toEqual(['conversation.symptomConfirm.ask']);
    expect(r.state.coach.run?.paused).toBe(true);
  });

  it('"no" to it goes back to the paused block, with how to go on', () => {
    const talk = situation('symptom confirm');
    const r = talk.send({ kind: 'answer', answer: 'no' });
    expect(r.state.mode).toBeUndefined();
    expect(keysOf(r.reply.speech)).toEqual([
      'conversation.symptomConfirm.no',
      'coach.paused.atRep',
      'coach.paused.howToResume',
    ]);
  });

  it.each(['yes', 'unsure'] as const)(
    '"%s" to it opens the screen, and a clear screen carries on',
    (answer) => {
      const talk = situation('symptom confirm');
      const r = talk.send({ kind: 'answer', answer });
      expect(r.state.mode?.kind).toBe('screen');
      expect(r.state.mode?.kind === 'screen' && r.state.mode.then).toEqual({ type: 'continue' });
    },
  );

  it.each([
    { kind: 'symptom', symptom: 'chest-pain' },
    { kind: 'symptom', symptom: 'breathing' },
  ] as const)('%j ends the session with the emergency number, whatever was open', (event) => {
    for (const name of Object.keys(SITUATIONS)) {
      const r = situation(name).send(event);
      expect(r.reply.end).toBe(true);
      expect(r.reply.speech).toContainEqual({
        say: 'screening.emergency.chestPain.call',
        params: { number: { digits: '911' } },
      });
      expect(r.reply.card?.text).toContainEqual({
        say: 'screening.emergency.card.chestPainCall',
        params: { number: '911' },
      });
      expect(r.state.coach.run).toBeUndefined();
    }
  });
});
