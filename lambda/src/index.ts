import { buildHandler } from './skill';
import { userStoreFromEnv } from './store/fromEnv';
import { jsonLogger } from './util/logger';
import { emfMetrics } from './util/metrics';
import { alexaTimeZone } from './util/timeZone';

/**
 * The Lambda entry. The skill and its DynamoDB client are built once per container (they
 * hold no per-user state). TABLE_NAME names the progress table; SKILL_ID, when set, makes
 * the skill reject requests meant for any other skill.
 */
export const handler = buildHandler({
  clock: Date.now,
  logger: jsonLogger(),
  metrics: emfMetrics(),
  ...(process.env.TABLE_NAME ? { store: userStoreFromEnv() } : {}),
  timeZone: alexaTimeZone(),
  ...(process.env.SKILL_ID ? { skillId: process.env.SKILL_ID } : {}),
});
