import { startHost } from './host';
import type { NodeBinary } from './coldStart';
import { cleanEnv } from './coldStart';
import { Person } from './person';
import { LONG_SESSION_TURNS, longSessionTurn } from './script';
import { useStub, type SettingsStub } from './settingsStub';
import { atMost, mib, ms, table, type Verdict } from './stats';

/** Peak resident memory of the function after a long session (Lambda bills by memory size). */
export const TARGET_PEAK_RSS_BYTES = 100 * 1024 * 1024;

export interface MemoryInput {
  readonly bundle: string;
  readonly nodes: readonly NodeBinary[];
  /** TABLE_NAME and the dynalite endpoint: the bundle runs with its real store, as deployed. */
  readonly storeEnv: NodeJS.ProcessEnv;
  readonly stub: SettingsStub;
}

export interface MemoryResult {
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/**
 * Figure 5: a 50-turn session (routines, the screen, commands, advice) against the bundle
 * in a child process; its RSS after every turn, and getrusage's peak at the end.
 */
export const measureMemory = async (input: MemoryInput): Promise<MemoryResult> => {
  const rows: string[][] = [];
  const verdicts: Verdict[] = [];
  for (const node of input.nodes) {
    const host = await startHost({ node: node.path, bundle: input.bundle, env: cleanEnv(input.storeEnv) });
    try {
      const afterLoad = await host.stats();
      let maxSampled = afterLoad.rss;
      let slowest = 0;
      const person = new Person({
        userId: `amzn1.ask.account.bench-memory-${node.label}-${process.pid}`,
        onRequest: (request) => useStub(request, input.stub),
        handler: async (request) => {
          const result = await host.invoke(request);
          maxSampled = Math.max(maxSampled, result.rss);
          slowest = Math.max(slowest, result.ms);
          return result.response;
        },
      });
      for (let i = 0; i < LONG_SESSION_TURNS; i++) {
        await person.take(longSessionTurn(i, person.text, person.reply?.ended ?? false));
      }
      const end = await host.stats();
      const peak = Math.max(end.maxRssKb * 1024, maxSampled);
      rows.push([
        node.label,
        mib(afterLoad.rss),
        mib(maxSampled),
        mib(end.maxRssKb * 1024),
        mib(end.heapUsed),
        ms(slowest, 1),
      ]);
      verdicts.push(
        atMost(
          `Peak RSS after ${LONG_SESSION_TURNS} turns (${node.label})`,
          peak,
          TARGET_PEAK_RSS_BYTES,
          mib,
        ),
      );
    } finally {
      await host.close();
    }
  }
  const report = [
    `${LONG_SESSION_TURNS}-turn session against the bundle in a child process (TABLE_NAME → dynalite in the bench process):`,
    table(
      [
        'node',
        'RSS after load',
        'max RSS (sampled)',
        'maxRSS (getrusage)',
        'heap used at end',
        'slowest turn',
      ],
      rows,
    ),
  ].join('\n');
  return { verdicts, report };
};
