import { valueOfIntent } from '../../lambda/src/model/valueIntents';
import { HABIT_TOPICS } from '../../lambda/src/advice/habits';
import { ONSET_IDS } from '../../lambda/src/advice/relief';
import { EXERCISE_IDS, PACE_IDS, ROUTINE_IDS } from '../../lambda/src/coach/ids';
import { SYMPTOM_IDS } from '../../lambda/src/screening/symptoms';
import { isBuiltInName, loadLocaleModels, slotRefs, spokenForms, type LocaleModel } from './localeModels';
import { validateAgainstSmapi } from './smapiSchema';

/** The conversation contract of DESIGN.md: intent names and their slots (name → slot type). */
const CUSTOM_INTENTS: Record<string, Record<string, string>> = {
  StartRoutineIntent: { routine: 'RoutineName' },
  StartExerciseIntent: { exercise: 'ExerciseName' },
  PaceIntent: { pace: 'PaceName' },
  SymptomCheckIntent: {},
  SymptomReportIntent: { symptom: 'SymptomName' },
  UnsureIntent: {},
  PainRatingIntent: { score: 'AMAZON.NUMBER' },
  ReliefTipsIntent: { onset: 'PainOnset' },
  HabitsIntent: { topic: 'HabitTopic' },
  ProgressIntent: {},
  ListExercisesIntent: {},
  DeleteDataIntent: {},
  SkipIntent: {},
  WhereAmIIntent: {},
  EasierIntent: {},
  MedicineIntent: {},
  WhyIntent: {},
  HurtsIntent: {},
  NoPainIntent: {},
};
const BUILT_IN_INTENTS = [
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
];

/** Slot value ids are the code's ids: a handler looks them up verbatim. */
const CODE_IDS: Record<string, readonly string[]> = {
  ExerciseName: EXERCISE_IDS,
  RoutineName: ROUTINE_IDS,
  PaceName: PACE_IDS,
  HabitTopic: HABIT_TOPICS,
  PainOnset: ONSET_IDS,
  SymptomName: SYMPTOM_IDS,
};

const MIN_CUSTOM_SAMPLES = 15;

// Lower-case words, single spaces, apostrophes; a period only inside an abbreviation ("a.m.").
const SPOKEN_TEXT = /^(?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+)(?: (?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+))*$/;
const SLOT_PLACEHOLDER = 'x';

const models = loadLocaleModels();
const allSamples = (model: LocaleModel) =>
  model.languageModel.intents.flatMap((intent) =>
    (intent.samples ?? []).map((sample) => ({ intent, sample })),
  );

test('there is at least the en-US interaction model', () => {
  expect(models.map((m) => m.locale)).toContain('en-US');
});

