import {
  QUESTIONS,
  exerciseAllowed,
  questionByNumber,
  type Outcome,
  type QuestionNumber,
} from '../../../lambda/src/screening/questions';
import {
  answerScreen,
  isScreenState,
  startScreen,
  type ScreenAnswer,
  type ScreenState,
  type ScreenStep,
} from '../../../lambda/src/screening/screen';
import { translatorFor } from '../../../lambda/src/i18n';
import { words } from './render';

const t = translatorFor('en-US');
const questionText = (n: QuestionNumber): string => t(questionByNumber(n).key);
const ALL: QuestionNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const orderFrom = (from: QuestionNumber): QuestionNumber[] => [
  ...ALL.filter((n) => n >= from),
  ...ALL.filter((n) => n < from),
];
const flagLevelOf = (n: QuestionNumber) => questionByNumber(n).level;
/** Indexing that fails the test loudly instead of yielding undefined. */
const at = <T>(list: readonly T[], i: number): T => {
  const v = list[i];
  if (v === undefined) throw new Error(`nothing at ${i}`);
  return v;
};
/** An answer as a person gives it: "not sure" means "not sure" twice (the rephrase between). */
const answerFully = (state: ScreenState, answer: ScreenAnswer, locale = 'en-US'): ScreenStep =>
  answer === 'unsure'
    ? answerScreen(answerScreen(state, 'unsure', locale).state, 'unsure', locale)
    : answerScreen(state, answer, locale);

/** Answers "no" `times` times. */
const noTimes = (state: ScreenState, times: number): ScreenStep | undefined => {
  let step: ScreenStep | undefined;
  for (let i = 0; i < times; i++) {
    step = answerScreen(step?.state ?? state, 'no', 'en-US');
  }
  return step;
};

/** The question a plan ends by asking (its last words), or undefined. */
const askedIn = (step: { plan: ScreenStep['plan'] }): QuestionNumber | undefined => {
  const text = words(step.plan);
  return ALL.find((n) => text.endsWith(questionText(n)));
};

describe('starting the screen', () => {
  test('says why, asks for yes, no or not sure, then asks the first question alone', () => {
    const { plan, reprompt, state } = startScreen({ reason: 'first-time' });
    expect(words(plan)).toBe(
      `Before we move, a few quick safety questions. Answer yes, no, or not sure. ${questionText(1)}`,
    );
    expect(words(reprompt)).toContain(questionText(1));
    expect(state.done).toBe(false);
  });

  test.each(['first-time', 'weekly', 'requested', 'symptom'] as const)(
    'the %s intro explains the yes / no / not sure answers',
    (reason) => {
      expect(words(startScreen({ reason }).plan)).toContain('Answer yes, no, or not sure.');
    },
  );

  test.each([0, 10, 2.5, -1, Number.NaN])('an invalid start question (%p) starts at question 1', (from) => {
    const { plan } = startScreen({ reason: 'symptom', fromQuestion: from });
    expect(askedIn({ plan })).toBe(1);
  });
});

/** Runs answers from a start question; returns the last step and the order asked. */
const run = (from: QuestionNumber, answerFor: (n: QuestionNumber) => ScreenAnswer, locale = 'en-US') => {
  const start = startScreen({ reason: 'symptom', fromQuestion: from });
  const asked: QuestionNumber[] = [at(start.state.order, 0)];
  let step = answerFully(start.state, answerFor(at(asked, 0)), locale);
  for (let guard = 0; guard < 20 && step.outcome === undefined; guard++) {
    // The state says which question the plan asks (checked by words in the table tests).
    const current = at(step.state.order, step.state.index);
    asked.push(current);
    step = answerFully(step.state, answerFor(current), locale);
  }
  return { asked, last: step };
};

