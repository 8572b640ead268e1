import { coach, type CoachEvent, type CoachResult } from '../../lambda/src/coach/engine';
import { initialCoachState, type CoachState } from '../../lambda/src/coach/state';
import { translatorFor } from '../../lambda/src/i18n';
import { measurer } from '../../lambda/src/alexa/render';
import { resolvePlan, toConsoleText, type SpeechItem, type Translate } from '../../lambda/src/speech';

export const t: Translate = (key, params) => String(translatorFor('en-US')(key, params ?? {}));
export const measure = measurer(t);
export const textOf = (items: readonly SpeechItem[]): string => toConsoleText(resolvePlan({ items }, t));
export const durationOf = (items: readonly SpeechItem[]): number => resolvePlan({ items }, t).totalMs;

/**
 * Drives the pure routine engine with a hand-held clock, the real speech timeline and
 * the real English words, the way the skill does, minus Alexa.
 */
export class CoachDriver {
  state: CoachState = initialCoachState();
  now = Date.UTC(2026, 10, 26, 9, 0, 0);
  last!: CoachResult;
  readonly facts: CoachResult['facts'][] = [];

  send(event: CoachEvent | CoachEvent['type']): CoachResult {
    const e = (typeof event === 'string' ? { type: event } : event) as CoachEvent;
    this.last = coach(this.state, e, { now: this.now, measure });
    this.state = this.last.state;
    this.facts.push(this.last.facts);
    return this.last;
  }

  /** Lets the whole of the last response play out, plus a moment to answer. */
  listen(extraMs = 1500): this {
    this.now += durationOf(this.last.speech) + extraMs;
    return this;
  }

  /** Lets `ms` of the last response play before the user barges in. */
  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  /** Lets `fraction` of the last response's estimated length play before the user speaks. */
  part(fraction: number): this {
    this.now += Math.round(durationOf(this.last.speech) * fraction);
    return this;
  }

  get text(): string {
    return textOf(this.last.speech);
  }

  /** ms offset at which rep `step` (0-based) of the block just spoken starts. */
  markOf(step: number): number {
    const at = this.state.run?.marks?.[step];
    if (typeof at !== 'number') throw new Error(`no mark for step ${step}`);
    return at;
  }
}
