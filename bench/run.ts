/**
 * `npm run bench`: prints the skill's performance figures, each against its target with
 * PASS or MISS and by how much. Not a test: it never fails on a MISS (exit code 0), only
 * when something breaks. See bench/README.md for what each figure means.
 *
 * BENCH_SESSIONS (default 30) and BENCH_ROUNDS (default 25, at least 20) trade time for
 * steadier figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const section = (title: string): void =>
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 86 - title.length))}\n`);

const printVerdicts = (verdicts: readonly Verdict[]): void => {
  console.log('');
  for (const v of verdicts) console.log(`${v.figure}: ${v.line}`);
};

const main = async (): Promise<void> => {
  const began = performance.now();
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

  const sessions = intFromEnv('BENCH_SESSIONS', 30, 1);
  const rounds = intFromEnv('BENCH_ROUNDS', 25, 20);

  console.log('Back & Hip Coach — performance figures (npm run bench)');
  console.log(describeMachine());

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
  const verdicts: Verdict[] = [];
  try {
    // The bundle first: figures 2, 4 and 5 run it.
    const bundle = await measureBundle();
    const node22 = findNode22(join(work, 'node22'));
    const thisNode = { label: `Node ${process.versions.node}`, path: process.execPath };
    const nodes =
      'path' in node22
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

    section('1. Store calls per turn (scripted session, dynalite in memory)');
    const calls = await measureStoreCalls(local);
    console.log(calls.report);
    printVerdicts(calls.verdicts);
    verdicts.push(...calls.verdicts);

    section('2. Handler latency per turn');
    const latency = await measureLatency(
      local,
      { sessions, warmup: 3 },
      { node: thisNode, bundle: bundle.build.outfile, stub },
    );
    console.log(latency.report);
    printVerdicts(latency.verdicts);
    verdicts.push(...latency.verdicts);

    section('3. Bundle size');
    console.log(bundle.report);
    printVerdicts(bundle.verdicts);
    verdicts.push(...bundle.verdicts);

    section('4. Cold start');
    if ('skipped' in node22) console.log(`Node 22: skipped (${node22.skipped}).\n`);
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

    section('5. Peak memory');
    const memory = await measureMemory({ bundle: bundle.build.outfile, nodes, storeEnv, stub });
    console.log(memory.report);
    printVerdicts(memory.verdicts);
    verdicts.push(...memory.verdicts);
  } finally {
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
