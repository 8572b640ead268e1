import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { SkillDeps } from './handlers/deps';
import {
  commandHandler,
  listExercisesHandler,
  paceHandler,
  startExerciseHandler,
  startRoutineHandler,
} from './handlers/coaching';
import {
  errorHandler,
  fallbackHandler,
  helpHandler,
  launchHandler,
  sessionEndedHandler,
  stopHandler,
} from './handlers/session';
import { turnLogger } from './interceptors/logging';

/**
 * The whole conversation at a glance: handlers are tried in this order, first match wins.
 * Dependencies are injected so tests and the console build exactly this skill.
 */
export const buildSkill = (deps: SkillDeps): Skill => {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      launchHandler(deps),
      // Coaching
      startRoutineHandler(deps),
      startExerciseHandler(deps),
      listExercisesHandler(deps),
      paceHandler(deps),
      commandHandler(deps),
      // Always available
      helpHandler(deps),
      stopHandler(deps),
      sessionEndedHandler(deps),
      // Last: anything else that is an intent
      fallbackHandler(deps),
    )
    .addResponseInterceptors(turnLogger(deps.logger))
    .addErrorHandlers(errorHandler(deps));
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
};
