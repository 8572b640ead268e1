import type { v1 } from 'ask-smapi-model';
import manifestJson from '../../skill-package/skill.json';
import { loadLocaleModels, sampleMatcher } from './localeModels';
import { validateAgainstSmapi } from './smapiSchema';

/*
 * Compile-time check against ask-smapi-model. A JSON import has its strings widened to
 * `string`, so enum fields (manifestVersion, eventName, countries) cannot be checked by tsc;
 * everything else is: property names (an unknown key becomes `never`), nesting, required
 * fields, booleans and arrays. Enum values are checked at run time against the same spec.
 */
type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? Widen<U>[]
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;
type Exact<A, E> = A extends readonly (infer AU)[]
  ? E extends readonly (infer EU)[]
    ? Exact<AU, EU>[]
    : never
  : A extends object
    ? { [K in keyof A]: K extends keyof E ? Exact<A[K], NonNullable<E[K]>> : never }
    : A;
type Envelope = Widen<v1.skill.Manifest.SkillManifestEnvelope>;
const typedManifest: Envelope = manifestJson;
const exactManifest: Exact<typeof manifestJson, Envelope> = manifestJson;

const manifest = typedManifest.manifest ?? {};
const publishing = manifest.publishingInformation ?? {};
const models = loadLocaleModels();
const INVOCATION_PREFIX =
  /^alexa,? (?:open|ask|launch|start|tell|talk to|use|begin) back and hip coach(?: to| and| for| about| if| whether)?\b/i;
const DISCLAIMER = [
  'for general fitness and self-care',
  'not a substitute for professional medical advice',
  'in a medical emergency, call your local emergency number',
];

test('is a valid SMAPI skill manifest: known fields, enum values and length limits', () => {
  expect(exactManifest).toBe(manifestJson);
  expect(validateAgainstSmapi('v1.skill.Manifest.SkillManifestEnvelope', manifestJson)).toEqual([]);
});

test('is published for every locale that has an interaction model, and only those', () => {
  expect(Object.keys(publishing.locales ?? {}).sort()).toEqual(models.map((m) => m.locale));
});

test('is listed under Health & Fitness, distributed in the US only', () => {
  expect(publishing.category).toBe('HEALTH_AND_FITNESS');
  expect(publishing.isAvailableWorldwide).toBe(false);
  expect(publishing.distributionCountries).toEqual(['US']);
  expect(publishing.testingInstructions?.length).toBeGreaterThan(100);
});

test('declares no purchases, ads, personal information or child audience', () => {
  expect(manifest.privacyAndCompliance).toMatchObject({
    allowsPurchases: false,
    usesPersonalInfo: false,
    isChildDirected: false,
    isExportCompliant: true,
    containsAds: false,
  });
});

test('points the skill and its events at a Lambda function, and hears when a user disables it', () => {
  const skillEndpoint = manifest.apis?.custom?.endpoint?.uri;
  expect(skillEndpoint).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+$/);
  expect(manifest.events?.endpoint.uri).toBe(skillEndpoint);
  expect(manifest.events?.subscriptions?.map((s) => s.eventName)).toContain('SKILL_DISABLED');
});

describe.each(models.map((m) => [m.locale, m] as const))('store listing %s', (locale, model) => {
  const listing = publishing.locales?.[locale];
  const { intents } = model.languageModel;
  const types = model.languageModel.types ?? [];

  test('is named "Back and Hip Coach" and says what it does', () => {
    expect(listing?.name).toBe('Back and Hip Coach');
    expect(listing?.summary).toMatch(/back/i);
    expect(listing?.keywords?.length).toBeGreaterThanOrEqual(3);
  });

  test('carries the medical disclaimer in its description', () => {
    const description = (listing?.description ?? '').replace(/\s+/g, ' ').toLowerCase();
    expect(DISCLAIMER.filter((phrase) => !description.includes(phrase))).toEqual([]);
  });

  test('never promises a diagnosis, a cure or life-saving help', () => {
    const text = `${listing?.summary ?? ''} ${listing?.description ?? ''}`.toLowerCase();
    expect(text).not.toMatch(/\bcures?\b|\bdiagnos(e|is|es)\b|life-?saving|save your life|guarantee/);
  });

  test('gives three example phrases, the first one opening the skill', () => {
    const phrases = listing?.examplePhrases ?? [];
    expect(phrases).toHaveLength(3);
    expect(phrases[0]).toMatch(/^Alexa, open back and hip coach$/i);
  });

  test('takes every example phrase word for word from the sample utterances', () => {
    const notSamples = (listing?.examplePhrases ?? []).filter((phrase) => {
      if (!INVOCATION_PREFIX.test(phrase)) return true;
      const request = phrase
        .replace(INVOCATION_PREFIX, '')
        .trim()
        .replace(/[.!?]$/, '');
      if (request === '') return false;
      return !intents.some((intent) =>
        (intent.samples ?? []).some((sample) => sampleMatcher(sample, intent, types).test(request)),
      );
    });
    expect(notSamples).toEqual([]);
  });
});
