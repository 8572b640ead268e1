import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope } from 'ask-sdk-model';

/**
 * A stand-in for the Alexa Settings API on 127.0.0.1. The Lambda entry asks it for the
 * device's time zone on the first turn of a session; pointed at the real endpoint, the
 * bench would wait on the internet (or on the 600 ms timeout) and time that instead.
 */
export interface SettingsStub {
  readonly endpoint: string;
  close(): Promise<void>;
}

export const TIME_ZONE = 'Europe/London';

export const startSettingsStub = async (): Promise<SettingsStub> => {
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && /\/settings\/System\.timeZone$/.test(request.url ?? '')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(TIME_ZONE));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Points a request's Alexa API calls at the stub (mutates: use it on a copy or in onRequest). */
export const useStub = (request: RequestEnvelope, stub: SettingsStub): RequestEnvelope => {
  request.context.System.apiEndpoint = stub.endpoint;
  return request;
};
