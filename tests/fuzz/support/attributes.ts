import fc from 'fast-check';
import { T0 } from './envelopes';
import {
  clone,
  damageText,
  isObject,
  junk,
  mutate,
  mutations,
  type Json,
  type JsonObject,
  type Mutation,
} from './json';

/**
 * Session attributes as a fuzz case sees them: real ones (snapshots the skill returned in
 * scripted conversations), older shapes of the skill's own `coach` key, and random damage.
 * Alexa hands back whatever the skill returned last, so all of these can reach the handler
 * after a deploy or a bug.
 */

const DAY = new Date(T0).toISOString().slice(0, 10);

/** Shapes the `coach` attribute had, or could have had, in earlier versions of the skill. */
export const OLD_SHAPES = [
  /** user without `pending` (before changes rode in the session). */
  'noPending',
  /** an empty object where the profile was. */
  'emptyProfile',
  /** `pending` under an older name. */
  'renamedPending',
  /** deltas with older field names and no id. */
  'renamedDeltaFields',
  /** `pending` as one object, not a list. */
  'pendingObject',
  /** a run holding its blocks (`blocks[]`) instead of exercises and levels. */
  'runWithBlocks',
  /** a mode the reducer no longer knows. */
  'unknownMode',
  /** a pace id that no longer exists. */
  'unknownPace',
  /** state and user flattened into one object. */
  'flat',
  /** the whole session data serialized as a string. */
  'stringified',
  /** a user but no state. */
  'noState',
] as const;
export type OldShape = (typeof OLD_SHAPES)[number];

const coachOf = (attrs: Json | undefined): JsonObject => {
  const coach = isObject(attrs) ? attrs.coach : undefined;
  return isObject(coach) ? clone(coach) : { state: { coach: { pace: 'normal' } } };
};

const objectAt = (parent: JsonObject, key: string): JsonObject => {
  const child = parent[key];
  if (isObject(child)) return child;
  const fresh: JsonObject = {};
  parent[key] = fresh;
  return fresh;
};

const userOf = (coach: JsonObject): JsonObject => {
  const user = objectAt(coach, 'user');
  if (!Array.isArray(user.pending)) user.pending = [];
  return user;
};

const RUN_WITH_BLOCKS: JsonObject = {
  routine: 'quick-relief',
  blocks: [
    { exercise: 'pelvic-tilt', set: 1, reps: 8 },
    { exercise: 'hip-flexor-stretch', side: 'right', holdSeconds: 30 },
    { exercise: 'hip-flexor-stretch', side: 'left', holdSeconds: 30 },
  ],
  index: 1,
  step: 2,
  finished: false,
  paused: false,
  startedAt: T0 - 60_000,
  doneBlocks: 1,
};

/** `attrs` with its `coach` key in an older shape. */
export const oldShape = (attrs: Json | undefined, shape: OldShape): JsonObject => {
  const coach = coachOf(attrs);
  const state = objectAt(coach, 'state');
  switch (shape) {
    case 'noPending':
      delete userOf(coach).pending;
      break;
    case 'emptyProfile':
      userOf(coach).profile = {};
      break;
    case 'renamedPending': {
      const user = userOf(coach);
      user.pendingDeltas = user.pending ?? [];
      delete user.pending;
      break;
    }
    case 'renamedDeltaFields': {
      const user = userOf(coach);
      const pending = Array.isArray(user.pending) ? user.pending : [];
      user.pending = [
        ...pending,
        { deltaId: 'old-delta', at: T0 - 120_000, day: DAY, secs: { [DAY]: 60 }, completed: { bridge: 1 } },
      ];
      user.dirty = true;
      break;
    }
    case 'pendingObject':
      userOf(coach).pending = { at: T0 - 120_000, day: DAY, id: 'old-delta', completions: { bridge: 1 } };
      break;
    case 'runWithBlocks':
      objectAt(state, 'coach').run = clone(RUN_WITH_BLOCKS);
      break;
    case 'unknownMode':
      state.mode = { kind: 'warmUp', question: 2 };
      break;
    case 'unknownPace':
      objectAt(state, 'coach').pace = 'medium';
      break;
    case 'flat':
      return {
        ...(isObject(attrs) ? attrs : {}),
        coach: { ...state, ...(isObject(coach.user) ? coach.user : {}) },
      };
    case 'stringified':
      return { ...(isObject(attrs) ? attrs : {}), coach: JSON.stringify(coach) };
    case 'noState':
      delete coach.state;
      break;
  }
  return { ...(isObject(attrs) ? attrs : {}), coach };
};

