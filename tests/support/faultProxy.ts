import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy between the AWS SDK and dynalite that misbehaves on demand, to test the
 * store against what DynamoDB and networks really do.
 */
export type Fault =
  /** Forward untouched. */
  | 'none'
  /** 400 ThrottlingException, as DynamoDB answers when request rates exceed limits. */
  | 'throttle'
  /** 400 ProvisionedThroughputExceededException. */
  | 'provisioned'
  /** 500 InternalServerError. */
  | 'http500'
  /** Hold the request longer than any client timeout, then forward it. */
  | 'delay'
  /** Destroy the connection without answering. */
  | 'drop'
  /** Forward to dynalite (so the write happens) but destroy the connection instead of replying. */
  | 'lose-reply';

export interface FaultProxy {
  readonly endpoint: string;
  /** Requests received so far (each SDK attempt is one). */
  readonly requests: number;
  /**
   * Apply `fault` to the next `times` requests (all when omitted), then forward again;
   * with `operation` ('PutItem', 'GetItem'…) only requests for that operation count.
   */
  set(fault: Fault, options?: { readonly times?: number; readonly operation?: string }): void;
  close(): Promise<void>;
}

const DYNAMO_ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

const sendError = (res: http.ServerResponse, status: number, type: string, message: string): void => {
  const body = JSON.stringify({ __type: DYNAMO_ERROR_PREFIX + type, message });
  res.writeHead(status, {
    'Content-Type': 'application/x-amz-json-1.0',
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': 'fault-proxy',
  });
  res.end(body);
};

export interface FaultProxyOptions {
  /** How long 'delay' holds a request (default 10 s). */
  readonly delayMs?: number;
  /**
   * Picks the fault for each request that `set` leaves alone (the bench's random faults),
   * from its X-Amz-Target and body; without it such requests are forwarded.
   */
  readonly choose?: (target: string, body: Buffer) => Fault;
}

export const startFaultProxy = async (
  target: string,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> => {
  const delayMs = options.delayMs ?? 10_000;
  const choose = options.choose;
  const targetUrl = new URL(target);
  let fault: Fault = 'none';
  let remaining = Infinity;
  let operation: string | undefined;
  let requests = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const take = (req: http.IncomingMessage): Fault => {
    if (fault === 'none' || remaining <= 0) return 'none';
    // The SDK names the operation in X-Amz-Target: "DynamoDB_20120810.PutItem".
    const target = String(req.headers['x-amz-target'] ?? '');
    if (operation !== undefined && !target.endsWith(`.${operation}`)) return 'none';
    remaining -= 1;
    return fault;
  };

  const forward = (
    req: http.IncomingMessage,
    body: Buffer,
    onReply: (upstream: http.IncomingMessage, data: Buffer) => void,
  ): void => {
    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => onReply(up, Buffer.concat(chunks)));
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  };

  const reply = (res: http.ServerResponse) => (up: http.IncomingMessage, data: Buffer) => {
    if (res.destroyed) return;
    res.writeHead(up.statusCode ?? 502, up.headers);
    res.end(data);
  };

  const server = http.createServer((req, res) => {
    requests += 1;
    const now = take(req);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const chosen = now === 'none' && choose ? choose(String(req.headers['x-amz-target'] ?? ''), body) : now;
      switch (chosen) {
        case 'throttle':
          return sendError(
            res,
            400,
            'ThrottlingException',
            'Rate of requests exceeds the allowed throughput.',
          );
        case 'provisioned':
          return sendError(
            res,
            400,
            'ProvisionedThroughputExceededException',
            'The level of configured provisioned throughput for the table was exceeded.',
          );
        case 'http500':
          return sendError(res, 500, 'InternalServerError', 'Internal server error');
        case 'drop':
          return req.socket.destroy();
        case 'lose-reply':
          return forward(req, body, () => req.socket.destroy());
        case 'delay': {
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (!res.destroyed) forward(req, body, reply(res));
          }, delayMs);
          timers.add(timer);
          return;
        }
        case 'none':
          return forward(req, body, reply(res));
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    set(next, options = {}) {
      fault = next;
      remaining = options.times ?? Infinity;
      operation = options.operation;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
};
