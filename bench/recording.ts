import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { LambdaHandler } from '../lambda/src/console/device';
import { Person } from './person';
import type { Turn } from './script';

/** One turn as the skill received it and answered it. */
export interface RecordedTurn {
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
}

/**
 * Plays a script once through the simulated Echo and keeps every request envelope (with the
 * session attributes the skill had returned). Replaying them is then what Lambda does: a
 * parsed event in, no harness work (utterance matching, model parsing) on the heap between.
 * With `thenSilence` the person says nothing after the script, and the last envelope is the
 * SessionEndedRequest that follows.
 */
export const record = async (
  handler: LambdaHandler,
  script: readonly Turn[],
  userId: string,
  thenSilence = false,
): Promise<RecordedTurn[]> => {
  const turns: RecordedTurn[] = [];
  const person = new Person({
    userId,
    handler: async (event, context) => {
      const request = structuredClone(event);
      const response = await handler(event, context);
      turns.push({ request, response: structuredClone(response) });
      return response;
    },
  });
  for (const step of script) await person.take(step);
  if (thenSilence) await person.fallSilent();
  return turns;
};

/** A copy of a recorded request as if it came from another user in another session. */
export const asUser = (request: RequestEnvelope, userId: string, sessionId: string): RequestEnvelope => {
  const copy = structuredClone(request);
  copy.context.System.user.userId = userId;
  if (copy.session) {
    copy.session.user.userId = userId;
    copy.session.sessionId = sessionId;
  }
  return copy;
};

/** The speech of a response, for checking that a replay said what the recording said. */
export const speechOf = (response: ResponseEnvelope): string =>
  (response.response.outputSpeech as { ssml?: string } | undefined)?.ssml ?? '';
