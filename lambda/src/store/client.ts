import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Time limits for one HTTP attempt. DynamoDB answers in milliseconds from the same region,
 * so a second is generous; the SDK retries (standard mode: jittered backoff, longer after
 * throttling, a retry quota so an outage is not hammered) and the store's budget cuts the
 * whole operation off (see resilience.ts), far below Alexa's 8 s response limit.
 */
export const CONNECTION_TIMEOUT_MS = 1000;
export const REQUEST_TIMEOUT_MS = 1000;
/**
 * Attempts per call. The budget, not this, usually ends an outage's attempts; five lets a
 * session's last save, which has the longest budget, ride out a few faults in a row.
 */
export const MAX_ATTEMPTS = 5;

export interface ClientOptions {
  /** An explicit endpoint (local dynalite). Without it the SDK uses AWS_ENDPOINT_URL_DYNAMODB or AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly maxAttempts?: number;
}

/**
 * A document client with short timeouts and the SDK's standard retries. With an explicit endpoint it is a local
 * store: dummy credentials and region, as dynalite checks neither.
 */
export const createDocumentClient = (options: ClientOptions = {}): DynamoDBDocumentClient => {
  const local = options.endpoint !== undefined;
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const region = options.region ?? (local ? 'local' : undefined);
  const client = new DynamoDBClient({
    ...(local
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(region ? { region } : {}),
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      requestTimeout,
      throwOnRequestTimeout: true,
      socketTimeout: requestTimeout,
    },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
};

// The one piece of module state: a client is safe to reuse across Lambda invocations, and
// reusing it keeps its warm connections.
let shared: DynamoDBDocumentClient | undefined;

/** The client for the Lambda: created on first use, then reused by every invocation. */
export const sharedDocumentClient = (): DynamoDBDocumentClient => (shared ??= createDocumentClient());