/**
 * Deltas in the session that would take stored progress down if the store trusted them:
 * negative counters and seconds (`amount` < 0), or absurd ones.
 */
export const withEvilPending = (attrs: Json | undefined, amount: number): JsonObject => {
  const coach = coachOf(attrs);
  const user = userOf(coach);
  const pending = Array.isArray(user.pending) ? user.pending : [];
  user.pending = [
    ...pending,
    {
      id: `evil-${amount}`,
      at: T0,
      day: DAY,
      sessions: [{ id: `evil-session-${amount}`, day: DAY }],
      seconds: { [DAY]: amount * 60 },
      completions: { 'bird-dog': amount, bridge: amount },
    },
  ];
  user.dirty = true;
  return { ...(isObject(attrs) ? attrs : {}), coach };
};

/** What a case does to the session attributes it is sent with. */
export type Damage =
  | { readonly kind: 'none' }
  /** Alexa sends none (as on a session's first request). */
  | { readonly kind: 'drop' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'old'; readonly shape: OldShape }
  | { readonly kind: 'mutate'; readonly mutations: readonly Mutation[] }
  /** The whole attributes replaced. */
  | { readonly kind: 'replace'; readonly value: Json }
  /** Only the skill's own key replaced. */
  | { readonly kind: 'replaceCoach'; readonly value: Json }
  | { readonly kind: 'evilPending'; readonly amount: number };

export const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant<Damage>({ kind: 'drop' }),
  fc.constant<Damage>({ kind: 'empty' }),
  { weight: 3, arbitrary: fc.constantFrom(...OLD_SHAPES).map((shape): Damage => ({ kind: 'old', shape })) },
  { weight: 4, arbitrary: mutations(3).map((m): Damage => ({ kind: 'mutate', mutations: m })) },
  fc
    .oneof(junk, fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>)
    .map((value): Damage => ({ kind: 'replace', value })),
  fc
    .oneof(junk, fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>)
    .map((value): Damage => ({ kind: 'replaceCoach', value })),
  fc.constantFrom(-5, -1, 1e9).map((amount): Damage => ({ kind: 'evilPending', amount })),
);

/** Undamaged, or damaged as above. */
export const maybeDamage = (damaged: number): fc.Arbitrary<Damage> =>
  fc.oneof(
    { weight: 10 - damaged, arbitrary: fc.constant<Damage>({ kind: 'none' }) },
    { weight: damaged, arbitrary: damage },
  );

/** The attributes after the damage, and where it was done (for the report). */
export const damaged = (
  attrs: Json | undefined,
  d: Damage,
): { attributes: Json | undefined; done: string } => {
  switch (d.kind) {
    case 'none':
      return { attributes: attrs, done: '' };
    case 'drop':
      return { attributes: undefined, done: 'attributes dropped' };
    case 'empty':
      return { attributes: {}, done: 'attributes emptied' };
    case 'old':
      return { attributes: oldShape(attrs, d.shape), done: `old shape ${d.shape}` };
    case 'mutate': {
      const { tree, done } = mutate(attrs ?? {}, d.mutations, () => true);
      return { attributes: tree, done: damageText(done) };
    }
    case 'replace':
      return { attributes: d.value, done: 'attributes replaced' };
    case 'replaceCoach':
      return { attributes: { ...(isObject(attrs) ? attrs : {}), coach: d.value }, done: 'coach replaced' };
    case 'evilPending':
      return { attributes: withEvilPending(attrs, d.amount), done: `pending with ${d.amount} completions` };
  }
};
