import { valueIntentOf } from '../../lambda/src/alexa/parse';
import type { Intent, IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { numberWordsToDigits } from '../../lambda/src/console/numbers';
import { loadLocaleModels, MODELS_DIR, type ModelIntent } from './localeModels';
import { join } from 'node:path';

/*
 * Drives the real en-US model through virtual-alexa, the way the conversation tests do, with a
 * stub skill that only records the request Alexa would send.
 *
 * virtual-alexa's matcher: a sample matches when the whole utterance matches it, a custom slot
 * only takes a listed value or synonym, the longest literal (non-slot) text wins, ties go to
 * the intent listed first in the file. Unmatched utterances throw (synchronously). An utterance containing
 * "ask", "open", "launch", "tell" or "talk to" anywhere is taken for a launch phrase, so such
 * samples are left to the static checks.
 */
const MODEL_FILE = join(MODELS_DIR, 'en-US.json');
const LAUNCH_WORDS = /ask|open|launch|talk to|tell/i;

const model = loadLocaleModels().find((m) => m.locale === 'en-US');
if (!model) throw new Error('en-US model missing');
const { intents } = model.languageModel;
const types = model.languageModel.types ?? [];

/** Alexa sends AMAZON.NUMBER as digits ("6"); virtual-alexa sends the spoken word ("six"). */
const numberSlots = new Set(
  intents.flatMap((i) =>
    (i.slots ?? []).filter((s) => s.type === 'AMAZON.NUMBER').map((s) => `${i.name}.${s.name}`),
  ),
);
const asAlexaSendsNumbers = (request: RequestEnvelope): void => {
  if (request.request.type !== 'IntentRequest') return;
  const { intent } = request.request;
  for (const slot of Object.values(intent.slots ?? {})) {
    if (numberSlots.has(`${intent.name}.${slot.name}`) && slot.value)
      slot.value = numberWordsToDigits(slot.value);
  }
};

const requests: RequestEnvelope[] = [];
const alexa = VirtualAlexa.Builder()
  .handler((event: RequestEnvelope) => {
    requests.push(event);
    return Promise.resolve({ version: '1.0', response: { shouldEndSession: false } });
  })
  .interactionModelFile(MODEL_FILE)
  .create()
  .filter(asAlexaSendsNumbers);

const intentOf = async (utterance: string): Promise<Intent> => {
  await alexa.utter(utterance);
  const request = requests.at(-1)?.request;
  if (request?.type !== 'IntentRequest') throw new Error(`"${utterance}" sent ${request?.type}`);
  return (request as IntentRequest).intent;
};

/** The entity-resolution ids of a slot, what a handler reads. */
const slotIds = (intent: Intent, slot: string): string[] =>
  intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority?.flatMap((a) =>
    a.values.map((v) => v.value.id),
  ) ?? [];

interface Expected {
  intent: string;
  slot?: string;
  id?: string;
  value?: string;
}

const resolved = async (utterance: string, slotName?: string): Promise<Expected> => {
  const intent = await intentOf(utterance);
  // A value said on its own arrives as its value intent: the same intent and id to the skill.
  const alone = valueIntentOf(intent.name);
  if (alone)
    return slotName ? { intent: alone.intent, slot: alone.slot, id: alone.id } : { intent: alone.intent };
  if (!slotName) return { intent: intent.name };
  const ids = slotIds(intent, slotName);
  const value = intent.slots?.[slotName]?.value;
  return ids.length > 0
    ? { intent: intent.name, slot: slotName, id: ids.join(',') }
    : { intent: intent.name, slot: slotName, value };
};

/** A sample with each slot filled by the first listed value of its type ("six" for numbers). */
const fillSample = (sample: string, intent: ModelIntent): string =>
  sample.replace(/\{([^}]*)\}/g, (_match, name: string) => {
    const slot = intent.slots?.find((s) => s.name === name);
    if (slot?.type === 'AMAZON.NUMBER') return 'six';
    const first = types.find((t) => t.name === slot?.type)?.values?.[0]?.name.value;
    if (!first) throw new Error(`no value for {${name}} of ${intent.name}`);
    return first;
  });

