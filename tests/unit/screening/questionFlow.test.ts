import { QUESTIONS, questionByNumber, type QuestionNumber } from '../../../lambda/src/screening/questions';
import {
  answerQuestion,
  answerScreen,
  startScreen,
  type ScreenState,
  type ScreenStep,
} from '../../../lambda/src/screening/screen';
import { answersQuestion, SYMPTOM_IDS } from '../../../lambda/src/screening/symptoms';
import type { SpeechItem } from '../../../lambda/src/speech/plan';
import { sayWords, words } from './render';

/**
 * The screen's question flow, asserted on i18n keys and params: the nine questions in
 * order, a first "not sure" → the question's rephrase, a second → yes (said so), "help" /
 * "why" / "what do you mean" → rephrase + why + the question, and a symptom said during the
 * screen taken as the answer to its question.
 */

const ALL: QuestionNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const EMERGENCY = ALL.filter((n) => questionByNumber(n).level === 'emergency');
const keysOf = (items: readonly SpeechItem[] | undefined): string[] =>
  (items ?? []).flatMap((i) => ('say' in i ? [i.say] : []));
const keyOf = (n: QuestionNumber): string => questionByNumber(n).key;

/** The state with question `n` asked, after "no" to every question before it (order 1–9). */
const at = (n: QuestionNumber): ScreenState => {
  let state = startScreen({ reason: 'first-time' }).state;
  for (let i = 1; i < n; i++) state = answerScreen(state, 'no', 'en-US').state;
  return state;
};

describe('the nine questions', () => {
  test('are asked one at a time in the order of CONTENT.md, emergencies first', () => {
    const start = startScreen({ reason: 'first-time' });
    expect(keysOf(start.plan.items)).toEqual(['screening.intro.firstTime', keyOf(1)]);
    const asked: string[] = [keysOf(start.plan.items)[1] ?? ''];
    let step: ScreenStep = answerScreen(start.state, 'no', 'en-US');
    while (step.outcome === undefined) {
      expect(keysOf(step.plan.items)).toHaveLength(1);
      asked.push(keysOf(step.plan.items)[0] ?? '');
      step = answerScreen(step.state, 'no', 'en-US');
    }
    expect(asked).toEqual([
      'screening.questions.bladderBowel',
      'screening.questions.saddleNumbness',
      'screening.questions.legs',
      'screening.questions.injury',
      'screening.questions.fever',
      'screening.questions.cancer',
      'screening.questions.steroidsImmune',
      'screening.questions.nightPain',
      'screening.questions.sixWeeks',
    ]);
    expect(step.outcome).toBe('clear');
  });

  test('the leg question covers one or both legs, severe or getting worse, and trouble walking', () => {
    const text = words({ items: [{ say: keyOf(3) }] });
    expect(text).toContain('one or both legs');
    expect(text).toContain('severe or getting worse');
    expect(text).toContain('trouble walking');
  });

  test('cancer is a question of its own; steroids, thin bones, immunity and injecting drugs another', () => {
    expect(words({ items: [{ say: keyOf(6) }] })).toBe('Have you ever had cancer?');
    const seven = words({ items: [{ say: keyOf(7) }] });
    for (const part of ['steroid', 'osteoporosis', 'immune system', 'injecting drugs'])
      expect(seven).toContain(part);
  });

  test('every question has its own rephrase with an example and its own one-sentence reason', () => {
    const rephrases = QUESTIONS.map((q) => sayWords([{ say: q.rephraseKey }]));
    const whys = QUESTIONS.map((q) => sayWords([{ say: q.whyKey }]));
    expect(new Set(rephrases).size).toBe(9);
    expect(new Set(whys).size).toBe(9);
    for (const r of rephrases) expect(r).toMatch(/^For example, .+\?$/);
    // One sentence each: a single stop, at the end.
    for (const w of whys) expect(w).toMatch(/^I ask because [^.?!]+\.$/);
  });
});

