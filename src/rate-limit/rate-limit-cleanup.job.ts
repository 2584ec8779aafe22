import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { JobLock } from 'src/database/job-lock.service';
import { RateLimitService } from './rate-limit.service';

const KEEP_HOURS = 48;

/** Hourly, on one instance: windows that ended more than two days ago are deleted. */
@Injectable()
export class RateLimitCleanupJob {
  private readonly logger = new Logger(RateLimitCleanupJob.name);

  constructor(
    private readonly rateLimits: RateLimitService,
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - KEEP_HOURS * 3600_000);
    const deleted = (await this.lock.runExclusive('rate-limit-cleanup', () => this.rateLimits.deleteOlderThan(this.dataSource.manager, cutoff))) ?? 0;
    if (deleted > 0) this.logger.log(`Deleted ${deleted} old rate-limit windows`);
    return deleted;
  }
}
