import type { RequestHandler } from 'ask-sdk-core';
import { withoutMode, type SessionState } from '../attributes/session';
import { maxLevel } from '../coach/catalog';
import {
  disclaimerHeard,
  launchOffer,
  sixWeekAsked,
  weekSummary,
  welcomeBackPlan,
  type ProgressChange,
} from '../progress';
import { sixWeekQuestion } from '../screening/sixWeeks';
import { say, type SpeechItem } from '../speech/plan';
import { isType } from '../util/requests';
import type { SkillDeps } from './deps';
import { handler } from './handler';

/**
 * "Alexa, open back and hip coach": a short welcome (the disclaimer until the user has
 * heard it and progress is stored), then at most one question: the six-week check, the
 * routine left unfinished, or a harder level.
 */
export const launchHandler = (deps: SkillDeps): RequestHandler =>
  handler(
    deps,
    (input) => isType(input, 'LaunchRequest'),
    (turn) => {
      const { profile, moment } = turn;
      const summary = weekSummary(profile, moment.day);
      const speech: SpeechItem[] =
        summary.sessionsTotal > 0 ? [...welcomeBackPlan(summary).items] : [say('common.welcome.first')];
      const changes: ProgressChange[] = [];
      let worthWriting = false;
      if (!profile?.disclaimerHeard) {
        speech.push(say('common.disclaimer'));
        // Remembered with the next progress worth writing, not written on its own.
        changes.push(disclaimerHeard(moment));
      }
      const offer = launchOffer(profile, moment.day, turn.now, maxLevel);
      let session: SessionState = withoutMode(turn.session);
      let reprompt: SpeechItem[] = [say('common.reprompt')];
      if (offer?.kind === 'sixWeek') {
        const question = sixWeekQuestion();
        speech.push(...question.plan.items);
        reprompt = [...question.reprompt.items];
        session = { ...session, mode: { kind: 'sixWeek' } };
        changes.push(sixWeekAsked(moment));
        worthWriting = true;
      } else if (offer?.kind === 'resume') {
        speech.push(say('progress.offer.resume', { id: offer.exerciseId }));
        reprompt = [say('progress.offer.resumeReprompt')];
        session = {
          ...session,
          mode: { kind: 'resumeOffer', routine: offer.routine, fromBlock: offer.blockIndex },
        };
      } else if (offer?.kind === 'levelUp') {
        speech.push(say('progress.offer.levelUp', { id: offer.offer.exercise }));
        reprompt = [say('progress.offer.levelUpReprompt', { id: offer.offer.exercise })];
        session = {
          ...session,
          mode: { kind: 'levelUp', exerciseId: offer.offer.exercise, to: offer.offer.to },
        };
      } else {
        speech.push(say('common.welcome.whatWouldYouLike'));
      }
      return turn.answer(session, { speech, reprompt }, { changes, worthWriting });
    },
  );