describe('"not sure"', () => {
  test.each(ALL)('the first to question %i gets its rephrase and "Yes, no, or not sure?"', (n) => {
    const step = answerScreen(at(n), 'unsure', 'en-US');
    expect(keysOf(step.plan.items)).toEqual([questionByNumber(n).rephraseKey, 'screening.rephraseAsk']);
    expect(keysOf(step.reprompt?.items)).toEqual(['screening.answerHint', keyOf(n)]);
    expect(step.outcome).toBeUndefined();
    expect(step.endSession).toBe(false);
    expect(step.state.worst).toBe('clear');
    expect(step.state.index).toBe(n - 1);
  });

  test.each(ALL)('a second to question %i counts as yes, and the coach says so', (n) => {
    const once = answerScreen(at(n), 'unsure', 'en-US');
    const twice = answerScreen(once.state, 'unsure', 'en-US');
    const level = questionByNumber(n).level;
    expect(keysOf(twice.plan.items)[0]).toBe('screening.unsureNoted');
    if (level === 'emergency') {
      expect(twice.outcome).toBe('emergency');
      expect(twice.endSession).toBe(true);
      expect(keysOf(twice.plan.items)).toContain('screening.emergency.callOrGo');
      expect(twice.card).toBeDefined();
    } else if (n < 9) {
      expect(twice.state.worst).toBe(level);
      expect(keysOf(twice.plan.items)).toEqual(['screening.unsureNoted', keyOf((n + 1) as QuestionNumber)]);
    } else {
      expect(twice.outcome).toBe('see-clinician');
    }
  });

  test('"not sure" then "no" is a no, and the next question starts afresh', () => {
    const once = answerScreen(at(2), 'unsure', 'en-US');
    const no = answerScreen(once.state, 'no', 'en-US');
    expect(keysOf(no.plan.items)).toEqual([keyOf(3)]);
    expect(no.state.worst).toBe('clear');
    // A first "not sure" to question 3 is a first again: the rephrase, not a yes.
    const next = answerScreen(no.state, 'unsure', 'en-US');
    expect(keysOf(next.plan.items)).toEqual([questionByNumber(3).rephraseKey, 'screening.rephraseAsk']);
  });

  test('two "not sure" to the same question count as yes even with something else between', () => {
    let state = answerScreen(at(1), 'unsure', 'en-US').state;
    state = answerScreen(state, 'other', 'en-US').state;
    state = answerScreen(state, 'explain', 'en-US').state;
    state = answerScreen(state, 'repeat', 'en-US').state;
    const step = answerScreen(state, 'unsure', 'en-US');
    expect(step.outcome).toBe('emergency');
  });
});

describe('"help", "why", "what do you mean"', () => {
  test.each(ALL)('at question %i: its rephrase, why it is asked, then the question again', (n) => {
    const q = questionByNumber(n);
    const step = answerScreen(at(n), 'explain', 'en-US');
    expect(keysOf(step.plan.items)).toEqual([q.rephraseKey, q.whyKey, q.key]);
    expect(keysOf(step.reprompt?.items)).toEqual(['screening.answerHint', q.key]);
    expect(step.outcome).toBeUndefined();
    // Not an answer: a "not sure" afterwards still gets the rephrase first.
    expect(step.state).toEqual(at(n));
    const unsure = answerScreen(step.state, 'unsure', 'en-US');
    expect(unsure.outcome).toBeUndefined();
  });
});

