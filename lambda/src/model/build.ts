import { en } from './en';
import { expandAll, validateIntents, wrapSamples, wrapperForms, type ExpandedIntent } from './expand';
import type { LanguageSource } from './source';
import { valueIntentName } from './valueIntents';

/**
 * Builds one locale's interaction model (the SMAPI InteractionModelData shape) from its
 * language source: templates expanded, locale overrides added, everything validated.
 * Key order is fixed so the generated JSON is stable.
 */

export interface ModelSlotValue {
  id: string;
  name: { value: string; synonyms: string[] };
}

export interface InteractionModelFile {
  interactionModel: {
    languageModel: {
      invocationName: string;
      modelConfiguration: { fallbackIntentSensitivity: { level: 'LOW' | 'MEDIUM' | 'HIGH' } };
      intents: { name: string; slots?: { name: string; type: string }[]; samples: string[] }[];
      types: { name: string; values: ModelSlotValue[] }[];
    };
  };
}

/** Every language source, by language code. */
export const SOURCES: Readonly<Record<string, LanguageSource>> = { en };

export const languageOf = (locale: string): string => locale.split('-')[0] ?? locale;

/** Every locale with a source, sorted. */
export const LOCALES: readonly string[] = Object.values(SOURCES)
  .flatMap((source) => Object.keys(source.locales))
  .sort();

const sourceFor = (locale: string): LanguageSource => {
  const source = SOURCES[languageOf(locale)];
  if (!source || !(locale in source.locales)) throw new Error(`no interaction model source for ${locale}`);
  return source;
};

/** Intents that must never get wrappers: their carriers are kept specific (en.ts, the top). */
const NEVER_POLITE = new Set(['SymptomReportIntent']);

/**
 * The expanded intents of a locale, before they become JSON (used by tests too). Polite
 * intents (and value intents of slot types only polite intents use) get the language's
 * wrappers; a wrapped form that is another intent's own sample, or that two intents would
 * both get, is left out, so a wrapper never moves a phrase from one intent to another.
 */
export const expandedIntents = (locale: string): ExpandedIntent[] => {
  const source = sourceFor(locale);
  const extra = source.locales[locale]?.samples ?? {};
  const valueNames = source.types.flatMap((t) => t.values.map((v) => valueIntentName(t.name, v.id)));
  for (const name of Object.keys(extra))
    if (!source.intents.some((i) => i.name === name) && !valueNames.includes(name))
      throw new Error(`${locale} overrides unknown intent ${name}`);
  for (const intent of source.intents)
    if (intent.polite && NEVER_POLITE.has(intent.name)) throw new Error(`${intent.name} cannot be polite`);
  const intents = source.intents.map((intent) => ({
    name: intent.name,
    slots: Object.entries(intent.slots ?? {}).map(([name, type]) => ({ name, type })),
    samples: expandAll([...intent.samples, ...(extra[intent.name] ?? [])]),
    polite: intent.polite === true,
  }));
  const politeType = (type: string): boolean => {
    const users = source.intents.filter((i) => Object.values(i.slots ?? {}).includes(type));
    return users.length > 0 && users.every((i) => i.polite === true);
  };
  const valueIntents = source.types.flatMap((type) =>
    type.values
      .filter((value) => (value.alone ?? []).length > 0)
      .map((value) => {
        const name = valueIntentName(type.name, value.id);
        return {
          name,
          slots: [],
          samples: expandAll([...(value.alone ?? []), ...(extra[name] ?? [])]),
          polite: politeType(type.name),
        };
      }),
  );
  const all = [...intents, ...valueIntents];
  if (!source.wrappers) return all.map(({ name, slots, samples }) => ({ name, slots, samples }));
  const forms = wrapperForms(source.wrappers);
  const ownOwner = new Map<string, string>();
  for (const intent of all) for (const sample of intent.samples) ownOwner.set(sample, intent.name);
  const wrapped = all.map((intent) => (intent.polite ? wrapSamples(intent.samples, forms) : []));
  const wrappedBy = new Map<string, Set<string>>();
  all.forEach((intent, i) => {
    for (const sample of wrapped[i] ?? [])
      wrappedBy.set(sample, (wrappedBy.get(sample) ?? new Set()).add(intent.name));
  });
  return all.map((intent, i) => ({
    name: intent.name,
    slots: intent.slots,
    samples: [
      ...intent.samples,
      ...(wrapped[i] ?? []).filter((s) => !ownOwner.has(s) && (wrappedBy.get(s)?.size ?? 0) === 1),
    ],
  }));
};

const expandedTypes = (locale: string): { name: string; values: ModelSlotValue[] }[] => {
  const source = sourceFor(locale);
  const extra = source.locales[locale]?.synonyms ?? {};
  return source.types.map((type) => {
    for (const id of Object.keys(extra[type.name] ?? {}))
      if (!type.values.some((v) => v.id === id))
        throw new Error(`${locale} overrides unknown ${type.name}/${id}`);
    return {
      name: type.name,
      values: type.values.map((value) => ({
        id: value.id,
        name: {
          value: value.value,
          synonyms: expandAll([...(value.synonyms ?? []), ...(extra[type.name]?.[value.id] ?? [])]).filter(
            (s) => s !== value.value,
          ),
        },
      })),
    };
  });
};

const validateTypes = (types: { name: string; values: ModelSlotValue[] }[]): string[] => {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const type of types)
    for (const value of type.values)
      for (const form of [value.name.value, ...value.name.synonyms]) {
        const previous = owner.get(form);
        if (previous) problems.push(`"${form}" is both ${previous} and ${type.name}/${value.id}`);
        else owner.set(form, `${type.name}/${value.id}`);
      }
  return problems;
};

/** The whole model file of a locale; throws with every problem found. */
export const buildModel = (locale: string): InteractionModelFile => {
  const source = sourceFor(locale);
  const intents = expandedIntents(locale);
  const types = expandedTypes(locale);
  const declaredTypes = new Set(types.map((t) => t.name));
  const problems = [
    ...validateIntents(intents),
    ...validateTypes(types),
    ...intents.flatMap((i) =>
      i.slots
        .filter((s) => !s.type.startsWith('AMAZON.') && !declaredTypes.has(s.type))
        .map((s) => `${i.name}: slot type ${s.type} is not defined`),
    ),
  ];
  if (problems.length > 0) throw new Error(`${locale} model:\n  ${problems.join('\n  ')}`);
  return {
    interactionModel: {
      languageModel: {
        invocationName: source.invocationName,
        modelConfiguration: { fallbackIntentSensitivity: { level: 'HIGH' } },
        intents: intents.map((i) => ({
          name: i.name,
          ...(i.slots.length > 0 ? { slots: i.slots.map((s) => ({ name: s.name, type: s.type })) } : {}),
          samples: [...i.samples],
        })),
        types,
      },
    },
  };
};

/** The file text `npm run model` writes: 2-space JSON and a trailing newline. */
export const modelFileText = (locale: string): string => `${JSON.stringify(buildModel(locale), null, 2)}\n`;
