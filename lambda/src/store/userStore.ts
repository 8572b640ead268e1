import type { Profile, ProgressDelta } from '../progress';

/**
 * Where profiles live. Writers send the DELTA of their session, never a whole profile; the
 * store applies it atomically, so a write that races another device loses nothing.
 * Every method rejects with StoreUnavailableError when the store cannot be reached in time.
 */
export interface UserStore {
  /** The user's profile, or undefined for a new user. */
  load(userId: string): Promise<Profile | undefined>;
  /**
   * Applies the deltas (in order) to the stored profile and returns the stored result.
   * `base` is the profile this session last read or wrote (null: none was stored); it only
   * saves calls for parts it shows as stored already. Deltas already applied (same id)
   * change nothing, so re-sending after a timeout is safe.
   */
  commit(
    userId: string,
    deltas: ProgressDelta | readonly ProgressDelta[],
    base?: Profile | null,
    options?: CommitOptions,
  ): Promise<Profile>;
  /** Deletes everything kept about the user ("delete my data", skill disabled). */
  remove(userId: string): Promise<void>;
}

export interface CommitOptions {
  /**
   * The time this commit may take, retries included, instead of the store's usual budget:
   * the last save of a session may wait longer, there being no later turn to try again.
   */
  readonly budgetMs?: number;
}
