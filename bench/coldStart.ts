import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RequestEnvelope } from 'ask-sdk-model';
import { startHost } from './host';
import { atMost, median, ms, table, type Verdict } from './stats';

/** The bundle may make a cold process at most this much slower to start than bare node. */
export const TARGET_LOAD_RATIO = 1.5;

export interface NodeBinary {
  readonly label: string;
  readonly path: string;
}

export interface LoadVariant {
  readonly label: string;
  readonly node: NodeBinary;
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  /** Untimed, before every run of this variant (e.g. emptying a cache directory). */
  readonly before?: () => void;
}

/** Lambda starts a process with little more than PATH; nothing of this shell leaks in. */
export const cleanEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  ...extra,
});

/**
 * Times `node -e <script>` for every variant, round by round, each round in a rotated
 * order: drift in the machine's load then hits every variant alike. One untimed run of
 * each first (page cache, compile cache). Returns wall-clock ms per variant.
 */
export const timeLoads = (variants: readonly LoadVariant[], rounds: number): number[][] => {
  const run = (v: LoadVariant): number => {
    v.before?.();
    const start = performance.now();
    const result = spawnSync(v.node.path, ['-e', v.script], {
      env: v.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
      throw new Error(
        `${v.label} failed (${result.status}): ${result.stderr.toString('utf8').slice(0, 500)}`,
      );
    }
    return elapsed;
  };
  for (const v of variants) run(v);
  const times: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      const variant = variants[i];
      if (variant) times[i]?.push(run(variant));
    }
  }
  return times;
};

export const requireScript = (bundle: string): string => `require(${JSON.stringify(bundle)})`;

export interface FirstRequest {
  /** spawn() to the bundle loaded, seen from this process. */
  readonly readyMs: number;
  /** require() of the bundle inside the child. */
  readonly loadMs: number;
  readonly firstInvokeMs: number;
  /** The next request (another user's launch): the same process, now warm. */
  readonly secondInvokeMs: number;
}

/** Starts `runs` fresh processes; each loads the bundle and answers two launches. */
export const timeFirstRequests = async (
  node: NodeBinary,
  bundle: string,
  env: NodeJS.ProcessEnv,
  launches: readonly [RequestEnvelope, RequestEnvelope],
  runs: number,
): Promise<FirstRequest[]> => {
  const results: FirstRequest[] = [];
  for (let r = 0; r < runs; r++) {
    const host = await startHost({ node: node.path, bundle, env });
    try {
      const first = await host.invoke(launches[0]);
      const second = await host.invoke(launches[1]);
      results.push({
        readyMs: host.ready.wallMs,
        loadMs: host.ready.loadMs,
        firstInvokeMs: first.ms,
        secondInvokeMs: second.ms,
      });
    } finally {
      await host.close();
    }
  }
  return results;
};

export interface ColdStartInput {
  readonly bundle: string;
  readonly nodes: readonly NodeBinary[];
  /** Where Node 22's compile cache may be written (undefined: no compile-cache variant). */
  readonly compileCacheDir?: string;
  readonly rounds: number;
  /** Parts of the bundle loaded on their own, to see where the load time goes. */
  readonly parts?: readonly { readonly label: string; readonly script: string }[];
  readonly firstRequestRuns: number;
  readonly launches: readonly [RequestEnvelope, RequestEnvelope];
  /** Environment that gives the bundle a store (TABLE_NAME + endpoint), for the "as deployed" rows. */
  readonly storeEnv: NodeJS.ProcessEnv;
}

