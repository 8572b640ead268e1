import { maxLevel } from '../coach/catalog';
import {
  disclaimerHeard,
  launchOffer,
  levelUpOfferLine,
  sixWeekAsked,
  weekSummary,
  welcomeBackPlan,
  type ProgressChange,
} from '../progress';
import { sixWeekQuestion } from '../screening/sixWeeks';
import { say, type SpeechItem } from '../speech/plan';
import type { Context } from './context';
import { result, type StepResult } from './reply';
import { withoutMode, type ConversationState } from './state';

/**
 * "Alexa, open …": a short welcome (the disclaimer until the user has heard it and
 * progress is stored), then at most one question: the six-week check, the routine left
 * unfinished, or a harder level.
 */
export const launch = (state: ConversationState, ctx: Context): StepResult => {
  const { profile, moment } = ctx;
  const summary = weekSummary(profile, moment.day);
  // A returning user whose progress can't be read is told so, not greeted as new.
  const speech: SpeechItem[] = ctx.profileUnavailable
    ? [say('common.welcome.progressUnavailable')]
    : summary.sessionsTotal > 0
      ? [...welcomeBackPlan(summary).items]
      : [say('common.welcome.first')];
  const changes: ProgressChange[] = [];
  let worthWriting = false;
  if (!profile?.disclaimerHeard) {
    speech.push(say('common.disclaimer'));
    // Remembered with the next progress worth writing, not written on its own.
    changes.push(disclaimerHeard(moment));
  }
  const offer = launchOffer(profile, moment.day, ctx.now, maxLevel);
  let next: ConversationState = withoutMode(state);
  let reprompt: SpeechItem[] = [say('common.reprompt')];
  if (offer?.kind === 'sixWeek') {
    const question = sixWeekQuestion();
    speech.push(...question.plan.items);
    reprompt = [...question.reprompt.items];
    next = { ...next, mode: { kind: 'sixWeek' } };
    changes.push(sixWeekAsked(moment));
    worthWriting = true;
  } else if (offer?.kind === 'resume') {
    speech.push(say('progress.offer.resume', { id: offer.exerciseId }));
    reprompt = [say('progress.offer.resumeReprompt')];
    next = { ...next, mode: { kind: 'resumeOffer', routine: offer.routine, fromBlock: offer.blockIndex } };
  } else if (offer?.kind === 'levelUp') {
    speech.push(levelUpOfferLine(offer.offer.exercise));
    reprompt = [say('progress.offer.levelUpReprompt', { id: offer.offer.exercise })];
    next = { ...next, mode: { kind: 'levelUp', exerciseId: offer.offer.exercise, to: offer.offer.to } };
  } else {
    speech.push(say('common.welcome.whatWouldYouLike'));
  }
  return result(next, { speech, reprompt }, changes, worthWriting);
};
