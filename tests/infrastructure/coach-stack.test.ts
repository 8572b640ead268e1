import { Match, Template } from 'aws-cdk-lib/assertions';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ALEXA_RESPONSE_LIMIT_SECONDS, TABLE_ITEM_ACTIONS } from '../../infrastructure/lib/limits';
import { OUTPUT_FUNCTION_ARN, OUTPUT_TABLE_NAME } from '../../infrastructure/lib/names';
import { createTestApp, TEST_SKILL_ID } from './stack-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };

let fixture: ReturnType<typeof createTestApp>;
let template: Template;
let tableId: string;
let functionId: string;
let logGroupId: string;
let topicId: string;

function single<T>(items: readonly T[]): T {
  const [first] = items;
  if (items.length !== 1 || first === undefined) throw new Error(`expected exactly one, got ${items.length}`);
  return first;
}

function onlyResource(type: string): [string, Resource] {
  return single(Object.entries(template.findResources(type)) as [string, Resource][]);
}

beforeAll(() => {
  fixture = createTestApp({ alarmEmail: 'ops@example.com' });
  template = Template.fromStack(fixture.stack);
  tableId = onlyResource('AWS::DynamoDB::Table')[0];
  functionId = onlyResource('AWS::Lambda::Function')[0];
  logGroupId = onlyResource('AWS::Logs::LogGroup')[0];
  topicId = onlyResource('AWS::SNS::Topic')[0];
});

afterAll(() => fixture.cleanup());

describe('user table', () => {
  it('is keyed by pk (string) and sk (string)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
    });
  });

  it('bills on demand, keeps point-in-time recovery and cannot be deleted by accident', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('is encrypted at rest with the AWS managed KMS key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true },
    });
  });
});

describe('skill function', () => {
  it('runs the esbuild bundle on nodejs22.x, arm64', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
  });

  it("gives up before Alexa's 8-second response limit", () => {
    const [, fn] = onlyResource('AWS::Lambda::Function');
    expect(fn.Properties.Timeout).toBeLessThan(ALEXA_RESPONSE_LIMIT_SECONDS);
    expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
  });

  it('knows its table and its skill id', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { TABLE_NAME: { Ref: tableId }, SKILL_ID: TEST_SKILL_ID } },
    });
  });

  it('logs to its own log group kept for one month', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: { Ref: logGroupId } },
    });
  });

  it('can be invoked by the Alexa Skills Kit for this skill only', () => {
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')) as Resource[];
    expect(permissions.map((p) => p.Properties)).toEqual([
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'alexa-appkit.amazon.com',
        EventSourceToken: TEST_SKILL_ID,
      },
    ]);
  });
});

describe('function permissions', () => {
  it('allow only item reads and writes on the user table, plus writing its own logs', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    const statements = policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
    );
    const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

    const tableStatements = statements.filter((s) =>
      asList(s.Action).some((a) => String(a).startsWith('dynamodb:')),
    );
    const tableStatement = single(tableStatements);
    expect(asList(tableStatement.Action).sort()).toEqual(
      TABLE_ITEM_ACTIONS.map((a) => `dynamodb:${a}`).sort(),
    );
    expect(tableStatement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });

    const others = statements.filter((s) => !tableStatements.includes(s));
    expect(others).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
      },
    ]);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('never allow a Scan or table administration', () => {
    const json = JSON.stringify(template.toJSON());
    expect(json).not.toMatch(/dynamodb:(Scan|\*|DeleteTable|UpdateTable|CreateTable|BatchWriteItem)/);
  });

  it('use no AWS managed policy (no logs:* on every log group)', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
  });
});

describe('alarms', () => {
  const alarmOn = (metricName: string, extra: Record<string, unknown> = {}) =>
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metricName,
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
      AlarmActions: [{ Ref: topicId }],
      ...extra,
    });

  it('fire on any function error', () => alarmOn('Errors', { Statistic: 'Sum', Threshold: 1 }));

  it('fire on any throttled invocation', () => alarmOn('Throttles', { Statistic: 'Sum', Threshold: 1 }));

  it('fire when p99 duration nears the timeout', () => {
    alarmOn('Duration', { ExtendedStatistic: 'p99' });
    const alarm = single(
      (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[]).filter(
        (a) => a.Properties.MetricName === 'Duration',
      ),
    );
    const [, fn] = onlyResource('AWS::Lambda::Function');
    expect(alarm.Properties.Threshold).toBeLessThan((fn.Properties.Timeout as number) * 1000);
    expect(alarm.Properties.Threshold).toBeGreaterThanOrEqual(((fn.Properties.Timeout as number) * 1000) / 2);
  });

  it('fire when the table throttles reads or writes', () => {
    const tableMetric = (name: string) =>
      Match.objectLike({
        MetricStat: Match.objectLike({
          Metric: {
            MetricName: name,
            Namespace: 'AWS/DynamoDB',
            Dimensions: [{ Name: 'TableName', Value: { Ref: tableId } }],
          },
          Stat: 'Sum',
        }),
      });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: Match.stringLikeRegexp('\\+') }),
        tableMetric('ReadThrottleEvents'),
        tableMetric('WriteThrottleEvents'),
      ]),
      AlarmActions: [{ Ref: topicId }],
    });
  });

  const skillAlarm = (metricName: string, threshold: number) =>
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: metricName,
      Namespace: 'BackHipCoach',
      Dimensions: [{ Name: 'service', Value: 'back-hip-coach' }],
      Statistic: 'Sum',
      Threshold: threshold,
      AlarmActions: [{ Ref: topicId }],
    });

  it("fire on any error the skill's code answered with an apology (HandlerError)", () =>
    skillAlarm('HandlerError', 1));

  it('fire when progress cannot be read or saved, past a single blip (StoreUnavailable)', () =>
    skillAlarm('StoreUnavailable', 3));

  it('notify the alarm topic, which e-mails the configured address', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: topicId },
    });
  });
});

describe('outputs', () => {
  it('give the function ARN and the table name', () => {
    template.hasOutput(OUTPUT_FUNCTION_ARN, { Value: { 'Fn::GetAtt': [functionId, 'Arn'] } });
    template.hasOutput(OUTPUT_TABLE_NAME, { Value: { Ref: tableId } });
  });
});

describe('cdk-nag AWS Solutions checks', () => {
  it('report no unacknowledged error or warning', () => {
    const report = new AwsSolutionsChecks().validateScope(fixture.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.severity}`)).toEqual([]);
  });

  it('acknowledge every accepted finding with a written reason', () => {
    const acknowledged: Record<string, string> = {};
    const visit = (node: IConstruct) => {
      for (const entry of node.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          Object.assign(acknowledged, entry.data as Record<string, string>);
        }
      }
      node.node.children.forEach(visit);
    };
    visit(fixture.app);
    expect(Object.keys(acknowledged).length).toBeGreaterThan(0);
    for (const reason of Object.values(acknowledged)) {
      expect(reason.length).toBeGreaterThan(40);
    }
  });
});