describe('each question answered yes, no and not sure, in each position', () => {
  const cases: [QuestionNumber, QuestionNumber, 'yes' | 'no' | 'unsure'][] = [];
  for (const from of ALL)
    for (const q of ALL) for (const a of ['yes', 'no', 'unsure'] as const) cases.push([from, q, a]);

  test.each(cases)('starting at %i, question %i answered %s', (from, q, answer) => {
    const order = orderFrom(from);
    const position = order.indexOf(q);
    const start = startScreen({ reason: 'symptom', fromQuestion: from });
    // Every question before q in this order answered "no".
    const state = noTimes(start.state, position)?.state ?? start.state;
    const step = answerFully(state, answer, 'en-US');

    const flagged = answer !== 'no';
    const isLast = position === order.length - 1;
    if (flagged && flagLevelOf(q) === 'emergency') {
      expect(step.outcome).toBe('emergency');
      expect(step.endSession).toBe(true);
      expect(words(step.plan)).toContain('911');
      expect(askedIn(step)).toBeUndefined();
      return;
    }
    expect(step.endSession).toBe(false);
    if (!isLast) {
      // The next step is the next question in the order, and nothing is decided yet.
      expect(step.outcome).toBeUndefined();
      expect(askedIn(step)).toBe(order[position + 1]);
      // Finish with "no" to everything else: the flagged level still decides.
      const last = noTimes(step.state, order.length - position - 1);
      expect(last?.outcome).toBe(flagged ? flagLevelOf(q) : 'clear');
    } else {
      expect(step.outcome).toBe(flagged ? flagLevelOf(q) : 'clear');
    }
  });
});

