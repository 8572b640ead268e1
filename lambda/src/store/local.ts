import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

/**
 * A DynamoDB-compatible store in this process (dynalite) for the console and the tests:
 * nothing from AWS needed. Never imported by the Lambda bundle (dynalite is a devDependency).
 */
export interface LocalDynamo {
  /** http://127.0.0.1:<port>, for createDocumentClient({ endpoint }) or AWS_ENDPOINT_URL_DYNAMODB. */
  readonly endpoint: string;
  readonly tableName: string;
  close(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** Directory for the data (kept between runs); in memory when absent. */
  readonly path?: string;
  readonly tableName?: string;
}

export const DEFAULT_LOCAL_TABLE = 'back-and-hip-coach';

const localClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Creates the table (pk + sk, on demand) unless it exists, and waits until it is active. */
export const ensureTable = async (endpoint: string, tableName: string): Promise<void> => {
  const client = localClient(endpoint);
  try {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
    } catch (e) {
      if (!(e instanceof ResourceNotFoundException)) throw e;
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    }
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    client.destroy();
  }
};

/** Starts dynalite on 127.0.0.1 (a free port) with the table ready. */
export const startLocalDynamo = async (options: LocalDynamoOptions = {}): Promise<LocalDynamo> => {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const tableName = options.tableName ?? DEFAULT_LOCAL_TABLE;
  const close = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.close((err?: Error) => (err ? reject(err) : resolve()));
      // Clients keep connections alive; without this, close would wait for them to idle out.
      server.closeAllConnections();
    });
  try {
    await ensureTable(endpoint, tableName);
  } catch (e) {
    await close();
    throw e;
  }
  return { endpoint, tableName, close };
};