test.each<[string, Expected]>([
  ['coach me through a bridge', { intent: 'StartExerciseIntent', slot: 'exercise', id: 'bridge' }],
  ['do the clamshell', { intent: 'StartExerciseIntent', slot: 'exercise', id: 'clamshell' }],
  ["let's do some bird dogs", { intent: 'StartExerciseIntent', slot: 'exercise', id: 'bird-dog' }],
  [
    'coach me through the kneeling hip flexor stretch',
    { intent: 'StartExerciseIntent', slot: 'exercise', id: 'hip-flexor-stretch' },
  ],
  [
    'coach me through a hamstring stretch',
    { intent: 'StartExerciseIntent', slot: 'exercise', id: 'hamstring-stretch' },
  ],
  ['stretch my hamstrings', { intent: 'StartExerciseIntent', slot: 'exercise', id: 'hamstring-stretch' }],
  [
    "let's do the towel stretch",
    { intent: 'StartExerciseIntent', slot: 'exercise', id: 'hamstring-stretch' },
  ],
  ['start my stretches', { intent: 'StartRoutineIntent', slot: 'routine', id: 'quick-relief' }],
  ["let's do the strength routine", { intent: 'StartRoutineIntent', slot: 'routine', id: 'strength' }],
  ["let's do everything", { intent: 'StartRoutineIntent', slot: 'routine', id: 'full' }],
  // No custom slot stands alone in a sample any more: a pace needs a carrier.
  ['slower please', { intent: 'PaceIntent', slot: 'pace', id: 'slower' }],
  ['slow down', { intent: 'PaceIntent', slot: 'pace', id: 'slower' }],
  ['speed it up', { intent: 'PaceIntent', slot: 'pace', id: 'faster' }],
  ['go faster', { intent: 'PaceIntent', slot: 'pace', id: 'faster' }],
  ['normal speed please', { intent: 'PaceIntent', slot: 'pace', id: 'normal' }],
  ['next', { intent: 'AMAZON.NextIntent' }],
  ['skip', { intent: 'SkipIntent' }],
  ['skip this one', { intent: 'SkipIntent' }],
  ['pause', { intent: 'AMAZON.PauseIntent' }],
  ['resume', { intent: 'AMAZON.ResumeIntent' }],
  ['repeat', { intent: 'AMAZON.RepeatIntent' }],
  ['run a symptom check', { intent: 'SymptomCheckIntent' }],
  ['i fell and hurt my back', { intent: 'SymptomReportIntent', slot: 'symptom', id: 'fall' }],
  ['my legs are numb', { intent: 'SymptomReportIntent', slot: 'symptom', id: 'leg-numbness' }],
  ["i can't control my bladder", { intent: 'SymptomReportIntent', slot: 'symptom', id: 'bladder' }],
  // Ordinary pain is its own intent now, not a symptom.
  ['it hurts', { intent: 'HurtsIntent' }],
  ['ouch', { intent: 'HurtsIntent' }],
  ['ouch that hurts', { intent: 'HurtsIntent' }],
  ['my back hurts', { intent: 'HurtsIntent' }],
  ['my back hurts what can i do', { intent: 'ReliefTipsIntent' }],
  ['how many are left', { intent: 'WhereAmIIntent' }],
  ['which side', { intent: 'WhereAmIIntent' }],
  ['make it easier', { intent: 'EasierIntent' }],
  ['can i take ibuprofen', { intent: 'MedicineIntent' }],
  ['why this exercise', { intent: 'WhyIntent' }],
  ["i can't breathe", { intent: 'SymptomReportIntent', slot: 'symptom', id: 'breathing' }],
  ['i have pain down my leg', { intent: 'SymptomReportIntent', slot: 'symptom', id: 'leg-pain' }],
  ['something gentle', { intent: 'StartRoutineIntent', slot: 'routine', id: 'quick-relief' }],
  ['give me a workout', { intent: 'StartRoutineIntent' }],
  ['i have chest pain', { intent: 'SymptomReportIntent', slot: 'symptom', id: 'chest-pain' }],
  ["it's a six", { intent: 'PainRatingIntent', slot: 'score', value: '6' }],
  ['my pain is three', { intent: 'PainRatingIntent', slot: 'score', value: '3' }],
  ['ten', { intent: 'PainRatingIntent', slot: 'score', value: '10' }],
  ['not sure', { intent: 'UnsureIntent' }],
  ["i don't know", { intent: 'UnsureIntent' }],
  ['maybe', { intent: 'UnsureIntent' }],
  ['yes', { intent: 'AMAZON.YesIntent' }],
  ['no', { intent: 'AMAZON.NoIntent' }],
  ['what helps right now', { intent: 'ReliefTipsIntent' }],
  ['should i use ice or heat', { intent: 'ReliefTipsIntent' }],
  ['it started yesterday', { intent: 'ReliefTipsIntent', slot: 'onset', id: 'recent' }],
  ["it's been stiff for a while", { intent: 'ReliefTipsIntent', slot: 'onset', id: 'older' }],
  ['how should i sit', { intent: 'HabitsIntent', slot: 'topic', id: 'sitting' }],
  ['tips for sleeping', { intent: 'HabitsIntent', slot: 'topic', id: 'sleep' }],
  ['how do i lift', { intent: 'HabitsIntent', slot: 'topic', id: 'lifting' }],
  ['how am i doing', { intent: 'ProgressIntent' }],
  ["what's my streak", { intent: 'ProgressIntent' }],
  ['what exercises do you have', { intent: 'ListExercisesIntent' }],
  ['delete my data', { intent: 'DeleteDataIntent' }],
  ['forget me', { intent: 'DeleteDataIntent' }],
])('"%s" reaches %p', async (utterance, expected) => {
  expect(await resolved(utterance, expected.slot)).toEqual(expected);
});

