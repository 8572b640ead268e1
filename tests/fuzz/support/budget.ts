import fc from 'fast-check';

/**
 * How many cases the fuzz properties run. FUZZ_RUNS is the budget, about the number of
 * single requests (default 1,000: some 900 requests, 500 session turns and 1,300 reducer
 * steps, fast enough for `npm test`; `npm run fuzz` sets 10,000); each property takes a
 * share of it. FUZZ_SEED replays a run: an integer, or `random` for a fresh one
 * (printed in every test title and in fast-check's report).
 */
const positive = (raw: string | undefined, fallback: number): number => {
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) && n > 0 ? n : fallback;
};

export const FUZZ_RUNS = positive(process.env.FUZZ_RUNS, 1000);

const DEFAULT_SEED = 20261126;

const seedOf = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return (Date.now() ^ (process.pid << 16)) | 0;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED must be an integer or "random", not ${raw}`);
  return n;
};

export const SEED = seedOf(process.env.FUZZ_SEED);

/** The cases for a property that takes `share` of the budget (at least `min`). */
export const runsFor = (share: number, min = 5): number => Math.max(min, Math.round(FUZZ_RUNS * share));

/** fast-check settings: the shared seed, and a report that names the failing case. */
export const settings = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED });

/**
 * A jest timeout for `cases` runs of about `msPerCase` each, with room for shrinking a
 * failure (which replays the case many times) on a loaded two-core machine.
 */
export const timeoutFor = (cases: number, msPerCase: number): number => 120_000 + cases * msPerCase * 4;

/** For test titles: enough to replay the run. */
export const replayHint = (numRuns: number): string => `${numRuns} cases, FUZZ_SEED=${SEED}`;
