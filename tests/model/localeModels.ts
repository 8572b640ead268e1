import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { v1 } from 'ask-smapi-model';
import { NUMBER_WORDS } from '../../lambda/src/console/numbers';

export const MODELS_DIR = join(__dirname, '..', '..', 'skill-package', 'interactionModels', 'custom');

type LanguageModel = v1.skill.interactionModel.LanguageModel;
export type ModelIntent = v1.skill.interactionModel.Intent;
export type ModelSlotType = v1.skill.interactionModel.SlotType;

export interface LocaleModel {
  locale: string;
  file: string;
  raw: unknown;
  languageModel: LanguageModel;
}

/** Every locale file of the custom interaction model, so each rule is checked for every locale. */
export const loadLocaleModels = (): LocaleModel[] =>
  readdirSync(MODELS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(MODELS_DIR, name);
      const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const data = raw as v1.skill.interactionModel.InteractionModelData;
      return {
        locale: name.replace(/\.json$/, ''),
        file,
        raw,
        languageModel: data.interactionModel.languageModel,
      };
    });

export const isBuiltInName = (name: string): boolean => name.startsWith('AMAZON.');

export const slotRefs = (sample: string): string[] =>
  [...sample.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');

/** Every spoken form of a custom slot type: canonical values and synonyms. */
export const spokenForms = (type: ModelSlotType): string[] =>
  (type.values ?? []).flatMap((value) => [value.name.value, ...value.name.synonyms]);

/** Number words up to twenty, the way a user says a pain score (the simulated device's list). */
export { NUMBER_WORDS };

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression that matches a sample utterance with any valid value in each slot,
 * the test for "this phrase is one of the model's utterances".
 */
export const sampleMatcher = (sample: string, intent: ModelIntent, types: ModelSlotType[]): RegExp => {
  const body = sample
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const ref = /^\{([^}]*)\}$/.exec(part);
      if (!ref) return escapeRegExp(part);
      const slot = intent.slots?.find((s) => s.name === ref[1]);
      if (slot?.type === 'AMAZON.NUMBER') return `(?:\\d+|${NUMBER_WORDS.join('|')})`;
      const type = types.find((t) => t.name === slot?.type);
      if (!type) throw new Error(`no slot type for {${ref[1]}} in "${sample}"`);
      return `(?:${spokenForms(type).map(escapeRegExp).join('|')})`;
    })
    .join('');
  return new RegExp(`^${body}$`, 'i');
};
