import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig } from 'src/config/app-config';
import { RetentionSweeper } from 'src/database/retention-sweeper';
import { SessionsService } from './sessions.service';

/**
 * Hourly, on one instance: conversations that ended (completed, expired, error) longer ago than
 * RETENTION_FINISHED_SESSIONS_DAYS (90) are deleted. Active ones are never touched; nothing
 * refers to a finished conversation (readings and the ledger keep their own rows).
 */
@Injectable()
export class SessionRetentionJob {
  constructor(
    private readonly sessions: SessionsService,
    private readonly sweeper: RetentionSweeper,
    private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR)
  run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retention.finishedSessionDays * 86_400_000);
    return this.sweeper.sweep({
      job: 'session-retention',
      table: 'user_sessions',
      rows: 'finished sessions',
      deleteBatch: (manager, batch) => this.sessions.deleteFinishedBefore(manager, cutoff, batch),
    });
  }
}
