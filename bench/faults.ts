import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startFaultProxy, type Fault } from '../tests/support/faultProxy';
import { translateFor } from '../lambda/src/alexa/translate';
import { buildHandler } from '../lambda/src/skill';
import { createDocumentClient, MAX_ATTEMPTS, REQUEST_TIMEOUT_MS } from '../lambda/src/store/client';
import { DynamoUserStore } from '../lambda/src/store/dynamoUserStore';
import { ensureTable } from '../lambda/src/store/local';
import { DEFAULT_RETRY_POLICY, TURN_STORE_BUDGET_MS } from '../lambda/src/store/resilience';
import type { Profile } from '../lambda/src/progress';
import { silentLogger } from '../lambda/src/util/logger';
import type { ChildDynamo } from './dynaliteChild';
import {
  Fleet,
  compareProgress,
  heard,
  inParallel,
  recordSession,
  replaySession,
  type RecordedSession,
  type SessionRun,
} from './fleet';
import { FAULT_SESSION } from './script';
import { holds, percentile, table, type Verdict } from './stats';

/**
 * The faults, in equal shares: what DynamoDB and a network do to a request. Throttling and
 * a 500 are answers the SDK retries; a lost reply is a write that landed though the client
 * never heard so (its retry must not count it twice); a delay past the request timeout
 * costs an attempt its whole timeout, a large part of the store operation's budget.
 */
export const FAULT_MIX: readonly Fault[] = ['throttle', 'http500', 'lose-reply', 'delay'];

const FAULT_NAMES: Readonly<Record<string, string>> = {
  throttle: 'throttled (400)',
  http500: 'HTTP 500',
  'lose-reply': 'lost reply',
  delay: 'delayed',
};

/** Longer than the client's request timeout, so a delayed attempt always times out. */
const DELAY_MS = REQUEST_TIMEOUT_MS + 500;

/** Every 4th session ends in silence (a SessionEndedRequest); the others say "stop". */
const SILENT_EVERY = 4;

export interface FaultOptions {
  /** Sessions per fault rate. */
  readonly sessions: number;
  readonly rates: readonly number[];
  readonly seed: number;
  /** Sessions in flight at once, and containers serving them. */
  readonly concurrency: number;
}

/**
 * The fault for one request, drawn from the seed, the request's body and how often that body
 * was sent before (a retry sends the same body): the same request of the same session gets
 * the same fault in every run with this seed, whatever order the sessions' requests interleave in.
 */
const seededFaults = (seed: number, rate: number) => {
  const sent = new Map<string, number>();
  const counts = new Map<Fault, number>();
  let requests = 0;
  let armed = false;
  const choose = (target: string, body: Buffer): Fault => {
    if (!armed) return 'none';
    requests++;
    const digest = createHash('sha256').update(target).update(body).digest('hex');
    const n = (sent.get(digest) ?? 0) + 1;
    sent.set(digest, n);
    const draw = createHash('sha256').update(`${seed}:${digest}:${n}`).digest();
    if (draw.readUInt32BE(0) / 2 ** 32 >= rate) return 'none';
    const fault = FAULT_MIX[draw.readUInt32BE(4) % FAULT_MIX.length] ?? 'none';
    counts.set(fault, (counts.get(fault) ?? 0) + 1);
    return fault;
  };
  return {
    choose,
    counts,
    requests: () => requests,
    /** From now on requests are counted and faulted (not the fleet's warm-up). */
    arm: () => {
      armed = true;
    },
  };
};

type Ending = 'goodbye' | 'silence';

interface Outcome {
  readonly ending: Ending;
  readonly lost: boolean;
  readonly doubled: boolean;
  /** The last reply the person heard carries the final-save warning. */
  readonly told: boolean;
  /** The last reply the person heard carried the mid-session warning ("I'll keep trying while we go"). */
  readonly keepTryingLast: boolean;
  /** An earlier reply carried the mid-session warning. */
  readonly warnedBefore: boolean;
  readonly errors: number;
}

