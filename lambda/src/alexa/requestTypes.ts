import type { RequestEnvelope } from 'ask-sdk-model';

/** Skill lifecycle events Alexa sends outside any conversation. */
export const SKILL_EVENTS = [
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillAccountLinked',
  'AlexaSkillEvent.ProactiveSubscriptionChanged',
  'AlexaSkillEvent.NotificationSubscriptionChanged',
] as const;

/** Every request type the skill answers on purpose; any other is logged as 'other'. */
const REQUEST_TYPES: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'CanFulfillIntentRequest',
  'Connections.Response',
  'Alexa.Presentation.APL.UserEvent',
  'System.ExceptionEncountered',
  'Messaging.MessageReceived',
  ...SKILL_EVENTS,
]);

/** The request's type, or undefined when the envelope has none. */
export const typeOf = (envelope: unknown): string | undefined => {
  const request: unknown = (envelope as { request?: unknown } | null | undefined)?.request;
  const type: unknown =
    typeof request === 'object' && request !== null ? (request as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
};

/** The request type for a log line, from the fixed list: logs never hold request-controlled text. */
export const knownRequestType = (envelope: RequestEnvelope | unknown): string => {
  const type = typeOf(envelope);
  return type !== undefined && REQUEST_TYPES.has(type) ? type : 'other';
};
