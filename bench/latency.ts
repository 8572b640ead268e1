import { PerformanceObserver, performance } from 'node:perf_hooks';

import { buildHandler, type LambdaHandler } from '../lambda/src/skill';
import { createDocumentClient } from '../lambda/src/store/client';
import { DynamoUserStore } from '../lambda/src/store/dynamoUserStore';
import { ensureTable, type LocalDynamo } from '../lambda/src/store/local';
import type { UserStore } from '../lambda/src/store/userStore';
import { silentLogger } from '../lambda/src/util/logger';
import { startHost } from './host';
import type { NodeBinary } from './coldStart';
import { cleanEnv } from './coldStart';
import { asUser, record, speechOf, type RecordedTurn } from './recording';
import { useStub, type SettingsStub } from './settingsStub';
import { SCRIPTED_SESSION } from './script';
import { atMost, median, ms, percentile, sum, table, type Verdict } from './stats';

/** Warm per-turn p99 of the skill alone (no store): the budget a turn's own work may use. */
export const TARGET_P99_NO_STORE_MS = 5;

export interface LatencyOptions {
  /** Measured sessions per configuration (one new user each). */
  readonly sessions: number;
  /** Sessions run first and thrown away, so the JIT has warmed up. */
  readonly warmup: number;
}

/** The built bundle, replayed in a clean child process as a third configuration. */
export interface BundleRun {
  readonly node: NodeBinary;
  readonly bundle: string;
  readonly stub: SettingsStub;
}

interface Run {
  /** Per turn of the script: ms around the Lambda handler call, one sample per measured session. */
  readonly byTurn: number[][];
  readonly all: number[];
  /** The first invoke of a freshly built skill in this (already warm) process. */
  readonly first: number;
  /** Replies that differed from the recording (the replay would not be the same conversation). */
  readonly mismatches: number;
  /** Garbage-collection pauses while measuring: count and total ms. */
  readonly gcCount: number;
  readonly gcMs: number;
  /** Measured turns during which a GC pause happened. */
  readonly turnsWithGc: number;
}

const skillWith = (store: UserStore | undefined): LambdaHandler =>
  buildHandler({ clock: Date.now, logger: silentLogger, ...(store ? { store } : {}) });

/**
 * Records the scripted session once, then replays its envelopes `warmup + sessions` times
 * as new users (fresh user and session ids), timing only the Lambda handler call.
 */
