import { holdCues, MAX_SILENCE_MS } from '../../../lambda/src/speech/holdCues';

const times = (ms: number, leadIn = 0) => {
  const { cues, closing } = holdCues(ms, 'hold', leadIn);
  return [...cues.map((c) => c.at), closing.at];
};

describe('holdCues', () => {
  it('counts a 30-second hold as "20 seconds", "10", then five to one, and relaxes at 30 s', () => {
    const { cues, closing } = holdCues(30_000);
    expect(cues).toEqual([
      { key: 'speech.hold.remaining', params: { count: 20 }, at: 10_000 },
      { key: 'speech.hold.remainingShort', params: { count: 10 }, at: 20_000 },
      { key: 'speech.countdown', params: { count: 5 }, at: 25_000 },
      { key: 'speech.countdown', params: { count: 4 }, at: 26_000 },
      { key: 'speech.countdown', params: { count: 3 }, at: 27_000 },
      { key: 'speech.countdown', params: { count: 2 }, at: 28_000 },
      { key: 'speech.countdown', params: { count: 1 }, at: 29_000 },
    ]);
    expect(closing).toEqual({ key: 'speech.hold.done', at: 30_000 });
  });

  it('uses the rest wording for rests', () => {
    const { cues, closing } = holdCues(20_000, 'rest');
    expect(cues[0]?.key).toBe('speech.rest.remaining');
    expect(closing.key).toBe('speech.rest.done');
  });

  it('keeps holds under 5 seconds silent until the closing cue', () => {
    expect(holdCues(4_999).cues).toEqual([]);
    expect(holdCues(3_000).closing.at).toBe(3_000);
  });

  it('counts down from five in a 5-second hold, starting at once', () => {
    expect(times(5_000)).toEqual([0, 1_000, 2_000, 3_000, 4_000, 5_000]);
  });

  it('never leaves more than 10 s between cues, for any hold length and lead-in silence', () => {
    const tooLong: { ms: number; leadIn: number; gap: number }[] = [];
    for (let ms = 0; ms <= 125_000; ms += 250) {
      for (const leadIn of [0, 3_000, 7_500, 10_000]) {
        if (ms < 1_000 && leadIn + ms > MAX_SILENCE_MS) continue; // nothing whole to count: see timeline
        const at = times(ms, leadIn);
        at.forEach((a, i) => {
          const gap = a - (i === 0 ? -leadIn : (at[i - 1] as number));
          if (gap > MAX_SILENCE_MS || gap < 0) tooLong.push({ ms, leadIn, gap });
        });
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('adds an early cue when silence before the hold would make the first gap too long', () => {
    const { cues } = holdCues(30_000, 'hold', 3_000);
    expect(cues[0]).toEqual({ key: 'speech.hold.remaining', params: { count: 25 }, at: 5_000 });
    expect(cues[1]).toEqual({ key: 'speech.hold.remainingShort', params: { count: 20 }, at: 10_000 });
  });
});
