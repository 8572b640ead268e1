import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR, loadLocaleModels } from './localeModels';

/**
 * The English stores (US, GB, CA, AU, IN) share one interaction model, so that what works
 * in one works in all; only the emergency number differs, and that is the skill's, by locale.
 */
describe('the English locales', () => {
  const english = loadLocaleModels().filter((m) => m.locale.startsWith('en-'));
  const reference = readFileSync(join(MODELS_DIR, 'en-US.json'), 'utf8');

  it('cover the US, the UK, Canada, Australia and India', () => {
    expect(english.map((m) => m.locale).sort()).toEqual(['en-AU', 'en-CA', 'en-GB', 'en-IN', 'en-US']);
  });

  it.each(english.map((m) => [m.locale, m.file] as const))(
    '%s has the same model as en-US (copy en-US.json)',
    (_l, file) => {
      expect(readFileSync(file, 'utf8')).toBe(reference);
    },
  );
});
