import { ConfigError, loadConfig } from '../../src/config/app-config';
import { quantile } from '../../src/metrics/api-metrics.service';
import { OTHER_LABEL, PLATFORM_LABEL, ProvinceLabels } from '../../src/metrics/province-labels';
import { boardAction } from '../../src/queue-board/queue-board-access';

/** The pure parts of the metrics and the dashboard: configuration, label bounds, p95, audit action names. */
describe('metrics configuration and helpers', () => {
  it('reads METRICS_ALLOWED_NETWORKS as a list of CIDR blocks and refuses anything else, naming the variable', () => {
    const config = loadConfig({
      METRICS_ALLOWED_NETWORKS: ' 10.0.0.0/8 , fd00::/8,192.168.1.7/32 ',
      METRICS_PROVINCE_LABEL_LIMIT: '12',
    });
    expect(config.metrics).toMatchObject({
      allowedNetworks: ['10.0.0.0/8', 'fd00::/8', '192.168.1.7/32'],
      provinceLabelLimit: 12,
    });
    expect(loadConfig({}).metrics.allowedNetworks).toEqual([]);
    for (const bad of ['10.0.0.0', '10.0.0.0/33', 'intranet', '10.0.0.0/8,,nope/1']) {
      expect(() => loadConfig({ METRICS_ALLOWED_NETWORKS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ METRICS_ALLOWED_NETWORKS: bad })).toThrow(/METRICS_ALLOWED_NETWORKS/);
    }
    expect(() => loadConfig({ METRICS_PROVINCE_LABEL_LIMIT: '0' })).toThrow(/METRICS_PROVINCE_LABEL_LIMIT/);
    expect(() => loadConfig({ PROVINCE_STATS_CACHE_SECONDS: '-1' })).toThrow(/PROVINCE_STATS_CACHE_SECONDS/);
  });

  it('gives the first provinces their own label, the rest "other", and keeps reserved values as they are', () => {
    const labels = new ProvinceLabels(2);
    const given = ['kp', 'gb', 'ajk', 'kp'].map((slug) => labels.label(slug));
    expect(given).toEqual(['kp', 'gb', OTHER_LABEL, 'kp']);
    expect(labels.relabel(PLATFORM_LABEL)).toBe(PLATFORM_LABEL);
    expect(labels.relabel('sindh')).toBe(OTHER_LABEL);
  });

  it('estimates a quantile from cumulative buckets as histogram_quantile does', () => {
    expect(quantile(0.95, new Map())).toBeNull();
    // 100 requests: 50 under 0.1 s, 90 under 0.5 s, all under 1 s → p95 halfway through (0.5, 1].
    expect(
      quantile(
        0.95,
        new Map([
          [0.1, 50],
          [0.5, 90],
          [1, 100],
          [Infinity, 100],
        ]),
      ),
    ).toBeCloseTo(0.75);
    // Beyond the largest finite bucket only that bound is known.
    expect(
      quantile(
        0.95,
        new Map([
          [0.1, 1],
          [Infinity, 100],
        ]),
      ),
    ).toBe(0.1);
  });

  it("names a dashboard action after its route's words, job actions apart", () => {
    expect(boardAction('/api/queues/:queueName/retry/:queueStatus')).toBe('queues.retry');
    expect(boardAction('/api/queues/:queueName/:jobId/retry')).toBe('queues.job-retry');
    expect(boardAction('/api/queues/pause')).toBe('queues.pause');
    expect(boardAction('/api/queues/:queueName/job-schedulers/:schedulerId')).toBe('queues.job-schedulers');
    expect(boardAction('/api/metrics/history/purge')).toBe('queues.metrics-history-purge');
  });
});
