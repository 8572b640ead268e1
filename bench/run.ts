/**
 * `npm run bench`: prints the skill's performance figures, each against its target with
 * PASS or MISS and by how much. Not a test: it never fails on a MISS (exit code 0), only
 * when something breaks. See bench/README.md for what each figure means.
 *
 * BENCH_SESSIONS (default 30) and BENCH_ROUNDS (default 25, at least 20) trade time for
 * steadier figures; BENCH_USERS, BENCH_FAULT_SESSIONS, BENCH_FAULT_CONCURRENCY and BENCH_SEED
 * shape the load and fault figures; BENCH_ONLY (e.g. "load,faults") runs only those sections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Verdict } from './stats';

// The in-process parts load the AWS SDK (v3 warns on Node 20) and virtual-alexa (which
// loads v2, which warns too): their notices are noise here. Children get their own env.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const intFromEnv = (name: string, fallback: number, min: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
};

/** The sections, by the names BENCH_ONLY takes. */
const SECTIONS = ['calls', 'latency', 'bundle', 'cold', 'memory', 'load', 'faults'] as const;
type SectionName = (typeof SECTIONS)[number];

const selectedSections = (): ReadonlySet<SectionName> => {
  const only = (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`);
  return new Set(only.length > 0 ? (only as SectionName[]) : SECTIONS);
};

const section = (title: string): void =>
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 86 - title.length))}\n`);

/** Other work on the machine slows the timed figures; the load and fault figures say how much there was. */
const loadAverage = (): string =>
  `Machine load average (1 min) as the section starts: ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores.\n`;

const printVerdicts = (verdicts: readonly Verdict[]): void => {
  console.log('');
  for (const v of verdicts) console.log(`${v.figure}: ${v.line}`);
};

const main = async (): Promise<void> => {
  const began = performance.now();
  const want = selectedSections();
  // Imported here, after the environment above is set.
  const { startLocalDynamo } = await import('../lambda/src/store/local');
  const { describeMachine } = await import('./machine');
  const { measureStoreCalls } = await import('./storeCalls');
  const { measureLatency } = await import('./latency');
  const { measureBundle } = await import('./bundle');
  const { measureColdStart } = await import('./coldStart');
  const { measureMemory } = await import('./memory');
  const { findNode22 } = await import('./node22');
  const { buildLoadParts } = await import('./loadBreakdown');
  const { startSettingsStub, useStub } = await import('./settingsStub');
  const { asUser } = await import('./recording');
  const { ensureTable } = await import('../lambda/src/store/local');
  const { startChildDynamo } = await import('./dynaliteChild');
  const { measureLoad } = await import('./load');
  const { measureFaults } = await import('./faults');

  const sessions = intFromEnv('BENCH_SESSIONS', 30, 1);
  const rounds = intFromEnv('BENCH_ROUNDS', 25, 20);
  const users = intFromEnv('BENCH_USERS', 50, 1);
  const faultSessions = intFromEnv('BENCH_FAULT_SESSIONS', 1000, 1);
  const faultConcurrency = intFromEnv('BENCH_FAULT_CONCURRENCY', 20, 1);
  const seed = intFromEnv('BENCH_SEED', 1, 0);

  console.log('Back & Hip Coach — performance figures (npm run bench)');
  console.log(describeMachine());
  if (want.size < SECTIONS.length) console.log(`Sections: ${[...want].join(', ')} (BENCH_ONLY)`);

  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  // Ctrl-C: leave no temp files (child processes end with their IPC channel or spawnSync).
  const interrupted = () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const local = await startLocalDynamo();
  const stub = await startSettingsStub();
  const child = want.has('load') || want.has('faults') ? await startChildDynamo() : undefined;
  const verdicts: Verdict[] = [];
  try {
    // The bundle first: figures 2, 4 and 5 run it.
    const needsBundle = ['latency', 'bundle', 'cold', 'memory'].some((s) => want.has(s as SectionName));
    const bundle = needsBundle ? await measureBundle() : undefined;
    const node22 = want.has('cold') || want.has('memory') ? findNode22(join(work, 'node22')) : undefined;
    const thisNode = { label: `Node ${process.versions.node}`, path: process.execPath };
    const nodes =
      node22 && 'path' in node22
        ? [thisNode, { label: `Node ${node22.version.slice(1)}`, path: node22.path }]
        : [thisNode];
    const storeTable = `bench-bundle-${process.pid}`;
    await ensureTable(local.endpoint, storeTable);
    const storeEnv = {
      TABLE_NAME: storeTable,
      AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    };

    // Figure 4 starts from the scripted session's launch request, so it needs figure 1's run.
    const calls = want.has('calls') || want.has('cold') ? await measureStoreCalls(local) : undefined;
    if (calls && want.has('calls')) {
      section('1. Store calls per turn (scripted session, dynalite in memory)');
      console.log(calls.report);
      printVerdicts(calls.verdicts);
      verdicts.push(...calls.verdicts);
    }

    if (bundle && want.has('latency')) {
      section('2. Handler latency per turn');
      const latency = await measureLatency(
        local,
        { sessions, warmup: 3 },
        { node: thisNode, bundle: bundle.build.outfile, stub },
      );
      console.log(latency.report);
      printVerdicts(latency.verdicts);
      verdicts.push(...latency.verdicts);
    }

    if (bundle && want.has('bundle')) {
      section('3. Bundle size');
      console.log(bundle.report);
      printVerdicts(bundle.verdicts);
      verdicts.push(...bundle.verdicts);
    }

    if (bundle && calls && want.has('cold')) {
      section('4. Cold start');
      if (node22 && 'skipped' in node22) console.log(`Node 22: skipped (${node22.skipped}).\n`);
      const launch = calls.turns[0]?.request;
      if (!launch) throw new Error('the scripted session recorded no launch request');
      const launches = [1, 2].map((n) =>
        useStub(
          asUser(launch, `amzn1.ask.account.bench-cold-${n}`, `amzn1.echo-api.session.bench-cold-${n}`),
          stub,
        ),
      ) as [typeof launch, typeof launch];
      const cold = await measureColdStart({
        bundle: bundle.build.outfile,
        nodes,
        compileCacheDir: join(work, 'compile-cache'),
        rounds,
        parts: await buildLoadParts(join(work, 'parts')),
        firstRequestRuns: 7,
        launches,
        storeEnv,
      });
      console.log(cold.report);
      printVerdicts(cold.verdicts);
      verdicts.push(...cold.verdicts);
    }

    if (bundle && want.has('memory')) {
      section('5. Peak memory');
      const memory = await measureMemory({ bundle: bundle.build.outfile, nodes, storeEnv, stub });
      console.log(memory.report);
      printVerdicts(memory.verdicts);
      verdicts.push(...memory.verdicts);
    }

    if (child && want.has('load')) {
      section('6. Load: many users at once');
      console.log(loadAverage());
      const sectionBegan = performance.now();
      const load = await measureLoad(child, { users });
      console.log(load.report);
      console.log(`(section took ${((performance.now() - sectionBegan) / 1000).toFixed(1)} s)`);
      printVerdicts(load.verdicts);
      verdicts.push(...load.verdicts);
    }

    if (child && want.has('faults')) {
      section('7. Store faults: lost and untold progress');
      console.log(loadAverage());
      const sectionBegan = performance.now();
      const faults = await measureFaults(child, {
        sessions: faultSessions,
        // 0 %: a control; any loss there is the bench's own load, not a fault.
        rates: [0, 0.1, 0.5],
        seed,
        concurrency: faultConcurrency,
      });
      console.log(faults.report);
      console.log(`(section took ${((performance.now() - sectionBegan) / 1000).toFixed(1)} s)`);
      printVerdicts(faults.verdicts);
      verdicts.push(...faults.verdicts);
    }
  } finally {
    await child?.close();
    await stub.close();
    await local.close();
    rmSync(work, { recursive: true, force: true });
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  section('Summary');
  for (const v of verdicts) console.log(`${v.pass ? 'PASS' : 'MISS'}  ${v.figure}`);
  const missed = verdicts.filter((v) => !v.pass).length;
  console.log(
    `\n${verdicts.length - missed} of ${verdicts.length} targets met` +
      ` (bench took ${((performance.now() - began) / 1000).toFixed(0)} s).`,
  );
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
