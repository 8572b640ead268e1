import { questionByNumber, type QuestionNumber } from '../../../lambda/src/screening/questions';
import { answerScreen, startScreen } from '../../../lambda/src/screening/screen';
import { SYMPTOM_IDS, startForSymptom, symptomRoute } from '../../../lambda/src/screening/symptoms';
import { translatorFor } from '../../../lambda/src/i18n';
import { sayWords, words } from './render';

const t = translatorFor('en-US');
const ALL: QuestionNumber[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('a screen started from a symptom', () => {
  test.each(ALL)(
    'starting at question %i asks it first, then the rest, then the ones before, all 9 once',
    (from) => {
      const start = startScreen({ reason: 'symptom', fromQuestion: from });
      const asked: string[] = [];
      let text = words(start.plan);
      let state = start.state;
      for (let i = 0; i < 9; i++) {
        const q = ALL.find((n) => text.endsWith(t(questionByNumber(n).key)));
        asked.push(String(q));
        const step = answerScreen(state, 'no', 'en-US');
        state = step.state;
        text = words(step.plan);
      }
      const expected = [...ALL.filter((n) => n >= from), ...ALL.filter((n) => n < from)].map(String);
      expect(asked).toEqual(expected);
      expect(text).toBe('Thanks. None of those warning signs.');
    },
  );

  test('an urgent yes early on still asks the emergency questions that come after it', () => {
    // Fever first (question 5), then 6, 7, 8, 9, and then the emergency questions 1–4.
    let { state } = startScreen({ reason: 'symptom', fromQuestion: 5 });
    state = answerScreen(state, 'yes', 'en-US').state;
    for (let i = 0; i < 4; i++) state = answerScreen(state, 'no', 'en-US').state;
    const step = answerScreen(state, 'no', 'en-US'); // question 1
    expect(words(step.plan)).toContain(t(questionByNumber(2).key));
    const emergency = answerScreen(step.state, 'yes', 'en-US'); // question 2
    expect(emergency.outcome).toBe('emergency');
    expect(emergency.endSession).toBe(true);
  });

  test('it says the user was heard and why we check', () => {
    expect(words(startScreen({ reason: 'symptom', fromQuestion: 3 }).plan)).toMatch(
      /^Thanks for telling me\./,
    );
  });
});

describe('which symptom goes where', () => {
  test.each([
    ['bladder', 1],
    ['bowel', 1],
    ['saddle-numbness', 2],
    ['leg-numbness', 3],
    ['tingling', 3],
    ['weak-legs', 3],
    ['cant-walk', 3],
    ['sharp-pain', 3],
    ['leg-pain', 3],
    ['fall', 4],
    ['fever', 5],
  ] as const)('%s starts the screen at question %i', (symptom, q) => {
    expect(symptomRoute(symptom)).toEqual({ kind: 'screen', fromQuestion: q });
    const started = startForSymptom(symptom, 'en-US');
    expect(started.kind).toBe('screen');
    expect(words(started.plan)).toContain(t(questionByNumber(q).key));
  });

  test.each([
    ['chest-pain', 'en-US', '911'],
    ['chest-pain', 'en-GB', '999'],
    ['breathing', 'en-AU', '000'],
    ['breathing', 'en-US', '911'],
  ] as const)('%s in %s: call %s now, no questions, session ends', (symptom, locale, number) => {
    const started = startForSymptom(symptom, locale);
    expect(started.kind).toBe('emergency');
    if (started.kind !== 'emergency') return;
    const text = words(started.plan, locale);
    expect(text).toContain(`call ${number} now, that's ${number}.`);
    expect(started.plan.items).toContainEqual({
      say: 'screening.emergency.chestPain.call',
      params: { number: { digits: number } },
    });
    expect(text).toContain("Don't drive yourself");
    expect(text).toContain("I can't call anyone for you");
    expect(started.endSession).toBe(true);
    expect(started.outcome).toBe('emergency');
    // The same advice as a card, the number as plain text.
    expect(started.card.text).toContainEqual({
      say: 'screening.emergency.card.chestPainCall',
      params: { number },
    });
    expect(sayWords(started.card.text, locale)).toContain(`call ${number} now`);
  });

  test('chest pain with an unknown locale names no number', () => {
    const started = startForSymptom('chest-pain', 'ja-JP');
    expect(words(started.plan)).toContain('call your local emergency number now');
    expect(words(started.plan)).not.toMatch(/\d/);
  });

  test('every slot id has a route', () => {
    for (const id of SYMPTOM_IDS) expect(symptomRoute(id)).toBeDefined();
    expect(SYMPTOM_IDS).toHaveLength(13);
  });
});
