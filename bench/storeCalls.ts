import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildHandler } from '../lambda/src/skill';
import { createDocumentClient } from '../lambda/src/store/client';
import { DynamoUserStore } from '../lambda/src/store/dynamoUserStore';
import { ensureTable, type LocalDynamo } from '../lambda/src/store/local';
import { silentLogger } from '../lambda/src/util/logger';
import { Person } from './person';
import { SCRIPTED_SESSION, type Turn } from './script';
import { holds, table, type Verdict } from './stats';

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** One DynamoDB call as it went over the wire (every attempt counts, retries included). */
export interface StoreCall {
  readonly operation: string;
  /** The item attributes a write names (UpdateItem's expression attribute names). */
  readonly attributes: readonly string[];
}

const bodyText = (body: unknown): string =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';

/**
 * Counts calls at the last step before the HTTP request leaves (finalizeRequest), by the
 * X-Amz-Target header DynamoDB itself dispatches on, so the figure is what AWS would bill.
 * For writes it keeps the attributes they name, to say why the turn wrote.
 */
export const countCalls = (client: DynamoDBDocumentClient, sink: (call: StoreCall) => void): void => {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'] ?? request.headers?.['X-Amz-Target'] ?? '';
      const operation = target.split('.').pop() || 'unknown';
      const names =
        operation === 'UpdateItem'
          ? Object.values(
              (
                JSON.parse(bodyText(request.body) || '{}') as {
                  ExpressionAttributeNames?: Record<string, string>;
                }
              ).ExpressionAttributeNames ?? {},
            )
          : [];
      sink({ operation, attributes: names });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchCountCalls' },
  );
};

/** What the store's attributes stand for (store/item.ts), by name or prefix; bookkeeping says nothing. */
const REASONS: readonly [RegExp, string][] = [
  [/^clearScreen/, 'screen cleared'],
  [/^count#/, 'exercise completed'],
  [/^sessionSet$/, 'session counted'],
  [/^resume/, 'resume point moved or cleared'],
  [/^pace/, 'pace changed'],
  [/^level#/, 'level changed'],
  [/^sixWeekAskedDay$/, 'six-week question asked'],
  [/^reminderConsent/, 'reminder consent'],
  [/^disclaimerHeard$/, 'disclaimer heard'],
];

/** Why a turn wrote, in words, from the attributes its writes named. */
export const whyWritten = (calls: readonly StoreCall[]): string => {
  const named = new Set(calls.flatMap((c) => c.attributes));
  const reasons = REASONS.filter(([pattern]) => [...named].some((n) => pattern.test(n))).map(
    ([, why]) => why,
  );
  return reasons.length > 0
    ? reasons.join(', ')
    : 'nothing a user would notice (a write that was not needed)';
};

export interface TurnCalls {
  readonly turn: Turn;
  /** The request envelope the skill received (later figures reuse the launch). */
  readonly request: RequestEnvelope;
  readonly intent: string;
  readonly calls: readonly StoreCall[];
  readonly reads: number;
  readonly writes: number;
}

export interface StoreCallsResult {
  readonly turns: readonly TurnCalls[];
  readonly verdicts: readonly Verdict[];
  readonly report: string;
}

/** Figure 1: DynamoDB calls per turn of the scripted session, against dynalite in memory. */
export const measureStoreCalls = async (local: LocalDynamo): Promise<StoreCallsResult> => {
  const tableName = `bench-calls-${process.pid}`;
  await ensureTable(local.endpoint, tableName);
  const client = createDocumentClient({ endpoint: local.endpoint });
  try {
    let calls: StoreCall[] = [];
    countCalls(client, (call) => calls.push(call));
    const store = new DynamoUserStore({ client, tableName, log: () => undefined });
    const skill = buildHandler({ clock: Date.now, logger: silentLogger, store });
    let request: RequestEnvelope | undefined;
    const person = new Person({
      handler: (event, context) => {
        request = structuredClone(event);
        return skill(event, context);
      },
      userId: 'amzn1.ask.account.bench-store-calls',
    });
    const turns: TurnCalls[] = [];
    for (const turn of SCRIPTED_SESSION) {
      calls = [];
      const reply = await person.take(turn);
      if (!request) throw new Error(`no request was sent for "${turn.say}"`);
      turns.push({
        turn,
        request,
        intent: reply.intent ?? 'LaunchRequest',
        calls,
        reads: calls.filter((c) => READS.has(c.operation)).length,
        writes: calls.filter((c) => WRITES.has(c.operation)).length,
      });
    }
    return { turns, ...judge(turns) };
  } finally {
    client.destroy();
  }
};

const judge = (turns: readonly TurnCalls[]): { verdicts: Verdict[]; report: string } => {
  const rows = turns.map((t, i) => [
    String(i + 1),
    t.turn.say,
    t.intent.replace(/^AMAZON\./, ''),
    String(t.reads),
    String(t.writes),
    t.calls.map((c) => c.operation).join(' ') || '-',
    t.writes > 0
      ? whyWritten(t.calls.filter((c) => WRITES.has(c.operation)))
      : t.turn.saves
        ? `(expected: ${t.turn.saves})`
        : '',
  ]);
  const byOp = new Map<string, number>();
  for (const t of turns) for (const c of t.calls) byOp.set(c.operation, (byOp.get(c.operation) ?? 0) + 1);
  const reads = turns.reduce((n, t) => n + t.reads, 0);
  const writes = turns.reduce((n, t) => n + t.writes, 0);
  const idle = turns.filter((t) => !t.turn.saves);
  const idleWrites = idle.filter((t) => t.writes > 0);
  const missing = turns.filter((t) => t.turn.saves && t.writes === 0);
  const name = (t: TurnCalls) => `#${turns.indexOf(t) + 1} "${t.turn.say}"`;
  const verdicts = [
    holds(
      'Store reads per session',
      reads === 1 && (turns[0]?.reads ?? 0) === 1,
      `${reads} read(s) in ${turns.length} turns (target: 1, at launch)`,
    ),
    holds(
      'Writes on turns that change nothing',
      idleWrites.length === 0,
      idleWrites.length === 0
        ? `0 writes on all ${idle.length} turns that change nothing worth keeping (target: 0)`
        : `${idleWrites.length} of ${idle.length} such turns wrote: ${idleWrites.map(name).join(', ')} (target: 0)`,
    ),
  ];
  const notes: string[] = [];
  if (missing.length > 0)
    notes.push(`  Note: no write where one was expected on ${missing.map(name).join(', ')}.`);
  const report = [
    table(['#', 'user says', 'intent', 'reads', 'writes', 'calls', 'why it wrote'], rows),
    '',
    `Totals: ${reads} read(s), ${writes} write(s), ${turns.length} turns — by operation: ${[...byOp]
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}`,
    ...notes,
  ].join('\n');
  return { verdicts, report };
};
