import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { readSession, writeSession, type SessionState } from '../attributes/session';
import type { CoachContext } from '../coach/engine';
import { translatorFor } from '../i18n';
import { measurer, render, type Reply } from '../response/render';
import type { Params, Translate } from '../speech/plan';
import { requestTime } from '../util/requests';
import type { SkillDeps } from './deps';

/**
 * Everything a handler needs for one request, built once per request: the locale's
 * translator, the request's clock, the session state, and a way to answer.
 */
export interface Turn {
  readonly input: HandlerInput;
  readonly deps: SkillDeps;
  readonly locale: string;
  readonly t: Translate;
  readonly now: number;
  readonly session: SessionState;
  readonly coachContext: CoachContext;
  /** Saves the session state and renders the reply. */
  answer(session: SessionState, reply: Reply): Response;
}

export const turnOf = (input: HandlerInput, deps: SkillDeps): Turn => {
  const locale = getLocale(input.requestEnvelope) || 'en-US';
  const fixed = translatorFor(locale);
  const t: Translate = (key: string, params?: Params) => String(fixed(key, params ?? {}));
  const now = requestTime(input, deps.clock);
  return {
    input,
    deps,
    locale,
    t,
    now,
    session: readSession(input),
    coachContext: { now, measure: measurer(t) },
    answer(session, reply) {
      writeSession(input, session);
      return render(input, t, reply);
    },
  };
};