export interface ColdStartResult {
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

const supportsCompileCache = (node: NodeBinary): boolean => {
  const result = spawnSync(node.path, ['-p', "typeof require('node:module').enableCompileCache"], {
    encoding: 'utf8',
  });
  return result.stdout.trim() === 'function';
};

/** Figure 4: cold load of the bundle against bare node, and the first request after it. */
export const measureColdStart = async (input: ColdStartInput): Promise<ColdStartResult> => {
  const variants: LoadVariant[] = [];
  const notes: string[] = [];
  let compileCacheNote = false;
  for (const node of input.nodes) {
    variants.push({ label: `${node.label}: bare node -e ""`, node, script: '', env: cleanEnv() });
    variants.push({
      label: `${node.label}: require(bundle)`,
      node,
      script: requireScript(input.bundle),
      env: cleanEnv(),
    });
    variants.push({
      label: `${node.label}: require(bundle), TABLE_NAME set`,
      node,
      script: requireScript(input.bundle),
      env: cleanEnv(input.storeEnv),
    });
    for (const part of input.parts ?? []) {
      variants.push({
        label: `${node.label}:   part: ${part.label}`,
        node,
        script: part.script,
        env: cleanEnv(),
      });
    }
    if (input.compileCacheDir && supportsCompileCache(node)) {
      const empty = join(input.compileCacheDir, 'empty');
      // A function's code directory is read-only, so a cache there can only be read, and only
      // if built by the same Node build under the same user id; /tmp is writable but empty at
      // every cold start. Both cases, so neither is mistaken for the other.
      variants.push({
        label: `${node.label}: require(bundle), NODE_COMPILE_CACHE empty (/tmp on a cold start)`,
        node,
        script: requireScript(input.bundle),
        env: cleanEnv({ NODE_COMPILE_CACHE: empty }),
        before: () => rmSync(empty, { recursive: true, force: true }),
      });
      variants.push({
        label: `${node.label}: require(bundle), NODE_COMPILE_CACHE warm (same Node build and uid only)`,
        node,
        script: requireScript(input.bundle),
        env: cleanEnv({ NODE_COMPILE_CACHE: join(input.compileCacheDir, 'warm') }),
      });
      compileCacheNote = true;
    } else if (input.compileCacheDir) {
      notes.push(`NODE_COMPILE_CACHE: not supported by ${node.label} (needs Node ≥ 22.1), skipped there.`);
    }
  }
  if (compileCacheNote) {
    notes.push(
      'NODE_COMPILE_CACHE rows: "empty" is what a cache under /tmp gives a Lambda cold start (a new',
      'environment, an empty /tmp: the cache is only written). "warm" is the best a cache shipped in the',
      'read-only code directory could give: Node cannot create its cache subdirectory there and reads one',
      'only if it is named for the exact Node build and user id, which the managed runtime does not fix.',
    );
  }
  const times = timeLoads(variants, input.rounds);
  const medians = times.map(median);
  const bareOf = (node: NodeBinary) =>
    medians[variants.findIndex((v) => v.node === node && v.script === '')] ?? NaN;
  const loadRows = variants.map((v, i) => {
    const m = medians[i] ?? NaN;
    const bare = bareOf(v.node);
    const t = times[i] ?? [];
    return [
      v.label,
      ms(m, 1),
      ms(Math.min(...t), 1),
      ms(Math.max(...t), 1),
      v.script === '' ? '' : `+${ms(m - bare, 1)}`,
      `${(m / bare).toFixed(2)}×`,
    ];
  });
  const verdicts: Verdict[] = input.nodes.map((node) => {
    const i = variants.findIndex((v) => v.node === node && v.label.endsWith('require(bundle)'));
    return atMost(
      `Cold load ÷ bare node (${node.label})`,
      (medians[i] ?? NaN) / bareOf(node),
      TARGET_LOAD_RATIO,
      (v) => `${v.toFixed(2)}×`,
      (v) => v.toFixed(2),
    );
  });

  const firstRows: string[][] = [];
  for (const node of input.nodes) {
    for (const [label, env] of [
      ['no TABLE_NAME', cleanEnv()],
      ['TABLE_NAME → dynalite', cleanEnv(input.storeEnv)],
    ] as const) {
      const runs = await timeFirstRequests(node, input.bundle, env, input.launches, input.firstRequestRuns);
      firstRows.push([
        `${node.label}, ${label}`,
        ms(median(runs.map((r) => r.loadMs)), 1),
        ms(median(runs.map((r) => r.readyMs)), 1),
        ms(median(runs.map((r) => r.firstInvokeMs)), 1),
        ms(median(runs.map((r) => r.secondInvokeMs)), 2),
        ms(median(runs.map((r) => r.readyMs + r.firstInvokeMs)), 1),
      ]);
    }
  }

  const report = [
    `Wall-clock time of a whole process, median of ${input.rounds} interleaved runs per row (spawnSync from here):`,
    table(['process', 'median', 'min', 'max', 'added', 'ratio'], loadRows),
    ...(input.parts?.length
      ? [
          '"part:" rows load one part of the bundle alone (built like the bundle); parts share the built-ins, so they do not add up.',
        ]
      : []),
    ...notes,
    '',
    `First request after load, median of ${input.firstRequestRuns} fresh processes each (launch envelope; ` +
      'Settings API on a local stub):',
    table(['process', 'require()', 'spawn→loaded', '1st invoke', '2nd invoke', 'spawn→1st reply'], firstRows),
  ].join('\n');
  return { verdicts, report };
};
