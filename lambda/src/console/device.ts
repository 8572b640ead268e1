import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { Utterance } from 'virtual-core';
import { numberWordsToDigits } from './numbers';
import { matchOpenSlots, numberSlotsOf, openSlotPatterns } from './openSlots';

/**
 * A simulated Echo: turns typed utterances into real request envelopes through the real
 * interaction model (virtual-alexa), and hands them to a real Lambda handler. Shared by
 * the console and the conversation tests.
 */
export type LambdaHandler = (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope>;

export interface DeviceOptions {
  readonly handler: LambdaHandler;
  readonly locale: string;
  readonly userId: string;
  /** The clock stamped on each request (epoch ms). */
  readonly clock: () => number;
  /** Sees every request envelope before it is sent (tests use it to inspect or alter). */
  readonly onRequest?: (request: RequestEnvelope) => void;
  readonly applicationId?: string;
  /** Where Alexa service calls go (default: a closed port on 127.0.0.1). */
  readonly apiEndpoint?: string;
}

const LOCAL_NOWHERE = 'http://127.0.0.1:1';

export interface DeviceReply {
  readonly ssml: string;
  readonly reprompt?: string;
  /** A Simple card the reply shows in the Alexa app. */
  readonly card?: { readonly title: string; readonly content: string };
  readonly ended: boolean;
  /** The intent the model resolved the utterance to (for tests and debugging). */
  readonly intent?: string;
  readonly unmatched: boolean;
  readonly envelope: ResponseEnvelope;
}

export const modelPath = (locale: string): string =>
  path.join(__dirname, '..', '..', '..', 'skill-package', 'interactionModels', 'custom', `${locale}.json`);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The console only: besides the model's invocation name ("back hip coach"), it also takes
 * the display name people read ("back and hip coach"). A real device would not: Alexa
 * forbids "and" in an invocation name, so only the model's name opens the skill there.
 */
const CONSOLE_ONLY_NAMES = ['back and hip coach'];

const invocationNameOf = (locale: string): string =>
  (
    JSON.parse(fs.readFileSync(modelPath(locale), 'utf8')) as {
      interactionModel: { languageModel: { invocationName: string } };
    }
  ).interactionModel.languageModel.invocationName;

const invocationPatterns = (locale: string): { launch: RegExp; oneShot: RegExp } => {
  const names = [invocationNameOf(locale), ...CONSOLE_ONLY_NAMES]
    .map((n) => escapeRegExp(n).replace(/ /g, '\\s+'))
    .join('|');
  return {
    launch: new RegExp(`^(alexa,?\\s+)?(open|launch|start)\\s+(?:${names})$|^launch$`, 'i'),
    oneShot: new RegExp(`^(alexa,?\\s+)?(ask|tell)\\s+(?:${names})\\s+(to\\s+)?(.+)$`, 'i'),
  };
};

export class Device {
  private readonly alexa: VirtualAlexa;
  private readonly openSlots: ReturnType<typeof openSlotPatterns>;
  private readonly numberSlots: ReadonlySet<string>;
  private readonly invocation: { launch: RegExp; oneShot: RegExp };
  private lastIntent: string | undefined;

  constructor(private readonly options: DeviceOptions) {
    const builder = VirtualAlexa.Builder()
      .handler((event: RequestEnvelope, context: unknown) => options.handler(event, context))
      .interactionModelFile(modelPath(options.locale))
      .locale(options.locale);
    if (options.applicationId) builder.applicationID(options.applicationId);
    this.alexa = builder.create();
    this.openSlots = openSlotPatterns(modelPath(options.locale));
    this.numberSlots = numberSlotsOf(modelPath(options.locale));
    this.invocation = invocationPatterns(options.locale);
    this.alexa.context().user().setID(options.userId);
    this.alexa.filter((request: RequestEnvelope) => {
      (request.request as { timestamp: string }).timestamp = new Date(options.clock()).toISOString();
      // Alexa service calls (the Settings API for the time zone) must never leave this
      // machine from the console or the tests: point them at a closed local port.
      request.context.System.apiEndpoint = options.apiEndpoint ?? LOCAL_NOWHERE;
      // A device always sends its id and an API token; virtual-alexa leaves them out.
      request.context.System.apiAccessToken = request.context.System.apiAccessToken ?? 'console-api-token';
      request.context.System.device = {
        ...request.context.System.device,
        deviceId: request.context.System.device?.deviceId ?? `amzn1.ask.device.console.${options.locale}`,
        supportedInterfaces: request.context.System.device?.supportedInterfaces ?? {},
      };
      const r = request.request;
      this.lastIntent = r.type === 'IntentRequest' ? r.intent.name : undefined;
      if (r.type === 'IntentRequest') {
        for (const slot of Object.values(r.intent.slots ?? {})) {
          if (slot.value && this.numberSlots.has(`${r.intent.name}.${slot.name}`)) {
            slot.value = numberWordsToDigits(slot.value);
          }
        }
      }
      options.onRequest?.(request);
    });
  }

  get inSession(): boolean {
    return this.alexa.context().activeSession();
  }

  launch(): Promise<DeviceReply> {
    return this.send(() => this.alexa.launch(), false);
  }

  /** Says one line as a person would to an Echo; "open back hip coach" launches. */
  async say(line: string): Promise<DeviceReply> {
    const text = line.trim().replace(/[.!?]+$/, '');
    if (this.invocation.launch.test(text)) return this.launch();
    const oneShot = this.invocation.oneShot.exec(text);
    // Alexa hears "zero" as the number 0; virtual-alexa's number list starts at one.
    const utterance = (oneShot?.[4] ?? text).toLowerCase().replace(/\bzero\b/g, '0');
    // Matched here rather than with alexa.utter(), which takes any line containing "ask",
    // "open", "tell"… (even inside "mask") for a launch.
    const context = this.alexa.context() as unknown as {
      interactionModel(): ConstructorParameters<typeof Utterance>[0];
    };
    const matched = new Utterance(context.interactionModel(), utterance);
    if (matched.matched()) {
      const request = this.alexa
        .request()
        .intent(matched.intent())
        .slots(matched.toJSON() as Record<string, string>);
      return this.send(
        () => (this.alexa as unknown as { call(r: unknown): Promise<unknown> }).call(request),
        false,
      );
    }
    // Where virtual-alexa finds nothing, a device would fill an open slot or send FallbackIntent.
    const open = matchOpenSlots(this.openSlots, utterance);
    if (open) return this.send(() => this.alexa.intend(open.intent, open.slots), false);
    return this.send(() => this.alexa.intend('AMAZON.FallbackIntent'), true);
  }

  /** Sends an intent directly (for requests a phrase cannot express). */
  intend(name: string, slots?: Record<string, string>): Promise<DeviceReply> {
    return this.send(() => this.alexa.intend(name, slots), false);
  }

  /** The session closes (the user walked away, or said "Alexa, stop" outside the skill). */
  async endSession(
    reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' | 'ERROR' = 'USER_INITIATED',
  ): Promise<void> {
    if (!this.inSession) return;
    // virtual-alexa takes its enum's number and writes the name into the request.
    const code = { ERROR: 0, EXCEEDED_MAX_REPROMPTS: 1, USER_INITIATED: 2 }[reason];
    await this.alexa.endSession(code as never);
  }

  private async send(call: () => Promise<unknown>, unmatched: boolean): Promise<DeviceReply> {
    const envelope = (await call()) as ResponseEnvelope;
    const response = envelope.response;
    const speech = response.outputSpeech as { ssml?: string } | undefined;
    const reprompt = response.reprompt?.outputSpeech as { ssml?: string } | undefined;
    const card = response.card as { type?: string; title?: string; content?: string } | undefined;
    return {
      ssml: speech?.ssml ?? '',
      ...(reprompt?.ssml ? { reprompt: reprompt.ssml } : {}),
      ...(card?.type === 'Simple' ? { card: { title: card.title ?? '', content: card.content ?? '' } } : {}),
      ended: response.shouldEndSession !== false,
      ...(this.lastIntent ? { intent: this.lastIntent } : {}),
      unmatched,
      envelope,
    };
  }
}
