import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, METRICS_SERVICE, type MetricName } from '../../lambda/src/util/metrics';
import { DURATION_ALARM_MS, STORE_UNAVAILABLE_ALARM } from './limits';

export interface AlarmTargets {
  readonly fn: lambda.IFunction;
  readonly table: dynamodb.ITable;
  readonly topic: sns.ITopic;
}

const PERIOD = Duration.minutes(5);

/** One of the skill's own counts (EMF, written by Powertools with its `service` dimension). */
const skillMetric = (name: MetricName): cloudwatch.Metric =>
  new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE },
    statistic: cloudwatch.Stats.SUM,
    period: PERIOD,
  });

/**
 * What a user would notice: the skill failing (errors: the function's, and those the skill
 * answered with a spoken apology), not answering (throttles), about to time out (slow
 * p99), or not keeping progress (the store out of reach, table throttling).
 */
export function addAlarms(scope: Construct, targets: AlarmTargets): cloudwatch.Alarm[] {
  const group = new Construct(scope, 'Alarms');
  const { fn, table } = targets;

  const alarms = [
    new cloudwatch.Alarm(group, 'FunctionErrors', {
      alarmDescription: 'The skill function threw or timed out: users heard an error.',
      metric: fn.metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    new cloudwatch.Alarm(group, 'HandlerErrors', {
      alarmDescription:
        "The skill's code failed on a request and answered with an apology (or Alexa reported an invalid response).",
      metric: skillMetric('HandlerError'),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    new cloudwatch.Alarm(group, 'StoreUnavailable', {
      alarmDescription:
        'Progress could not be read or saved after the SDK retries: users were greeted without it or told it was not saved.',
      metric: skillMetric('StoreUnavailable'),
      threshold: STORE_UNAVAILABLE_ALARM,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    new cloudwatch.Alarm(group, 'FunctionThrottles', {
      alarmDescription: 'Invocations were throttled: Alexa got no answer from the skill.',
      metric: fn.metricThrottles({ period: PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    new cloudwatch.Alarm(group, 'FunctionDurationP99', {
      alarmDescription: `p99 duration above ${DURATION_ALARM_MS} ms: close to the timeout and Alexa's 8 s limit.`,
      metric: fn.metricDuration({ period: PERIOD, statistic: cloudwatch.Stats.p(99) }),
      threshold: DURATION_ALARM_MS,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // Two periods in a row: one slow cold start burst should not page anyone.
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
    new cloudwatch.Alarm(group, 'TableThrottles', {
      alarmDescription: 'DynamoDB throttled reads or writes of user progress.',
      metric: new cloudwatch.MathExpression({
        label: 'Read + write throttle events',
        expression: 'reads + writes',
        usingMetrics: {
          reads: table.metric('ReadThrottleEvents', { statistic: cloudwatch.Stats.SUM }),
          writes: table.metric('WriteThrottleEvents', { statistic: cloudwatch.Stats.SUM }),
        },
        period: PERIOD,
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
  ];

  const action = new actions.SnsAction(targets.topic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
  }
  return alarms;
}
