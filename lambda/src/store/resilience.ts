import { StoreUnavailableError } from './errors';

/**
 * How long a store operation (load, commit, remove: every DynamoDB call it makes) may take
 * in total, and how many attempts each call gets. 3 attempts of at most 1 s each plus
 * jittered backoff are cut off at 2.5 s, leaving Alexa's 8 s for everything else.
 */
export interface RetryPolicy {
  readonly budgetMs: number;
  readonly maxAttempts: number;
  /** First backoff ceiling; doubles per attempt (full jitter). Throttling waits twice as long. */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { budgetMs: 2500, maxAttempts: 3, baseDelayMs: 50 };

export type LogLine = (line: string) => void;

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

interface SdkLikeError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const asSdkError = (e: unknown): SdkLikeError =>
  typeof e === 'object' && e !== null ? (e as SdkLikeError) : {};

/** A short, data-free name for an error: the SDK's name, or a socket error code. */
export const errorName = (e: unknown): string => {
  const err = asSdkError(e);
  if (typeof err.code === 'string' && (err.name === 'Error' || err.name === undefined)) return err.code;
  return typeof err.name === 'string' ? err.name : 'Unknown';
};

export const isConditionalCheckFailed = (e: unknown): boolean =>
  asSdkError(e).name === 'ConditionalCheckFailedException';

/** Client errors other than throttling will fail the same way again (bad request, missing table, access). */
const isRetryable = (e: unknown): boolean => {
  const status = asSdkError(e).$metadata?.httpStatusCode;
  if (THROTTLING.has(errorName(e))) return true;
  return !(status !== undefined && status >= 400 && status < 500);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects when the signal aborts, whatever the wrapped call does (a hard stop at the deadline). */
const untilAborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    signal.addEventListener(
      'abort',
      () => reject(Object.assign(new Error('deadline'), { name: 'DeadlineExceeded' })),
      {
        once: true,
      },
    );
  });

/** The time left for one store operation, shared by all the DynamoDB calls it makes. */
export class Deadline {
  private readonly endsAt: number;

  constructor(budgetMs: number) {
    this.endsAt = Date.now() + budgetMs;
  }

  remaining(): number {
    return this.endsAt - Date.now();
  }
}

export interface CallContext {
  readonly op: string;
  readonly deadline: Deadline;
  readonly policy: RetryPolicy;
  readonly log: LogLine;
}

/**
 * Runs one DynamoDB call with bounded retries inside the operation's deadline. A failed
 * conditional write is not a fault: it is rethrown at once for the caller to merge. Each
 * fault is logged as one JSON line with no user data; when attempts or time run out the
 * caller gets a StoreUnavailableError.
 */
export const withRetries = async <T>(
  ctx: CallContext,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> => {
  let last: unknown = undefined;
  for (let attempt = 1; attempt <= ctx.policy.maxAttempts; attempt++) {
    const remaining = ctx.deadline.remaining();
    if (remaining <= 0) break;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), remaining);
    try {
      return await Promise.race([call(controller.signal), untilAborted(controller.signal)]);
    } catch (e) {
      if (isConditionalCheckFailed(e)) throw e;
      last = e;
      ctx.log(
        JSON.stringify({ level: 'warn', event: 'store.fault', op: ctx.op, errorName: errorName(e), attempt }),
      );
      if (!isRetryable(e)) break;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
    if (attempt < ctx.policy.maxAttempts) {
      const ceiling = ctx.policy.baseDelayMs * 2 ** (attempt - 1) * (THROTTLING.has(errorName(last)) ? 2 : 1);
      await sleep(Math.min(Math.random() * ceiling, Math.max(0, ctx.deadline.remaining())));
    }
  }
  const name = last === undefined ? 'DeadlineExceeded' : errorName(last);
  ctx.log(JSON.stringify({ level: 'error', event: 'store.unavailable', op: ctx.op, errorName: name }));
  throw new StoreUnavailableError(ctx.op, name, { cause: last });
};
