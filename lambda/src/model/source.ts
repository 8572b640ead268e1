/**
 * The shape of one language's interaction-model source (see en.ts). Samples and synonyms
 * are templates for expand.ts; build.ts turns a source into one locale's model file.
 */
export interface SourceIntent {
  readonly name: string;
  /** slot name → slot type, in the order the model lists them. */
  readonly slots?: Readonly<Record<string, string>>;
  readonly samples: readonly string[];
}

export interface SourceValue {
  readonly id: string;
  readonly value: string;
  /** Templates, expanded like samples. */
  readonly synonyms?: readonly string[];
  /**
   * Templates of phrases that mean this value said on their own ("slower", "i fell"): they
   * become the samples of a value intent (valueIntents.ts), never a bare slot.
   */
  readonly alone?: readonly string[];
}

export interface SourceType {
  readonly name: string;
  readonly values: readonly SourceValue[];
}

/** What one locale adds to the language's shared model; nothing is ever taken away. */
export interface LocaleOverride {
  /** intent name → extra sample templates. */
  readonly samples?: Readonly<Record<string, readonly string[]>>;
  /** slot type → value id → extra synonym templates. */
  readonly synonyms?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface LanguageSource {
  readonly invocationName: string;
  readonly intents: readonly SourceIntent[];
  readonly types: readonly SourceType[];
  /** Every locale of the language, with its overrides ({} when it shares the model as is). */
  readonly locales: Readonly<Record<string, LocaleOverride>>;
}
