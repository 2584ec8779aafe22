import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { JobLock } from 'src/database/job-lock';
import { SESSION_IDLE_MINUTES, SessionsService } from './sessions.service';

/** Every minute, on one instance: sessions idle for 30 minutes expire, and their owners are told. */
@Injectable()
export class SessionExpiryJob {
  private readonly logger = new Logger(SessionExpiryJob.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly lock: JobLock,
    private readonly dataSource: DataSource,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
    const expired = (await this.lock.runExclusive('session-expiry', () => this.sessions.expireIdle(this.dataSource.manager, cutoff))) ?? [];
    await this.sessions.notifyEnded(expired, 'expired').catch((error: Error) => this.logger.error(error.stack ?? error.message));
    if (expired.length > 0) this.logger.log(`Expired ${expired.length} idle sessions`);
    return expired.length;
  }
}
