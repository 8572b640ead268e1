import { emfMetrics, METRICS_NAMESPACE } from '../../lambda/src/util/metrics';

/**
 * The metrics an operator alarms on reach CloudWatch as embedded metric format lines on
 * standard output, where Lambda's log stream carries them: checked here as CloudWatch
 * would read them.
 */

interface Emf {
  readonly _aws: {
    readonly CloudWatchMetrics: readonly {
      readonly Namespace: string;
      readonly Dimensions: readonly (readonly string[])[];
      readonly Metrics: readonly { readonly Name: string; readonly Unit: string }[];
    }[];
  };
  readonly [field: string]: unknown;
}

const written = (run: () => void): Emf[] => {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Emf);
};

describe('EMF metrics', () => {
  it('a published count is one EMF line in the namespace the alarms watch, with the service dimension', () => {
    const metrics = emfMetrics();
    const [line, ...rest] = written(() => {
      metrics.count('HandlerError');
      metrics.count('StoreUnavailable');
      metrics.count('StoreUnavailable');
      metrics.publish();
    });
    expect(rest).toEqual([]);
    const directive = line?._aws.CloudWatchMetrics[0];
    expect(directive?.Namespace).toBe(METRICS_NAMESPACE);
    expect(directive?.Dimensions).toEqual([['service']]);
    expect(directive?.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'HandlerError', Unit: 'Count' },
        { Name: 'StoreUnavailable', Unit: 'Count' },
      ]),
    );
    expect(line?.service).toBe('back-hip-coach');
    expect(line?.HandlerError).toBe(1);
    // Two counts in one invocation add up (Powertools writes repeated values as a list).
    const store = line?.StoreUnavailable;
    expect(Array.isArray(store) ? (store as number[]).reduce((a, b) => a + b, 0) : store).toBe(2);
  });

  it('an invocation that counted nothing writes nothing', () => {
    const metrics = emfMetrics();
    expect(written(() => metrics.publish())).toEqual([]);
  });
});
