import { Device } from '../../lambda/src/console/device';
import { loadLocaleModels } from './localeModels';

/** The simulated device opens the skill by the model's invocation name. */
describe.each(loadLocaleModels().map((m) => [m.locale, m.languageModel.invocationName] as const))(
  '%s device',
  (locale, name) => {
    const launches: string[] = [];
    const device = new Device({
      locale,
      userId: 'invocation',
      clock: () => Date.UTC(2025, 0, 6, 9),
      handler: (event) => {
        launches.push(event.request.type);
        return Promise.resolve({ version: '1.0', response: { shouldEndSession: false } });
      },
    });

    test.each([`open ${name}`, `Alexa, launch ${name}.`, 'open back and hip coach'])(
      '"%s" launches',
      async (line) => {
        await device.say(line);
        expect(launches.at(-1)).toBe('LaunchRequest');
      },
    );

    test('a one-shot request reaches its intent', async () => {
      const reply = await device.say(`alexa, ask ${name} to start my stretches`);
      expect(reply.intent).toBe('StartRoutineIntent');
    });
  },
);
