import fc from 'fast-check';
import { maybeDamage, damaged, type Damage } from './attributes';
import { problemsOf } from './checks';
import { intentOf, oddLocale, oddTimestamp } from './envelopes';
import { Visit, listenedMs, speechOf, type Sent } from './harness';
import { isObject, preview, type Json, type JsonObject } from './json';

/**
 * Multi-turn sessions: each request carries the attributes the previous response returned
 * (as Alexa does), damaged now and then on the way. A turn is what the user says, how much
 * of the last reply they heard first, and what happens to the attributes.
 */
export interface TurnSpec {
  /** The intent said; with `ends`, the session closes instead (a SessionEndedRequest, the user walked away). */
  readonly intent: JsonObject;
  readonly ends?: boolean;
  /** How much of the last reply played before the user spoke (over 1: they waited after it). */
  readonly heard: number;
  readonly damage: Damage;
  /** An odd locale or timestamp on this request (undefined keys: as Alexa sends them). */
  readonly odd?: { readonly locale?: Json; readonly timestamp?: Json };
}

/** What people say most while exercising, then anything the model knows. */
const COMMON = [
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.NextIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.RepeatIntent',
  'StartRoutineIntent',
  'StartExerciseIntent',
  'PainRatingIntent',
  'HurtsIntent',
];

export const spokenIntent = (common: readonly string[] = COMMON): fc.Arbitrary<JsonObject> =>
  fc.oneof({ weight: 2, arbitrary: intentOf({ names: common }) }, { weight: 1, arbitrary: intentOf() });

const odd = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: oddLocale.map((locale) => ({ locale })) },
  { weight: 1, arbitrary: oddTimestamp.map((timestamp) => ({ timestamp })) },
);

/** A turn; `damaged` of 10 turns have their attributes damaged (3 by default). */
export const turn = (
  options: { damaged?: number; intent?: fc.Arbitrary<JsonObject> } = {},
): fc.Arbitrary<TurnSpec> =>
  fc.record({
    intent: options.intent ?? spokenIntent(),
    heard: fc.oneof(fc.constant(1.05), fc.double({ min: 0, max: 1.5, noNaN: true })),
    damage: maybeDamage(options.damaged ?? 3),
    odd,
  });

export const STOP = intentOf({ names: ['AMAZON.StopIntent', 'AMAZON.CancelIntent'] });

/** Slots as a person would read them: `routine=quick-relief` (resolved), `routine~"pizza"` (heard). */
export const slotsText = (slots: Json | undefined): string => {
  if (slots === undefined) return '';
  if (!isObject(slots)) return preview(slots, 40);
  return Object.values(slots)
    .map((slot) => {
      if (!isObject(slot)) return preview(slot, 40);
      const authorities = isObject(slot.resolutions) ? slot.resolutions.resolutionsPerAuthority : undefined;
      const first = Array.isArray(authorities) ? authorities[0] : undefined;
      const values = isObject(first) ? first.values : undefined;
      const value = Array.isArray(values) && isObject(values[0]) ? values[0].value : undefined;
      if (isObject(value) && typeof value.id === 'string') return `${String(slot.name)}=${value.id}`;
      return slot.value === undefined
        ? `${String(slot.name)} (empty)`
        : `${String(slot.name)}~${preview(slot.value, 40)}`;
    })
    .join(' ');
};

/** One line of a session's transcript, for the failure report. */
const line = (spec: TurnSpec, sent: Sent, note: string): string =>
  `${spec.ends ? 'session ended (USER_INITIATED)' : `${String(spec.intent.name)} ${slotsText(spec.intent.slots)}`}${note ? ` [${note}]` : ''}${
    spec.odd ? ` ${preview(spec.odd, 40)}` : ''
  } → ${speechOf(sent).slice(7, 90) || '(silence)'}${sent.threw ? ` THREW ${String(sent.threw)}` : ''}`;

/** A visit whose every turn is checked; `problems` carries the transcript when one fails. */
export class CheckedVisit {
  readonly transcript: string[] = [];
  last: Sent | undefined;

  constructor(readonly visit: Visit) {}

  /** Plays the turn: waits while the last reply is heard, sends, checks the answer. */
  async play(spec: TurnSpec): Promise<{ sent: Sent; problems: string[] }> {
    const skill = this.visit.skill;
    if (this.last) skill.now += Math.round(listenedMs(this.last, 0) * spec.heard) + 1000;
    let note = '';
    const request: JsonObject = spec.ends
      ? { type: 'SessionEndedRequest', reason: 'USER_INITIATED' }
      : { type: 'IntentRequest', intent: spec.intent };
    const sent = await this.visit.send({ ...request, ...(spec.odd ?? {}) }, (attributes) => {
      const d = damaged(attributes, spec.damage);
      note = d.done;
      return d.attributes;
    });
    this.last = sent;
    this.transcript.push(line(spec, sent, note));
    const problems = await problemsOf(sent, { tolerated: true, broken: false, userId: this.visit.userId });
    return { sent, problems };
  }

  report(problems: readonly string[]): string {
    return `${[...new Set(problems)].map((p) => `- ${p}`).join('\n')}\nturns:\n${this.transcript
      .map((t, i) => `  ${i + 1}. ${t}`)
      .join('\n')}`;
  }
}
