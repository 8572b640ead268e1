/** What the console plays: words, and silences of a known length. */
export type Segment = { readonly text: string } | { readonly pause: number };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

const breakMs = (tag: string): number => {
  const time = /time="([\d.]+)(ms|s)"/.exec(tag);
  if (!time?.[1]) return 0;
  const value = Number(time[1]);
  return time[2] === 's' ? value * 1000 : value;
};

/** A number said digit by digit; the console shows it as its digits, "9 9 9". */
const DIGITS = /<say-as\s+interpret-as="digits"\s*>\s*([^<]*?)\s*<\/say-as>/g;

/**
 * Parses the SSML Alexa would speak back into text and pauses (breaks), dropping other tags;
 * a `<say-as interpret-as="digits">` number shows as spaced digits.
 */
export const ssmlSegments = (ssml: string): Segment[] => {
  const segments: Segment[] = [];
  for (const part of ssml.split(/(<break\b[^>]*\/>)/)) {
    if (part.startsWith('<break')) {
      const ms = breakMs(part);
      const last = segments[segments.length - 1];
      if (last && 'pause' in last) segments[segments.length - 1] = { pause: last.pause + ms };
      else if (ms > 0) segments.push({ pause: ms });
      continue;
    }
    const text = unescape(
      part.replace(DIGITS, (_, d: string) => d.split('').join(' ')).replace(/<[^>]+>/g, ' '),
    )
      .replace(/\s+/g, ' ')
      .trim();
    if (text) segments.push({ text });
  }
  return segments;
};

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))}s`;

/** The transcript form: `Hold it there. [pause 10s] 20 seconds.` */
export const segmentsToText = (segments: readonly Segment[]): string =>
  segments.map((s) => ('text' in s ? s.text : `[pause ${seconds(s.pause)}]`)).join(' ');
