import fc from 'fast-check';
import { damaged, type Damage } from './attributes';
import { problemsOf, type Facts } from './checks';
import {
  NOT_MUTATED,
  REQUEST_TYPES,
  breaksEnvelope,
  envelopeOf,
  isTolerated,
  requestOfType,
  requestTypeOf,
  sessionKind,
  unsupportedRequest,
  type RequestType,
  type Stamps,
} from './envelopes';
import type { FuzzSkill, Sent } from './harness';
import type { Library } from './library';
import { damageText, mutate, type Json, type JsonObject, type Mutation, type Path } from './json';

/**
 * One fuzz case: a request, the session it comes in (attributes from the library, maybe
 * damaged), who sends it, and damage to the envelope itself. Printable: fast-check shows it
 * as the counterexample, and `run` rebuilds exactly the same envelope from it.
 */
export interface Case {
  readonly request: JsonObject;
  readonly session?: {
    readonly isNew: boolean;
    /** Index into the library's snapshots (null: none, as on a session's first request). */
    readonly snapshot: number | null;
    readonly damage: Damage;
  };
  /** A first-time user, the regular (stored progress), or no user in the request at all. */
  readonly user: 'new' | 'regular' | 'none';
  readonly mutations: readonly Mutation[];
}

export interface CaseOptions {
  /** 'unsupported': a type the skill does not use (AudioPlayer, Display, junk). */
  readonly types?: readonly (RequestType | 'unsupported')[];
  readonly request?: fc.Arbitrary<JsonObject>;
  readonly stamps?: Stamps;
  /** Attribute damage (default none). */
  readonly damage?: fc.Arbitrary<Damage>;
  readonly mutations?: fc.Arbitrary<Mutation[]>;
}

const NO_DAMAGE = fc.constant<Damage>({ kind: 'none' });

export const cases = (options: CaseOptions = {}): fc.Arbitrary<Case> => {
  const types = options.types ?? REQUEST_TYPES;
  return fc.constantFrom(...types).chain((type) => {
    const kind = type === 'unsupported' ? 'either' : sessionKind(type);
    const session = fc.record({
      isNew:
        type === 'LaunchRequest' || type === 'CanFulfillIntentRequest' ? fc.constant(true) : fc.boolean(),
      snapshot: type === 'CanFulfillIntentRequest' ? fc.constant(null) : fc.option(fc.nat(), { nil: null }),
      damage: options.damage ?? NO_DAMAGE,
    });
    // A CanFulfillIntentRequest may come with no user at all.
    const users: Case['user'][] =
      type === 'CanFulfillIntentRequest' ? ['new', 'regular', 'none'] : ['new', 'regular'];
    return fc.record({
      request:
        options.request ??
        (type === 'unsupported' ? unsupportedRequest : requestOfType(type, options.stamps)),
      session:
        kind === 'never'
          ? fc.constant(undefined)
          : kind === 'always'
            ? session
            : fc.option(session, { nil: undefined }),
      user: fc.constantFrom(...users),
      mutations: options.mutations ?? fc.constant([]),
    });
  });
};

/** Damage to the envelope of any kind (but never to the address the skill calls). */
export const anywhere = (path: Path): boolean => !NOT_MUTATED(path);

export interface Ran {
  readonly sent: Sent;
  readonly facts: Facts;
  readonly problems: readonly string[];
  /** What was done to the envelope and the attributes, in words. */
  readonly note: string;
}

/** Builds the case's envelope, sends it, and checks the answer. */
export const runCase = async (
  skill: FuzzSkill,
  library: Library,
  c: Case,
  keep: (path: Path) => boolean = anywhere,
): Promise<Ran> => {
  const userId = c.user === 'new' ? skill.newUserId() : c.user === 'regular' ? library.regularId : undefined;
  if (c.user === 'regular') await skill.putItem(library.regularId, library.regularItem);
  const who = { ...(userId === undefined ? {} : { userId }), sessionId: 'amzn1.echo-api.session.TAINT-case' };
  let attributesNote = '';
  let session: { isNew: boolean; attributes?: Json } | undefined;
  if (c.session) {
    const { snapshots } = library;
    const base = c.session.snapshot === null ? undefined : snapshots[c.session.snapshot % snapshots.length];
    const { attributes, done } = damaged(base, c.session.damage);
    attributesNote = done;
    session = { isNew: c.session.isNew, ...(attributes === undefined ? {} : { attributes }) };
  }
  const { tree, done } = mutate(envelopeOf(c.request, who, session), c.mutations, keep);
  const facts: Facts = {
    tolerated: done.every((d) => isTolerated(d.path)),
    broken: done.some((d) => breaksEnvelope(d.path)),
    ...(userId === undefined ? {} : { userId }),
  };
  const before =
    requestTypeOf(tree) === 'CanFulfillIntentRequest' && userId ? await skill.itemOf(userId) : undefined;
  const sent = await skill.send(tree);
  const problems = [...(await problemsOf(sent, facts))];
  // Asked only whether it could: nothing may change for the user.
  if (requestTypeOf(tree) === 'CanFulfillIntentRequest' && userId && !facts.broken) {
    const after = await skill.itemOf(userId);
    if (JSON.stringify(after) !== JSON.stringify(before))
      problems.push('CanFulfillIntentRequest changed stored progress');
  }
  const note = [
    attributesNote && `attributes: ${attributesNote}`,
    done.length > 0 && `envelope: ${damageText(done)}`,
    c.session && c.session.snapshot !== null && `snapshot ${c.session.snapshot % library.snapshots.length}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { sent, facts, problems, note };
};
