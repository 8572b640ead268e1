import type { HandlerInput } from 'ask-sdk-core';

/** The Settings API answers in tens of ms; a slow one must not eat the 8-second budget. */
export const TIME_ZONE_TIMEOUT_MS = 600;

/**
 * The device's time zone from the Alexa Settings API (through ask-sdk's service client,
 * which uses the request's apiEndpoint and apiAccessToken), or undefined on any failure
 * or after the timeout: progress then counts days in UTC.
 */
export const alexaTimeZone =
  (timeoutMs = TIME_ZONE_TIMEOUT_MS) =>
  async (input: HandlerInput): Promise<string | undefined> => {
    const deviceId = input.requestEnvelope.context.System.device?.deviceId;
    const factory = input.serviceClientFactory;
    if (!deviceId || !factory) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      const zone = await Promise.race([factory.getUpsServiceClient().getSystemTimeZone(deviceId), late]);
      return typeof zone === 'string' && zone !== '' ? zone : undefined;
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

/** The machine's own zone, for the console. */
export const machineTimeZone = async (): Promise<string | undefined> =>
  Intl.DateTimeFormat().resolvedOptions().timeZone;
