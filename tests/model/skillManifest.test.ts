import type { v1 } from 'ask-smapi-model';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderIcon } from '../../scripts/make-icons';
import manifestJson from '../../skill-package/skill.json';
import { emergencyContactFor } from '../../lambda/src/screening/emergencyNumbers';
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
/** The invocation name of the model (the display name "Back and Hip Coach" may differ). */
const INVOCATION_NAME = models[0]?.languageModel.invocationName ?? '';
const INVOCATION_PREFIX = new RegExp(
  `^alexa,? (?:open|ask|launch|start|tell|talk to|use|begin) ${INVOCATION_NAME}(?: to| and| for| about| if| whether)?\\b`,
  'i',
);
const PACKAGE_DIR = join(__dirname, '..', '..', 'skill-package');
/** Store icon sizes required for certification. */
const ICON_SIZES = { smallIconUri: 108, largeIconUri: 512 } as const;
/**
 * How far a committed icon's channel may be from a fresh render: resvg's anti-aliasing may
 * round differently on another processor, while any edit to the drawing moves whole shapes.
 */
const RENDER_TOLERANCE = 8;

/** The icon decoded to 8-bit RGBA, row by row. */
const readPng = (file: string) => PNG.sync.read(readFileSync(file));

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

test('is listed under Health & Fitness, distributed only where it has a locale and knows the emergency number', () => {
  expect(publishing.category).toBe('HEALTH_AND_FITNESS');
  expect(publishing.isAvailableWorldwide).toBe(false);
  const countries = models.map((m) => m.locale.split('-')[1]);
  expect([...(publishing.distributionCountries ?? [])].sort()).toEqual([...countries].sort());
  for (const model of models) expect(emergencyContactFor(model.locale)).toBeDefined();
  expect(publishing.testingInstructions?.length).toBeGreaterThan(100);
});

/** "Alexa, open back hip coach" / "Alexa, ask back hip coach to …": a sample of some intent after the prefix. */
const opensWithSample = (phrase: string, model: (typeof models)[number]): boolean => {
  if (!INVOCATION_PREFIX.test(phrase)) return false;
  const request = phrase
    .replace(INVOCATION_PREFIX, '')
    .trim()
    .replace(/[.!?]$/, '');
  if (request === '') return true;
  const types = model.languageModel.types ?? [];
  return model.languageModel.intents.some((intent) =>
    (intent.samples ?? []).some((sample) => sampleMatcher(sample, intent, types).test(request)),
  );
};

// The answers docs/PRIVACY.md gives reasons for, one by one.
test('declares the progress it keeps per user as personal information, and no purchases, ads, health information or child audience', () => {
  expect(manifest.privacyAndCompliance).toEqual({
    allowsPurchases: false,
    usesPersonalInfo: true,
    usesHealthInfo: false,
    isChildDirected: false,
    isExportCompliant: true,
    containsAds: false,
  });
});

test('leaves the privacy policy URL to the deploy configuration (no locale carries one here)', () => {
  expect(manifest.privacyAndCompliance?.locales).toBeUndefined();
});

test('asks nothing personal beyond exercise answers: no permissions, no account linking, no personal slot types', () => {
  expect(manifest.permissions).toBeUndefined();
  expect(existsSync(join(PACKAGE_DIR, 'accountLinking.json'))).toBe(false);
  // Every slot is one of the skill's own value lists or a number (the pain rating, a count).
  // A name, phone number, address or date slot would need the privacy answers looked at again.
  for (const model of models) {
    const own = new Set((model.languageModel.types ?? []).map((type) => type.name));
    const other = model.languageModel.intents
      .flatMap((intent) => intent.slots ?? [])
      .map((slot) => slot.type)
      .filter((type) => type !== undefined && !own.has(type) && type !== 'AMAZON.NUMBER');
    expect([model.locale, other]).toEqual([model.locale, []]);
  }
});

test('understands the way docs/PRIVACY.md gives to erase your progress, in every locale', () => {
  const policy = readFileSync(join(__dirname, '..', '..', 'docs', 'PRIVACY.md'), 'utf8');
  const phrases = [...policy.matchAll(/"(Alexa, [^"]+)"/g)].map((match) => match[1] ?? '');
  expect(phrases).toContain('Alexa, ask back hip coach to delete my data');
  for (const model of models) {
    expect(phrases.filter((phrase) => !opensWithSample(phrase, model))).toEqual([]);
  }
});

test('points the skill and its events at a Lambda function, and hears when a user disables it', () => {
  const skillEndpoint = manifest.apis?.custom?.endpoint?.uri;
  expect(skillEndpoint).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+$/);
  expect(manifest.events?.endpoint.uri).toBe(skillEndpoint);
  expect(manifest.events?.subscriptions?.map((s) => s.eventName)).toContain('SKILL_DISABLED');
});

describe.each(models.map((m) => [m.locale, m] as const))('store listing %s', (locale, model) => {
  const listing = publishing.locales?.[locale];

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

  test.each(Object.entries(ICON_SIZES))(
    'has a %s that is a %i px square PNG in the skill package',
    (field, size) => {
      const uri = listing?.[field as keyof typeof ICON_SIZES] ?? '';
      // ASK CLI v2 package layout; skill-package import resolves file:// against the zip root.
      // One picture serves every English store; a locale may have its own.
      expect(uri).toMatch(new RegExp(`^file://assets/images/(${locale}|en-US)_${field}\\.png$`));
      const file = join(PACKAGE_DIR, uri.replace('file://', ''));
      expect(existsSync(file)).toBe(true);
      const png = readPng(file);
      expect([png.width, png.height]).toEqual([size, size]);
    },
  );

  test('gives three example phrases, the first one opening the skill', () => {
    const phrases = listing?.examplePhrases ?? [];
    expect(phrases).toHaveLength(3);
    expect(phrases[0]).toMatch(/^Alexa, open back hip coach$/i);
    expect(model.languageModel.invocationName).toBe(INVOCATION_NAME);
  });

  test('takes every example phrase word for word from the sample utterances', () => {
    const notSamples = (listing?.examplePhrases ?? []).filter((phrase) => !opensWithSample(phrase, model));
    expect(notSamples).toEqual([]);
  });
});

describe.each(Object.entries(ICON_SIZES))('the %s', (field, size) => {
  const png = readPng(join(PACKAGE_DIR, 'assets', 'images', `en-US_${field}.png`));
  const pixel = (x: number, y: number) => [...png.data.subarray((y * size + x) * 4, (y * size + x + 1) * 4)];

  test('is the picture scripts/make-icons.ts renders from scripts/icon.svg (regenerate both after editing it)', () => {
    const rendered = PNG.sync.read(renderIcon(size));
    expect([rendered.width, rendered.height]).toEqual([size, size]);
    const off = png.data.filter(
      (value, i) => Math.abs(value - (rendered.data[i] ?? -255)) > RENDER_TOLERANCE,
    );
    expect(off.length).toBe(0);
  });

  test('is a round teal badge with a white figure: transparent corners, opaque disc', () => {
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(size - 1, size - 1)[3]).toBe(0);
    const [r, g, b, a] = pixel(size / 2, Math.round(size * 0.2));
    expect(a).toBe(255);
    // Teal: green and blue well above red.
    expect(Math.min(g ?? 0, b ?? 0) - (r ?? 0)).toBeGreaterThan(80);
    // The hip of the figure, the top of the bridge.
    expect(pixel(Math.round(size * 0.5), Math.round(size * 0.44))).toEqual([255, 255, 255, 255]);
  });
});
