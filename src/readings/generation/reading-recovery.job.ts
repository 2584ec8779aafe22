import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { READING_SESSION } from 'src/sessions/session-types';
import { SessionsService } from 'src/sessions/sessions.service';
import { ReadingConversation } from '../flow/reading-conversation';
import { ReadingGeneratorService } from './reading-generator.service';
import { ReadingStoreService } from './reading-store.service';

/** A generation not finished this long after its questions were answered is presumed cut off. */
const LEASE_MINUTES = 2;
const MAX_ATTEMPTS = 3;
const BATCH = 10;

/**
 * Picks up readings whose questions were answered but which were never stored (the instance
 * writing them crashed or was stopped). Each is claimed by exactly one instance (`FOR UPDATE
 * SKIP LOCKED`, then a lease), handed to the generator again, and charged only when stored
 * complete; after three attempts it ends as `error`, uncharged.
 */
@Injectable()
export class ReadingRecoveryJob {
  private readonly logger = new Logger(ReadingRecoveryJob.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly store: ReadingStoreService,
    private readonly generator: ReadingGeneratorService,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async run(): Promise<number> {
    const claimed = await this.sessions.claimIdle(READING_SESSION, { step: 'generating' }, LEASE_MINUTES, BATCH);
    const retried = [];
    for (const session of claimed) {
      const data = session.data as unknown as ReadingConversation;
      if (data.attempts > MAX_ATTEMPTS) {
        await this.store.fail(session.userId, session.id, data.readingId, `READ001: gave up after ${MAX_ATTEMPTS} attempts`);
      } else {
        retried.push(session);
      }
    }
    for (const job of await this.store.jobs(retried)) {
      this.logger.log(`Recovering reading ${job.readingId}`);
      await this.generator.generate(job).catch((error: Error) => this.logger.error(error.message));
    }
    return claimed.length;
  }
}
