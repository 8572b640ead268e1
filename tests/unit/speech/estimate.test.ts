import { estimateSpeechMs } from '../../../lambda/src/speech/estimate';

describe('estimateSpeechMs', () => {
  it('takes no time to say nothing', () => {
    expect(estimateSpeechMs('')).toBe(0);
    expect(estimateSpeechMs('  ...  ')).toBe(0);
  });

  it('says a count cue in well under a second, so a countdown fits one number per second', () => {
    for (const cue of ['1.', '2.', '3.', '4.', '5.']) expect(estimateSpeechMs(cue)).toBeLessThan(600);
  });

  it('gives durations close to what espeak-ng measured for typical phrases', () => {
    // Measured with espeak-ng 1.51 between two breaks (see estimate.ts).
    const measured: [string, number][] = [
      ['20 seconds.', 994],
      ['And relax.', 587],
      ['Hold it there.', 772],
      [
        'Tuck your hips under and lean gently forward until you feel a stretch at the front of your left hip.',
        4968,
      ],
      ['Before we move, a few quick safety questions. Answer yes, no, or not sure.', 5107],
    ];
    for (const [text, ms] of measured) expect(Math.abs(estimateSpeechMs(text) - ms)).toBeLessThan(250);
  });

  it('adds a pause for punctuation inside the text but not for the final stop', () => {
    expect(estimateSpeechMs('Hold. And relax.')).toBeGreaterThan(estimateSpeechMs('Hold and relax.'));
    expect(estimateSpeechMs('Five, four')).toBeGreaterThan(estimateSpeechMs('Five four'));
    expect(estimateSpeechMs('And relax.')).toBe(estimateSpeechMs('And relax'));
  });

  it('reads digits as spoken numbers and decimal points as part of them', () => {
    expect(estimateSpeechMs('20')).toBeGreaterThan(estimateSpeechMs('5'));
    expect(estimateSpeechMs('2.5 seconds')).toBeLessThan(estimateSpeechMs('2. 5 seconds'));
  });

  it('estimates scripts without spaces or Latin vowels too', () => {
    expect(estimateSpeechMs('你好世界。')).toBeGreaterThan(estimateSpeechMs('你好'));
    expect(estimateSpeechMs('Привет, как дела?')).toBeGreaterThan(500);
  });
});
