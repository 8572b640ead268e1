/**
 * A small, language-agnostic expander for interaction-model sample templates, and the
 * checks Alexa applies to the expanded samples. Pure: no I/O, no locale knowledge.
 *
 * Template syntax:
 *   (a|b|c)   one of the alternatives
 *   [a|b]     optional: nothing, or one of the alternatives
 *   {slot}    a slot reference, kept as is
 * Groups nest: "(start|begin) [my [morning]] {routine}".
 */

type Node = { kind: 'text'; text: string } | { kind: 'group'; options: Node[][]; optional: boolean };

const parse = (template: string): Node[] => {
  let at = 0;
  const sequence = (closers: string): Node[][] => {
    const options: Node[][] = [];
    let current: Node[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') current.push({ kind: 'text', text });
      text = '';
    };
    while (at < template.length) {
      const ch = template[at] ?? '';
      if (ch === '(' || ch === '[') {
        flush();
        at += 1;
        const inner = sequence(ch === '(' ? ')' : ']');
        current.push({ kind: 'group', options: inner, optional: ch === '[' });
        continue;
      }
      if (ch === '|' && closers !== '') {
        flush();
        options.push(current);
        current = [];
        at += 1;
        continue;
      }
      if (ch === ')' || ch === ']') {
        if (ch !== closers) throw new Error(`unbalanced "${ch}" at ${at} in "${template}"`);
        flush();
        options.push(current);
        at += 1;
        return options;
      }
      if (ch === '|') throw new Error(`"|" outside a group at ${at} in "${template}"`);
      text += ch;
      at += 1;
    }
    if (closers !== '') throw new Error(`missing "${closers}" in "${template}"`);
    flush();
    options.push(current);
    return options;
  };
  const top = sequence('');
  return top[0] ?? [];
};

const expandNodes = (nodes: readonly Node[]): string[] => {
  let results = [''];
  for (const node of nodes) {
    const parts =
      node.kind === 'text'
        ? [node.text]
        : [...(node.optional ? [''] : []), ...node.options.flatMap((option) => expandNodes(option))];
    results = results.flatMap((prefix) => parts.map((part) => prefix + part));
  }
  return results;
};