// Said in a sentence: a bare symptom word is a literal sample now (see below), and a
// sentence with a symptom-specific carrier brings its id.
test.each([
  ['my legs feel numb', 'leg-numbness'],
  ['tingling in my legs', 'tingling'],
  ["i can't control my bladder", 'bladder'],
  ["i can't control my bowels", 'bowel'],
  ['i wet myself', 'bladder'],
  ["i can't feel my legs", 'leg-numbness'],
  ['numb between my legs', 'saddle-numbness'],
  ['i slipped and hurt my back', 'fall'],
  ['i hurt my back in a car accident', 'fall'],
  ["i've got a high temperature", 'fever'],
  ['chest pain', 'chest-pain'],
  ['my legs are weak', 'weak-legs'],
  ["i can't walk", 'cant-walk'],
  ['sharp pain', 'sharp-pain'],
  ['pain down my leg', 'leg-pain'],
  ['short of breath', 'breathing'],
])('the red-flag words "%s" lead to the symptom check as %s', async (utterance, id) => {
  expect(await resolved(utterance, 'symptom')).toEqual({
    intent: 'SymptomReportIntent',
    slot: 'symptom',
    id,
  });
});

// Short statements no carrier can anchor are value intents of their symptom (the symptom
// check at its question); the top of lambda/src/model/en.ts explains why.
test.each([
  ['numb', 'leg-numbness'],
  ['tingling', 'tingling'],
  ['i fell', 'fall'],
  ['i had an accident', 'fall'],
  ['i have a fever', 'fever'],
  ["i can't pee", 'bladder'],
  ['i had a fall', 'fall'],
])('the red-flag statement "%s" leads to the symptom check for %s', async (utterance, id) => {
  expect(await resolved(utterance, 'symptom')).toEqual({
    intent: 'SymptomReportIntent',
    slot: 'symptom',
    id,
  });
});

test('every sample utterance reaches its own intent, so no sample is taken by another intent', async () => {
  const wrong: string[] = [];
  for (const intent of intents) {
    for (const sample of intent.samples ?? []) {
      const utterance = fillSample(sample, intent);
      if (LAUNCH_WORDS.test(utterance)) continue;
      const got = (await intentOf(utterance)).name;
      // The first value said with only "the" or "please" is that value's own intent: the same meaning.
      const same = got === intent.name || valueIntentOf(got)?.intent === intent.name;
      if (!same) wrong.push(`"${utterance}" (${intent.name}) reached ${got}`);
    }
  }
  expect(wrong).toEqual([]);
  // A few thousand generated samples, each matched against all of them.
}, 180_000);

test('every spoken slot value resolves to its own id', async () => {
  const wrong: string[] = [];
  for (const intent of intents) {
    for (const slot of intent.slots ?? []) {
      const type = types.find((t) => t.name === slot.type);
      const carrier = (intent.samples ?? []).find(
        (s) => s.includes(`{${slot.name}}`) && !LAUNCH_WORDS.test(s),
      );
      if (!type || !carrier) continue;
      for (const value of type.values ?? []) {
        for (const form of [value.name.value, ...value.name.synonyms]) {
          const utterance = carrier.replace(`{${slot.name}}`, form);
          if (LAUNCH_WORDS.test(utterance)) continue;
          const got = await resolved(utterance, slot.name);
          if (got.intent !== intent.name || got.id !== value.id)
            wrong.push(`"${utterance}" gave ${JSON.stringify(got)}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
});

test('an utterance outside the skill matches nothing rather than a bare-slot sample', () => {
  // virtual-alexa throws synchronously here, where Alexa would send AMAZON.FallbackIntent.
  expect(() => alexa.utter('what is the weather in paris')).toThrow(/Unable to match utterance/);
  expect(() => alexa.utter('pizza')).toThrow(/Unable to match utterance/);
});
