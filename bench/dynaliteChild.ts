import { fork } from 'node:child_process';
import { join } from 'node:path';

/** dynalite in a child process (bench/host/dynaliteHost.js), reached over HTTP like DynamoDB. */
export interface ChildDynamo {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** CPU time the child has used so far (user + system), ms. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

export const startChildDynamo = async (): Promise<ChildDynamo> => {
  const child = fork(join(__dirname, 'host', 'dynaliteHost.js'), [], {
    // This process runs under tsx: its loader flags must not reach the child.
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code, signal) =>
      reject(new Error(`dynalite child exited (${code ?? signal}): ${stderr.trim().slice(-800)}`)),
    );
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    cpuMs: () =>
      new Promise<number>((resolve) => {
        child.once('message', (message: { ms: number }) => resolve(message.ms));
        child.send({ type: 'cpu' });
      }),
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
