import { Conversation } from '../support/conversation';

/**
 * The Lambda entry as deployed (index.ts, TABLE_NAME set), its DynamoDB out of reach: what
 * an operator finds in the log stream. Every line is JSON from a fixed vocabulary and names
 * the invocation it belongs to, the store's own lines included.
 */

const UUID = '0f9b2c3e-8d41-4f6a-9a57-3c2e1b0d4f88';

const ENV = {
  TABLE_NAME: 'progress',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  // Nothing listens there: every DynamoDB call is refused at once.
  AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1',
};
const before: Record<string, string | undefined> = {};

// The environment is the worker's: put it back for the test files that run after this one.
beforeAll(() => {
  for (const [name, value] of Object.entries(ENV)) {
    before[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(() => {
  for (const name of Object.keys(ENV)) {
    if (before[name] === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = before[name];
  }
});

it('a store outage: the user is told, and every line of the invocation carries its id and cold start', async () => {
  const lines: string[] = [];
  const emf: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  // Powertools writes EMF straight to standard output.
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    emf.push(String(chunk));
    return true;
  });
  try {
    const { handler } = await import('../../lambda/src/index');
    const c = new Conversation({ handler: (event) => handler(event, { awsRequestId: UUID }) });
    expect(await c.launch()).toMatch(
      /^Hi, this is your back and hip coach\. I can't reach your saved progress/,
    );
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
  expect(emf.join('')).toContain('"StoreUnavailable":1');
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(parsed.map((l) => l.event)).toEqual(['store.unavailable', 'progress.load.failed', 'turn']);
  for (const line of parsed) expect(line).toMatchObject({ requestId: UUID, coldStart: true });
  expect(parsed[0]).toMatchObject({ op: 'load', attempts: 5 });
});
