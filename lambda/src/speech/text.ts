import { spacedDigits } from './digits';
import { isPauseSegment, type Timeline } from './timeline';

/** Seconds with at most one decimal ("10s", "8.6s"); a real pause never shows as "0s". */
const seconds = (ms: number): string => `${Math.max(0.1, Math.round(ms / 100) / 10)}s`;

/**
 * The timeline as one line of plain text for the terminal console, pauses shown in
 * brackets: `Hold. [pause 10s] 20 seconds. [pause 9.1s] 10. …`; a number said digit by digit
 * shows as its digits ("9 9 9"). The console can also walk
 * `timeline.segments` itself to wait the pauses out in real time.
 */
export const toConsoleText = (timeline: Pick<Timeline, 'segments'>): string =>
  timeline.segments
    .map((s) => (isPauseSegment(s) ? `[pause ${seconds(s.pause)}]` : spacedDigits(s.text).trim()))
    .filter((part) => part.length > 0)
    .join(' ');
