'use strict';
/**
 * Runs the Lambda bundle in a clean Node process, the way the Lambda runtime would: plain
 * `node` (no tsx, no test harness on the heap), the bundle required once, the handler called
 * with parsed events. The bench process talks to it over the IPC channel of fork().
 *
 * Plain JavaScript on purpose: it must start with nothing but the bundle loaded.
 *
 *   argv[2]  absolute path of the bundle (dist/lambda/index.js)
 *
 * Messages in:  { type: 'invoke', request }              → { type: 'result', ms, response, rss }
 *               { type: 'replay', recording, sessions, warmup } → { type: 'replayed', byTurn }
 *               { type: 'stats' }                         → { type: 'stats', rss, heapUsed, heapTotal, external, maxRssKb }
 * On start it sends { type: 'ready', loadMs, sinceStartMs }. It exits when the parent disconnects.
 */
const { performance } = require('node:perf_hooks');

const started = performance.now();
const { handler } = require(process.argv[2]);
const loaded = performance.now();

const send = (message) => process.send(message);

/** Lambda's event loop turns between invocations; idle-time work (GC, timers) happens there. */
const nextTick = () => new Promise((resolve) => setImmediate(resolve));

const asUser = (request, userId, sessionId) => {
  const copy = structuredClone(request);
  copy.context.System.user.userId = userId;
  if (copy.session) {
    copy.session.user.userId = userId;
    copy.session.sessionId = sessionId;
  }
  return copy;
};

const replay = async ({ recording, sessions, warmup, label }) => {
  const byTurn = recording.map(() => []);
  for (let s = 0; s < warmup + sessions; s++) {
    const userId = `amzn1.ask.account.bench-${label}-${process.pid}-${s}`;
    const sessionId = `amzn1.echo-api.session.bench-${label}-${s}`;
    const requests = recording.map((request) => asUser(request, userId, sessionId));
    for (let i = 0; i < requests.length; i++) {
      await nextTick();
      const start = performance.now();
      await handler(requests[i], {});
      const elapsed = performance.now() - start;
      if (s >= warmup) byTurn[i].push(elapsed);
    }
  }
  return byTurn;
};

process.on('message', async (message) => {
  try {
    if (message.type === 'invoke') {
      const start = performance.now();
      const response = await handler(message.request, {});
      const ms = performance.now() - start;
      send({ type: 'result', ms, response, rss: process.memoryUsage().rss });
    } else if (message.type === 'replay') {
      send({ type: 'replayed', byTurn: await replay(message) });
    } else if (message.type === 'stats') {
      const memory = process.memoryUsage();
      send({
        type: 'stats',
        rss: memory.rss,
        heapUsed: memory.heapUsed,
        heapTotal: memory.heapTotal,
        external: memory.external,
        maxRssKb: process.resourceUsage().maxRSS,
      });
    }
  } catch (error) {
    send({
      type: 'error',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});

process.on('disconnect', () => process.exit(0));

send({ type: 'ready', loadMs: loaded - started, sinceStartMs: loaded });
