import fc from 'fast-check';

/**
 * JSON trees and the damage a fuzz case does to them. Cases stay printable: a 100,000-char
 * string is a short sentinel in the generated value (`⟪huge:100000:slot⟫`) and only becomes
 * the long string in `materialize`, so a counterexample fits on a screen.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Path = readonly (string | number)[];

/** Every string a request controls carries this, so a log line holding one is easy to spot. */
export const TAINT = 'TAINT';

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const huge = (length: number, tag: string): string => `⟪huge:${length}:${tag}⟫`;
const HUGE = /^⟪huge:(\d+):(\w*)⟫$/;

const expand = (length: number, tag: string): string => {
  const unit = `${TAINT}-${tag}-`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
};

/** The request as Alexa would deliver it: plain parsed JSON, long strings at full length. */
export const materialize = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    const m = typeof v === 'string' ? HUGE.exec(v) : null;
    return m ? expand(Number(m[1]), m[2] ?? '') : v;
  }) as T;

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const pathText = (path: Path): string => (path.length === 0 ? '(root)' : path.join('.'));

/** Every node below the root, depth first, in key order. */
export const pathsOf = (root: Json, keep: (path: Path) => boolean = () => true): Path[] => {
  const out: Path[] = [];
  const walk = (node: Json, path: Path): void => {
    const children: [string | number, Json][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : isObject(node)
        ? Object.entries(node)
        : [];
    for (const [key, child] of children) {
      const p = [...path, key];
      if (keep(p)) out.push(p);
      walk(child, p);
    }
  };
  walk(root, []);
  return out;
};

export const getAt = (root: Json, path: Path): Json | undefined => {
  let node: Json | undefined = root;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string' && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
};

export type Replacement =
  | { readonly kind: 'delete' }
  /** An object key renamed (an older field name); an array element duplicated. */
  | { readonly kind: 'rename' }
  | { readonly kind: 'set'; readonly value: Json };

/** `at` picks among the eligible paths of the tree as it is when the mutation applies. */
export interface Mutation {
  readonly at: number;
  readonly to: Replacement;
}

// Own-property writes: a JSON key may be "__proto__", which plain assignment would not create.
const put = (obj: JsonObject, key: string, value: Json): void => {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
};

const describe = (to: Replacement): string => {
  if (to.kind !== 'set') return to.kind;
  const shown = JSON.stringify(to.value);
  return `set ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}`;
};

/** One change made to a tree: where, and what (in words, for a failure report). */
export interface Damage {
  readonly path: Path;
  readonly what: string;
}

export const damageText = (done: readonly Damage[]): string =>
  done.map((d) => `${pathText(d.path)}: ${d.what}`).join('; ');

/**
 * Applies the mutations in order to a copy of `root`, each at an eligible path (`keep`).
 * Returns the damaged tree and what was done where, in words, for the failure report.
 */
export const mutate = (
  root: Json,
  mutations: readonly Mutation[],
  keep: (path: Path) => boolean,
): { readonly tree: Json; readonly done: readonly Damage[] } => {
  const tree = clone(root);
  const done: Damage[] = [];
  for (const m of mutations) {
    const paths = pathsOf(tree, keep);
    if (paths.length === 0) continue;
    const path = paths[m.at % paths.length] as Path;
    const parent = getAt(tree, path.slice(0, -1));
    const key = path[path.length - 1] as string | number;
    if (Array.isArray(parent) && typeof key === 'number') {
      if (m.to.kind === 'delete') parent.splice(key, 1);
      else if (m.to.kind === 'rename') parent.push(clone(parent[key] as Json));
      else parent[key] = clone(m.to.value);
    } else if (isObject(parent) && typeof key === 'string') {
      const old = parent[key] as Json;
      if (m.to.kind !== 'set') Reflect.deleteProperty(parent, key);
      if (m.to.kind === 'rename') put(parent, `${key}_v0`, old);
      if (m.to.kind === 'set') put(parent, key, clone(m.to.value));
    }
    done.push({ path, what: describe(m.to) });
  }
  return { tree, done };
};

// --- arbitraries ---------------------------------------------------------------------------

/** Free text a request may carry: always marked, sometimes 100,000 characters long. */
export const taintText = (tag: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }).map((s) => `${TAINT}-${tag}${s}`) },
    { weight: 1, arbitrary: fc.constant(huge(100_000, tag)) },
  );

/** What a field may hold instead of what it should: wrong types, odd numbers, long text. */
export const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, -1e9, 1e308, '', [], {}),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  taintText('junk'),
  fc.constant<Json>([`${TAINT}-junk`]),
  fc.constant<Json>({ [`${TAINT}-key`]: `${TAINT}-junk` }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

export const replacement: fc.Arbitrary<Replacement> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Replacement>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.constant<Replacement>({ kind: 'rename' }) },
  { weight: 6, arbitrary: junk.map((value): Replacement => ({ kind: 'set', value })) },
);

export const mutations = (maxLength: number): fc.Arbitrary<Mutation[]> =>
  fc.array(fc.record({ at: fc.nat(), to: replacement }), { minLength: 1, maxLength });

/** A JSON tree for a report: long strings shortened, the rest as it was sent. */
export const preview = (value: unknown, maxString = 80): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > maxString ? `${v.slice(0, maxString)}…(${v.length} chars)` : v,
  );
