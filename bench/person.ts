import type { RequestEnvelope } from 'ask-sdk-model';
import { Device, type LambdaHandler, type DeviceReply } from '../lambda/src/console/device';
import { durationOf } from '../lambda/src/console/player';
import { segmentsToText, ssmlSegments } from '../lambda/src/console/ssmlSegments';
import type { Turn } from './script';

/** The day the bench's sessions happen (a fixed clock, as in the conversation tests). */
export const BENCH_START = Date.UTC(2026, 10, 26, 8, 30, 0);

/** The gap between the end of a reply and the person's answer. */
const ANSWER_GAP_MS = 1500;

/** How long an Echo listens after a reply (and again after its reprompt) before it gives up. */
const LISTEN_MS = 8000;

/** When the person speaks next (epoch ms), `after` the reply `last` that began at `now`. */
export const nextTurnAt = (
  now: number,
  last: { readonly ssml: string; readonly reprompt?: string },
  after: Turn['after'] | 'silence',
): number => {
  if (after === 'silence')
    return (
      now +
      durationOf(ssmlSegments(last.ssml)) +
      durationOf(ssmlSegments(last.reprompt ?? '')) +
      2 * LISTEN_MS
    );
  return now + (after === 'listen' ? durationOf(ssmlSegments(last.ssml)) + ANSWER_GAP_MS : after);
};

export interface PersonOptions {
  readonly handler: LambdaHandler;
  readonly userId: string;
  readonly now?: number;
  /** Sees (and may alter) each request envelope before it is sent. */
  readonly onRequest?: (request: RequestEnvelope) => void;
}

/**
 * A person talking to a simulated Echo (the real interaction model, through virtual-alexa)
 * on a simulated clock: it moves by what the skill said, or by a barge-in delay. Unlike the
 * test harness it does not validate SSML, so the bench times only the skill.
 */
export class Person {
  private readonly device: Device;
  private now: number;
  private last: DeviceReply | undefined;

  constructor(options: PersonOptions) {
    this.now = options.now ?? BENCH_START;
    this.device = new Device({
      handler: options.handler,
      locale: 'en-US',
      userId: options.userId,
      clock: () => this.now,
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
  }

  get reply(): DeviceReply | undefined {
    return this.last;
  }

  /** The last reply as plain text (pauses shown as [pause 2s]). */
  get text(): string {
    return this.last ? segmentsToText(ssmlSegments(this.last.ssml)) : '';
  }

  async take(turn: Turn): Promise<DeviceReply> {
    if (this.last) this.now = nextTurnAt(this.now, this.last, turn.after);
    this.last = await this.device.say(turn.say);
    return this.last;
  }

  /**
   * The person says nothing more: the Echo listens, speaks the reprompt, listens again, then
   * ends the session (a SessionEndedRequest, reason EXCEEDED_MAX_REPROMPTS).
   */
  async fallSilent(): Promise<void> {
    if (this.last) this.now = nextTurnAt(this.now, this.last, 'silence');
    await this.device.endSession('EXCEEDED_MAX_REPROMPTS');
  }
}
