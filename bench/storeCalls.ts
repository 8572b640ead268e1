import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { buildSkill } from '../lambda/src/skill';
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
  /** Top-level attributes a write changed compared with the previous write of the same item. */
  readonly changed: readonly string[];
  /** The new value of the `resume` attribute, when the write changed it (null = cleared). */
  readonly resumeCleared?: boolean;
}

type AttributeMap = Record<string, unknown>;

const bodyText = (body: unknown): string =>
  typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';

/** An attribute that holds nothing yet (a new profile's empty map, list, zero, false or null). */
const EMPTY = new Set(['{"M":{}}', '{"L":[]}', '{"NULL":true}', '{"N":"0"}', '{"BOOL":false}']);

/**
 * Counts calls at the last step before the HTTP request leaves (finalizeRequest), by the
 * X-Amz-Target header DynamoDB itself dispatches on, so the figure is what AWS would bill.
 * For writes it diffs the item against the previous write, to say why the write happened.
 */
export const countCalls = (client: DynamoDBDocumentClient, sink: (call: StoreCall) => void): void => {
  const lastWritten = new Map<string, AttributeMap>();
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'] ?? request.headers?.['X-Amz-Target'] ?? '';
      const operation = target.split('.').pop() || 'unknown';
      let changed: string[] = [];
      let resumeCleared: boolean | undefined;
      if (operation === 'PutItem') {
        const item = (JSON.parse(bodyText(request.body) || '{}') as { Item?: AttributeMap }).Item ?? {};
        const key = JSON.stringify([item.pk, item.sk]);
        const before = lastWritten.get(key);
        changed = Object.keys(item).filter((k) => {
          if (['pk', 'sk', 'version', 'applied'].includes(k)) return false;
          const now = JSON.stringify(item[k]);
          // A new item: only what holds something counts as a change.
          return before ? now !== JSON.stringify(before[k]) : !EMPTY.has(now);
        });
        if (changed.includes('resume')) resumeCleared = JSON.stringify(item.resume) === '{"NULL":true}';
        lastWritten.set(key, item);
      }
      sink({ operation, changed, ...(resumeCleared === undefined ? {} : { resumeCleared }) });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchCountCalls' },
  );
};

/** Why a write happened, in words, from what it changed. */
export const whyWritten = (call: StoreCall): string => {
  const c = new Set(call.changed);
  if (c.has('firstUseDay')) {
    const what = [
      c.has('lastClearScreenDay') && 'screen cleared',
      c.has('exerciseCounts') && 'exercise completed',
    ]
      .filter(Boolean)
      .join(', ');
    return `first save of a new profile${what ? `: ${what}` : ''}${c.has('disclaimerHeard') ? ' (+ disclaimer heard)' : ''}`;
  }
  const reasons: string[] = [];
  if (c.has('lastClearScreenDay')) reasons.push('screen cleared');
  if (c.has('exerciseCounts')) reasons.push('exercise completed');
  if (c.has('resume'))
    reasons.push(
      call.resumeCleared ? 'resume point cleared (routine finished)' : 'resume point moved (block finished)',
    );
  if (c.has('pace')) reasons.push('pace changed');
  if (c.has('exerciseLevels')) reasons.push('level changed');
  if (c.has('sixWeekAskedDay')) reasons.push('six-week question asked');
  if (c.has('reminderConsent')) reasons.push('reminder consent');
  if (c.has('disclaimerHeard')) reasons.push('disclaimer heard');
  if (reasons.length === 0 && c.size > 0) reasons.push(`changed ${[...c].join(', ')}`);
  return reasons.length > 0 ? reasons.join(', ') : 'nothing changed (a write that was not needed)';
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
    const skill = buildSkill({ clock: Date.now, logger: silentLogger, store });
    let request: RequestEnvelope | undefined;
    const person = new Person({
      handler: (event, context) => {
        request = structuredClone(event);
        return skill.invoke(event, context);
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
    t.calls
      .filter((c) => WRITES.has(c.operation))
      .map(whyWritten)
      .join('; ') || (t.turn.saves ? `(expected: ${t.turn.saves})` : ''),
  ]);
  const byOp = new Map<string, number>();
  for (const t of turns) for (const c of t.calls) byOp.set(c.operation, (byOp.get(c.operation) ?? 0) + 1);
  const reads = turns.reduce((n, t) => n + t.reads, 0);
  const writes = turns.reduce((n, t) => n + t.writes, 0);
  const idle = turns.filter((t) => !t.turn.saves);
  const idleWrites = idle.filter((t) => t.writes > 0);
  const missing = turns.filter((t) => t.turn.saves && t.writes === 0);
  const extra = turns.filter((t) => t.writes > 1);
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
  if (extra.length > 0)
    notes.push(`  Note: more than one write on ${extra.map(name).join(', ')} (conflict retries?).`);
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
