import common from '../../../lambda/src/i18n/en/common.json';
import { escapeXml } from '../../../lambda/src/speech';
import { SILENT_TYPES, requestTypeOf } from './envelopes';
import type { Sent } from './harness';
import { TAINT, isObject, preview, type Json } from './json';
import { ssmlProblems } from './ssml';

/**
 * What a user or an operator would notice about one response, in words (empty: nothing).
 * Every check here is one the issue asks for; the property tests throw with the list.
 */

/** The shell's answer when a turn crashed: a session that keeps getting it is stuck. */
export const GENERIC_ERROR = escapeXml(common.error);
export const MAX_LOG_LINE = 1000;
/** Alexa rejects a response whose JSON is over 24 KB. */
export const MAX_RESPONSE_BYTES = 24 * 1024;

const CAN = ['YES', 'NO', 'MAYBE'];
/** A log value that is one of the skill's own names or codes, not text from a request. */
const IDENTIFIER = /^[A-Za-z0-9_.:#|/-]{0,64}$/;

const short = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max)}…` : text);

export const outputOf = (sent: Sent): { speech?: Json; reprompt?: Json; response?: Record<string, Json> } => {
  const response = isObject(sent.response?.response) ? sent.response.response : undefined;
  const reprompt = response && isObject(response.reprompt) ? response.reprompt.outputSpeech : undefined;
  return {
    ...(response ? { response } : {}),
    ...(response?.outputSpeech !== undefined ? { speech: response.outputSpeech } : {}),
    ...(reprompt !== undefined ? { reprompt } : {}),
  };
};

const speechText = (speech: Json | undefined): string =>
  isObject(speech) && typeof speech.ssml === 'string' ? speech.ssml : '';

const outputSpeechProblems = async (what: string, speech: Json | undefined): Promise<string[]> => {
  if (speech === undefined) return [];
  if (!isObject(speech) || speech.type !== 'SSML' || typeof speech.ssml !== 'string')
    return [`${what} is not SSML: ${short(preview(speech))}`];
  return (await ssmlProblems(speech.ssml)).map(
    (p) => `${what}: ${p} in ${short(speech.ssml as string, 300)}`,
  );
};

/** Log lines: bounded, structured, holding only the skill's own names and figures. */
export const logProblems = (logs: readonly string[], userId: string | undefined): string[] => {
  const problems: string[] = [];
  for (const line of logs) {
    if (line.length > MAX_LOG_LINE) problems.push(`a log line of ${line.length} characters`);
    if (line.includes(TAINT)) problems.push(`a log line holds text from the request: ${short(line)}`);
    if (userId && line.includes(userId)) problems.push(`a log line holds the user id: ${short(line)}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`a log line that is not JSON: ${short(line)}`);
      continue;
    }
    if (!isObject(parsed)) {
      problems.push(`a log line that is not a JSON object: ${short(line)}`);
      continue;
    }
    for (const [field, value] of Object.entries(parsed)) {
      const known =
        typeof value === 'boolean' ||
        typeof value === 'number' ||
        (typeof value === 'string' && IDENTIFIER.test(value));
      if (!known) problems.push(`log field "${field}" holds free text: ${short(JSON.stringify(value), 80)}`);
    }
  }
  return problems;
};

const sessionBytes = (envelope: Json): number => {
  const session = isObject(envelope) ? envelope.session : undefined;
  const attributes = isObject(session) ? session.attributes : undefined;
  return attributes === undefined ? 0 : Buffer.byteLength(JSON.stringify(attributes), 'utf8');
};

/** The response as Alexa checks it: the envelope, its speech, its size. */
export const envelopeProblems = async (sent: Sent): Promise<string[]> => {
  if (sent.threw !== undefined) {
    const e = sent.threw as { name?: unknown; message?: unknown };
    return [`the handler threw ${String(e.name)}: ${short(String(e.message), 200)}`];
  }
  const envelope = sent.response;
  if (!envelope) return ['no response'];
  const problems: string[] = [];
  if (envelope.version !== '1.0')
    problems.push(`response version ${short(JSON.stringify(envelope.version))}`);
  const { response, speech, reprompt } = outputOf(sent);
  if (!response) return [...problems, 'no response object'];
  problems.push(...(await outputSpeechProblems('speech', speech)));
  problems.push(...(await outputSpeechProblems('reprompt', reprompt)));
  if (response.shouldEndSession !== undefined && typeof response.shouldEndSession !== 'boolean')
    problems.push(`shouldEndSession is ${short(JSON.stringify(response.shouldEndSession))}`);
  // Alexa discards what a skill returns for a session end; any other response must be one it takes.
  if (requestTypeOf(sent.envelope) !== 'SessionEndedRequest') {
    if (envelope.sessionAttributes !== undefined && !isObject(envelope.sessionAttributes))
      problems.push('session attributes that are not an object');
    const bytes = Buffer.byteLength(JSON.stringify(envelope), 'utf8');
    // Attributes over the limit can only come from a test (Alexa returns what the skill sent).
    if (bytes > MAX_RESPONSE_BYTES && sessionBytes(sent.envelope) <= MAX_RESPONSE_BYTES)
      problems.push(`a response of ${bytes} bytes (Alexa takes 24 KB)`);
  }
  return problems;
};

