import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/** bench/host/bundleHost.js: the bundle in a clean Node process, driven over IPC. */
export const HOST_SCRIPT = join(__dirname, 'host', 'bundleHost.js');

export interface HostOptions {
  /** The node binary (this one, or Node 22). */
  readonly node: string;
  readonly bundle: string;
  /** The child's whole environment (nothing is inherited but what is passed). */
  readonly env: NodeJS.ProcessEnv;
}

export interface Ready {
  /** require() of the bundle, measured inside the child. */
  readonly loadMs: number;
  /** From the child's process start to the bundle loaded (Node's own start-up included). */
  readonly sinceStartMs: number;
  /** From spawn() in this process to the child saying it is ready. */
  readonly wallMs: number;
}

export interface HostStats {
  readonly rss: number;
  readonly heapUsed: number;
  /** Heap memory V8 has taken from the system (used or not). */
  readonly heapTotal: number;
  /** Memory of C++ objects bound to JS ones (buffers, sockets). */
  readonly external: number;
  /** Peak resident set size over the child's life, KiB (getrusage). */
  readonly maxRssKb: number;
}

type Message =
  | ({ type: 'ready' } & Omit<Ready, 'wallMs'>)
  | { type: 'result'; ms: number; response: ResponseEnvelope; rss: number }
  | { type: 'replayed'; byTurn: number[][] }
  | ({ type: 'stats' } & HostStats)
  | { type: 'error'; message: string };

export interface Host {
  readonly ready: Ready;
  invoke(request: RequestEnvelope): Promise<{ ms: number; response: ResponseEnvelope; rss: number }>;
  replay(recording: readonly RequestEnvelope[], sessions: number, warmup: number): Promise<number[][]>;
  stats(): Promise<HostStats>;
  close(): Promise<void>;
}

/** Starts the host and waits until the bundle is loaded. One request at a time. */
export const startHost = async (options: HostOptions): Promise<Host> => {
  const spawnedAt = performance.now();
  const child: ChildProcess = fork(HOST_SCRIPT, [options.bundle], {
    execPath: options.node,
    // This process runs under tsx: its loader flags must not reach the child.
    execArgv: [],
    env: options.env,
    // Logs go to stdout as on Lambda, but nobody needs them here; stderr is kept for errors.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const waiting: ((message: Message) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  child.on('message', (message: Message) => waiting.shift()?.(message));
  child.on('exit', (code, signal) => {
    const error = new Error(`bundle host exited (${code ?? signal}): ${stderr.trim().slice(-800)}`);
    for (const fail of failures.splice(0)) fail(error);
  });
  const next = <T extends Message['type']>(type: T): Promise<Extract<Message, { type: T }>> =>
    new Promise((resolve, reject) => {
      failures.push(reject);
      waiting.push((message) => {
        failures.shift();
        if (message.type === type) resolve(message as Extract<Message, { type: T }>);
        else reject(new Error(message.type === 'error' ? message.message : `unexpected ${message.type}`));
      });
    });
  const readyMessage = await next('ready');
  const ready: Ready = {
    loadMs: readyMessage.loadMs,
    sinceStartMs: readyMessage.sinceStartMs,
    wallMs: performance.now() - spawnedAt,
  };
  return {
    ready,
    async invoke(request) {
      const result = next('result');
      child.send({ type: 'invoke', request });
      const { ms, response, rss } = await result;
      return { ms, response, rss };
    },
    async replay(recording, sessions, warmup) {
      const result = next('replayed');
      child.send({ type: 'replay', recording, sessions, warmup, label: 'host' });
      return (await result).byTurn;
    },
    async stats() {
      const result = next('stats');
      child.send({ type: 'stats' });
      const { rss, heapUsed, heapTotal, external, maxRssKb } = await result;
      return { rss, heapUsed, heapTotal, external, maxRssKb };
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
        // A child that ignores the disconnect is ended; it is ours, by its own handle.
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      }),
  };
};
