import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AppConfig } from 'src/config/app-config';
import { deleteInBatches } from 'src/database/batched-delete';
import { JobLock } from 'src/database/job-lock';
import { MetricsService } from 'src/metrics/metrics.service';
import { SessionsService } from './sessions.service';

/**
 * Hourly, on one instance: conversations that ended (completed, expired, error) longer ago than
 * RETENTION_FINISHED_SESSIONS_DAYS (90) are deleted. Active ones are never touched; nothing
 * refers to a finished conversation (readings and the ledger keep their own rows).
 */
@Injectable()
export class SessionRetentionJob {
  private readonly logger = new Logger(SessionRetentionJob.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retention.finishedSessionDays * 86_400_000);
    const deleted =
      (await this.lock.runExclusive('session-retention', () =>
        deleteInBatches((batch) => this.sessions.deleteFinishedBefore(this.dataSource.manager, cutoff, batch)),
      )) ?? 0;
    this.metrics.retentionDeleted.inc({ table: 'user_sessions' }, deleted);
    if (deleted > 0) this.logger.log(`Deleted ${deleted} finished sessions`);
    return deleted;
  }
}
