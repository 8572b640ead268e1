import * as fs from 'node:fs';

/**
 * Alexa accepts any words in a custom slot when the rest of a sample (its carrier phrase)
 * matches: "coach me through a pizza" reaches StartExerciseIntent with the value "pizza"
 * and entity resolution ER_SUCCESS_NO_MATCH. virtual-alexa only accepts listed values, so
 * the console tries this pass after it fails, before falling back to FallbackIntent.
 * Samples that are a bare slot ("{symptom}") are skipped: they have no carrier phrase.
 */
export interface OpenSlotMatch {
  readonly intent: string;
  readonly slots: Record<string, string>;
}

interface Pattern {
  readonly intent: string;
  readonly slotNames: readonly string[];
  readonly regex: RegExp;
  readonly literalWords: number;
}

interface ModelFile {
  interactionModel: {
    languageModel: {
      intents: { name: string; samples?: string[]; slots?: { name: string; type: string }[] }[];
    };
  };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readModel = (modelPath: string): ModelFile =>
  JSON.parse(fs.readFileSync(modelPath, 'utf8')) as ModelFile;

/** "Intent.slot" for every AMAZON.NUMBER slot of the model. */
export const numberSlotsOf = (modelPath: string): Set<string> =>
  new Set(
    readModel(modelPath).interactionModel.languageModel.intents.flatMap((intent) =>
      (intent.slots ?? []).filter((s) => s.type === 'AMAZON.NUMBER').map((s) => `${intent.name}.${s.name}`),
    ),
  );

export const openSlotPatterns = (modelPath: string): Pattern[] => {
  const model = readModel(modelPath);
  const patterns: Pattern[] = [];
  for (const intent of model.interactionModel.languageModel.intents) {
    const custom = new Set(
      (intent.slots ?? []).filter((s) => !s.type.startsWith('AMAZON.')).map((s) => s.name),
    );
    for (const sample of intent.samples ?? []) {
      const parts = sample.split(/(\{\w+\})/).filter((p) => p.trim() !== '');
      const slotNames = parts.filter((p) => p.startsWith('{')).map((p) => p.slice(1, -1));
      if (slotNames.length === 0 || !slotNames.every((n) => custom.has(n))) continue;
      const literal = parts.filter((p) => !p.startsWith('{')).join(' ');
      const literalWords = literal.split(/\s+/).filter(Boolean).length;
      if (literalWords === 0) continue;
      const body = parts
        .map((p) => (p.startsWith('{') ? '(.+?)' : escape(p.trim()).replace(/\s+/g, '\\s+')))
        .join('\\s+');
      patterns.push({ intent: intent.name, slotNames, regex: new RegExp(`^${body}$`, 'i'), literalWords });
    }
  }
  // The longest carrier phrase is the most specific match.
  return patterns.sort((a, b) => b.literalWords - a.literalWords);
};

export const matchOpenSlots = (
  patterns: readonly Pattern[],
  utterance: string,
): OpenSlotMatch | undefined => {
  for (const p of patterns) {
    const m = p.regex.exec(utterance.trim());
    if (!m) continue;
    const slots: Record<string, string> = {};
    p.slotNames.forEach((name, i) => {
      slots[name] = (m[i + 1] ?? '').trim();
    });
    return { intent: p.intent, slots };
  }
  return undefined;
};
