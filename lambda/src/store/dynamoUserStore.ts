import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { applyDeltas, readProfile, type Profile, type ProgressDelta } from '../progress';
import { StoreUnavailableError } from './errors';
import { PROFILE_SK, userPk } from './keys';
import {
  DEFAULT_RETRY_POLICY,
  Deadline,
  isConditionalCheckFailed,
  withRetries,
  type CallContext,
  type LogLine,
  type RetryPolicy,
} from './resilience';
import type { UserStore } from './userStore';

export interface DynamoUserStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly policy?: Partial<RetryPolicy>;
  /** Conditional-write retries after a conflict with another device (each re-reads and merges). */
  readonly maxConflictRetries?: number;
  readonly log?: LogLine;
}

interface Stored {
  /** Version of the stored item; undefined when there is none. */
  readonly version: number | undefined;
  readonly profile: Profile | undefined;
}

/**
 * Rounds of re-read and retry after a conflict, all inside the commit's time budget. Ten
 * starved a session under CPU load when another device wrote every few ms; the real fix is
 * atomic deltas (UpdateItem), which need no retry at all.
 */
const MAX_CONFLICT_RETRIES = 60;

/** UserStore on DynamoDB (AWS SDK v3): one item per user, optimistic concurrency on `version`. */
export class DynamoUserStore implements UserStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly policy: RetryPolicy;
  private readonly maxConflictRetries: number;
  private readonly log: LogLine;

  constructor(options: DynamoUserStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.maxConflictRetries = options.maxConflictRetries ?? MAX_CONFLICT_RETRIES;
    this.log = options.log ?? ((line) => console.log(line));
  }

  async load(userId: string): Promise<Profile | undefined> {
    return (await this.read(this.context('load'), userPk(userId))).profile;
  }

  async commit(
    userId: string,
    deltas: ProgressDelta | readonly ProgressDelta[],
    base?: Profile | null,
  ): Promise<Profile> {
    const ctx = this.context('commit');
    const pk = userPk(userId);
    const list: readonly ProgressDelta[] = Array.isArray(deltas) ? deltas : [deltas as ProgressDelta];
    for (let round = 0; round <= this.maxConflictRetries; round++) {
      // A session knows the profile it read at its start (or last wrote): its first write
      // is tried against that version without another read (one read per session). After
      // a conflict, or without a base, read first (consistent).
      const stored: Stored =
        round === 0 && base !== undefined
          ? { version: base === null ? undefined : base.version, profile: base ?? undefined }
          : await this.read(ctx, pk);
      const next = applyDeltas(stored.profile, list);
      if (next === undefined) throw new RangeError('commit for a new user needs at least one delta');
      // Nothing new (every delta already applied, e.g. a re-sent write that had landed).
      if (next === stored.profile && stored.version !== undefined) return next;
      const version = (stored.version ?? 0) + 1;
      try {
        await this.write(ctx, pk, { ...next, version }, stored.version);
        return { ...next, version };
      } catch (e) {
        if (!isConditionalCheckFailed(e)) throw e;
        // Another device wrote first: re-read and re-apply this session's deltas to its result.
        this.log(JSON.stringify({ level: 'info', event: 'store.conflict', op: 'commit', round }));
        // No backoff: of racing conditional writes one always wins, so retrying at once
        // cannot livelock, and waiting would only hand the next race to the other writer.
      }
    }
    throw new StoreUnavailableError('commit', 'TooManyConflicts');
  }

  async remove(userId: string): Promise<void> {
    const ctx = this.context('remove');
    const pk = userPk(userId);
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await withRetries(ctx, (abortSignal) =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
            ExpressionAttributeValues: { ':pk': pk },
            ProjectionExpression: '#pk, #sk',
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
          { abortSignal },
        ),
      );
      for (const item of page.Items ?? []) {
        await withRetries(ctx, (abortSignal) =>
          this.client.send(
            new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }),
            {
              abortSignal,
            },
          ),
        );
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  private context(op: string): CallContext {
    return { op, deadline: new Deadline(this.policy.budgetMs), policy: this.policy, log: this.log };
  }

  private async read(ctx: CallContext, pk: string): Promise<Stored> {
    const out = await withRetries(ctx, (abortSignal) =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { pk, sk: PROFILE_SK }, ConsistentRead: true }),
        { abortSignal },
      ),
    );
    if (!out.Item) return { version: undefined, profile: undefined };
    const version = typeof out.Item.version === 'number' ? out.Item.version : 0;
    // An unreadable item still has a version to write over (else every write would conflict).
    return { version, profile: readProfile(out.Item) };
  }

  private async write(
    ctx: CallContext,
    pk: string,
    profile: Profile,
    expectedVersion: number | undefined,
  ): Promise<void> {
    await withRetries(ctx, (abortSignal) =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...profile, pk, sk: PROFILE_SK },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': 'pk' } }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        }),
        { abortSignal },
      ),
    );
  }
}
