import { check } from 'ssml-check-core';
import { translatorFor } from '../../../lambda/src/i18n';
import {
  hold,
  mark,
  pause,
  plan,
  say,
  type SpeechItem,
  type Translate,
} from '../../../lambda/src/speech/plan';
import { fitTimeline, fitsAlexa, MAX_SSML_CHARS, toSsml } from '../../../lambda/src/speech/ssml';
import { isPauseSegment, resolvePlan } from '../../../lambda/src/speech/timeline';

const t: Translate = translatorFor('en-US');
const breakTimes = (ssml: string): number[] =>
  [...ssml.matchAll(/<break time="(\d+)ms"\/>/g)].map((m) => Number(m[1]));
const breaksWithOnlyWhitespaceBetween = /<break[^>]*\/>\s*<break/;

describe('toSsml', () => {
  it.each([5, 10, 20, 30, 45, 60, 90])('renders a %i-second hold as valid Alexa SSML', async (seconds) => {
    const ssml = toSsml(resolvePlan(plan(say('speech.hold.start'), hold(seconds * 1000)), t));
    expect(ssml.startsWith('<speak>') && ssml.endsWith('</speak>')).toBe(true);
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
    expect(Math.max(...breakTimes(ssml))).toBeLessThanOrEqual(10_000);
    expect(ssml).not.toMatch(breaksWithOnlyWhitespaceBetween);
  });

  it('renders long pauses, rests and pauses next to holds as valid SSML with no break over 10 s', async () => {
    const ssml = toSsml(
      resolvePlan(
        plan(say('speech.hold.start'), pause(45_000), pause(3_000), hold(20_000, 'rest'), pause(12_000)),
        t,
      ),
    );
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
    expect(Math.max(...breakTimes(ssml))).toBeLessThanOrEqual(10_000);
    expect(ssml).not.toMatch(breaksWithOnlyWhitespaceBetween);
  });

  it('escapes XML in the spoken text', async () => {
    const odd: Translate = () => 'Hips & knees <stay> "level", don\'t rush\u0007.';
    const ssml = toSsml(resolvePlan(plan(say('any')), odd));
    expect(ssml).toBe('<speak>Hips &amp; knees &lt;stay&gt; "level", don\'t rush.</speak>');
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
  });

  it('merges and caps hand-built adjacent pauses rather than emit an invalid pair of breaks', () => {
    const ssml = toSsml({
      segments: [{ text: 'a', ms: 100 }, { pause: 6_000 }, { pause: 7_000 }, { text: 'b', ms: 100 }],
    });
    expect(ssml).toBe('<speak>a<break time="10000ms"/>b</speak>');
  });
});

describe('SSML size', () => {
  const block = (step: number): SpeechItem[] => [
    mark(step),
    say('speech.hold.start'),
    hold(30_000),
    pause(2_000),
    hold(20_000, 'rest'),
  ];

  it('keeps a typical block (both sides of a 30-second stretch with a rest) well under 8000 characters', () => {
    const ssml = toSsml(resolvePlan(plan(block(0), block(1)), t));
    expect(fitsAlexa(ssml)).toBe(true);
    expect(ssml.length).toBeLessThan(MAX_SSML_CHARS / 4);
  });

  it('reports an oversized plan and cuts it to a valid prefix that fits, ending on words', async () => {
    const huge = resolvePlan(plan(Array.from({ length: 60 }, (_, i) => block(i)).flat()), t);
    expect(fitsAlexa(toSsml(huge))).toBe(false);
    const { timeline, truncated } = fitTimeline(huge);
    const ssml = toSsml(timeline);
    expect(truncated).toBe(true);
    expect(ssml.length).toBeLessThanOrEqual(MAX_SSML_CHARS);
    expect(await check(ssml, { platform: 'amazon' })).toBeUndefined();
    expect(isPauseSegment(timeline.segments[timeline.segments.length - 1] ?? { pause: 0 })).toBe(false);
    expect(timeline.totalMs).toBeLessThan(huge.totalMs);
    expect(timeline.marks.every((offset) => offset < timeline.totalMs)).toBe(true);
    expect(timeline.marks.length).toBeGreaterThan(1);
  });

  it('leaves a plan that fits untouched', () => {
    const tl = resolvePlan(plan(block(0)), t);
    expect(fitTimeline(tl)).toEqual({ timeline: tl, truncated: false });
  });
});
