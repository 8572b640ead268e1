import { check } from 'ssml-check-core';
import { Device, type LambdaHandler, type DeviceReply } from '../../lambda/src/console/device';
import { durationOf } from '../../lambda/src/console/player';
import { segmentsToText, ssmlSegments } from '../../lambda/src/console/ssmlSegments';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { SkillDeps } from '../../lambda/src/alexa/deps';
import { buildHandler } from '../../lambda/src/skill';
import { jsonLogger } from '../../lambda/src/util/logger';
import type { MetricName } from '../../lambda/src/util/metrics';

export const START = Date.UTC(2026, 10, 26, 8, 30, 0);

/** Fails the test when Alexa would reject the SSML, or when it is over Alexa's length limit. */
export const assertValidSsml = async (ssml: string): Promise<void> => {
  if (ssml === '') return;
  const errors = await check(ssml, { platform: 'amazon' });
  if (errors && errors.length > 0) throw new Error(`invalid SSML ${JSON.stringify(errors)}: ${ssml}`);
  if (ssml.length > 8000) throw new Error(`SSML of ${ssml.length} characters (limit 8000)`);
  if (/<break[^>]*\/>\s*<break/.test(ssml))
    throw new Error(`two breaks with only whitespace between: ${ssml}`);
};

export interface ConversationOptions {
  readonly userId?: string;
  readonly locale?: string;
  readonly deps?: Partial<SkillDeps>;
  /** Use this Lambda handler instead of a skill built here (e.g. the real index.handler). */
  readonly handler?: LambdaHandler;
  readonly applicationId?: string;
  /** Where Alexa service calls go (a local stub); by default a closed local port. */
  readonly apiEndpoint?: string;
  readonly now?: number;
  /** Sees (and may alter) every request envelope before the skill gets it. */
  readonly onRequest?: (request: RequestEnvelope) => void;
}

/**
 * A person talking to the skill through a simulated Echo: utterances go through the real
 * interaction model into the real handler; the clock moves only when the test says so
 * (listen to a whole reply, or wait a little and barge in). Every reply's SSML is checked.
 */
export class Conversation {
  readonly device: Device;
  /** The Lambda handler the device talks to (the real one, as index.ts builds it). */
  readonly handler: LambdaHandler;
  readonly logs: string[] = [];
  /** Every metric the skill counted, in order. */
  readonly metrics: MetricName[] = [];
  readonly replies: DeviceReply[] = [];
  now: number;

  constructor(options: ConversationOptions = {}) {
    this.now = options.now ?? START;
    this.handler =
      options.handler ??
      buildHandler({
        clock: () => this.now,
        logger: jsonLogger((line) => this.logs.push(line)),
        metrics: { count: (name) => this.metrics.push(name), publish: () => undefined },
        ...options.deps,
      });
    this.device = new Device({
      handler: this.handler,
      locale: options.locale ?? 'en-US',
      userId: options.userId ?? 'amzn1.ask.account.test-user',
      clock: () => this.now,
      ...(options.applicationId ? { applicationId: options.applicationId } : {}),
      ...(options.apiEndpoint ? { apiEndpoint: options.apiEndpoint } : {}),
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
  }

  get last(): DeviceReply {
    const reply = this.replies[this.replies.length - 1];
    if (!reply) throw new Error('nothing said yet');
    return reply;
  }

  /** What Alexa said last, as the console shows it: `Hold it there. [pause 10s] …` */
  get text(): string {
    return segmentsToText(ssmlSegments(this.last.ssml));
  }

  get repromptText(): string {
    return segmentsToText(ssmlSegments(this.last.reprompt ?? ''));
  }

  async say(line: string): Promise<string> {
    return this.record(await this.device.say(line));
  }

  async launch(): Promise<string> {
    return this.record(await this.device.launch());
  }

  async intend(name: string, slots?: Record<string, string>): Promise<string> {
    return this.record(await this.device.intend(name, slots));
  }

  /** The user hears the whole of the last reply, then takes `gapMs` to answer. */
  listen(gapMs = 1500): this {
    this.now += durationOf(ssmlSegments(this.last.ssml)) + gapMs;
    return this;
  }

  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  async endSession(reason?: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR'): Promise<void> {
    await this.device.endSession(reason);
  }

  private async record(reply: DeviceReply): Promise<string> {
    await assertValidSsml(reply.ssml);
    if (reply.reprompt) await assertValidSsml(reply.reprompt);
    this.replies.push(reply);
    return segmentsToText(ssmlSegments(reply.ssml));
  }
}
