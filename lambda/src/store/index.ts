/** The store the Lambda uses. store/local.ts (dynalite) is deliberately not exported here. */
export type { UserStore } from './userStore';
export { StoreUnavailableError } from './errors';
export { DynamoUserStore, type DynamoUserStoreOptions } from './dynamoUserStore';
export { createDocumentClient, sharedDocumentClient, type ClientOptions } from './client';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './resilience';
export { userPk, PROFILE_SK } from './keys';
export { userStoreFromEnv } from './fromEnv';
