import { createHash } from 'node:crypto';

/** Sort key of the profile item; other items for a user would use other sort keys. */
export const PROFILE_SK = 'PROFILE';

/**
 * Partition key for a user: the Alexa user id is hashed so the raw id is never stored.
 * Every item about a user lives under this key, so deleting the user is one query away.
 */
export const userPk = (userId: string): string =>
  `USER#${createHash('sha256').update(userId, 'utf8').digest('hex')}`;
