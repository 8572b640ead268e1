import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Profile, ProgressDelta } from '../progress';
import { readItem, isClean, type Item, type ReadItem } from './item';
import { PROFILE_SK, userPk } from './keys';
import {
  DEFAULT_RETRY_POLICY,
  Deadline,
  call,
  isConditionalCheckFailed,
  type CallContext,
  type LogLine,
  type RetryPolicy,
} from './resilience';
import { tidyUpdates, updatesFor, type Update } from './updates';
import type { CommitOptions, UserStore } from './userStore';

export interface DynamoUserStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly policy?: Partial<RetryPolicy>;
  readonly log?: LogLine;
}

/**
 * UserStore on DynamoDB (AWS SDK v3): one flat item per user (see item.ts), changed only by
 * atomic UpdateItem actions, so two devices writing at once both land with no conflict and
 * no retry loop, and a re-sent delta is a no-op.
 */
export class DynamoUserStore implements UserStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly policy: RetryPolicy;
  private readonly log: LogLine;

  constructor(options: DynamoUserStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.log = options.log ?? ((line) => console.log(line));
  }

  async load(userId: string): Promise<Profile | undefined> {
    return this.within('load', undefined, async (ctx) => (await this.read(ctx, userPk(userId))).profile);
  }

  async commit(
    userId: string,
    deltas: ProgressDelta | readonly ProgressDelta[],
    base?: Profile | null,
    options: CommitOptions = {},
  ): Promise<Profile> {
    const list: readonly ProgressDelta[] = Array.isArray(deltas) ? deltas : [deltas as ProgressDelta];
    if (list.length === 0) throw new RangeError('commit needs at least one delta');
    return this.within('commit', options.budgetMs, async (ctx) => {
      const pk = userPk(userId);
      let known: Profile | undefined = base ?? undefined;
      let latest: ReadItem | undefined;
      for (const delta of list) {
        // Landed already (its main update, which runs last, is recorded): nothing to send.
        if (known?.applied.includes(delta.id)) continue;
        const { sides, main } = updatesFor(delta, known);
        await Promise.all(
          sides.map(async (s) => {
            const done = await this.update(ctx, pk, s.update);
            if (!done.landed && s.otherwise) await this.update(ctx, pk, s.otherwise);
          }),
        );
        const { item } = await this.update(ctx, pk, main, true);
        // A failed main condition: this delta had landed before (a re-send), read what is there.
        latest = readItem(item ?? (await this.get(ctx, pk)));
        known = latest.profile;
      }
      latest ??= await this.read(ctx, pk);
      if (!isClean(latest.stale)) {
        await Promise.all(tidyUpdates(latest.stale).map((u) => this.update(ctx, pk, u)));
      }
      if (!latest.profile) throw new RangeError('a committed profile reads back');
      return latest.profile;
    });
  }

  async remove(userId: string): Promise<void> {
    await this.within('remove', undefined, async (ctx) => {
      const pk = userPk(userId);
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await call(ctx, (abortSignal) =>
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
          await call(ctx, (abortSignal) =>
            this.client.send(
              new DeleteCommand({ TableName: this.tableName, Key: { pk: item.pk, sk: item.sk } }),
              { abortSignal },
            ),
          );
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    });
  }

  /** One operation inside its time budget (the policy's, unless the caller gives one). */
  private async within<T>(
    op: string,
    budgetMs: number | undefined,
    run: (ctx: CallContext) => Promise<T>,
  ): Promise<T> {
    const deadline = new Deadline(budgetMs ?? this.policy.budgetMs);
    try {
      return await run({ op, deadline, log: this.log });
    } finally {
      deadline.end();
    }
  }

  private async get(ctx: CallContext, pk: string): Promise<Item | undefined> {
    const out = await call(ctx, (abortSignal) =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: { pk, sk: PROFILE_SK }, ConsistentRead: true }),
        { abortSignal },
      ),
    );
    return out.Item;
  }

  private async read(ctx: CallContext, pk: string): Promise<ReadItem> {
    return readItem(await this.get(ctx, pk));
  }

  /**
   * Applies one update; a failed condition (already applied, or something newer stored) is
   * not an error: it did not land.
   */
  private async update(
    ctx: CallContext,
    pk: string,
    update: Update,
    returnItem = false,
  ): Promise<{ landed: boolean; item?: Item }> {
    try {
      const out = await call(ctx, (abortSignal) =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: { pk, sk: PROFILE_SK },
            ...update,
            ...(returnItem ? { ReturnValues: 'ALL_NEW' } : {}),
          }),
          { abortSignal },
        ),
      );
      return { landed: true, ...(out.Attributes ? { item: out.Attributes } : {}) };
    } catch (e) {
      if (isConditionalCheckFailed(e)) return { landed: false };
      throw e;
    }
  }
}
