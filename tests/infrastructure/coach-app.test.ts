import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppConfig } from '../../infrastructure/lib/app-config';
import { createCoachApp } from '../../infrastructure/lib/coach-app';
import { createTestApp } from './stack-fixture';

const context = (values: Record<string, unknown>) => (key: string) => values[key];

describe('app configuration', () => {
  it('refuses to synthesise without a skill id and says how to pass one', () => {
    expect(() => readAppConfig(context({}), {})).toThrow(/-c skillId=amzn1\.ask\.skill\./);
  });

  it('rejects a value that is not an Alexa skill id', () => {
    expect(() => readAppConfig(context({ skillId: 'my-skill' }), {})).toThrow(/amzn1\.ask\.skill/);
  });

  it('defaults to us-east-1 and needs no account, so synth works offline', () => {
    expect(readAppConfig(context({ skillId: 'amzn1.ask.skill.abc-123' }), {})).toEqual({
      skillId: 'amzn1.ask.skill.abc-123',
      region: 'us-east-1',
      account: undefined,
      alarmEmail: undefined,
    });
  });

  it('uses the account and region the CDK CLI resolved', () => {
    const config = readAppConfig(context({ skillId: 'amzn1.ask.skill.abc' }), {
      CDK_DEFAULT_ACCOUNT: '123456789012',
      CDK_DEFAULT_REGION: 'eu-west-1',
    });
    expect(config).toMatchObject({ account: '123456789012', region: 'eu-west-1' });
  });

  it('refuses a region Alexa cannot call a Lambda endpoint in', () => {
    expect(() =>
      readAppConfig(context({ skillId: 'amzn1.ask.skill.abc', region: 'eu-central-1' }), {}),
    ).toThrow(/us-east-1, eu-west-1, us-west-2, ap-northeast-1/);
  });

  it('asks for `npm run build` when the bundle is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'coach-empty-'));
    try {
      expect(() =>
        createCoachApp({ lambdaCodePath: empty, context: { skillId: 'amzn1.ask.skill.abc' } }),
      ).toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('cdk-nag in the app', () => {
  it('fails the synth on an unacknowledged AWS Solutions finding', () => {
    const fixture = createTestApp();
    try {
      // A table without point-in-time recovery: AwsSolutions-DDB3.
      new dynamodb.Table(fixture.stack, 'Careless', {
        partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      });
      expect(() => fixture.app.synth()).toThrow(/Careless[\s\S]*AwsSolutions-DDB3/);
    } finally {
      fixture.cleanup();
    }
  });
});