/** Lower case, single spaces, no space before an apostrophe, trimmed. */
export const normalise = (sample: string): string =>
  sample.toLowerCase().replace(/\s+/g, ' ').replace(/ '/g, "'").trim();

/** Every sample a template stands for, normalised, in order, without repeats. */
export const expandTemplate = (template: string): string[] => [
  ...new Set(expandNodes(parse(template)).map(normalise)),
];

/** Expands a list of templates into one deduplicated list of samples. */
export const expandAll = (templates: readonly string[]): string[] => [
  ...new Set(templates.flatMap(expandTemplate)),
];

export interface ExpandedIntent {
  readonly name: string;
  readonly slots: readonly { readonly name: string; readonly type: string }[];
  readonly samples: readonly string[];
}

/** Alexa's limit on a sample's length. */
export const MAX_SAMPLE_LENGTH = 200;

// A spoken word: letters with inner apostrophes ("what's"), or an abbreviation ("a.m.").
const WORD = /^(?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+)$/;
const SLOT = /^\{([A-Za-z][A-Za-z0-9_]*)\}$/;

export const slotsIn = (sample: string): string[] =>
  [...sample.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');

/**
 * The problems Alexa (or this project's safety rules) would reject in a set of intents;
 * [] when the set is fine. `isBuiltInType` tells built-in slot types (AMAZON.NUMBER) apart.
 */
export const validateIntents = (
  intents: readonly ExpandedIntent[],
  isBuiltInType: (type: string) => boolean = (type) => type.startsWith('AMAZON.'),
): string[] => {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const intent of intents) {
    const declared = new Map(intent.slots.map((s) => [s.name, s.type]));
    const used = new Set<string>();
    for (const sample of intent.samples) {
      const where = `${intent.name}: "${sample}"`;
      if (sample.length > MAX_SAMPLE_LENGTH) problems.push(`${where} is longer than ${MAX_SAMPLE_LENGTH}`);
      const tokens = sample.split(' ');
      for (const token of tokens) {
        if (SLOT.test(token)) continue;
        if (!WORD.test(token)) problems.push(`${where} has "${token}", not a spoken word or a {slot}`);
      }
      const refs = slotsIn(sample);
      for (const ref of refs) {
        used.add(ref);
        if (!declared.has(ref)) problems.push(`${where} uses {${ref}}, which the intent does not declare`);
      }
      if (new Set(refs).size !== refs.length) problems.push(`${where} uses a slot twice`);
      if (tokens.length === 1 && refs.length === 1 && !isBuiltInType(declared.get(refs[0] ?? '') ?? ''))
        problems.push(`${where} is a bare custom slot`);
      const previous = owner.get(sample);
      if (previous === intent.name) problems.push(`${where} is listed twice`);
      else if (previous) problems.push(`${where} is also a sample of ${previous}`);
      else owner.set(sample, intent.name);
    }
    for (const name of declared.keys())
      if (!used.has(name)) problems.push(`${intent.name}: slot ${name} is never used in a sample`);
  }
  return problems;
};

export interface WrapperForms {
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly maxWords: number;
  readonly bothMaxWords: number;
}

/** Expands wrapper templates (see source.ts, Wrappers) into their spoken forms. */
export const wrapperForms = (w: {
  prefixes: readonly string[];
  suffixes: readonly string[];
  maxWords: number;
  bothMaxWords: number;
}): WrapperForms => ({
  prefixes: expandAll(w.prefixes).filter((f) => f !== ''),
  suffixes: expandAll(w.suffixes).filter((f) => f !== ''),
  maxWords: w.maxWords,
  bothMaxWords: w.bothMaxWords,
});

const wordsOf = (s: string): number => s.split(' ').length;

/**
 * The core of a sample: without one leading prefix form and one trailing suffix form
 * (longest first), so "can you please start the {routine} please" and "start the {routine}"
 * share the core "start the {routine}". A sample that would lose all its words keeps them.
 */
export const coreOf = (sample: string, forms: WrapperForms): string => {
  let core = sample;
  const prefix = [...forms.prefixes]
    .sort((a, b) => b.length - a.length)
    .find((p) => core.startsWith(`${p} `));
  if (prefix) core = core.slice(prefix.length + 1);
  const suffix = [...forms.suffixes].sort((a, b) => b.length - a.length).find((s) => core.endsWith(` ${s}`));
  if (suffix) core = core.slice(0, -(suffix.length + 1));
  return core;
};

/**
 * The wrapped forms of a list of samples: each short core with a prefix, with a suffix, and
 * (for the shortest) with both. The samples themselves are not repeated. A core that is a
 * single slot ("{pace}" of "{pace} please") is not wrapped: "please {pace}" would be a
 * one-word carrier that takes any words on a device.
 */
export const wrapSamples = (samples: readonly string[], forms: WrapperForms): string[] => {
  const own = new Set(samples);
  const out = new Set<string>();
  const cores = [...new Set(samples.map((s) => coreOf(s, forms)))].filter(
    (c) => wordsOf(c) <= forms.maxWords,
  );
  for (const core of cores) {
    if (/^\{[^}]*\}$/.test(core)) continue;
    out.add(core);
    for (const p of forms.prefixes) out.add(`${p} ${core}`);
    for (const s of forms.suffixes) out.add(`${core} ${s}`);
    if (wordsOf(core) <= forms.bothMaxWords)
      for (const p of forms.prefixes) for (const s of forms.suffixes) out.add(`${p} ${core} ${s}`);
  }
  return [...out].map(normalise).filter((s) => !own.has(s) && s.length <= MAX_SAMPLE_LENGTH);
};
