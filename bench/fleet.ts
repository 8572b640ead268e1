import { performance } from 'node:perf_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { segmentsToText, ssmlSegments } from '../lambda/src/console/ssmlSegments';
import { EXERCISE_IDS } from '../lambda/src/coach/ids';
import type { Profile } from '../lambda/src/progress';
import { buildHandler, type LambdaHandler } from '../lambda/src/skill';
import { createDocumentClient } from '../lambda/src/store/client';
import { DynamoUserStore } from '../lambda/src/store/dynamoUserStore';
import type { LogLine } from '../lambda/src/store/resilience';
import { silentLogger } from '../lambda/src/util/logger';
import { nextTurnAt } from './person';
import { asUser, record, speechOf, type RecordedTurn } from './recording';
import type { Turn } from './script';

/**
 * Many sessions at once through the real skill, the way Lambda runs them: a fleet of warm
 * "containers", each a skill with its own DynamoDB store and client (so its own connections
 * and its own SDK retry quota, as every Lambda instance has), each serving one request at a
 * time; a session's turns go to whichever container is free. Sessions are recorded once
 * through the interaction model, then replayed as other users the way Alexa sends them: the
 * session attributes the skill last returned, the request's timestamp from what the skill
 * last said (a warning makes a reply longer), new ids.
 */

interface Container {
  readonly skill: LambdaHandler;
  readonly store: DynamoUserStore;
  readonly client: DynamoDBDocumentClient;
}

export interface FleetOptions {
  readonly size: number;
  /** Where the stores' clients send DynamoDB calls (dynalite, or a fault proxy before it). */
  readonly endpoint: string;
  readonly tableName: string;
  /** Lines the stores log (faults and retries), e.g. to count failed operations. */
  readonly log?: LogLine;
  /** Times every HTTP attempt a client makes, retries too; `ok`: it succeeded. */
  readonly onAttempt?: (ms: number, ok: boolean) => void;
}

export class Fleet {
  private readonly containers: Container[];
  private readonly idle: Container[];
  private readonly waiting: ((container: Container) => void)[] = [];

  constructor(options: FleetOptions) {
    this.containers = Array.from({ length: options.size }, () => {
      // The production client and budget (client.ts, resilience.ts), pointed at the endpoint.
      const client = createDocumentClient({ endpoint: options.endpoint });
      const onAttempt = options.onAttempt;
      if (onAttempt)
        // The last step before the request leaves, as in storeCalls.ts: one call per attempt.
        client.middlewareStack.add(
          (next) => async (args) => {
            const start = performance.now();
            try {
              const out = await next(args);
              onAttempt(performance.now() - start, true);
              return out;
            } catch (error) {
              onAttempt(performance.now() - start, false);
              throw error;
            }
          },
          { step: 'finalizeRequest', name: 'benchTimeAttempts' },
        );
      const store = new DynamoUserStore({
        client,
        tableName: options.tableName,
        log: options.log ?? (() => undefined),
      });
      return { skill: buildHandler({ clock: Date.now, logger: silentLogger, store }), store, client };
    });
    this.idle = [...this.containers];
  }

  /**
   * One read per container, all at once and untimed: a client's first call builds its
   * request pipeline and connection, which a warm Lambda instance has done long before.
   */
  async warm(): Promise<void> {
    await Promise.all(this.containers.map((c) => c.store.load('amzn1.ask.account.bench-warm-up')));
  }

  /** One request on a free container; `ms` is the Lambda handler alone (not the wait for a container). */
  async invoke(request: RequestEnvelope): Promise<{ response: ResponseEnvelope; ms: number }> {
    const container =
      this.idle.pop() ?? (await new Promise<Container>((resolve) => this.waiting.push(resolve)));
    try {
      // Lambda's event loop turns between invocations, as in figure 2.
      await new Promise((resolve) => setImmediate(resolve));
      const start = performance.now();
      const response = await container.skill(request, {});
      return { response, ms: performance.now() - start };
    } finally {
      const next = this.waiting.shift();
      if (next) next(container);
      else this.idle.push(container);
    }
  }

  destroy(): void {
    for (const c of this.containers) c.client.destroy();
  }
}

