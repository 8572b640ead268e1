import { performance } from 'node:perf_hooks';
import { translateFor } from '../lambda/src/alexa/translate';
import { buildHandler } from '../lambda/src/skill';
import { createDocumentClient, REQUEST_TIMEOUT_MS } from '../lambda/src/store/client';
import { DynamoUserStore } from '../lambda/src/store/dynamoUserStore';
import { ensureTable } from '../lambda/src/store/local';
import { DEFAULT_RETRY_POLICY } from '../lambda/src/store/resilience';
import { silentLogger } from '../lambda/src/util/logger';
import type { ChildDynamo } from './dynaliteChild';
import { Fleet, compareProgress, heard, inParallel, recordSession, replaySession } from './fleet';
import { SCRIPTED_SESSION } from './script';
import { holds, ms, percentile, table, type Verdict } from './stats';

export interface LoadOptions {
  /** Users talking at once, one scripted session each (and as many containers). */
  readonly users: number;
}

export interface LoadResult {
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/**
 * Figure 6: N users each through the scripted session at the same moment, every turn sent as
 * soon as the last one was answered (the simulated clock moves, the real one does not wait),
 * against dynalite in a child process. Then every user's stored profile is read back and
 * compared with what the session completed.
 */
export const measureLoad = async (dynamo: ChildDynamo, options: LoadOptions): Promise<LoadResult> => {
  const tableName = 'bench-load';
  await ensureTable(dynamo.endpoint, tableName);
  const direct = createDocumentClient({ endpoint: dynamo.endpoint });
  const store = new DynamoUserStore({ client: direct, tableName, log: () => undefined });
  const callMs: number[] = [];
  let givenUp = 0;
  const fleet = new Fleet({
    size: options.users,
    endpoint: dynamo.endpoint,
    tableName,
    onAttempt: (ms) => callMs.push(ms),
    log: (line) => {
      if ((JSON.parse(line) as { event?: string }).event === 'store.unavailable') givenUp++;
    },
  });
  const t = translateFor('en-US');
  const errorText = t('common.error');
  const warning = t('common.progressNotSaved');
  try {
    const session = await recordSession(
      buildHandler({ clock: Date.now, logger: silentLogger, store }),
      store,
      SCRIPTED_SESSION,
      'amzn1.ask.account.bench-load-recording',
      false,
    );
    const expected = session.turns.map((turn) => heard(turn.response));
    await fleet.warm();
    callMs.length = 0;
    const childCpuBefore = await dynamo.cpuMs();
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    const userId = (u: number) => `amzn1.ask.account.bench-load-${u}`;
    const runs = await inParallel(options.users, options.users, (u) =>
      replaySession(fleet, session, userId(u), `amzn1.echo-api.session.bench-load-${u}`),
    );
    const seconds = (performance.now() - began) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const childCpuSeconds = ((await dynamo.cpuMs()) - childCpuBefore) / 1000;
    const stored = await inParallel(options.users, 16, (u) => store.load(userId(u)));

    const all = runs.flatMap((r) => r.ms);
    const replies = runs.flatMap((r) => r.replies.map((reply, i) => ({ text: heard(reply), i })));
    const thrown = runs.filter((r) => r.thrown).length;
    const errorReplies = replies.filter((r) => r.text.includes(errorText)).length;
    const warned = replies.filter((r) => r.text.includes(warning)).length;
    // The save warning aside, every reply must be the recording's: the same conversation.
    const differing = replies.filter((r) => r.text.replace(warning, '').trim() !== expected[r.i]).length;
    const compared = stored.map((profile) => compareProgress(session.completes, profile));
    const lost = compared.filter((c) => c.lost).length;
    const doubled = compared.filter((c) => c.doubled).length;
    const c = session.completes;
    const report = [
      `${options.users} users at once × ${SCRIPTED_SESSION.length} turns (the scripted session, a new user ` +
        'and session each), through the real skill and its DynamoDB store, one container (skill + client) per ' +
        'user, dynalite in a child process. Turns are sent back to back: this is the most one Node process ' +
        'on this machine serves, and a turn\u2019s time includes waiting for the other sessions\u2019 work ' +
        'on the same event loop. Every container has made one call before.',
      '',
      table(
        ['turns', 'wall', 'throughput', 'p50', 'p90', 'p99', 'max'],
        [
          [
            String(all.length),
            `${seconds.toFixed(2)} s`,
            `${(all.length / seconds).toFixed(0)} turns/s`,
            ms(percentile(all, 50)),
            ms(percentile(all, 90)),
            ms(percentile(all, 99)),
            ms(Math.max(...all)),
          ],
        ],
      ),
      `DynamoDB call attempts as the clients saw them: ${callMs.length}, p50 ${ms(percentile(callMs, 50))}, ` +
        `p99 ${ms(percentile(callMs, 99))} (the client gives an attempt ${REQUEST_TIMEOUT_MS / 1000} s, a store ` +
        `operation ${DEFAULT_RETRY_POLICY.budgetMs / 1000} s). CPU while ` +
        `measuring: this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, dynalite ` +
        `${childCpuSeconds.toFixed(2)} s, in ${seconds.toFixed(2)} s of wall time (one core gives 1 s per second).`,
      '',
      `What each session completes (its recording, stored): ${c.sessionsTotal} session, ` +
        `${Object.entries(c.exerciseCounts)
          .map(([id, n]) => `${id} ×${n}`)
          .join(', ')}, ${c.secondsTotal} s of exercise.`,
      `Errors: ${thrown} thrown, ${errorReplies} replies with the generic error text.`,
      `Store operations given up (timeouts, budget): ${givenUp}; replies that said "I can't save your ` +
        `progress right now": ${warned}.`,
      `Lost progress: ${lost} of ${options.users} stored profiles lack something their session completed ` +
        `(${doubled} count something twice).`,
      ...(differing > 0
        ? [`WARNING: ${differing} replies differed from the recording (not the same conversation).`]
        : []),
    ].join('\n');
    return {
      verdicts: [
        holds(
          'Load: errors',
          thrown + errorReplies === 0,
          `${thrown + errorReplies} in ${all.length} turns of ${options.users} users at once (target: 0)`,
        ),
        holds('Load: lost progress', lost === 0, `${lost} of ${options.users} sessions (target: 0)`),
      ],
      report,
    };
  } finally {
    fleet.destroy();
    direct.destroy();
  }
};