/** Why store operations were given up (from the store's log lines). */
interface GivenUp {
  /** Every attempt the client makes failed. */
  allAttempts: number;
  /** The operation's time budget ran out. */
  budget: number;
  /** Fewer attempts: the client's retry quota (standard mode, per client) was empty. */
  quotaEmpty: number;
}

interface RateRow {
  readonly rate: number;
  readonly outcomes: readonly Outcome[];
  readonly requests: number;
  readonly faults: ReadonlyMap<Fault, number>;
  /** Store operations given up ('load', 'commit'), by why. */
  readonly givenUp: Readonly<Record<string, GivenUp>>;
  /** ms of every DynamoDB call attempt that succeeded, as the client saw it. */
  readonly callMs: readonly number[];
  readonly seconds: number;
  /** CPU time of this process (skill, SDK, proxy) and of dynalite while the sessions ran. */
  readonly cpuSeconds: number;
  readonly childCpuSeconds: number;
}

/** Where the last answer with speech is: on a silent end, the one before the SessionEndedRequest. */
const lastSpokenIndex = (texts: readonly string[]): number => {
  let i = texts.length - 1;
  while (i > 0 && texts[i] === '') i--;
  return i;
};

export interface FaultResult {
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/**
 * Figure 7: short first-time sessions (open, one exercise to its end, then "stop" or silence)
 * with the fault proxy between every container's client and dynalite, at each rate; then
 * every stored profile is read straight from dynalite and compared with what the session
 * completed, and every loss is checked for whether the person was told.
 */
export const measureFaults = async (dynamo: ChildDynamo, options: FaultOptions): Promise<FaultResult> => {
  const tableName = 'bench-faults';
  await ensureTable(dynamo.endpoint, tableName);
  const direct = createDocumentClient({ endpoint: dynamo.endpoint });
  const store = new DynamoUserStore({ client: direct, tableName, log: () => undefined });
  const t = translateFor('en-US');
  // Before the final-save warning exists, i18next answers with the key: nobody can be told.
  const finalKey = 'common.progressNotSavedFinal';
  const finalWarning = t(finalKey) === finalKey ? undefined : t(finalKey);
  const midWarning = t('common.progressNotSaved');
  const errorText = t('common.error');
  try {
    const skill = buildHandler({ clock: Date.now, logger: silentLogger, store });
    const recordings: Record<Ending, RecordedSession> = {
      goodbye: await recordSession(
        skill,
        store,
        FAULT_SESSION,
        'amzn1.ask.account.bench-faults-rec-bye',
        false,
      ),
      silence: await recordSession(
        skill,
        store,
        FAULT_SESSION.slice(0, -1),
        'amzn1.ask.account.bench-faults-rec-silent',
        true,
      ),
    };
    const judge = (ending: Ending, run: SessionRun, stored: Profile | undefined): Outcome => {
      const compared = compareProgress(recordings[ending].completes, stored);
      const texts = run.replies.map(heard);
      const lastIndex = lastSpokenIndex(texts);
      const last = texts[lastIndex] ?? '';
      return {
        ending,
        lost: compared.lost,
        doubled: compared.doubled,
        told: finalWarning !== undefined && last.includes(finalWarning),
        keepTryingLast: last.includes(midWarning),
        warnedBefore: texts.slice(0, lastIndex).some((text) => text.includes(midWarning)),
        errors: (run.thrown ? 1 : 0) + texts.filter((text) => text.includes(errorText)).length,
      };
    };

    const endingOf = (i: number): Ending => (i % SILENT_EVERY === SILENT_EVERY - 1 ? 'silence' : 'goodbye');
    const runRate = async (rate: number): Promise<RateRow> => {
      const pct = Math.round(rate * 100);
      const ids = (i: number) =>
        [
          `amzn1.ask.account.bench-faults-${pct}-${i}`,
          `amzn1.echo-api.session.bench-faults-${pct}-${i}`,
        ] as const;
      const faults = seededFaults(options.seed, rate);
      const proxy = await startFaultProxy(dynamo.endpoint, { delayMs: DELAY_MS, choose: faults.choose });
      const givenUp: Record<string, GivenUp> = {};
      const callMs: number[] = [];
      const fleet = new Fleet({
        size: options.concurrency,
        endpoint: proxy.endpoint,
        tableName,
        onAttempt: (ms, ok) => {
          if (ok) callMs.push(ms);
        },
        log: (line) => {
          const entry = JSON.parse(line) as {
            event?: string;
            op?: string;
            errorName?: string;
            attempts?: number;
          };
          if (entry.event !== 'store.unavailable' || !entry.op) return;
          const why = (givenUp[entry.op] ??= { allAttempts: 0, budget: 0, quotaEmpty: 0 });
          if (entry.errorName === 'DeadlineExceeded') why.budget++;
          else if ((entry.attempts ?? 0) >= MAX_ATTEMPTS) why.allAttempts++;
          else why.quotaEmpty++;
        },
      });
      try {
        await fleet.warm();
        callMs.length = 0;
        faults.arm();
        const began = performance.now();
        const cpuBefore = process.cpuUsage();
        const childCpuBefore = await dynamo.cpuMs();
        const runs = await inParallel(options.sessions, options.concurrency, (i) =>
          replaySession(fleet, recordings[endingOf(i)], ...ids(i)),
        );
        const seconds = (performance.now() - began) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const childCpuSeconds = ((await dynamo.cpuMs()) - childCpuBefore) / 1000;
        // A delayed request whose client gave up is dropped, never forwarded: once every
        // session is over, nothing more lands, and dynalite holds what was saved.
        const stored = await inParallel(options.sessions, 16, (i) => store.load(ids(i)[0]));
        return {
          rate,
          outcomes: runs.map((run, i) => judge(endingOf(i), run, stored[i])),
          requests: faults.requests(),
          faults: faults.counts,
          givenUp,
          callMs,
          seconds,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          childCpuSeconds,
        };
      } finally {
        fleet.destroy();
        await proxy.close();
      }
    };
    const rows: RateRow[] = [];
    for (const rate of options.rates) rows.push(await runRate(rate));
    return report(rows, options, finalWarning !== undefined);
  } finally {
    direct.destroy();
  }
};

const report = (
  rows: readonly RateRow[],
  options: FaultOptions,
  finalWarningExists: boolean,
): FaultResult => {
  const pctOf = (row: RateRow): string => `${Math.round(row.rate * 100)}%`;
  const outcomes = table(
    ['rate', 'ending', 'sessions', 'lost', 'told', 'untold', 'counted twice', 'errors'],
    rows.flatMap((row) =>
      (['goodbye', 'silence'] as const).map((ending) => {
        const of = row.outcomes.filter((o) => o.ending === ending);
        const lost = of.filter((o) => o.lost);
        return [
          pctOf(row),
          ending === 'goodbye' ? '"stop": goodbye' : 'silence: SessionEnded',
          String(of.length),
          String(lost.length),
          String(lost.filter((o) => o.told).length),
          String(lost.filter((o) => !o.told).length),
          String(of.filter((o) => o.doubled).length),
          String(of.reduce((n, o) => n + o.errors, 0)),
        ];
      }),
    ),
  );
  const heardInstead = rows.flatMap((row) =>
    (['goodbye', 'silence'] as const).flatMap((ending) => {
      const untold = row.outcomes.filter((o) => o.ending === ending && o.lost && !o.told);
      if (untold.length === 0) return [];
      const last = untold.filter((o) => o.keepTryingLast).length;
      const before = untold.filter((o) => !o.keepTryingLast && o.warnedBefore).length;
      return [
        `  ${pctOf(row)}, ${ending}: ${untold.length} untold: ${last} heard "I'll keep trying while we go" in ` +
          `${ending === 'goodbye' ? 'the goodbye itself' : 'the last reply before the silence'}, ${before} only ` +
          `earlier in the session, ${untold.length - last - before} no warning at all.`,
      ];
    }),
  );
  const store = table(
    [
      'rate',
      'requests',
      'faulted',
      ...FAULT_MIX.map((f) => FAULT_NAMES[f] ?? f),
      'loads given up',
      'commits given up',
      'why: all attempts / budget / retry quota empty',
      'call p50 / p99',
      'time',
      'CPU bench / dynalite',
    ],
    rows.map((row) => {
      const why = Object.values(row.givenUp);
      const sum = (pick: (g: GivenUp) => number) => why.reduce((n, g) => n + pick(g), 0);
      const total = (g: GivenUp | undefined) => (g ? g.allAttempts + g.budget + g.quotaEmpty : 0);
      return [
        pctOf(row),
        String(row.requests),
        String([...row.faults.values()].reduce((a, b) => a + b, 0)),
        ...FAULT_MIX.map((f) => String(row.faults.get(f) ?? 0)),
        String(total(row.givenUp.load)),
        String(total(row.givenUp.commit)),
        `${sum((g) => g.allAttempts)} / ${sum((g) => g.budget)} / ${sum((g) => g.quotaEmpty)}`,
        `${percentile(row.callMs, 50).toFixed(0)} / ${percentile(row.callMs, 99).toFixed(0)} ms`,
        `${row.seconds.toFixed(1)} s`,
        `${row.cpuSeconds.toFixed(1)} s / ${row.childCpuSeconds.toFixed(1)} s`,
      ];
    }),
  );
  const verdicts = rows.map((row) => {
    const pct = Math.round(row.rate * 100);
    const lost = row.outcomes.filter((o) => o.lost);
    if (pct <= 10)
      return holds(
        `Faults at ${pct}%${pct === 0 ? ' (control)' : ''}: lost sessions`,
        lost.length === 0,
        `${lost.length} of ${row.outcomes.length} sessions lost progress (target: 0)`,
      );
    const spoken = lost.filter((o) => o.ending === 'goodbye');
    const untold = spoken.filter((o) => !o.told).length;
    return holds(
      `Faults at ${pct}%: losses told`,
      untold === 0,
      `${untold} of ${spoken.length} losses in sessions ending with a goodbye were not told (target: 0;` +
        ` silent ends apart, above)`,
    );
  });
  const text = [
    `${options.sessions} sessions per rate: a first-time user opens the skill, asks for the bird dog, answers ` +
      `the 9-question screen and a pain rating, hears both sides to the end, then says "stop" (every ` +
      `${SILENT_EVERY}th says nothing instead: reprompt, then a SessionEndedRequest). ${options.concurrency} sessions ` +
      `at a time on as many containers, each with the production client settings (${REQUEST_TIMEOUT_MS / 1000} s ` +
      `timeouts, ${MAX_ATTEMPTS} attempts, standard retries and retry quota) and store budget ` +
      `(${DEFAULT_RETRY_POLICY.budgetMs / 1000} s an operation; a session's last save may use what its turn has ` +
      `left of ${TURN_STORE_BUDGET_MS / 1000} s). The fault proxy faults each HTTP request ` +
      `with the rate's probability: ${FAULT_MIX.map((f) => FAULT_NAMES[f]).join(', ')}, in equal shares; ` +
      `seed ${options.seed} (BENCH_SEED). 0% is a control: a loss there is the bench's own load, not a fault.`,
    'Lost: the profile read straight from dynalite afterwards lacks something the session completed (the ' +
      'session, an exercise, its time). Told: the last reply the person heard has the final-save warning' +
      (finalWarningExists
        ? '.'
        : ' (common.progressNotSavedFinal, not in this build: no loss can be told).') +
      ' A session that ends in silence is saved by the SessionEndedRequest, which cannot speak: a loss there' +
      ' cannot be told, so those rows are apart from the target.',
    '',
    outcomes,
    ...(heardInstead.length > 0 ? ['', 'What the untold heard instead:', ...heardInstead] : []),
    '',
    store,
  ].join('\n');
  return { verdicts, report: text };
};
