import { translatorFor } from '../../../lambda/src/i18n';
import { estimateSpeechMs } from '../../../lambda/src/speech/estimate';
import { hold, mark, pause, plan, say, type Translate } from '../../../lambda/src/speech/plan';
import {
  isPauseSegment,
  isTextSegment,
  resolvePlan,
  type Segment,
  type Timeline,
} from '../../../lambda/src/speech/timeline';

const t: Translate = translatorFor('en-US');
const relax = t('speech.hold.done');
const timeUp = t('speech.rest.done');

const duration = (s: Segment): number => (isTextSegment(s) ? s.ms : s.pause);
/** Offset (ms) at which `text` starts being spoken (within a joined segment: after the words before it). */
const startOf = (tl: Timeline, text: string): number => {
  let at = 0;
  for (const s of tl.segments) {
    const k = isTextSegment(s) ? s.text.indexOf(text) : -1;
    if (k >= 0 && isTextSegment(s)) {
      return k === 0 ? at : at + estimateSpeechMs(s.text.slice(0, k + text.length)) - estimateSpeechMs(text);
    }
    at += duration(s);
  }
  throw new Error(`"${text}" not spoken`);
};
const pauses = (tl: Timeline): number[] => tl.segments.filter(isPauseSegment).map((s) => s.pause);
const adjacentPauses = (tl: Timeline): boolean =>
  tl.segments.some((s, i) => i > 0 && isPauseSegment(s) && isPauseSegment(tl.segments[i - 1] as Segment));

describe('resolvePlan: holds last exactly as long as asked', () => {
  it.each([5, 10, 20, 30, 45, 60])(
    'a %i-second hold: pauses plus cue words add up to the hold before "And relax."',
    (seconds) => {
      const tl = resolvePlan(plan(hold(seconds * 1000)), t);
      const closing = tl.segments.findIndex((s) => isTextSegment(s) && s.text === relax);
      const held = tl.segments.slice(0, closing).reduce((sum, s) => sum + duration(s), 0);
      expect(Math.abs(held - seconds * 1000)).toBeLessThanOrEqual(500);
      expect(Math.max(...pauses(tl))).toBeLessThanOrEqual(10_000);
      expect(adjacentPauses(tl)).toBe(false);
    },
  );

  it('times a hold from the end of the words before it, with the cues of the dialog sketch', () => {
    const tl = resolvePlan(plan(say('speech.hold.start'), mark(4), hold(30_000)), t);
    expect(tl.segments.filter(isTextSegment).map((s) => s.text)).toEqual([
      t('speech.hold.start'),
      t('speech.hold.remaining', { count: 20 }),
      t('speech.hold.remainingShort', { count: 10 }),
      ...[5, 4, 3, 2, 1].map((count) => t('speech.countdown', { count })),
      relax,
    ]);
    expect(tl.segments[1]).toEqual({ pause: 10_000 });
    expect(startOf(tl, relax) - (tl.marks[4] ?? NaN)).toBe(30_000);
  });

  it('keeps the hold exact with a slower voice estimate', () => {
    const slow = (text: string) => 2 * estimateSpeechMs(text);
    const tl = resolvePlan(plan(say('speech.hold.start'), mark(0), hold(45_000)), t, slow);
    let at = 0;
    let closingAt = NaN;
    for (const s of tl.segments) {
      if (isTextSegment(s) && s.text === relax) closingAt = at;
      at += duration(s);
    }
    expect(closingAt - (tl.marks[0] ?? NaN)).toBe(45_000);
  });

  it('leaves out a cue whose words cannot fit before the next one, instead of drifting', () => {
    const wordy: Translate = (key, params) =>
      key === 'speech.countdown' ? `${t(key, params)} and a very long way to go still` : t(key, params);
    const tl = resolvePlan(plan(say('speech.hold.start'), mark(0), hold(10_000)), wordy);
    expect(tl.segments.filter(isTextSegment).map((s) => s.text)).toEqual([t('speech.hold.start'), relax]);
    expect(tl.segments[1]).toEqual({ pause: 10_000 });
  });

  it('counts through silence placed just before a hold so no gap exceeds 10 s', () => {
    const tl = resolvePlan(plan(say('speech.hold.start'), mark(0), pause(3_000), hold(30_000)), t);
    expect(Math.max(...pauses(tl))).toBeLessThanOrEqual(10_000);
    expect(startOf(tl, relax) - (tl.marks[0] ?? NaN)).toBe(33_000);
  });
});

describe('resolvePlan: pauses', () => {
  it('merges adjacent pauses, also across a mark, and drops pauses of 0', () => {
    const tl = resolvePlan(
      plan(say('speech.hold.start'), pause(2_000), pause(0), mark(1), pause(3_000), say('speech.hold.done')),
      t,
    );
    expect(tl.segments).toEqual([
      { text: t('speech.hold.start'), ms: estimateSpeechMs(t('speech.hold.start')) },
      { pause: 5_000 },
      { text: relax, ms: estimateSpeechMs(relax) },
    ]);
    expect(tl.marks[1]).toBe(estimateSpeechMs(t('speech.hold.start')) + 2_000);
  });

  it('joins words with no pause between them into one segment', () => {
    const tl = resolvePlan(plan(say('speech.hold.start'), pause(0), say('speech.hold.done')), t);
    expect(tl.segments).toEqual([{ text: `${t('speech.hold.start')} ${relax}`, ms: expect.any(Number) }]);
  });

  it('speaks a pause longer than 10 s as a counted rest that still lasts the pause', () => {
    const tl = resolvePlan(
      plan(say('speech.hold.start'), mark(0), pause(25_000), say('speech.hold.start')),
      t,
    );
    expect(Math.max(...pauses(tl))).toBeLessThanOrEqual(10_000);
    expect(
      tl.segments.some(
        (s) => isTextSegment(s) && s.text.startsWith(t('speech.rest.remaining', { count: 20 })),
      ),
    ).toBe(true);
    expect(startOf(tl, timeUp) - (tl.marks[0] ?? NaN)).toBe(25_000);
  });

  it('skips keys that translate to nothing without leaving two pauses side by side', () => {
    const blank: Translate = (key, params) => (key === 'speech.hold.start' ? '' : t(key, params));
    const tl = resolvePlan(
      plan(say('speech.hold.done'), pause(4_000), say('speech.hold.start'), pause(4_000)),
      blank,
    );
    expect(tl.segments).toEqual([{ text: relax, ms: expect.any(Number) }, { pause: 8_000 }]);
  });
});

describe('resolvePlan: marks and total length', () => {
  it('records where each marked step starts and the whole length', () => {
    const a = t('speech.hold.start');
    const b = t('speech.rest.done');
    const tl = resolvePlan(
      plan(mark(0), say('speech.hold.start'), pause(2_000), mark(1), say('speech.rest.done')),
      t,
    );
    expect(tl.marks[0]).toBe(0);
    expect(tl.marks[1]).toBe(estimateSpeechMs(a) + 2_000);
    expect(tl.totalMs).toBe(estimateSpeechMs(a) + 2_000 + estimateSpeechMs(b));
  });

  it('places a mark between joined words where the second words start', () => {
    const a = t('speech.hold.start');
    const b = t('speech.rest.done');
    const tl = resolvePlan(plan(say('speech.hold.start'), mark(7), say('speech.rest.done')), t);
    expect(tl.marks[7]).toBe(estimateSpeechMs(`${a} ${b}`) - estimateSpeechMs(b));
    expect(tl.marks[7]).toBeGreaterThanOrEqual(estimateSpeechMs(a));
  });
});
