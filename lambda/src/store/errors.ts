/**
 * The store could not be reached within its time budget (throttled, failing, slow,
 * unreachable, or misconfigured). The conversation should carry on without persistence:
 * keep the pending delta in session attributes and try again later.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** The store operation: 'load', 'commit' or 'remove'. */
  readonly op: string;
  /** The last underlying error's name (never its message, which may echo data). */
  readonly lastError: string;

  constructor(op: string, lastError: string, options?: { cause?: unknown }) {
    super(`user store unavailable during ${op} (${lastError})`, options);
    this.op = op;
    this.lastError = lastError;
  }
}
