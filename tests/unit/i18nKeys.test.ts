import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Every English text must be said somewhere: a key in lambda/src/i18n/en/*.json that no
 * code refers to is dead text that still has to be reviewed and translated.
 *
 * A key counts as referenced when the code (lambda/src, and the scripts and bench that
 * speak through the same resources, e.g. the audio check) holds
 * - a string literal naming it (`'screening.pain.hurts'`), or ending in '.' as a prefix;
 * - a template literal whose literal parts match it, each `${…}` standing for one key
 *   segment or part of one (`coach.exercise.${id}.name`, `screening.outcome.clear${suffix}`);
 * - an i18next nesting `$t(coach.exercise.{{id}}.name)` in the JSON, `{{…}}` likewise.
 * Plural forms (`_one`, `_other`…) are covered by their base key.
 */

const ROOT = join(__dirname, '../..');
const CODE = ['lambda/src', 'scripts', 'bench'].map((dir) => join(ROOT, dir));
const EN = join(ROOT, 'lambda/src/i18n/en');

/**
 * Keys known to be unused but not removed here, with the reason. Clear an entry once its
 * key is gone (the test fails on an entry that is no longer unused, so none go stale).
 */
const PENDING_REMOVAL: readonly string[] = [];

type Json = string | number | boolean | null | readonly Json[] | { readonly [k: string]: Json };

const leafKeys = (value: Json, prefix: string): string[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => leafKeys(v, `${prefix}.${k}`))
    : [prefix];

const leafValues = (value: Json): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(leafValues)
      : [];

const files = readdirSync(EN).filter((f) => f.endsWith('.json'));
const namespaces = files.map((f) => f.replace(/\.json$/, ''));
const resources = Object.fromEntries(
  namespaces.map((ns) => [ns, JSON.parse(readFileSync(join(EN, `${ns}.json`), 'utf8')) as Json]),
);
const allKeys = namespaces.flatMap((ns) => leafKeys(resources[ns] as Json, ns));

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** A reference as literal parts; a hole between two parts is a `${…}` or `{{…}}`. */
type Reference = readonly string[];

const referencesInCode = (file: string): Reference[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: Reference[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push([node.text]);
    else if (ts.isTemplateExpression(node))
      found.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const NESTING = /\$t\(([^,)]+)/g;
const referencesInJson = (): Reference[] =>
  Object.values(resources)
    .flatMap(leafValues)
    .flatMap((text) => [...text.matchAll(NESTING)].map((m) => (m[1] ?? '').split(/\{\{[^}]*\}\}/)));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const looksLikeKey = (ref: Reference): boolean =>
  namespaces.some((ns) => (ref[0] ?? '').startsWith(`${ns}.`));

const matcherFor = (ref: Reference): RegExp => {
  const body = ref.map(escape).join('[^.]*');
  const only = ref.length === 1 ? (ref[0] ?? '') : '';
  // A plain string ending in '.' is a prefix ('coach.exercise.' + id), and so is a template
  // ending in a placeholder (`coach.exercise.${id}${easier}` builds the start of keys).
  const prefix = only.endsWith('.') || (ref.length > 1 && ref[ref.length - 1] === '');
  return prefix ? new RegExp(`^${body}`) : new RegExp(`^${body}$`);
};

const PLURAL = /_(zero|one|two|few|many|other)$/;

const references = [...CODE.flatMap(tsFiles).flatMap(referencesInCode), ...referencesInJson()].filter(
  looksLikeKey,
);
const matchers = references.map(matcherFor);
const isReferenced = (key: string): boolean => {
  const base = key.replace(PLURAL, '');
  return matchers.some((m) => m.test(key) || m.test(base));
};

describe('i18n keys', () => {
  test('the scan sees the English resources and the code', () => {
    expect(allKeys.length).toBeGreaterThan(100);
    expect(isReferenced('screening.pain.hurts')).toBe(true);
    expect(isReferenced('coach.exercise.bridge.name')).toBe(true);
    expect(isReferenced('no.such.key')).toBe(false);
  });

  test('every key is said somewhere in the code', () => {
    const unused = allKeys.filter((k) => !isReferenced(k) && !PENDING_REMOVAL.includes(k));
    expect(unused).toEqual([]);
  });

  test('every key pending removal is still there and still unused', () => {
    expect(PENDING_REMOVAL.filter((k) => !allKeys.includes(k) || isReferenced(k))).toEqual([]);
  });
});
