import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig } from 'src/config/app-config';
import { RetentionSweeper } from 'src/database/retention-sweeper';
import { RateLimitService } from './rate-limit.service';

/** Hourly, on one instance: windows older than the retention (RETENTION_RATE_LIMIT_HOURS, 48 h) are deleted. */
@Injectable()
export class RateLimitCleanupJob {
  constructor(
    private readonly rateLimits: RateLimitService,
    private readonly sweeper: RetentionSweeper,
    private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retention.rateLimitHours * 3600_000);
    return this.sweeper.sweep({
      job: 'rate-limit-cleanup',
      table: 'rate_limits',
      rows: 'old rate-limit windows',
      deleteBatch: (manager, batch) => this.rateLimits.deleteOlderThan(manager, cutoff, batch),
    });
  }
}
