import type { Context } from '../../../lambda/src/conversation/context';
import type { Event } from '../../../lambda/src/conversation/event';
import type { StepResult } from '../../../lambda/src/conversation/reply';
import { initialState, type ConversationState } from '../../../lambda/src/conversation/state';
import { step } from '../../../lambda/src/conversation/step';
import { emptyProfile, momentIn, type Profile } from '../../../lambda/src/progress';
import { isSay, type SpeechItem } from '../../../lambda/src/speech/plan';
import { measure } from '../../support/coachHarness';

export const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

/** A returning user with a screen cleared today: exercise may start without a screen. */
export const clearedToday = (): Profile => ({
  ...emptyProfile('2026-11-01'),
  lastClearScreenDay: '2026-11-26',
});

export const contextAt = (now: number, profile: Profile | undefined = clearedToday()): Context => ({
  now,
  moment: momentIn(now, 'UTC'),
  locale: 'en-US',
  profile,
  profileUnavailable: false,
  levels: {},
  sessionKey: 'session-1',
  measure,
});

/** The i18n keys a reply says, in order. */
export const keysOf = (items: readonly SpeechItem[] | undefined): string[] =>
  (items ?? []).filter(isSay).map((item) => item.say);

/** A user talking to the pure reducer, with a hand-held clock. */
export class Talk {
  state: ConversationState = initialState();
  now = NOW;
  last!: StepResult;

  constructor(readonly profile: Profile | undefined = clearedToday()) {}

  send(event: Event): StepResult {
    this.last = step(this.state, event, contextAt(this.now, this.profile));
    this.state = this.last.state;
    return this.last;
  }

  get keys(): string[] {
    return keysOf(this.last.reply.speech);
  }

  /** Lets `ms` pass (the reply being spoken, or the user resting). */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }
}
