import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { I18nService } from 'src/common/i18n/i18n.service';
import { RateLimitService } from 'src/rate-limit/rate-limit.service';
import { READING_SESSION } from 'src/sessions/session-types';
import { SessionEndReason, SessionsService } from 'src/sessions/sessions.service';
import { UserSession } from 'src/sessions/user-session.entity';
import { NotifierService } from 'src/telegram/notifier.service';
import { UsersService } from 'src/users/users.service';
import { READING_GRACE_SECONDS } from './reading-flow.service';
import { ReadingConversation } from './reading-conversation';
import { ReadingsService } from '../readings.service';

/**
 * A reading conversation that ends without the reading flow (/cancel, or left idle): its reading
 * is interrupted, nothing charged. /cancel answers for itself; a user whose reading expired is
 * told here. The sessions module knows no readings, so it tells whoever listens.
 */
@Injectable()
export class ReadingInterruptionsService implements OnModuleInit {
  private readonly logger = new Logger(ReadingInterruptionsService.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly readings: ReadingsService,
    private readonly rateLimits: RateLimitService,
    private readonly users: UsersService,
    private readonly notifier: NotifierService,
    private readonly i18n: I18nService,
  ) {}

  onModuleInit(): void {
    this.sessions.onEnded((ended, reason) => this.interrupt(ended, reason));
  }

  async interrupt(ended: UserSession[], reason: SessionEndReason): Promise<void> {
    const readings = ended.filter((s) => s.sessionType === READING_SESSION && s.data);
    const ids = readings.map((s) => (s.data as unknown as ReadingConversation).readingId);
    if (reason === 'cancelled') {
      const now = Date.now();
      for (const session of readings) {
        if ((now - new Date(session.startedAt).getTime()) / 1000 < READING_GRACE_SECONDS) {
          await this.rateLimits.release(session.userId, 'reading', session.startedAt);
        }
      }
    }
    const owners = new Set((await this.readings.interrupt(ids)).map((r) => r.userId));
    if (reason !== 'expired') return;
    for (const userId of owners) await this.tellExpired(userId);
  }

  private async tellExpired(userId: number): Promise<void> {
    const user = await this.users.findById(userId);
    if (user?.status !== 'active') return;
    const language = this.i18n.resolveLanguage(user.preferences?.language);
    await this.notifier
      .send(user.telegramId, this.i18n.t(language, 'read.expired'))
      .catch((error: Error) => this.logger.warn(`Could not tell user ${userId} their reading expired: ${error.message}`));
  }
}
