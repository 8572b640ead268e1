import { Metrics as Emf, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Where the skill's own metrics live in CloudWatch (the alarms use the same names). */
export const METRICS_NAMESPACE = 'BackHipCoach';
export const METRICS_SERVICE = 'back-hip-coach';

/**
 * What an operator must see, as counts only: the store could not be reached, a request
 * failed in the skill's code, someone was sent to emergency care, a routine was coached to
 * its end. Nothing about who, or what they said.
 */
export const METRIC_NAMES = [
  'StoreUnavailable',
  'HandlerError',
  'EmergencyAdvised',
  'RoutineCompleted',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface Metrics {
  count(name: MetricName): void;
  /** Writes what was counted since the last call (once per invocation); nothing when nothing was. */
  publish(): void;
}

/** CloudWatch embedded metric format on standard output, by Powertools for AWS Lambda. */
export const emfMetrics = (): Metrics => {
  const emf = new Emf({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  let counted = false;
  return {
    count: (name) => {
      emf.addMetric(name, MetricUnit.Count, 1);
      counted = true;
    },
    publish: () => {
      // Powertools warns on every empty flush; most invocations count nothing.
      if (!counted) return;
      counted = false;
      emf.publishStoredMetrics();
    },
  };
};

export const noMetrics: Metrics = { count: () => undefined, publish: () => undefined };
