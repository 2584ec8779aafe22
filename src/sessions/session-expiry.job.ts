import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobLock } from 'src/database/job-lock.service';
import { UserSession } from './user-session.entity';
import { SESSION_IDLE_MINUTES, SessionsService } from './sessions.service';

export type SessionExpiryListener = (sessions: UserSession[]) => Promise<void>;

/** Every minute, on one instance: sessions idle for 30 minutes expire, and their owners are told. */
@Injectable()
export class SessionExpiryJob {
  private readonly logger = new Logger(SessionExpiryJob.name);
  private readonly listeners: SessionExpiryListener[] = [];

  constructor(
    private readonly sessions: SessionsService,
    private readonly lock: JobLock,
  ) {}

  /** Lets a module react to its expired sessions (a questionnaire's reading becomes interrupted). */
  onExpired(listener: SessionExpiryListener): void {
    this.listeners.push(listener);
  }

  @Cron(CronExpression.EVERY_MINUTE)
  async run(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
    const expired = (await this.lock.runExclusive('session-expiry', (m) => this.sessions.expireIdle(m, cutoff))) ?? [];
    for (const listener of this.listeners) {
      await listener(expired).catch((error: Error) => this.logger.error(error.stack ?? error.message));
    }
    if (expired.length > 0) this.logger.log(`Expired ${expired.length} idle sessions`);
    return expired.length;
  }
}
