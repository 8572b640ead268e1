import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from './skill';
import { jsonLogger } from './util/logger';

/**
 * The Lambda entry. The skill is built once per container (it holds no per-user state);
 * SKILL_ID, when set, makes it reject requests meant for any other skill.
 */
const skill = buildSkill({
  clock: Date.now,
  logger: jsonLogger(),
  ...(process.env.SKILL_ID ? { skillId: process.env.SKILL_ID } : {}),
});

export const handler = async (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
