import type { RequestHandler } from 'ask-sdk-core';
import { withoutMode, type SessionState } from '../attributes/session';
import { maxLevel } from '../coach/catalog';
import { isExerciseId } from '../coach/ids';
import { declineLevel, progressReportPlan, raiseLevel, resumeChanged, weekSummary } from '../progress';
import { answerSixWeek } from '../screening/sixWeeks';
import { say, type SpeechItem } from '../speech/plan';
import { errorName } from '../store/resilience';
import { answerOf, isIntent, isType } from '../util/requests';
import { coach } from '../coach/engine';
import { progressOf } from './runCoach';
import { begin } from './begin';
import type { SkillDeps } from './deps';
import { handler, modeOf } from './handler';
import type { Turn } from './turn';

const whatNext = (turn: Turn, session: SessionState, lead: readonly SpeechItem[]) =>
  turn.answer(session, {
    speech: [...lead, say('progress.offer.anythingElse')],
    reprompt: [say('common.reprompt')],
  });

/** "how am I doing" / "what's my streak" */
export const progressHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'ProgressIntent'),
    (turn) => {
      // A block heard to its end since the last request counts before it is reported on.
      const settled = coach(turn.session.coach, { type: 'end' }, turn.coachContext);
      const progress = progressOf(turn, { ...turn.session, coach: settled.state }, settled.facts);
      const profile = turn.preview(progress.changes);
      const report = progressReportPlan(weekSummary(profile, turn.moment.day));
      return turn.answer(
        withoutMode(progress.session),
        { speech: [...report.items, say('progress.offer.anythingElse')], reprompt: [say('common.reprompt')] },
        { changes: progress.changes },
      );
    },
  );

/** "delete my data": always confirmed first. */
export const deleteDataHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isIntent(input, 'DeleteDataIntent'),
    (turn) =>
      turn.answer(
        { ...withoutMode(turn.session), mode: { kind: 'deleteData' } },
        { speech: [say('progress.delete.confirm')], reprompt: [say('progress.delete.confirmReprompt')] },
      ),
  );

const userIdOf = (turn: Turn): string => turn.input.requestEnvelope.context.System.user.userId;

const YES_NO = ['AMAZON.YesIntent', 'AMAZON.NoIntent'];
const isYes = (turn: Turn): boolean => isIntent(turn.input, 'AMAZON.YesIntent');

/** Yes erases everything kept about the user; no keeps it. */
export const deleteConfirmHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => modeOf(input) === 'deleteData' && isIntent(input, ...YES_NO),
    async (turn) => {
      const session = withoutMode(turn.session);
      if (!isYes(turn)) return whatNext(turn, session, [say('progress.delete.kept')]);
      if (!deps.store) return whatNext(turn, session, [say('progress.delete.done')]);
      try {
        await deps.store.remove(userIdOf(turn));
      } catch (error) {
        deps.logger.warn('progress.delete.failed', { errorName: errorName(error) });
        return whatNext(turn, session, [say('progress.delete.failed')]);
      }
      // Nothing of the old progress may be written back by this session.
      const user = { ...turn.user, profile: null, pending: [], dirty: false };
      return whatNext(turn, { ...session, user, exerciseMs: {} }, [say('progress.delete.done')]);
    },
  );

/** The user disabled the skill and Alexa will not keep their id: delete their data too. */
export const skillDisabledHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isType(input, 'AlexaSkillEvent.SkillDisabled'),
  handle: async (input) => {
    const request = input.requestEnvelope.request as { body?: { userInformationPersistenceStatus?: string } };
    const status = request.body?.userInformationPersistenceStatus;
    deps.logger.info('skill.disabled', { persistence: status });
    if (status === 'NOT_PERSISTED' && deps.store) {
      await deps.store.remove(input.requestEnvelope.context.System.user.userId);
    }
    return input.responseBuilder.getResponse();
  },
});

/** Yes / no to "Last time you stopped at the bird dog. Pick up there?" */
export const resumeOfferHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => modeOf(input) === 'resumeOffer' && isIntent(input, ...YES_NO),
    (turn) => {
      const mode = turn.session.mode;
      const session = withoutMode(turn.session);
      if (mode?.kind !== 'resumeOffer') return whatNext(turn, session, []);
      if (isYes(turn))
        return begin(turn, session, { type: 'routine', routine: mode.routine, fromBlock: mode.fromBlock });
      // "No" starts the same routine fresh and forgets the old place.
      return begin(
        turn,
        session,
        { type: 'routine', routine: mode.routine },
        [say('progress.offer.resumeDeclined')],
        [resumeChanged(turn.moment, null)],
      );
    },
  );

/** Yes / no to a harder level: yes raises it, no keeps it and stays quiet for a week. */
export const levelUpHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => modeOf(input) === 'levelUp' && isIntent(input, ...YES_NO),
    (turn) => {
      const mode = turn.session.mode;
      const session = withoutMode(turn.session);
      if (mode?.kind !== 'levelUp' || !isExerciseId(mode.exerciseId)) return whatNext(turn, session, []);
      const id = mode.exerciseId;
      const to = Math.min(mode.to, maxLevel(id));
      if (isYes(turn)) {
        const from = turn.levels[id] ?? 0;
        return turn.answer(
          session,
          {
            speech: [say('progress.offer.levelUpAccepted', { id }), say('progress.offer.anythingElse')],
            reprompt: [say('common.reprompt')],
          },
          { changes: [raiseLevel(turn.moment, { exercise: id, from, to })] },
        );
      }
      return turn.answer(
        session,
        {
          speech: [say('progress.offer.levelUpDeclined'), say('progress.offer.anythingElse')],
          reprompt: [say('common.reprompt')],
        },
        { changes: [declineLevel(turn.moment, id)] },
      );
    },
  );

/** The six-week question: the answer is acted on (a physio or doctor), never kept. */
export const sixWeekAnswerHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) =>
      modeOf(input) === 'sixWeek' &&
      isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'UnsureIntent', 'AMAZON.RepeatIntent'),
    (turn) => {
      const step = answerSixWeek(answerOf(turn.input));
      if (!step.done) {
        return turn.answer(turn.session, {
          speech: step.plan.items,
          ...(step.reprompt ? { reprompt: step.reprompt.items } : {}),
        });
      }
      return whatNext(turn, withoutMode(turn.session), [...step.plan.items]);
    },
  );
