import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type ClientOptions } from '../../lambda/src/store/client';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambda/src/store/local';

/**
 * dynalite in memory for one test file (start in beforeAll, close in afterAll); each test
 * takes a fresh table so tests never see each other's items.
 */
export interface TestDynamo {
  readonly endpoint: string;
  /** A new, empty table. */
  freshTable(): Promise<string>;
  /** A document client for `endpoint` (or another, e.g. a fault proxy); closed with the rest. */
  client(options?: ClientOptions): DynamoDBDocumentClient;
  close(): Promise<void>;
}

export const startTestDynamo = async (): Promise<TestDynamo> => {
  const local: LocalDynamo = await startLocalDynamo({ tableName: `t-${randomUUID()}` });
  const clients: DynamoDBDocumentClient[] = [];
  return {
    endpoint: local.endpoint,
    async freshTable() {
      const name = `t-${randomUUID()}`;
      await ensureTable(local.endpoint, name);
      return name;
    },
    client(options = {}) {
      const c = createDocumentClient({ endpoint: local.endpoint, ...options });
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.destroy();
      await local.close();
    },
  };
};
