import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { addAlarms } from './alarms';
import { FUNCTION_TIMEOUT_SECONDS, TABLE_ITEM_ACTIONS } from './limits';
import { OUTPUT_FUNCTION_ARN, OUTPUT_TABLE_NAME } from './names';

export interface CoachStackProps extends StackProps {
  /** The Alexa skill id (amzn1.ask.skill.…): only this skill may invoke the function. */
  readonly skillId: string;
  /** Directory holding the esbuild bundle (index.js); dist/lambda in the real app. */
  readonly lambdaCodePath: string;
  /** Where alarm notifications are e-mailed; no subscription when absent. */
  readonly alarmEmail?: string;
}

/** The skill's backend: one DynamoDB table, one Lambda function, its Alexa trigger, alarms. */
export class CoachStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly fn: lambda.Function;
  public readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: CoachStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, 'UserTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      // Voice traffic is spiky and small: pay per request, nothing to size or scale.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // AWS managed KMS key (aws/dynamodb): every use of the key is visible in CloudTrail,
      // with no key policy to maintain and no monthly key fee. The table holds exercise
      // progress only (never symptom answers or pain scores), so a customer managed key's
      // extra control (revoking access by disabling the key) is not worth its cost here.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    });

    const logGroup = new logs.LogGroup(this, 'FunctionLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
    });

    // An own role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group); this role can write to its
    // own log group and touch its own table's items, nothing else.
    const role = new iam.Role(this, 'FunctionRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Back & Hip Coach skill function: its log group and its table items only',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group's ARN ends in ":*", covering the streams Lambda names at run time.
        resources: [logGroup.logGroupArn],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: TABLE_ITEM_ACTIONS.map((action) => `dynamodb:${action}`),
        resources: [this.table.tableArn],
      }),
    );

    this.fn = new lambda.Function(this, 'SkillFunction', {
      description: 'Back & Hip Coach Alexa skill',
      runtime: lambda.Runtime.NODEJS_22_X,
      // Graviton: about 20% cheaper per GB-second than x86; the bundle is plain JavaScript.
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(props.lambdaCodePath),
      // Alexa waits 8 s for a response; stop before that so the failure is ours (logged,
      // alarmed) rather than a silent timeout on the device.
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      // Chosen from measurement (npm run bench): peak RSS is 85-94 MiB after a 50-turn
      // session and levels off near 120 MiB in long-lived containers, so 256 MB would fit.
      // But Lambda gives CPU in proportion to memory and the cold start is CPU-bound (about
      // 55 ms of module load plus 40-55 ms for the first request with its DynamoDB read at a
      // full core here); 512 MB buys a third of a vCPU instead of a sixth, keeping a cold
      // first turn well inside Alexa's 8 s at a cost of fractions of a cent per session.
      memorySize: 512,
      role,
      logGroup,
      environment: {
        TABLE_NAME: this.table.tableName,
        SKILL_ID: props.skillId,
      },
    });
    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the skill is built, bundled (esbuild target node22) and ' +
        'benchmarked for (DESIGN.md); it is supported by Lambda. Moving to a newer runtime ' +
        'is a deliberate change together with the build target and the benchmarks.',
    });

    // The Alexa Skills Kit trigger: only requests signed for this skill id may invoke.
    this.fn.addPermission('AlexaSkillsKitTrigger', {
      principal: new iam.ServicePrincipal('alexa-appkit.amazon.com'),
      action: 'lambda:InvokeFunction',
      eventSourceToken: props.skillId,
    });

    // Not KMS-encrypted on purpose: it carries only alarm state changes (name, metric,
    // threshold), no user data, and CloudWatch cannot publish to a topic encrypted with the
    // AWS managed SNS key; a customer managed key would cost more than the data warrants.
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Back & Hip Coach alarms',
      enforceSSL: true,
    });
    if (props.alarmEmail !== undefined) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }

    addAlarms(this, { fn: this.fn, table: this.table, topic: this.alarmTopic });

    new CfnOutput(this, OUTPUT_FUNCTION_ARN, {
      value: this.fn.functionArn,
      description: 'Lambda ARN for the skill manifest endpoints (apis.custom and events)',
    });
    new CfnOutput(this, OUTPUT_TABLE_NAME, {
      value: this.table.tableName,
      description: 'DynamoDB table holding user progress',
    });
  }
}
