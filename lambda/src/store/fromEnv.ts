import { withRequestContext } from '../util/logger';
import { sharedDocumentClient } from './client';
import { DynamoUserStore } from './dynamoUserStore';
import type { UserStore } from './userStore';

/** The Lambda's store: table from TABLE_NAME, the shared client (endpoint from the SDK's own env). */
export const userStoreFromEnv = (env: NodeJS.ProcessEnv = process.env): UserStore => {
  const tableName = env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  return new DynamoUserStore({
    client: sharedDocumentClient(),
    tableName,
    log: (line) => console.log(withRequestContext(line)),
  });
};