describe('no flagged path is ever clear', () => {
  // Every combination of yes / no / not sure (twice), from every start: 9 × 3^9 screens.
  const combos: ('yes' | 'no' | 'unsure')[][] = [];
  for (let i = 0; i < 3 ** 9; i++) {
    combos.push(ALL.map((_, k) => at(['no', 'yes', 'unsure'] as const, Math.floor(i / 3 ** k) % 3)));
  }

  test('the outcome is the worst flagged level, and an emergency stops at once', () => {
    const severity: Record<Outcome, number> = {
      clear: 0,
      'see-clinician': 1,
      'urgent-days': 2,
      'urgent-today': 3,
      emergency: 4,
    };
    // Plain checks collected, then one assertion: 177,147 screens stay fast that way.
    const failures: string[] = [];
    for (const from of ALL) {
      for (const combo of combos) {
        const answerFor = (n: QuestionNumber) => at(combo, n - 1);
        const { asked, last } = run(from, answerFor);
        const fail = (why: string) => failures.push(`from ${from}, answers ${combo.join(',')}: ${why}`);
        const firstEmergency = orderFrom(from).find(
          (n) => flagLevelOf(n) === 'emergency' && answerFor(n) !== 'no',
        );
        let expected: Outcome = 'clear';
        for (const n of asked) {
          if (answerFor(n) !== 'no' && severity[flagLevelOf(n)] > severity[expected])
            expected = flagLevelOf(n);
        }
        if (firstEmergency !== undefined) {
          if (asked[asked.length - 1] !== firstEmergency) fail('did not stop at the emergency');
          if (!last.endSession) fail('emergency did not end the session');
        } else {
          const askedOnce = asked.length === 9 && new Set(asked).size === 9;
          if (!askedOnce) fail(`asked ${asked.join(',')}`);
          if (last.endSession) fail('ended the session without an emergency');
        }
        if (last.outcome !== expected) fail(`outcome ${last.outcome}, expected ${expected}`);
        const urgentOrWorse = asked.some((n) => answerFor(n) !== 'no' && flagLevelOf(n) !== 'see-clinician');
        if (
          urgentOrWorse &&
          (last.outcome === 'clear' || (last.outcome !== undefined && exerciseAllowed(last.outcome)))
        ) {
          fail('a flagged path allowed exercise');
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('emergency wording', () => {
  const emergencyStep = (locale: string, answer: 'yes' | 'unsure' = 'yes'): ScreenStep =>
    answerFully(startScreen({ reason: 'first-time' }).state, answer, locale);

  test.each([
    ['en-US', '911'],
    ['en-CA', '911'],
    ['es-US', '911'],
    ['es-MX', '911'],
    ['fr-CA', '911'],
    ['en-GB', '999'],
    ['en-AU', '000'],
    ['en-IN', '112'],
    ['de-DE', '112'],
    ['es-ES', '112'],
    ['fr-FR', '112'],
    ['it-IT', '112'],
  ])(
    'in %s it says to call %s or go to an emergency department, not to drive, and ends',
    (locale, number) => {
      const step = emergencyStep(locale);
      const text = words(step.plan, locale);
      // Said twice, each time digit by digit.
      expect(text).toContain(`call ${number}, that's ${number}, or go to an emergency department now`);
      const line = step.plan.items.find((i) => 'say' in i && i.say === 'screening.emergency.callOrGo');
      expect(line).toEqual({ say: 'screening.emergency.callOrGo', params: { number: { digits: number } } });
      expect(text).toContain("don't drive yourself");
      expect(text).toContain("I can't call anyone for you");
      expect(step.endSession).toBe(true);
      expect(step.outcome).toBe('emergency');
    },
  );

  test.each(['ja-JP', 'pt-BR', 'en', '', 'xx-YY', 'nonsense'])(
    'for an unknown locale (%p) it names no number, only the local emergency number',
    (locale) => {
      const text = words(emergencyStep(locale).plan);
      expect(text).toContain('call your local emergency number or go to an emergency department now');
      expect(text).not.toMatch(/\d/);
    },
  );

  test('"not sure" twice to an emergency question stops too, and says it counts as yes', () => {
    const step = emergencyStep('en-US', 'unsure');
    expect(step.outcome).toBe('emergency');
    expect(words(step.plan)).toMatch(/^Okay, I'll count that as a yes, to be safe\. New trouble/);
  });

  test('the dialog sketch: numbness between the legs, not sure → call 911, stop', () => {
    let { state } = startScreen({ reason: 'first-time' });
    state = answerScreen(state, 'no', 'en-US').state;
    const rephrased = answerScreen(state, 'unsure', 'en-US');
    expect(words(rephrased.plan)).toMatch(
      /^For example, does it feel different when you wipe after the toilet/,
    );
    expect(words(rephrased.plan)).toMatch(/Yes, no, or not sure\?$/);
    const step = answerScreen(rephrased.state, 'unsure', 'en-US');
    expect(words(step.plan)).toMatch(
      /^Okay, I'll count that as a yes, to be safe\. Numbness there can be a sign of a serious nerve problem/,
    );
    expect(words(step.plan)).toMatch(/I'll stop here\.$/);
  });

  test('answering after an emergency says the emergency again and never moves on', () => {
    const stopped = emergencyStep('en-GB');
    for (const a of ['no', 'yes', 'other', 'repeat'] as const) {
      const again = answerScreen(stopped.state, a, 'en-GB');
      expect(again.outcome).toBe('emergency');
      expect(again.endSession).toBe(true);
      expect(words(again.plan)).toContain('999');
    }
  });
});

describe('repeat and unclear answers', () => {
  test.each(ALL)('at question %i, repeat says it again and other re-asks it: neither skips it', (q) => {
    const order = orderFrom(1);
    const start = startScreen({ reason: 'weekly' }).state;
    const state = noTimes(start, order.indexOf(q))?.state ?? start;

    const repeated = answerScreen(state, 'repeat', 'en-US');
    expect(askedIn(repeated)).toBe(q);
    expect(repeated.outcome).toBeUndefined();

    const other1 = answerScreen(repeated.state, 'other', 'en-US');
    expect(words(other1.plan)).toBe(`Sorry, I need a yes, no, or not sure for this one. ${questionText(q)}`);
    const other2 = answerScreen(other1.state, 'other', 'en-US');
    expect(words(other2.plan)).toContain("If you don't know, just say not sure.");
    expect(askedIn(other2)).toBe(q);
    expect(other2.outcome).toBeUndefined();

    // And the question still counts once answered.
    const answered = answerScreen(other2.state, 'yes', 'en-US');
    if (flagLevelOf(q) === 'emergency') expect(answered.outcome).toBe('emergency');
    else if (q < 9) expect(askedIn(answered)).toBe(q + 1);
    else expect(answered.outcome).toBe('see-clinician');
  });

  test('a second "not sure" that is not an emergency is said to count as yes', () => {
    let state = startScreen({ reason: 'requested', fromQuestion: 5 }).state;
    const step = answerFully(state, 'unsure', 'en-US');
    expect(words(step.plan)).toMatch(/^Okay, I'll count that as a yes, to be safe\./);
    state = step.state;
    expect(askedIn(step)).toBe(6);
  });
});

describe('how the screen ends', () => {
  const finishWith = (yes: QuestionNumber[], locale = 'en-US'): ScreenStep =>
    run(1, (n) => (yes.includes(n) ? 'yes' : 'no'), locale).last;

  test('all clear says exactly the agreed line and allows exercise', () => {
    const step = finishWith([]);
    expect(step.outcome).toBe('clear');
    expect(words(step.plan)).toBe('Thanks. None of those warning signs.');
    expect(exerciseAllowed('clear')).toBe(true);
  });

  test('fever: see a doctor today, no exercise, tips still offered', () => {
    const step = finishWith([5]);
    const text = words(step.plan);
    expect(step.outcome).toBe('urgent-today');
    expect(text).toContain('see a doctor today');
    expect(text).toContain('no exercise for today');
    expect(text).toContain('tips');
    expect(step.endSession).toBe(false);
  });

  test('cancer in the past (question 6): see a doctor today, no exercise', () => {
    const step = finishWith([6]);
    expect(step.outcome).toBe('urgent-today');
    expect(words(step.plan)).toContain('see a doctor today');
    expect(words(step.plan)).toContain('no exercise for today');
  });

  test.each([7, 8] as const)('question %i: a doctor within a few days, no exercise', (q) => {
    const step = finishWith([q]);
    expect(step.outcome).toBe('urgent-days');
    expect(words(step.plan)).toContain('within the next few days');
    expect(words(step.plan)).toContain('no exercise for today');
  });

  test('same-day beats within-days when both are flagged', () => {
    expect(finishWith([5, 7, 8, 9]).outcome).toBe('urgent-today');
    expect(finishWith([6, 7]).outcome).toBe('urgent-today');
    expect(finishWith([8, 9]).outcome).toBe('urgent-days');
  });

  test('in the UK the urgent advice line 111 is named, with 999 if it gets worse', () => {
    const step = finishWith([7], 'en-GB');
    const text = words(step.plan, 'en-GB');
    expect(text).toContain('call 111');
    expect(text).toContain('call 999');
    // Both said digit by digit.
    expect(step.plan.items).toContainEqual({
      say: 'screening.urgentAdviceLine',
      params: { number: { digits: '111' } },
    });
    expect(step.plan.items).toContainEqual({
      say: 'screening.ifWorse',
      params: { number: { digits: '999' } },
    });
  });

  test('elsewhere no advice line is invented', () => {
    const text = words(finishWith([7], 'en-US').plan);
    expect(text).not.toContain('111');
    expect(text).toContain('call 911');
    expect(words(finishWith([7], 'ja-JP').plan)).not.toMatch(/\d/);
  });

  test('pain over six weeks alone: recommend a physio or doctor, gentle exercise may go on', () => {
    const step = finishWith([9]);
    expect(step.outcome).toBe('see-clinician');
    expect(words(step.plan)).toContain('physiotherapist or a doctor');
    expect(exerciseAllowed('see-clinician')).toBe(true);
  });

  test.each(['urgent-today', 'urgent-days', 'emergency'] as const)('%s never allows exercise', (o) => {
    expect(exerciseAllowed(o)).toBe(false);
  });
});

describe('the state', () => {
  test('survives a JSON round trip mid-screen (it lives in session attributes)', () => {
    let state = startScreen({ reason: 'symptom', fromQuestion: 6 }).state;
    state = answerScreen(state, 'yes', 'en-US').state;
    const copy = JSON.parse(JSON.stringify(state)) as unknown;
    expect(isScreenState(copy)).toBe(true);
    expect(answerScreen(copy as ScreenState, 'no', 'en-US')).toEqual(answerScreen(state, 'no', 'en-US'));
  });

  test('tampered or foreign session data is not taken for a screen', () => {
    const good = startScreen({ reason: 'weekly' }).state;
    expect(isScreenState(good)).toBe(true);
    expect(isScreenState(undefined)).toBe(false);
    expect(isScreenState({ ...good, order: [1, 2, 3] })).toBe(false);
    expect(isScreenState({ ...good, order: [1, 1, 2, 3, 4, 5, 6, 7, 8] })).toBe(false);
    // A screen of the eight-question days is not taken for one: it starts again.
    expect(isScreenState({ ...good, order: [1, 2, 3, 4, 5, 6, 7, 8] })).toBe(false);
    expect(isScreenState({ ...good, index: 9 })).toBe(false);
    const { unsure: _unsure, ...withoutUnsure } = good;
    expect(isScreenState(withoutUnsure)).toBe(false);
    expect(isScreenState({ ...good, worst: 'fine' })).toBe(false);
    expect(isScreenState({ ...good, kind: 'routine' })).toBe(false);
  });

  test('the table holds nine questions, four of them emergencies, in the order of CONTENT.md', () => {
    expect(QUESTIONS.map((q) => [q.number, q.id, q.level])).toEqual([
      [1, 'bladder-bowel', 'emergency'],
      [2, 'saddle-numbness', 'emergency'],
      [3, 'legs', 'emergency'],
      [4, 'injury', 'emergency'],
      [5, 'fever', 'urgent-today'],
      [6, 'cancer', 'urgent-today'],
      [7, 'steroids-immune', 'urgent-days'],
      [8, 'night-pain', 'urgent-days'],
      [9, 'six-weeks', 'see-clinician'],
    ]);
  });
});
