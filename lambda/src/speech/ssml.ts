import { splitDigits } from './digits';
import { MAX_SILENCE_MS } from './holdCues';
import { isPauseSegment, isTextSegment, type Segment, type Timeline } from './timeline';

/** Alexa rejects output speech longer than this many characters of SSML. */
export const MAX_SSML_CHARS = 8000;
/** Alexa's longest `<break>`. */
export const MAX_BREAK_MS = MAX_SILENCE_MS;

// Characters XML 1.0 forbids outright: dropped, since no escape makes them valid.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text made safe as XML character data (quotes need no escaping outside attributes). */
export const escapeXml = (text: string): string =>
  text.replace(XML_INVALID, '').replace(/[&<>]/g, (c) => XML_ESCAPES[c] ?? c);

/** A text segment as SSML: escaped words, digit runs as `<say-as interpret-as="digits">`. */
const ssmlText = (text: string): string =>
  splitDigits(text)
    .map((p) => ('text' in p ? escapeXml(p.text) : `<say-as interpret-as="digits">${p.digits}</say-as>`))
    .join('');

const breakTag = (ms: number): string => `<break time="${Math.min(MAX_BREAK_MS, Math.round(ms))}ms"/>`;

/**
 * SSML for Alexa. Adjacent pauses are merged (engines merge back-to-back breaks anyway, so
 * two breaks never stand with only whitespace between), each break is at most 10 s (a
 * resolved timeline never needs more; anything longer is clamped to stay valid), all text
 * is XML-escaped, and numbers marked as digits (`{ digits: '999' }`) are said digit by digit.
 */
export const toSsml = (timeline: Pick<Timeline, 'segments'>): string => {
  let body = '';
  let silence = 0;
  let lastWasText = false;
  const flushSilence = (): void => {
    if (Math.round(silence) > 0) {
      body += breakTag(silence);
      lastWasText = false;
    }
    silence = 0;
  };
  for (const segment of timeline.segments) {
    if (isPauseSegment(segment)) {
      silence += Math.max(0, segment.pause);
      continue;
    }
    const text = ssmlText(segment.text).trim();
    if (!text) continue;
    flushSilence();
    body += lastWasText ? ` ${text}` : text;
    lastWasText = true;
  }
  flushSilence();
  return `<speak>${body}</speak>`;
};

/** Whether SSML is within Alexa's output-speech size limit. */
export const fitsAlexa = (ssml: string, maxChars: number = MAX_SSML_CHARS): boolean =>
  ssml.length <= maxChars;

const durationOf = (segments: readonly Segment[]): number =>
  segments.reduce((sum, s) => sum + (isTextSegment(s) ? s.ms : s.pause), 0);

/**
 * The longest prefix of the timeline whose SSML fits `maxChars`, cut between whole segments
 * and never ending on a pause; marks past the cut are dropped. Callers should plan shorter
 * blocks rather than rely on this: it exists so an oversized response degrades to a shorter
 * valid one instead of an error.
 */
export const fitTimeline = (
  timeline: Timeline,
  maxChars: number = MAX_SSML_CHARS,
): { readonly timeline: Timeline; readonly truncated: boolean } => {
  if (fitsAlexa(toSsml(timeline), maxChars)) return { timeline, truncated: false };
  const fits = (n: number): boolean =>
    fitsAlexa(toSsml({ segments: timeline.segments.slice(0, n) }), maxChars);
  // SSML length grows with the prefix, so binary-search the longest prefix that fits.
  let lo = 0;
  let hi = timeline.segments.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const kept = timeline.segments.slice(0, lo);
  while (kept.length > 0 && isPauseSegment(kept[kept.length - 1] as Segment)) kept.pop();
  const totalMs = durationOf(kept);
  const marks: number[] = [];
  timeline.marks.forEach((offset, step) => {
    if (offset < totalMs) marks[step] = offset;
  });
  return { timeline: { segments: kept, totalMs, marks }, truncated: true };
};