const replay = async (
  store: UserStore | undefined,
  label: string,
  options: LatencyOptions,
): Promise<Run & { recorded: RecordedTurn[] }> => {
  const skill = skillWith(store);
  let first = Number.NaN;
  const recorded: RecordedTurn[] = await record(
    async (event, context) => {
      const start = performance.now();
      const response = await skill(event, context);
      if (Number.isNaN(first)) first = performance.now() - start;
      return response;
    },
    SCRIPTED_SESSION,
    `amzn1.ask.account.bench-${label}-${process.pid}-recording`,
  );
  const byTurn: number[][] = recorded.map(() => []);
  const all: number[] = [];
  const spans: [number, number][] = [];
  const gcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push([entry.startTime, entry.startTime + entry.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  let mismatches = 0;
  try {
    for (let s = 0; s < options.warmup + options.sessions; s++) {
      const userId = `amzn1.ask.account.bench-${label}-${process.pid}-${s}`;
      const sessionId = `amzn1.echo-api.session.bench-${label}-${s}`;
      const requests = recorded.map((turn) => asUser(turn.request, userId, sessionId));
      for (const [i, request] of requests.entries()) {
        // Lambda's event loop turns between invocations (the runtime fetches the next event):
        // without this, timers and idle-time GC would pile up inside the timed calls.
        await new Promise((resolve) => setImmediate(resolve));
        const start = performance.now();
        const response = await skill(request, {});
        const end = performance.now();
        if (speechOf(response) !== speechOf(recorded[i]?.response ?? response)) mismatches++;
        if (s >= options.warmup) {
          byTurn[i]?.push(end - start);
          all.push(end - start);
          spans.push([start, end]);
        }
      }
    }
    // GC entries are delivered asynchronously: let the observer catch up.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    observer.disconnect();
  }
  const measuredFrom = spans[0]?.[0] ?? 0;
  const inWindow = gcs.filter(([start]) => start >= measuredFrom);
  const turnsWithGc = spans.filter(([a, b]) => inWindow.some(([gs, ge]) => gs < b && ge > a)).length;
  return {
    recorded,
    byTurn,
    all,
    first,
    mismatches,
    gcCount: inWindow.length,
    gcMs: sum(inWindow.map(([a, b]) => b - a)),
    turnsWithGc,
  };
};

/**
 * The same replay inside the built bundle, in a clean child process with no TABLE_NAME:
 * what Lambda runs, with nothing of the bench on its heap. The launch turn's Settings API
 * call goes to the local stub.
 */
const replayInBundle = async (
  run: BundleRun,
  recorded: readonly RecordedTurn[],
  options: LatencyOptions,
): Promise<Run> => {
  const host = await startHost({ node: run.node.path, bundle: run.bundle, env: cleanEnv() });
  try {
    const requests = recorded.map((turn) => useStub(structuredClone(turn.request), run.stub));
    const byTurn = await host.replay(requests, options.sessions, options.warmup);
    return {
      byTurn,
      all: byTurn.flat(),
      first: Number.NaN,
      mismatches: 0,
      gcCount: -1,
      gcMs: 0,
      turnsWithGc: 0,
    };
  } finally {
    await host.close();
  }
};

export interface LatencyResult {
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/** Figure 2: per-turn handler latency, with the embedded store and with no store. */
export const measureLatency = async (
  local: LocalDynamo,
  options: LatencyOptions,
  bundleRun?: BundleRun,
): Promise<LatencyResult> => {
  const tableName = `bench-latency-${process.pid}`;
  await ensureTable(local.endpoint, tableName);
  const client = createDocumentClient({ endpoint: local.endpoint });
  try {
    const store = new DynamoUserStore({ client, tableName, log: () => undefined });
    const withStore = await replay(store, 'store', options);
    const noStore = await replay(undefined, 'nostore', options);
    const inBundle = bundleRun ? await replayInBundle(bundleRun, noStore.recorded, options) : undefined;
    const summary = (name: string, run: Run) => [
      name,
      String(run.all.length),
      ms(percentile(run.all, 50)),
      ms(percentile(run.all, 90)),
      ms(percentile(run.all, 99)),
      ms(Math.max(...run.all)),
      Number.isNaN(run.first) ? '-' : ms(run.first),
      run.gcCount < 0 ? '-' : `${run.gcCount} / ${ms(run.gcMs, 1)} / ${run.turnsWithGc}`,
    ];
    const perTurn = SCRIPTED_SESSION.map((step, i) => {
      const a = withStore.byTurn[i] ?? [];
      const b = noStore.byTurn[i] ?? [];
      const c = inBundle?.byTurn[i] ?? [];
      return [
        String(i + 1),
        step.say,
        ms(median(a)),
        ms(percentile(a, 99)),
        ms(median(b)),
        ms(percentile(b, 99)),
        ...(inBundle ? [ms(median(c)), ms(percentile(c, 99))] : []),
      ];
    });
    const p99 = percentile(noStore.all, 99);
    const mismatches = withStore.mismatches + noStore.mismatches;
    const report = [
      `${options.sessions} sessions × ${SCRIPTED_SESSION.length} turns per configuration (after ${options.warmup} warm-up ` +
        'session(s)). The script is recorded once through the interaction model, then its envelopes are replayed ' +
        'as a new user per session; only the Lambda handler call is timed.',
      '',
      table(
        [
          'configuration',
          'turns',
          'p50',
          'p90',
          'p99',
          'max',
          'first invoke',
          'GC pauses / total / turns hit',
        ],
        [
          summary('with embedded store (dynalite)', withStore),
          summary('excluding the store (no store)', noStore),
          ...(inBundle && bundleRun
            ? [summary(`bundle, no TABLE_NAME (${bundleRun.node.label})`, inBundle)]
            : []),
        ],
      ),
      ...(mismatches > 0 ? [`WARNING: ${mismatches} replayed replies differed from the recording.`] : []),
      '',
      'Per turn of the script (p50 / p99 over the sessions):',
      table(
        [
          '#',
          'user says',
          'store p50',
          'store p99',
          'no-store p50',
          'no-store p99',
          ...(inBundle ? ['bundle p50', 'bundle p99'] : []),
        ],
        perTurn,
      ),
    ].join('\n');
    return {
      verdicts: [atMost('Warm p99 per turn, excluding the store', p99, TARGET_P99_NO_STORE_MS, (v) => ms(v))],
      report,
    };
  } finally {
    client.destroy();
  }
};