/** How a case was put together, which decides what its answer must be. */
export interface Facts {
  /** Any damage was of the kinds the skill must take in its stride (odd locale or timestamp, garbage slots, any session attributes). */
  readonly tolerated: boolean;
  /** A container of the envelope (request, its type, context, context.System, session, version) was removed or retyped. */
  readonly broken: boolean;
  readonly userId?: string;
}

const SILENT: ReadonlySet<string> = new Set(SILENT_TYPES);
const ANSWERED = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'System.ExceptionEncountered',
  'Connections.Response',
  'Alexa.Presentation.APL.UserEvent',
]);

const canFulfillProblems = (response: Record<string, Json> | undefined): string[] => {
  const answer = response?.canFulfillIntent;
  if (!isObject(answer) || typeof answer.canFulfill !== 'string' || !CAN.includes(answer.canFulfill))
    return [`no canFulfillIntent answer (YES, NO or MAYBE): ${short(preview(answer ?? null))}`];
  if (answer.slots === undefined) return [];
  if (!isObject(answer.slots)) return ['canFulfillIntent.slots is not an object'];
  return Object.entries(answer.slots).flatMap(([name, slot]) =>
    isObject(slot) &&
    typeof slot.canUnderstand === 'string' &&
    CAN.includes(slot.canUnderstand) &&
    (slot.canFulfill === 'YES' || slot.canFulfill === 'NO')
      ? []
      : [`canFulfillIntent slot ${name}: ${short(preview(slot))}`],
  );
};

/** What the request's type asks of the answer. */
export const answerProblems = (sent: Sent, facts: Facts): string[] => {
  if (sent.threw !== undefined || !sent.response) return [];
  const type = requestTypeOf(sent.envelope);
  const { response, speech, reprompt } = outputOf(sent);
  const said = speechText(speech);
  const generic = said.includes(GENERIC_ERROR);
  const errorLogged = sent.logs.some((l) => l.includes('"level":"error"'));
  const handlerError = sent.logs.some((l) => l.includes('"handler.error"'));
  const problems: string[] = [];
  const isObjectRequest = isObject(isObject(sent.envelope) ? sent.envelope.request : undefined);

  if (!facts.broken && type !== undefined) {
    if (SILENT.has(type)) {
      if (speech !== undefined || reprompt !== undefined)
        problems.push(`speech in answer to ${type}: ${short(said)}`);
      if (errorLogged) problems.push(`an error logged for ${type}`);
    }
    if (type === 'SessionEndedRequest' && (speech !== undefined || reprompt !== undefined))
      problems.push('speech in answer to a session end');
    if (type === 'CanFulfillIntentRequest') {
      problems.push(...canFulfillProblems(response));
      if (speech !== undefined || reprompt !== undefined)
        problems.push(`speech in answer to CanFulfillIntentRequest: ${short(said)}`);
    }
    if (
      (type === 'Connections.Response' || type === 'Alexa.Presentation.APL.UserEvent') &&
      (generic || handlerError)
    )
      problems.push(`the generic error for ${type}`);
  }
  // A conversation request, or one too broken to tell: someone is listening, say something.
  if (
    (!isObjectRequest || type === undefined || type === 'LaunchRequest' || type === 'IntentRequest') &&
    speech === undefined
  )
    problems.push('no speech (at least a plain spoken error is due)');
  if (facts.tolerated && !facts.broken && type !== undefined && ANSWERED.has(type)) {
    if (generic) problems.push('the generic error where an answer was due');
    if (handlerError) problems.push('handler.error logged for a request the skill must take in its stride');
    if (type === 'LaunchRequest' && response?.shouldEndSession !== false)
      problems.push('a launch that does not keep listening');
  }
  return problems;
};

/** Every check for one response. */
export const problemsOf = async (sent: Sent, facts: Facts): Promise<string[]> => [
  ...(await envelopeProblems(sent)),
  ...answerProblems(sent, facts),
  ...logProblems(sent.logs, facts.userId),
];

/** Fails with the problems and the request that caused them (long strings shortened). */
export const assertNoProblems = (problems: readonly string[], sent: Sent, note = ''): void => {
  if (problems.length === 0) return;
  const unique = [...new Set(problems)];
  throw new Error(
    `${unique.map((p) => `- ${p}`).join('\n')}${note ? `\n${note}` : ''}\nrequest: ${preview(sent.envelope)}`,
  );
};