/** A session recorded once, with when each turn comes after the reply before it. */
export interface RecordedSession {
  readonly turns: readonly RecordedTurn[];
  readonly after: readonly (Turn['after'] | 'silence')[];
  /** `userId`'s profile as stored after the recording: what the session completes. */
  readonly completes: Profile;
}

/** Records `script` (then silence, if asked) as `userId` through `skill`, and reads what it stored. */
export const recordSession = async (
  skill: LambdaHandler,
  store: DynamoUserStore,
  script: readonly Turn[],
  userId: string,
  thenSilence: boolean,
): Promise<RecordedSession> => {
  const turns = await record((event, context) => skill(event, context), script, userId, thenSilence);
  const completes = await store.load(userId);
  if (!completes) throw new Error('the recorded session stored no progress');
  return {
    turns,
    after: [...script.map((t) => t.after), ...(thenSilence ? ['silence' as const] : [])],
    completes,
  };
};

/** A speech's words, pauses shown as [pause 2s]: what a person hears, for comparing replies. */
export const heard = (response: ResponseEnvelope): string => segmentsToText(ssmlSegments(speechOf(response)));

export interface SessionRun {
  /** The skill's answers, in order (the last may be a SessionEndedRequest's empty one). */
  readonly replies: readonly ResponseEnvelope[];
  /** ms of the Lambda handler per turn. */
  readonly ms: readonly number[];
  /** the handler rejected: Alexa would have ended the session there with its own error. */
  readonly thrown: boolean;
}

/** Replays `session` as `userId` in `sessionId` through `fleet`, each turn after the skill's last answer. */
export const replaySession = async (
  fleet: Fleet,
  session: RecordedSession,
  userId: string,
  sessionId: string,
): Promise<SessionRun> => {
  const replies: ResponseEnvelope[] = [];
  const ms: number[] = [];
  let now = Date.parse(session.turns[0]?.request.request.timestamp ?? '');
  let attributes: Record<string, unknown> | undefined;
  for (const [i, turn] of session.turns.entries()) {
    const last = replies[replies.length - 1];
    if (last) {
      // The skill ended the session (a goodbye): nothing more reaches it.
      if (last.response.shouldEndSession === true) break;
      const reprompt = (last.response.reprompt?.outputSpeech as { ssml?: string } | undefined)?.ssml;
      now = nextTurnAt(
        now,
        { ssml: speechOf(last), ...(reprompt ? { reprompt } : {}) },
        session.after[i] ?? 'listen',
      );
    }
    const request = asUser(turn.request, userId, sessionId);
    // Delta ids come from request ids: fixed ones keep the store's request bodies, and with
    // them the seeded fault draws, the same from run to run.
    request.request.requestId = `amzn1.echo-external.request.${sessionId}.${i}`;
    request.request.timestamp = new Date(now).toISOString();
    if (request.session) {
      request.session.new = i === 0;
      request.session.attributes = attributes ?? {};
    }
    try {
      const out = await fleet.invoke(request);
      replies.push(out.response);
      ms.push(out.ms);
      attributes = out.response.sessionAttributes;
    } catch {
      return { replies, ms, thrown: true };
    }
  }
  return { replies, ms, thrown: false };
};

/**
 * Whether a stored profile lacks something the session completed (the session, an
 * exercise's completions, exercise time), and whether it counts something twice.
 */
export const compareProgress = (
  completes: Profile,
  stored: Profile | undefined,
): { readonly lost: boolean; readonly doubled: boolean } => {
  if (!stored) return { lost: true, doubled: false };
  const counts = EXERCISE_IDS.map(
    (id) => [completes.exerciseCounts[id] ?? 0, stored.exerciseCounts[id] ?? 0] as const,
  );
  return {
    lost:
      stored.sessionsTotal < completes.sessionsTotal ||
      (completes.secondsTotal > 0 && stored.secondsTotal === 0) ||
      counts.some(([want, got]) => got < want),
    doubled: stored.sessionsTotal > completes.sessionsTotal || counts.some(([want, got]) => got > want),
  };
};

/** Runs `task` for 0…count-1, at most `concurrency` at a time; results in index order. */
export const inParallel = async <T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> => {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(count, concurrency) }, worker));
  return results;
};
