import { StoreUnavailableError } from './errors';

/**
 * How long one store operation (load, commit, remove: every DynamoDB call it makes) may
 * take in total. The attempts, backoff and retry quota are the SDK's own (see client.ts);
 * the budget aborts whatever is still running, leaving Alexa's 8 s for everything else.
 */
export interface RetryPolicy {
  readonly budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { budgetMs: 2500 };

/**
 * All the store work one turn may take: the function has 7 s (Alexa waits 8), and the rest of
 * a turn takes milliseconds. A session's last save may use what its turn has left of it.
 */
export const TURN_STORE_BUDGET_MS = 5500;

export type LogLine = (line: string) => void;

interface SdkLikeError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly attempts?: number };
}

const asSdkError = (e: unknown): SdkLikeError =>
  typeof e === 'object' && e !== null ? (e as SdkLikeError) : {};

/** Error names worth telling apart in a log; anything else is 'other' (names can echo input). */
const KNOWN_ERRORS = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ResourceNotFoundException',
  'ValidationException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'ItemCollectionSizeLimitExceededException',
  'TimeoutError',
  'RequestTimeout',
  'DeadlineExceeded',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'StoreUnavailableError',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'Error',
]);

/** A short, data-free name for an error from a fixed list: the SDK's name or a socket code. */
export const errorName = (e: unknown): string => {
  const err = asSdkError(e);
  const name =
    typeof err.code === 'string' && (err.name === 'Error' || err.name === undefined) ? err.code : err.name;
  if (name === 'AbortError') return 'DeadlineExceeded';
  return typeof name === 'string' && KNOWN_ERRORS.has(name) ? name : 'other';
};

export const isConditionalCheckFailed = (e: unknown): boolean =>
  asSdkError(e).name === 'ConditionalCheckFailedException';

/** The time left for one store operation, shared by all the DynamoDB calls it makes. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(budgetMs: number) {
    this.timer = setTimeout(() => this.controller.abort(), budgetMs);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The operation is over: no timer may keep the process (or a Lambda invocation) waiting. */
  end(): void {
    clearTimeout(this.timer);
  }
}

export interface CallContext {
  readonly op: string;
  readonly deadline: Deadline;
  readonly log: LogLine;
}

/**
 * Runs one DynamoDB call with the SDK's retries, cut off at the operation's deadline. A
 * failed condition is an answer, not a fault: it is rethrown for the caller. Anything else
 * is logged once as a JSON line with no user data and becomes a StoreUnavailableError.
 */
export const call = async <T extends { $metadata?: { attempts?: number } }>(
  ctx: CallContext,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> => {
  try {
    const out = await send(ctx.deadline.signal);
    const attempts = out.$metadata?.attempts ?? 1;
    if (attempts > 1)
      ctx.log(JSON.stringify({ level: 'info', event: 'store.retried', op: ctx.op, attempts }));
    return out;
  } catch (e) {
    if (isConditionalCheckFailed(e)) throw e;
    const name = ctx.deadline.signal.aborted ? 'DeadlineExceeded' : errorName(e);
    ctx.log(
      JSON.stringify({
        level: 'error',
        event: 'store.unavailable',
        op: ctx.op,
        errorName: name,
        attempts: asSdkError(e).$metadata?.attempts ?? 1,
      }),
    );
    throw new StoreUnavailableError(ctx.op, name, { cause: e });
  }
};
