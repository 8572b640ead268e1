import { check } from 'ssml-check-core';

/** Alexa's limits on output speech. */
export const MAX_SSML_CHARS = 8000;
export const MAX_BREAK_MS = 10_000;

const BREAK = /<break\b([^>]*)\/?>/g;
const TIME = /\btime\s*=\s*"([^"]*)"/;
const TAG = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*"[^"]*")*\s*\/?>/g;
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
// Characters XML 1.0 does not allow, escaped or not.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const breakMs = (time: string): number | undefined => {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(time.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
};

/**
 * What Alexa would reject or play wrong in this SSML, in words (empty when none): over 8000
 * characters, a break over 10 s, two breaks with only whitespace between, text not escaped,
 * or anything ssml-check-core finds for the Amazon platform.
 */
export const ssmlProblems = async (ssml: string): Promise<string[]> => {
  const problems: string[] = [];
  if (!/^<speak>[\s\S]*<\/speak>$/.test(ssml)) problems.push('not one <speak> element');
  if (ssml.length > MAX_SSML_CHARS)
    problems.push(`${ssml.length} characters (Alexa takes ${MAX_SSML_CHARS})`);
  for (const m of ssml.matchAll(BREAK)) {
    const time = TIME.exec(m[1] ?? '')?.[1];
    if (time === undefined) continue;
    const ms = breakMs(time);
    if (ms === undefined) problems.push(`a break of "${time}"`);
    else if (ms > MAX_BREAK_MS) problems.push(`a break of ${time} (Alexa takes 10s)`);
  }
  if (/<break\b[^>]*\/>\s*<break\b/.test(ssml)) problems.push('two breaks side by side');
  const text = ssml.replace(TAG, ' ');
  if (text.includes('<')) problems.push('an unescaped "<" in the text');
  if (BARE_AMPERSAND.test(text)) problems.push('an unescaped "&" in the text');
  if (XML_INVALID.test(ssml)) problems.push('a character XML does not allow');
  const errors = await check(ssml, { platform: 'amazon' });
  if (errors && errors.length > 0) problems.push(`ssml-check-core: ${JSON.stringify(errors).slice(0, 300)}`);
  return problems;
};