describe.each(models.map((m) => [m.locale, m] as const))('interaction model %s', (_locale, model) => {
  const { intents } = model.languageModel;
  const types = model.languageModel.types ?? [];

  test('is a valid SMAPI interaction model (fields, types, required values)', () => {
    expect(validateAgainstSmapi('v1.skill.interactionModel.InteractionModelData', model.raw)).toEqual([]);
  });

  test('opens with the invocation name "back hip coach"', () => {
    expect(model.languageModel.invocationName).toBe('back hip coach');
  });

  test('has an invocation name Alexa accepts: two or more words, no launch, connecting or wake words', () => {
    const words = model.languageModel.invocationName.split(' ');
    expect(words.length).toBeGreaterThanOrEqual(2);
    const forbidden = ['ask', 'open', 'start', 'tell', 'launch', 'begin', 'enable', 'load', 'run'];
    const connecting = ['to', 'from', 'by', 'if', 'and', 'whether'];
    const wake = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
    expect(words.filter((w) => [...forbidden, ...connecting, ...wake].includes(w))).toEqual([]);
    expect(model.languageModel.invocationName).toMatch(/^[a-z]+( [a-z]+)+$/);
  });

  test('sends out-of-domain sentences to FallbackIntent with high sensitivity', () => {
    expect(model.languageModel.modelConfiguration?.fallbackIntentSensitivity?.level).toBe('HIGH');
  });

  test('has no sample that is a bare custom slot', () => {
    const bare = allSamples(model)
      .filter(({ intent, sample }) => {
        const ref = /^\{([^}]*)\}$/.exec(sample.trim());
        const type = ref && intent.slots?.find((s) => s.name === ref[1])?.type;
        return type !== undefined && type !== null && !isBuiltInName(type);
      })
      .map(({ intent, sample }) => `${intent.name}: "${sample}"`);
    expect(bare).toEqual([]);
  });

  test('keeps samples within 200 characters', () => {
    expect(allSamples(model).filter(({ sample }) => sample.length > 200)).toEqual([]);
  });

  test('has exactly the intents of the conversation contract', () => {
    expect(
      intents
        .map((i) => i.name)
        .filter((name) => !valueOfIntent(name))
        .sort(),
    ).toEqual([...Object.keys(CUSTOM_INTENTS), ...BUILT_IN_INTENTS].sort());
  });

  test('names each value intent after a slot type and one of its ids', () => {
    const unknown = intents
      .map((i) => i.name)
      .filter((name) => {
        const value = valueOfIntent(name);
        return value && !CODE_IDS[value.slotType]?.includes(value.id);
      });
    expect(unknown).toEqual([]);
  });

  test('gives every intent the slots of the contract', () => {
    const slotsOf = Object.fromEntries(
      intents.map((i) => [i.name, Object.fromEntries((i.slots ?? []).map((s) => [s.name, s.type]))]),
    );
    for (const [name, slots] of Object.entries(CUSTOM_INTENTS))
      expect({ name, slots: slotsOf[name] }).toEqual({ name, slots });
    for (const name of BUILT_IN_INTENTS) expect({ name, slots: slotsOf[name] }).toEqual({ name, slots: {} });
  });

  test(`gives every custom intent at least ${MIN_CUSTOM_SAMPLES} samples`, () => {
    const short = intents
      .filter(
        (i) =>
          !isBuiltInName(i.name) && !valueOfIntent(i.name) && (i.samples ?? []).length < MIN_CUSTOM_SAMPLES,
      )
      .map((i) => `${i.name}: ${(i.samples ?? []).length}`);
    expect(short).toEqual([]);
  });

  test('writes samples as spoken words: lower case, no digits, no punctuation but apostrophes', () => {
    const bad = allSamples(model)
      .filter(({ sample }) => !SPOKEN_TEXT.test(sample.replace(/\{[^}]*\}/g, SLOT_PLACEHOLDER)))
      .map(({ intent, sample }) => `${intent.name}: "${sample}"`);
    expect(bad).toEqual([]);
  });

  test('never repeats a sample, within an intent or across intents', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const { intent, sample } of allSamples(model)) {
      const key = sample.trim().replace(/\s+/g, ' ').toLowerCase();
      const first = seen.get(key);
      if (first) repeats.push(`"${sample}" in ${first} and ${intent.name}`);
      else seen.set(key, intent.name);
    }
    expect(repeats).toEqual([]);
  });

  test('only references slots that the intent declares, and uses every declared slot', () => {
    const problems: string[] = [];
    for (const intent of intents) {
      const declared = (intent.slots ?? []).map((s) => s.name);
      const used = new Set((intent.samples ?? []).flatMap(slotRefs));
      for (const ref of used)
        if (!declared.includes(ref)) problems.push(`${intent.name}: {${ref}} is not declared`);
      for (const name of declared)
        if (!used.has(name)) problems.push(`${intent.name}: slot ${name} is never sampled`);
      for (const sample of intent.samples ?? []) {
        const refs = slotRefs(sample);
        if (new Set(refs).size !== refs.length) problems.push(`${intent.name}: "${sample}" repeats a slot`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('defines every custom slot type a slot uses, and no unused type', () => {
    const used = intents.flatMap((i) => (i.slots ?? []).map((s) => s.type ?? ''));
    const missing = used.filter((t) => !isBuiltInName(t) && !types.some((type) => type.name === t));
    const unused = types.map((t) => t.name).filter((name) => !used.includes(name));
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
  });

  test('gives every slot value the id the code uses', () => {
    const ids = Object.fromEntries(types.map((t) => [t.name, (t.values ?? []).map((v) => v.id).sort()]));
    const expected = Object.fromEntries(
      Object.entries(CODE_IDS).map(([name, list]) => [name, [...list].sort()]),
    );
    expect(ids).toEqual(expected);
  });

  test('maps every spoken slot value to one id only, in spoken words', () => {
    const problems: string[] = [];
    const owner = new Map<string, string>();
    for (const type of types) {
      for (const value of type.values ?? []) {
        for (const form of [value.name.value, ...value.name.synonyms]) {
          if (!SPOKEN_TEXT.test(form)) problems.push(`${type.name}: "${form}" is not spoken text`);
          // Across types too: the same words in two types would make bare-slot samples ambiguous.
          const previous = owner.get(form);
          if (previous) problems.push(`"${form}" is both ${previous} and ${type.name}/${value.id}`);
          owner.set(form, `${type.name}/${value.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('lets every symptom word of CONTENT.md reach SymptomReportIntent, and ordinary pain HurtsIntent', () => {
    // A word counts when a SymptomReportIntent sample or a SymptomName value says it; what
    // whole sentences resolve to (open slots included) is tests/model/everydaySentences.test.ts.
    const samplesOf = (name: string) => intents.find((i) => i.name === name)?.samples ?? [];
    const symptomText = [
      ...samplesOf('SymptomReportIntent'),
      ...spokenForms(types.find((t) => t.name === 'SymptomName') ?? { name: '' }),
    ].join(' | ');
    const words = [
      'numb',
      'tingling',
      'bladder',
      'bowel',
      'pee',
      'wet',
      'myself',
      "can't feel",
      'fell',
      'fall',
    ];
    const more = ['accident', 'fever', 'chest', 'pain', 'weak', "can't", 'walk', 'breathe', 'breath'];
    const missing = [...words, ...more, 'sharp', 'down my leg'].filter(
      (word) => !new RegExp(`(^|[ |])${word}($|[ |])`).test(symptomText),
    );
    expect(missing).toEqual([]);
    const hurts = samplesOf('HurtsIntent');
    expect(
      ['it hurts', 'that hurts', 'ouch', 'ow', "it's painful"].filter((w) => !hurts.includes(w)),
    ).toEqual([]);
    const symptomForms = spokenForms(types.find((t) => t.name === 'SymptomName') ?? { name: '' });
    expect(symptomForms.filter((f) => /hurts|ouch/.test(f))).toEqual([]);
  });
});
