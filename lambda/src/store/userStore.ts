import type { Profile, ProgressDelta } from '../progress';

/**
 * Where profiles live. Writers send the DELTA of their session, never a whole profile, so
 * a write that races another device is re-applied to the fresh profile and nothing is lost.
 * Every method rejects with StoreUnavailableError when the store cannot be reached in time.
 */
export interface UserStore {
  /** The user's profile, or undefined for a new user. */
  load(userId: string): Promise<Profile | undefined>;
  /**
   * Applies the deltas (in order) to the stored profile with a write conditional on its
   * version (on a conflict: re-read, re-apply, retry) and returns the stored result.
   * `base` is the profile this session last read or wrote (null: none was stored): the
   * first write is tried against it without a read. Deltas already applied (same id) are
   * skipped, so re-sending after a timeout is safe.
   */
  commit(
    userId: string,
    deltas: ProgressDelta | readonly ProgressDelta[],
    base?: Profile | null,
  ): Promise<Profile>;
  /** Deletes everything kept about the user ("delete my data", skill disabled). */
  remove(userId: string): Promise<void>;
}
