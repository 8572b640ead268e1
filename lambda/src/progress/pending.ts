import { mergeDeltas, type ProgressChange, type ProgressDelta } from './delta';

/**
 * Changes not yet written, carried in session attributes between requests. Usually one
 * delta. A delta whose write failed with an unknown outcome (a timeout: it may have
 * landed) is marked `sent` and kept apart, so re-sending it is harmless (the profile
 * remembers its id) and later changes are not swallowed with it.
 */
export type PendingProgress = readonly ProgressDelta[];

/** Folds `change` into the open delta, or opens a new one with `newId` (e.g. the request id). */
export const addToPending = (
  pending: PendingProgress,
  change: ProgressChange,
  newId: string,
): PendingProgress => {
  const last = pending[pending.length - 1];
  if (last && !last.sent) return [...pending.slice(0, -1), mergeDeltas(last, change)];
  // Ids must stay unique even if the caller reuses one (two changes in one request).
  const id = pending.some((d) => d.id === newId) ? `${newId}#${pending.length}` : newId;
  return [...pending, { ...change, id }];
};

/** After a failed commit: everything sent may or may not have been written. */
export const markSent = (pending: PendingProgress): PendingProgress =>
  pending.map((d) => (d.sent ? d : { ...d, sent: true }));
