import * as fs from 'node:fs';
import { modelPath } from '../../../lambda/src/console/device';

/** The generated en-US interaction model, as the fuzz cases need it: intents, slots, values. */
interface ModelFile {
  readonly interactionModel: {
    readonly languageModel: {
      readonly intents: readonly {
        readonly name: string;
        readonly slots?: readonly { readonly name: string; readonly type: string }[];
      }[];
      readonly types: readonly {
        readonly name: string;
        readonly values: readonly { readonly id: string; readonly name: { readonly value: string } }[];
      }[];
    };
  };
}

export interface ModelIntent {
  readonly name: string;
  readonly slots: readonly { readonly name: string; readonly type: string }[];
}

export interface SlotValue {
  readonly id: string;
  readonly name: string;
}

const model = (JSON.parse(fs.readFileSync(modelPath('en-US'), 'utf8')) as ModelFile).interactionModel
  .languageModel;

export const MODEL_INTENTS: readonly ModelIntent[] = model.intents.map((i) => ({
  name: i.name,
  slots: i.slots ?? [],
}));

export const SLOT_VALUES: Readonly<Record<string, readonly SlotValue[]>> = Object.fromEntries(
  model.types.map((t) => [t.name, t.values.map((v) => ({ id: v.id, name: v.name.value }))]),
);

/** Intents that carry a slot: where garbage slots can do harm. */
export const SLOT_INTENTS: readonly string[] = MODEL_INTENTS.filter((i) => i.slots.length > 0).map(
  (i) => i.name,
);

export const intentNamed = (name: string): ModelIntent => {
  const intent = MODEL_INTENTS.find((i) => i.name === name);
  if (!intent) throw new Error(`no intent ${name} in the en-US model`);
  return intent;
};
