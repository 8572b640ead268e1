import { DefaultApiClient, SkillBuilders, type Skill } from 'ask-sdk-core';
import { adviceAnswerHandler, habitsHandler, reliefTipsHandler } from './handlers/advice';
import {
  commandHandler,
  listExercisesHandler,
  paceHandler,
  startExerciseHandler,
  startRoutineHandler,
} from './handlers/coaching';
import type { SkillDeps } from './handlers/deps';
import { launchHandler } from './handlers/launch';
import {
  deleteConfirmHandler,
  deleteDataHandler,
  levelUpHandler,
  progressHandler,
  resumeOfferHandler,
  sixWeekAnswerHandler,
  skillDisabledHandler,
} from './handlers/progress';
import {
  painAnswerHandler,
  screenAnswerHandler,
  symptomCheckHandler,
  symptomReportHandler,
} from './handlers/safety';
import {
  errorHandler,
  fallbackHandler,
  helpHandler,
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
      // Requests that are not a conversation turn.
      launchHandler(deps),
      sessionEndedHandler(deps),
      skillDisabledHandler(deps),
      // Safety first: symptom words and "stop" are heard whatever else is going on.
      symptomReportHandler(deps),
      symptomCheckHandler(deps),
      stopHandler(deps),
      // While the red-flag screen is open, every other answer belongs to it.
      screenAnswerHandler(deps),
      // Answers to the question the coach just asked.
      painAnswerHandler(deps),
      sixWeekAnswerHandler(deps),
      resumeOfferHandler(deps),
      levelUpHandler(deps),
      deleteConfirmHandler(deps),
      adviceAnswerHandler(deps),
      // Asking for something.
      startRoutineHandler(deps),
      startExerciseHandler(deps),
      listExercisesHandler(deps),
      paceHandler(deps),
      reliefTipsHandler(deps),
      habitsHandler(deps),
      progressHandler(deps),
      deleteDataHandler(deps),
      // Steering a routine: next, previous, repeat, pause, resume, start over, skip, yes, no.
      commandHandler(deps),
      helpHandler(deps),
      // Last: anything else that is an intent (FallbackIntent, a rating with nothing asked…).
      fallbackHandler(deps),
    )
    .addResponseInterceptors(turnLogger(deps.logger))
    .addErrorHandlers(errorHandler(deps))
    // The Alexa Settings API (time zone) goes through ask-sdk's service clients.
    .withApiClient(new DefaultApiClient());
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
};
