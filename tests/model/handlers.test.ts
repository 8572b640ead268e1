import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Conversation } from '../support/conversation';
import { isBuiltInName, loadLocaleModels } from './localeModels';

const HANDLERS_DIR = join(__dirname, '..', '..', 'lambda', 'src', 'handlers');

/** Every intent name a handler matches on, read from the handlers' source. */
const intentsNamedByHandlers = (): Set<string> => {
  const names = new Set<string>();
  for (const file of readdirSync(HANDLERS_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(HANDLERS_DIR, file), 'utf8');
    for (const m of source.matchAll(/'((?:AMAZON\.)?[A-Z][A-Za-z]*Intent)'/g)) names.add(m[1] ?? '');
  }
  return names;
};

const FALLBACK = "Sorry, I didn't catch that.";

describe.each(loadLocaleModels().map((m) => [m.locale, m] as const))(
  'the %s model and the handlers',
  (locale, model) => {
    const modelIntents = new Set(model.languageModel.intents?.map((i) => i.name) ?? []);

    it('every intent a handler names is in the model', () => {
      const missing = [...intentsNamedByHandlers()].filter((name) => !modelIntents.has(name));
      expect(missing).toEqual([]);
    });

    it('every custom intent of the model is answered by its own handler, not by the fallback', async () => {
      const custom = [...modelIntents].filter((name) => !isBuiltInName(name));
      expect(custom.length).toBeGreaterThanOrEqual(12);
      const named = intentsNamedByHandlers();
      for (const name of custom) {
        expect(named.has(name)).toBe(true);
        const c = new Conversation({ locale });
        await c.launch();
        const text = await c.intend(name);
        // UnsureIntent and PainRatingIntent only mean something after a question: the
        // fallback is their right answer when nothing was asked, so ask first.
        if (name === 'UnsureIntent' || name === 'PainRatingIntent') continue;
        expect({ name, text }).not.toEqual({ name, text: expect.stringContaining(FALLBACK) as unknown });
      }
    });

    it('answers to a question reach their handler: not sure in the screen, a number when pain is asked', async () => {
      const c = new Conversation({ locale });
      await c.launch();
      await c.say('run a symptom check');
      expect(await c.intend('UnsureIntent')).toContain("When you're not sure, it's safest to get checked.");
      const p = new Conversation({ locale });
      await p.launch();
      await p.say('ouch');
      expect(await p.intend('PainRatingIntent', { score: '2' })).not.toContain(FALLBACK);
    });
  },
);
