import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdkDeployArgs, parseDeployOptions } from '../../scripts/deploy';
import {
  readStackOutput,
  withLambdaEndpoint,
  writeDeployPackage,
  type JsonObject,
} from '../../scripts/deploy-manifest';
import { manifestOutcome, modelOutcome, readSmapiCredentials } from '../../scripts/deploy-smapi';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:BackAndHipCoach-SkillFunction63F28660-AbC123';

const skillJson = (): JsonObject => ({
  manifest: {
    publishingInformation: {
      locales: {
        'en-US': { name: 'Back and Hip Coach', examplePhrases: ['Alexa, open back and hip coach'] },
      },
      category: 'HEALTH_AND_FITNESS',
    },
    apis: { custom: { endpoint: { uri: 'arn:aws:lambda:us-east-1:000000000000:function:placeholder' } } },
    events: {
      endpoint: { uri: 'arn:aws:lambda:us-east-1:000000000000:function:placeholder' },
      subscriptions: [{ eventName: 'SKILL_DISABLED' }],
    },
    manifestVersion: '1.0',
  },
});

function withoutEndpoints(json: JsonObject): JsonObject {
  const copy = structuredClone(json) as { manifest: { apis: { custom: JsonObject }; events?: JsonObject } };
  delete copy.manifest.apis.custom.endpoint;
  delete copy.manifest.events?.endpoint;
  return copy as unknown as JsonObject;
}

describe('deploy manifest', () => {
  it('points the custom API and the events at the function and changes nothing else', () => {
    const source = skillJson();
    const deployed = withLambdaEndpoint(source, ARN) as {
      manifest: { apis: { custom: { endpoint: unknown } }; events: { endpoint: unknown } };
    };
    expect(deployed.manifest.apis.custom.endpoint).toEqual({ uri: ARN });
    expect(deployed.manifest.events.endpoint).toEqual({ uri: ARN });
    expect(withoutEndpoints(deployed as unknown as JsonObject)).toEqual(withoutEndpoints(source));
    expect(source).toEqual(skillJson());
  });

  it('adds no events section to a skill that subscribes to none', () => {
    const source = skillJson() as { manifest: JsonObject };
    delete source.manifest.events;
    const deployed = withLambdaEndpoint(source, ARN) as { manifest: JsonObject };
    expect(deployed.manifest.events).toBeUndefined();
  });

  it('refuses something that is not a Lambda ARN or not a custom skill', () => {
    expect(() => withLambdaEndpoint(skillJson(), 'https://example.com/skill')).toThrow(
      /not a Lambda function ARN/,
    );
    expect(() => withLambdaEndpoint({ manifest: { apis: {} } }, ARN)).toThrow(/apis\.custom/);
  });

  it('writes the deploy copy to its own folder, leaving skill-package/skill.json untouched', () => {
    const root = mkdtempSync(join(tmpdir(), 'coach-deploy-'));
    try {
      const source = join(root, 'skill-package');
      mkdirSync(join(source, 'interactionModels', 'custom'), { recursive: true });
      const original = `${JSON.stringify(skillJson(), null, 2)}\n`;
      writeFileSync(join(source, 'skill.json'), original);
      const model = JSON.stringify({
        interactionModel: { languageModel: { invocationName: 'back and hip coach' } },
      });
      writeFileSync(join(source, 'interactionModels', 'custom', 'en-US.json'), model);
      writeFileSync(join(source, 'interactionModels', 'custom', 'README.md'), 'not a model');

      const pkg = writeDeployPackage(source, join(root, 'dist', 'skill-package'), ARN);

      expect(readFileSync(join(source, 'skill.json'), 'utf8')).toBe(original);
      const written = JSON.parse(readFileSync(join(pkg.dir, 'skill.json'), 'utf8'));
      expect(written).toEqual(withLambdaEndpoint(skillJson(), ARN));
      expect([...pkg.models.entries()]).toEqual([
        ['en-US', join(root, 'dist', 'skill-package', 'interactionModels', 'custom', 'en-US.json')],
      ]);
      expect(readFileSync(join(pkg.dir, 'interactionModels', 'custom', 'en-US.json'), 'utf8')).toBe(model);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads the function ARN from the cdk deploy outputs', () => {
    const outputs = { BackAndHipCoach: { FunctionArn: ARN, TableName: 'BackAndHipCoach-UserTable' } };
    expect(readStackOutput(outputs, 'BackAndHipCoach', 'FunctionArn')).toBe(ARN);
    expect(() => readStackOutput({}, 'BackAndHipCoach', 'FunctionArn')).toThrow(/did `cdk deploy` succeed/);
  });
});

describe('deploy options', () => {
  it('take the skill id from SKILL_ID, falling back to cdk.json context', () => {
    expect(
      parseDeployOptions([], { SKILL_ID: 'amzn1.ask.skill.env' }, { skillId: 'amzn1.ask.skill.ctx' }).skillId,
    ).toBe('amzn1.ask.skill.env');
    expect(parseDeployOptions([], {}, { skillId: 'amzn1.ask.skill.ctx' }).skillId).toBe(
      'amzn1.ask.skill.ctx',
    );
    expect(() => parseDeployOptions([], {})).toThrow(/SKILL_ID/);
  });

  it('pass the skill id to cdk deploy and collect the outputs', () => {
    const options = parseDeployOptions(['--yes'], {
      SKILL_ID: 'amzn1.ask.skill.abc',
      ALARM_EMAIL: 'ops@example.com',
    });
    expect(cdkDeployArgs(options, '/out.json')).toEqual([
      'deploy',
      'BackAndHipCoach',
      '-c',
      'skillId=amzn1.ask.skill.abc',
      '-c',
      'alarmEmail=ops@example.com',
      '--outputs-file',
      '/out.json',
      '--require-approval',
      'never',
    ]);
  });

  it('reject unknown flags and a run with nothing to do', () => {
    const env = { SKILL_ID: 'amzn1.ask.skill.abc' };
    expect(() => parseDeployOptions(['--force'], env)).toThrow(/--force/);
    expect(() => parseDeployOptions(['--skip-infra', '--skip-skill'], env)).toThrow(/nothing to do/);
  });
});

describe('skill management API', () => {
  it('names every missing credential', () => {
    expect(() => readSmapiCredentials({ ASK_CLIENT_ID: 'id' })).toThrow(
      /ASK_CLIENT_SECRET, ASK_REFRESH_TOKEN/,
    );
    expect(
      readSmapiCredentials({ ASK_CLIENT_ID: 'id', ASK_CLIENT_SECRET: 's', ASK_REFRESH_TOKEN: 'r' }),
    ).toEqual({
      clientId: 'id',
      clientSecret: 's',
      refreshToken: 'r',
    });
  });

  it('reads build progress and failures from the skill status', () => {
    expect(manifestOutcome({ manifest: { lastUpdateRequest: { status: 'SUCCEEDED' } } }).state).toBe(
      'SUCCEEDED',
    );
    expect(manifestOutcome({}).state).toBe('IN_PROGRESS');
    expect(
      modelOutcome(
        {
          interactionModel: {
            'en-US': { lastUpdateRequest: { status: 'FAILED', errors: [{ message: 'bad slot' }] } },
          },
        },
        'en-US',
      ),
    ).toEqual({ state: 'FAILED', errors: ['bad slot'] });
  });
});
