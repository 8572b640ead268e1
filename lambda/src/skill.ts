import { DefaultApiClient, SkillBuilders, type Skill } from 'ask-sdk-core';
import { conversationHandler } from './alexa/conversationHandler';
import type { SkillDeps } from './alexa/deps';
import { errorHandler, skillDisabledHandler } from './alexa/otherRequests';

/**
 * The ask-sdk shell. Every conversation request goes to one handler that parses it into an
 * Event and runs the pure reducer (conversation/step.ts), where the whole conversation
 * lives. Dependencies are injected so tests and the console build exactly this skill.
 */
export const buildSkill = (deps: SkillDeps): Skill => {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(conversationHandler(deps), skillDisabledHandler(deps))
    .addErrorHandlers(errorHandler(deps))
    // The Alexa Settings API (time zone) goes through ask-sdk's service clients.
    .withApiClient(new DefaultApiClient());
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
};
