/**
 * The shape of one language's interaction-model source (see en.ts). Samples and synonyms
 * are templates for expand.ts; build.ts turns a source into one locale's model file.
 */
export interface SourceIntent {
  readonly name: string;
  /** slot name → slot type, in the order the model lists them. */
  readonly slots?: Readonly<Record<string, string>>;
  readonly samples: readonly string[];
  /**
   * Opt in to the language's common wrappers (LanguageSource.wrappers): every sample also
   * comes with a polite prefix or suffix ("could you please ...", "... thanks"). Only for
   * requests; never for an intent whose carriers must stay specific (SymptomReportIntent).
   */
  readonly polite?: boolean;
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

/**
 * Words people put around a request without changing it, as templates: "(could|can) you
 * [please]", "um", "... thanks". expand.ts (wrapSamples) adds them to the samples of the
 * intents that opt in (SourceIntent.polite) and of value intents whose slot type only
 * polite intents use.
 */
export interface Wrappers {
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  /** Only samples of at most this many words (slots count as one) are wrapped. */
  readonly maxWords: number;
  /** Samples of at most this many words get a prefix and a suffix together. */
  readonly bothMaxWords: number;
}

export interface LanguageSource {
  readonly invocationName: string;
  readonly intents: readonly SourceIntent[];
  readonly types: readonly SourceType[];
  readonly wrappers?: Wrappers;
  /** Every locale of the language, with its overrides ({} when it shares the model as is). */
  readonly locales: Readonly<Record<string, LocaleOverride>>;
}
