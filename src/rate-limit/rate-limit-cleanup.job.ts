import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { deleteInBatches } from 'src/database/batched-delete';
import { JobLock } from 'src/database/job-lock';
import { MetricsService } from 'src/metrics/metrics.service';
import { RateLimitService } from './rate-limit.service';

/** Hourly, on one instance: windows older than the retention (RETENTION_RATE_LIMIT_HOURS, 48 h) are deleted. */
@Injectable()
export class RateLimitCleanupJob {
  private readonly logger = new Logger(RateLimitCleanupJob.name);

  constructor(
    private readonly rateLimits: RateLimitService,
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retention.rateLimitHours * 3600_000);
    const deleted =
      (await this.lock.runExclusive('rate-limit-cleanup', () =>
        deleteInBatches((batch) => this.rateLimits.deleteOlderThan(this.dataSource.manager, cutoff, batch)),
      )) ?? 0;
    this.metrics.retentionDeleted.inc({ table: 'rate_limits' }, deleted);
    if (deleted > 0) this.logger.log(`Deleted ${deleted} old rate-limit windows`);
    return deleted;
  }
}
