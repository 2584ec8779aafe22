import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { RETENTION_BATCH } from 'src/database/batched-delete';
import { JobLock } from 'src/database/job-lock';
import { RetentionSweeper } from 'src/database/retention-sweeper';
import { MetricsService } from 'src/metrics/metrics.service';
import { RateLimitCleanupJob } from './rate-limit-cleanup.job';
import { RateLimitService } from './rate-limit.service';

describe('RateLimitCleanupJob', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  let cutoffs: Date[];
  let backlog: number;
  let lockHeldElsewhere: boolean;
  let metrics: MetricsService;
  let sut: RateLimitCleanupJob;

  beforeEach(() => {
    cutoffs = [];
    lockHeldElsewhere = false;
    metrics = new MetricsService();
    const rateLimits = {
      deleteOlderThan: async (_manager: EntityManager, cutoff: Date, batch: number) => {
        cutoffs.push(cutoff);
        const deleted = Math.min(batch, backlog);
        backlog -= deleted;
        return deleted;
      },
    } as unknown as RateLimitService;
    const lock = { runExclusive: async <T>(_name: string, job: () => Promise<T>) => (lockHeldElsewhere ? undefined : job()) } as unknown as JobLock;
    const config = { retention: { rateLimitHours: 48, finishedSessionDays: 90 } } as AppConfig;
    sut = new RateLimitCleanupJob(rateLimits, new RetentionSweeper(lock, { manager: {} } as DataSource, metrics), config);
  });

  async function deletedCounted(): Promise<number> {
    return (await metrics.retentionDeleted.get()).values.find((v) => v.labels.table === 'rate_limits')?.value ?? 0;
  }

  it('deletes the windows older than the retention in batches until the backlog is gone, and counts them', async () => {
    backlog = 2 * RETENTION_BATCH + 5;

    await expect(sut.run(now)).resolves.toBe(2 * RETENTION_BATCH + 5);

    expect(cutoffs).toEqual([0, 1, 2].map(() => new Date('2026-12-03T12:00:00Z')));
    await expect(deletedCounted()).resolves.toBe(2 * RETENTION_BATCH + 5);
  });

  it('does nothing while another instance runs it', async () => {
    backlog = 5;
    lockHeldElsewhere = true;

    await expect(sut.run(now)).resolves.toBe(0);
    expect(cutoffs).toEqual([]);
  });
});
