/** Alexa waits 8 seconds for a skill response; the function must give up before that. */
export const ALEXA_RESPONSE_LIMIT_SECONDS = 8;

/** Function timeout: one second of headroom under Alexa's limit. */
export const FUNCTION_TIMEOUT_SECONDS = 7;

/**
 * p99 duration that raises an alarm: close enough to the timeout that users are about to
 * hear "There was a problem with the requested skill's response".
 */
export const DURATION_ALARM_MS = 6000;

/**
 * Store operations that failed within five minutes before someone is paged: one failure
 * is a user told their progress was not saved, but a single network blip should not wake
 * anyone; an outage makes many at once.
 */
export const STORE_UNAVAILABLE_ALARM = 3;

/**
 * The only DynamoDB actions the function may use, all on its own table's items: the store
 * reads a profile, changes it only by atomic updates, and deletes a user's items (a Query
 * finds them). No whole-item writes, no Scan, no table administration.
 */
export const TABLE_ITEM_ACTIONS = ['GetItem', 'UpdateItem', 'DeleteItem', 'Query'] as const;
