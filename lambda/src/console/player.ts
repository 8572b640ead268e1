import { estimateSpeechMs } from '../speech/estimate';
import { segmentsToText, type Segment } from './ssmlSegments';

export interface PlayerOutput {
  write(text: string): void;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

/** How long the console takes to "say" a response (what the skill's timeline assumes). */
export const durationOf = (segments: readonly Segment[]): number =>
  segments.reduce((sum, s) => sum + ('text' in s ? estimateSpeechMs(s.text) : s.pause), 0);

/**
 * Plays a response in real time: words appear and take as long as a voice would take to
 * say them; pauses show a live countdown. Aborting (the user typed a line) stops it at
 * once, like a barge-in on a device.
 */
export const playRealtime = async (
  segments: readonly Segment[],
  out: PlayerOutput,
  signal: AbortSignal,
): Promise<boolean> => {
  for (const segment of segments) {
    if (signal.aborted) break;
    if ('text' in segment) {
      out.write(`${segment.text} `);
      await sleep(estimateSpeechMs(segment.text), signal);
      continue;
    }
    const label = segmentsToText([segment]);
    const end = Date.now() + segment.pause;
    while (!signal.aborted && Date.now() < end) {
      const left = Math.ceil((end - Date.now()) / 1000);
      out.write(`\x1b[s${label} ${left}…\x1b[K\x1b[u`);
      await sleep(Math.min(250, end - Date.now()), signal);
    }
    out.write(`${label}\x1b[K `);
  }
  out.write('\n');
  return !signal.aborted;
};