describe('a symptom said during the screen is the answer to its question', () => {
  test('"I wet myself" during question 1: yes to question 1, emergency at once', () => {
    const question = answersQuestion('bladder', 1);
    expect(question).toBe(1);
    const step = answerQuestion(at(1), 1, 'en-US');
    expect(step.outcome).toBe('emergency');
    expect(step.endSession).toBe(true);
    expect(keysOf(step.plan.items)[0]).toBe('screening.emergency.reason.bladderBowel');
  });

  test('"my legs are numb" during question 2: a yes to question 3, emergency at once, not asked', () => {
    const question = answersQuestion('leg-numbness', 2);
    expect(question).toBe(3);
    const step = answerQuestion(at(2), 3, 'en-US');
    expect(step.outcome).toBe('emergency');
    expect(keysOf(step.plan.items)).not.toContain(keyOf(3));
    expect(keysOf(step.plan.items)[0]).toBe('screening.emergency.reason.legs');
    expect(keysOf(step.card?.text)).toContain('screening.emergency.reason.legs');
  });

  test.each(EMERGENCY)('an emergency question (%i) answered by a symptom from any question stops', (q) => {
    for (const n of ALL) {
      const step = answerQuestion(at(n), q, 'en-GB');
      expect(step.outcome).toBe('emergency');
      expect(step.endSession).toBe(true);
      expect(step.plan.items).toContainEqual({
        say: 'screening.emergency.callOrGo',
        params: { number: { digits: '999' } },
      });
    }
  });

  test('a fever said at question 2 marks same-day urgency and the screen goes on with question 2', () => {
    expect(answersQuestion('fever', 2)).toBe(5);
    const step = answerQuestion(at(2), 5, 'en-US');
    expect(step.outcome).toBeUndefined();
    expect(step.state.worst).toBe('urgent-today');
    expect(keysOf(step.plan.items)).toEqual(['screening.noted', keyOf(2)]);
    // Every "no" after it still ends urgent: the level is kept.
    let last: ScreenStep = step;
    while (last.outcome === undefined) last = answerScreen(last.state, 'no', 'en-US');
    expect(last.outcome).toBe('urgent-today');
  });

  test('a fever said at question 5 answers it and moves on', () => {
    const step = answerQuestion(at(5), 5, 'en-US');
    expect(step.state.worst).toBe('urgent-today');
    expect(keysOf(step.plan.items)).toEqual([keyOf(6)]);
  });

  test('"tingling" during question 2 answers question 2; elsewhere it answers the leg question', () => {
    expect(answersQuestion('tingling', 2)).toBe(2);
    expect(answersQuestion('tingling', 1)).toBe(3);
    expect(answersQuestion('tingling', 7)).toBe(3);
  });

  test.each([
    ['bladder', 1],
    ['bowel', 1],
    ['saddle-numbness', 2],
    ['leg-numbness', 3],
    ['weak-legs', 3],
    ['cant-walk', 3],
    ['fall', 4],
    ['fever', 5],
  ] as const)('%s answers question %i, whichever question is being asked', (symptom, q) => {
    for (const n of ALL) expect(answersQuestion(symptom, n)).toBe(q);
  });

  test('sharp pain, pain down a leg, chest pain and breathing answer no question', () => {
    for (const s of ['sharp-pain', 'leg-pain', 'chest-pain', 'breathing'] as const)
      for (const n of ALL) expect(answersQuestion(s, n)).toBeUndefined();
    expect(SYMPTOM_IDS).toHaveLength(13);
  });
});

describe('the emergency card', () => {
  test.each([
    ['en-US', '911'],
    ['en-CA', '911'],
    ['en-GB', '999'],
    ['en-AU', '000'],
    ['en-IN', '112'],
  ])('in %s it names %s, as plain text, with the same advice', (locale, number) => {
    const step = answerScreen(at(1), 'yes', locale);
    expect(step.card?.title).toEqual({ say: 'screening.emergency.card.title' });
    expect(step.card?.text).toEqual([
      { say: 'screening.emergency.reason.bladderBowel' },
      { say: 'screening.emergency.card.callOrGo', params: { number } },
      { say: 'screening.emergency.card.cantCall' },
    ]);
    const text = sayWords(step.card?.text ?? [], locale);
    expect(text).toContain(`Call ${number} or go to an emergency department now`);
    expect(text).toContain("Don't drive yourself");
  });

  test('with an unknown locale the card names no number', () => {
    const step = answerScreen(at(1), 'yes', 'ja-JP');
    expect(keysOf(step.card?.text)).toContain('screening.emergency.card.callOrGoLocal');
    expect(sayWords(step.card?.text ?? [])).not.toMatch(/\d/);
  });

  test('urgent and clear outcomes have no card', () => {
    let step: ScreenStep = answerScreen(at(5), 'yes', 'en-US');
    while (step.outcome === undefined) step = answerScreen(step.state, 'no', 'en-US');
    expect(step.outcome).toBe('urgent-today');
    expect(step.card).toBeUndefined();
  });
});
