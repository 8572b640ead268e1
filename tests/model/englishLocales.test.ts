import { loadLocaleModels, spokenForms, type LocaleModel } from './localeModels';

/**
 * The English stores (US, GB, CA, AU, IN) share one interaction model, generated from
 * lambda/src/model/en.ts, so that what works in one works in all. A locale may only ADD
 * words its people use (en-GB "physio", "loo", "wee"); it never loses or changes anything,
 * and the intents, slots, slot types and value ids are the same everywhere.
 */
describe('the English locales', () => {
  const english = loadLocaleModels().filter((m) => m.locale.startsWith('en-'));
  const reference = english.find((m) => m.locale === 'en-US');
  if (!reference) throw new Error('en-US model missing');

  const shape = (m: LocaleModel) => ({
    invocationName: m.languageModel.invocationName,
    intents: m.languageModel.intents.map((i) => ({ name: i.name, slots: i.slots ?? [] })),
    types: (m.languageModel.types ?? []).map((t) => ({
      name: t.name,
      values: (t.values ?? []).map((v) => ({ id: v.id, value: v.name.value })),
    })),
  });

  it('cover the US, the UK, Canada, Australia and India', () => {
    expect(english.map((m) => m.locale).sort()).toEqual(['en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US']);
  });

  it.each(english.map((m) => [m.locale, m] as const))(
    '%s has the intents, slots, slot types and value ids of en-US',
    (_l, model) => {
      expect(shape(model)).toEqual(shape(reference));
    },
  );

  it.each(english.map((m) => [m.locale, m] as const))(
    '%s keeps every en-US sample and synonym (a locale only adds words)',
    (_l, model) => {
      const missing: string[] = [];
      for (const intent of reference.languageModel.intents) {
        const mine = new Set(model.languageModel.intents.find((i) => i.name === intent.name)?.samples ?? []);
        for (const sample of intent.samples ?? [])
          if (!mine.has(sample)) missing.push(`${intent.name}: ${sample}`);
      }
      for (const type of reference.languageModel.types ?? []) {
        const mine = new Set(
          spokenForms(model.languageModel.types?.find((t) => t.name === type.name) ?? { name: '' }),
        );
        for (const form of spokenForms(type)) if (!mine.has(form)) missing.push(`${type.name}: ${form}`);
      }
      expect(missing).toEqual([]);
    },
  );

  it('use British and Australian words where people say them', () => {
    const has = (locale: string, intent: string, sample: string) =>
      english
        .find((m) => m.locale === locale)
        ?.languageModel.intents.find((i) => i.name === intent)
        ?.samples?.includes(sample) ?? false;
    expect(has('en-GB', 'AMAZON.PauseIntent', 'i need the loo')).toBe(true);
    expect(has('en-GB', 'SymptomCheckIntent', 'should i see a physio')).toBe(true);
    expect(has('en-GB', 'SymptomName_bladder', "i can't wee")).toBe(true);
    expect(has('en-AU', 'SymptomName_bladder', "i can't wee")).toBe(true);
    expect(has('en-US', 'AMAZON.PauseIntent', 'i need the loo')).toBe(false);
  });
});
