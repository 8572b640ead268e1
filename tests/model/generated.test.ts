import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, buildModel, modelFileText } from '../../lambda/src/model/build';
import { expandTemplate, validateIntents } from '../../lambda/src/model/expand';
import { MODELS_DIR } from './localeModels';

describe('the committed interaction models', () => {
  it('are exactly the locales the sources generate', () => {
    const files = readdirSync(MODELS_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...LOCALES]);
  });

  it.each(LOCALES.map((l) => [l]))('%s is what lambda/src/model generates', (locale) => {
    const committed = readFileSync(join(MODELS_DIR, `${locale}.json`), 'utf8');
    if (committed !== modelFileText(locale))
      throw new Error(
        `skill-package/interactionModels/custom/${locale}.json differs from lambda/src/model: run npm run model`,
      );
  });

  it('set fallbackIntentSensitivity HIGH', () => {
    for (const locale of LOCALES)
      expect(buildModel(locale).interactionModel.languageModel.modelConfiguration).toEqual({
        fallbackIntentSensitivity: { level: 'HIGH' },
      });
  });
});

describe('the template expander', () => {
  it('expands alternatives, optional words and nested groups, and normalises spaces', () => {
    expect(expandTemplate('(start|begin) [my|the] {routine}')).toEqual([
      'start {routine}',
      'start my {routine}',
      'start the {routine}',
      'begin {routine}',
      'begin my {routine}',
      'begin the {routine}',
    ]);
    expect(expandTemplate('[can you]  [please] (go|be) {pace} [please]')).toContain('go {pace}');
    expect(expandTemplate('[can you]  [please] (go|be) {pace} [please]')).toContain(
      'can you please be {pace} please',
    );
    expect(expandTemplate('a [b [c|d]] e')).toEqual(['a e', 'a b e', 'a b c e', 'a b d e']);
    expect(expandTemplate("(i|you) 'd say")).toEqual(["i'd say", "you'd say"]);
    expect(expandTemplate('x [y] [y]')).toEqual(['x', 'x y', 'x y y']);
  });

  it('rejects unbalanced templates', () => {
    expect(() => expandTemplate('(a|b')).toThrow(/missing/);
    expect(() => expandTemplate('a]')).toThrow(/unbalanced/);
    expect(() => expandTemplate('a|b')).toThrow(/outside a group/);
  });

  it('finds what Alexa would reject', () => {
    const slots = [
      { name: 'symptom', type: 'SymptomName' },
      { name: 'score', type: 'AMAZON.NUMBER' },
    ];
    const problems = validateIntents([
      {
        name: 'A',
        slots,
        samples: ['{symptom}', '{score}', 'say {other}', 'it is 5', 'ok, go', 'my {symptom} {symptom}'],
      },
      { name: 'B', slots: [], samples: ['it is fine', `a${' b'.repeat(100)}`] },
      { name: 'C', slots: [], samples: ['it is fine'] },
    ]);
    expect(problems).toEqual([
      'A: "{symptom}" is a bare custom slot',
      'A: "say {other}" uses {other}, which the intent does not declare',
      'A: "it is 5" has "5", not a spoken word or a {slot}',
      'A: "ok, go" has "ok,", not a spoken word or a {slot}',
      'A: "my {symptom} {symptom}" uses a slot twice',
      `B: "a${' b'.repeat(100)}" is longer than 200`,
      'C: "it is fine" is also a sample of B',
    ]);
  });
});
